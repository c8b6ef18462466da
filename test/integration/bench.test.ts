import { execFileSync } from 'child_process';
import * as path from 'path';

/** The benchmark runs (at a small size: it prints figures, CI only proves it works). */
it('npm run bench prints a row per call with a time, a ratio and storage calls per size', () => {
  const root = path.resolve(__dirname, '../..');
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench.ts', '--sizes', '100,200', '--runs', '1', '--disk'],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 180_000,
    },
  );
  // The figures table: from its header to the first blank line (the package sizes follow).
  const lines = out.split('\n');
  const head = lines.findIndex((l) => l.startsWith('| call |'));
  const end = lines.findIndex((l, i) => i > head && l.trim() === '');
  const calls = lines.slice(head + 2, end);
  expect(calls.length).toBeGreaterThanOrEqual(18);
  for (const row of calls) {
    const cells = row.split('|').map((c) => c.trim());
    expect(cells[2]).toMatch(/^[\d.]+ (ms|s)$/);
    expect(cells[3]).toMatch(/^[\d.]+ (ms|s)$/);
    expect(Number(cells[4])).not.toBeNaN();
    expect(Number(cells[6])).toBeGreaterThan(0);
  }
  expect(out).toMatch(/\| timer sweep \(due set\) .*\d+ alerts/);
  // A fresh process on the on-disk store at each size: first call after start, then memory.
  for (const size of [100, 200]) {
    const row = lines.find((l) => l.startsWith(`| ${size} |`));
    expect(row).toMatch(/^\| \d+ \| \d+ MB \| [\d.]+ s \| [\d.]+ s \| [\d.]+ s \| \d+ ms \(\d+ ms\) \| \d+ MB \| \d+ MB \|$/);
  }
}, 200_000);
