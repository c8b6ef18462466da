import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');

function newestMtime(target: string): { mtime: number; file: string } {
  let best = { mtime: 0, file: '' };
  const walk = (p: string): void => {
    const s = fs.statSync(p);
    if (s.isDirectory()) fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
    else if (s.mtimeMs > best.mtime) best = { mtime: s.mtimeMs, file: p };
  };
  if (fs.existsSync(target)) walk(target);
  return best;
}

/** Why dist/h5 must be rebuilt, or null when it is newer than everything that shapes it. */
export function h5StaleReason(): string | null {
  if (!fs.existsSync(H5_INDEX)) return 'dist/h5/index.html is missing';
  const newest = ['src', 'config', 'babel.config.js'].map((p) => newestMtime(path.join(ROOT, p))).sort((a, b) => b.mtime - a.mtime)[0]!;
  return fs.statSync(H5_INDEX).mtimeMs < newest.mtime ? `${path.relative(ROOT, newest.file)} is newer than dist/h5` : null;
}

/**
 * Builds the H5 app when it is stale — for `npm start` and the browser tests alike. Always the
 * production build: jest sets NODE_ENV=test, which would pull in React Refresh without its runtime.
 * `quiet` keeps webpack's progress output for the failure message only.
 */
export function ensureH5Build({ quiet = false }: { quiet?: boolean } = {}): void {
  const reason = h5StaleReason();
  if (!reason) return;
  console.log(`[h5] ${reason}: running npm run build:h5 …`);
  const started = Date.now();
  try {
    execSync('npm run build:h5', {
      cwd: ROOT,
      stdio: quiet ? 'pipe' : 'inherit',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    const tail = `${out.stdout?.toString() ?? ''}\n${out.stderr?.toString() ?? ''}`.split('\n').slice(-60).join('\n');
    // The build's own output is the cause worth showing; tsconfig's lib (ES2020, as the app) has no `cause`.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`npm run build:h5 failed:\n${tail}`);
  }
  console.log(`[h5] build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
