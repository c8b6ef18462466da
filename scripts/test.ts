import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * `npm test`: every test, in one command.
 *  1. jest, all projects (pure domain + functions on the embedded store + storage contract);
 *  2. the pure domain again under TZ=UTC and TZ=America/Los_Angeles — every date rule must hold
 *     in Asia/Shanghai whatever zone the server runs in;
 *  3. the browser tests (H5 build + local host + Chromium via playwright-core: the machine's, else
 *     @sparticuz/chromium from npm; see test/browser/chromium.ts).
 * Prints one closing line "N passed, N failed" and exits non-zero if anything failed.
 */
interface Run {
  label: string;
  args: string[];
  env?: Record<string, string>;
}

const runs: Run[] = [
  { label: 'unit + integration + contract', args: [] },
  { label: 'domain under TZ=UTC', args: ['--selectProjects', 'domain'], env: { TZ: 'UTC' } },
  { label: 'domain under TZ=America/Los_Angeles', args: ['--selectProjects', 'domain'], env: { TZ: 'America/Los_Angeles' } },
  { label: 'browser', args: ['-c', 'jest.browser.config.js', '--runInBand'] },
];

const only = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wy-test-'));
let passed = 0;
let failed = 0;
let broken = false;

for (const [i, run] of runs.entries()) {
  if (only.length && !only.some((o) => run.label.includes(o))) continue;
  const out = path.join(dir, `${i}.json`);
  console.log(`\n=== ${run.label} ===`);
  const res = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...run.args, '--json', `--outputFile=${out}`], {
    stdio: 'inherit',
    env: { ...process.env, ...run.env },
  });
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (!r.success || r.numTotalTests === 0) broken = true;
  } else broken = true;
  if (res.status !== 0) broken = true;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
