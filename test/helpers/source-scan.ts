import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

function walk(dir: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Every TypeScript file under the given folders, as paths relative to the repository root. */
export function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((d) => walk(path.join(ROOT, d), [])).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
}

export interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Code lines (comments left out: they may explain a rule in its own words) matching `pattern`. */
export function findInCode(files: readonly string[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const code = text.trim();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
      if (pattern.test(text.replace(/\s\/\/ .*$/, ''))) hits.push({ file, line: i + 1, text: code });
    });
  }
  return hits;
}
