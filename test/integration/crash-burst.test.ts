/** `npm run crash:burst` in small: two rounds of kill -9 during a burst of writes, then the checks. */
import { spawnSync } from 'child_process';
import * as path from 'path';

// Generous: it spawns hosts and kills them; on a loaded 2-core machine the same 12 s of CPU took 95 s of wall time.
jest.setTimeout(200_000);

it('two rounds of kill -9 lose no acknowledged write and leave no pending operation', () => {
  const root = path.resolve(__dirname, '../..');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/crash-burst.ts', '--runs', '2', '--burst', '8'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  console.log(run.stdout);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/crash-burst: 2 rounds, 2 kill -9/);
  expect(run.stdout).toMatch(/pending operations: \d+ before the repair sweep, 0 after/);
  expect(run.stdout).toMatch(/unfinished 0, errors 0/);
  expect(run.stdout).toContain('every acknowledged write present, no operation left pending, the archive chain verifies');
});
