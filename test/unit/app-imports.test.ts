/**
 * What the mini-program's pages load at run time. Every subpackage must stay under WeChat's size
 * limit, and two libraries alone would break it: zod (~97 KB: forms rely on the server's
 * INVALID_INPUT answer, whose message names the field) and chinese-days (~28 KB: deadline previews
 * come from the server, which also applies the administrator's calendar corrections). Type-only
 * imports cost nothing and are allowed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT, sourceFiles } from '../helpers/source-scan';

const FORBIDDEN = ['zod', 'chinese-days'];

function resolveLocal(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith('@domain/')) base = path.join(ROOT, 'src/domain', spec.slice('@domain/'.length));
  else if (spec.startsWith('@/')) base = path.join(ROOT, 'src', spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Module specifiers a file loads at run time (type-only imports and re-exports left out). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && !s.isTypeOnly) {
      out.push(s.moduleSpecifier.text);
    }
  }
  return out;
}

/** Each package a page reaches, with the chain of files that brings it in. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(ROOT, file)];
    for (const spec of valueImports(file)) {
      const local = resolveLocal(spec, file);
      if (local) walk(local, here);
      else if (!spec.startsWith('.') && !spec.startsWith('@/') && !spec.startsWith('@domain/')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!reached.has(name)) reached.set(name, here);
      }
    }
  };
  walk(path.join(ROOT, entry), []);
  return reached;
}

const entries = ['src/app.tsx', ...sourceFiles('src/pages', 'src/packages').filter((f) => f.endsWith('/index.tsx'))];

describe('what the pages load at run time', () => {
  it.each(entries)('%s reaches neither zod nor chinese-days', (entry) => {
    const reached = packagesReached(entry);
    const offending = FORBIDDEN.filter((p) => reached.has(p)).map((p) => `${p} via ${reached.get(p)!.join(' → ')}`);
    expect(offending).toEqual([]);
  });

  it('sees a value import through a relative path and @domain, and skips type-only ones', () => {
    // The shared contract loads zod; a page importing only its types does not.
    expect(packagesReached('src/domain/api/fees.ts').get('zod')).toEqual(['src/domain/api/fees.ts']);
    expect(packagesReached('src/domain/calendar.ts').has('chinese-days')).toBe(true);
    expect(packagesReached('src/stores/session.ts').has('zod')).toBe(false);
  });
});
