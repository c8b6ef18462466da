/**
 * How the functions scale with the records around them (issue 10). For each size it seeds the demo
 * community, the same small set of things due (made through the API), and `size` more records
 * written straight into a fresh embedded store (none of them due); then it times, through the
 * functions' own `handle`, the hourly sweep, each role's todos and each list, and prints medians,
 * storage calls per request (counted at the adapter: CloudBase bills and limits by calls) and the
 * largest ÷ smallest ratio. It prints figures; it asserts nothing.
 *
 *   npm run bench                                      sizes 1000,10000,100000, 3 runs each
 *   npm run bench -- --sizes 200 --runs 1              a quick run (the test suite runs this)
 *   npm run bench -- --cap 5                           a call slower than 5 s is run once, then skipped at larger sizes
 *   npm run bench -- --disk                            also, at each size: first call and memory of a fresh process on the on-disk store
 *   npm run bench -- --disk 100000                     the same at that size only
 *   npm run bench -- --store nedb                      the former embedded store (NeDB; the table in memory), for comparison
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalRuntime } from '../cloudfunctions/_shared/local';
import { createNedbStorage } from '../cloudfunctions/_shared/storage/nedb';
import { closeSqliteStorage, createSqliteStorage } from '../cloudfunctions/_shared/storage/sqlite';
import type { Storage } from '../cloudfunctions/_shared/storage/port';
import { countingStore } from './bench/counting-store';
import { PROBES } from './bench/probes';
import { BENCH_NOW, caller, seededRuntime, timer } from './bench/seed';

const NOW = BENCH_NOW;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const SIZES = (arg('sizes') ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(arg('runs') ?? 3);
const CAP_MS = Number(arg('cap') ?? 10) * 1000;
const STORE = arg('store') === 'nedb' ? 'nedb' : 'sqlite';
const DISK = process.argv.includes('--disk');
const DISK_SIZES = /^[\d,]+$/.test(arg('disk') ?? '') ? arg('disk')!.split(',').map(Number) : SIZES;

/** The embedded store under test: on disk when given a folder; NeDB's table runs in memory, as before. */
const makeStore = (dir?: string): Storage => (STORE === 'nedb' ? createNedbStorage(dir) : createSqliteStorage(dir));

interface Figure {
  ms: number | null; // null: skipped (slower than the cap at a smaller size)
  capped: boolean;
  calls: number;
  note?: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function seeded(
  size: number,
  base: Storage,
): Promise<{ store: ReturnType<typeof countingStore>; rt: ReturnType<typeof createLocalRuntime>; seedMs: number }> {
  const store = countingStore(base);
  const t0 = performance.now();
  const rt = await seededRuntime(store.storage, size);
  return { store, rt, seedMs: performance.now() - t0 };
}

async function measureSize(size: number, slow: Set<string>): Promise<Map<string, Figure>> {
  // SQLite is measured as `npm start` runs it, on disk; the folder is kept for the first-call figure.
  const dir = STORE === 'sqlite' ? benchDir(size) : undefined;
  const base = makeStore(dir);
  const { store, rt, seedMs } = await seeded(size, base);
  const call = caller(rt);
  const out = new Map<string, Figure>();
  const mem = process.memoryUsage();
  console.error(
    `[bench] ${size}: seeded in ${(seedMs / 1000).toFixed(1)} s, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`,
  );
  for (const p of PROBES) {
    if (slow.has(p.name)) {
      out.set(p.name, { ms: null, capped: true, calls: 0 });
      continue;
    }
    const times: number[] = [];
    let calls = 0;
    let note: string | undefined;
    const runs = p.name === 'timer sweep (due set)' ? 1 : RUNS;
    for (let r = 0; r < runs; r++) {
      store.reset();
      const t0 = performance.now();
      const env = p.fn === 'timer' ? await timer(rt) : await call(p.fn, p.action, p.payload, p.as);
      times.push(performance.now() - t0);
      calls = store.calls();
      if (!env.ok) note = `error ${env.error.code}`;
      else if (p.fn === 'timer') note = `${(env.data as { alertsCreated: number }).alertsCreated} alerts`;
      if (times[times.length - 1]! > CAP_MS) break;
    }
    const ms = median(times);
    if (ms > CAP_MS) slow.add(p.name);
    out.set(p.name, { ms, capped: false, calls, note });
  }
  // Lets the fresh process of the first-call figure take the folder.
  closeSqliteStorage(base);
  return out;
}

const fmtMs = (f: Figure | undefined): string =>
  !f ? '' : f.ms === null ? `> ${CAP_MS / 1000} s` : f.ms >= 1000 ? `${(f.ms / 1000).toFixed(2)} s` : `${f.ms.toFixed(1)} ms`;

function printTable(results: Map<number, Map<string, Figure>>): void {
  const sizes = [...results.keys()];
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const head = ['call', ...sizes.map((s) => `${s}`), `ratio ${last}÷${first}`, ...sizes.map((s) => `calls@${s}`), 'note'];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const p of PROBES) {
    const figs = sizes.map((s) => results.get(s)!.get(p.name));
    const a = figs[0]?.ms;
    const b = figs[figs.length - 1]?.ms;
    const ratio = a && b !== null && b !== undefined ? (b / a).toFixed(2) : figs[figs.length - 1]?.capped ? '> cap' : 'n/a';
    const notes = [...new Set(figs.map((f) => f?.note).filter(Boolean))].join('; ');
    console.log(`| ${[p.name, ...figs.map(fmtMs), ratio, ...figs.map((f) => (f?.ms === null ? '' : String(f?.calls ?? ''))), notes].join(' | ')} |`);
  }
}

function printPackages(): void {
  const dir = path.resolve('dist/cloudfunctions');
  if (!fs.existsSync(dir)) {
    console.log('\nfunction packages: not built (npm run build:functions)');
    return;
  }
  console.log('\n| function package | bytes |\n|---|---|');
  for (const fn of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, fn, 'index.js');
    if (fs.existsSync(file)) console.log(`| ${fn} | ${fs.statSync(file).size} |`);
  }
}

/** On-disk folders seeded for the table (SQLite) and kept for the first-call figure, by size. */
const dirs = new Map<number, string>();
function benchDir(size: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${STORE}-`));
  dirs.set(size, dir);
  return dir;
}

/**
 * A fresh process on an on-disk store, as `npm start` opens it: time from process start (module
 * loading included) to the answer of a typical first page, an owner's home todos; then the staff
 * queue, the first call of another role; and memory after both.
 */
async function firstCallChild(dir: string): Promise<void> {
  const loadedAt = performance.now();
  const rt = createLocalRuntime({ dataDir: dir, store: makeStore(dir), clock: { now: () => NOW } });
  const call = caller(rt);
  const env = await call('session', 'todos', {}, 'p_owner_02');
  const sinceStart = performance.now();
  const cpu = process.cpuUsage();
  const queue = await call('inquiries', 'queue', {}, 'p_butler_1');
  const queueMs = performance.now() - sinceStart;
  const queueCpu = process.cpuUsage(cpu);
  global.gc?.();
  const m = process.memoryUsage();
  console.log(
    JSON.stringify({
      ok: env.ok && queue.ok,
      ms: sinceStart,
      callMs: sinceStart - loadedAt,
      cpuMs: (cpu.user + cpu.system) / 1000,
      queueMs,
      queueCpuMs: (queueCpu.user + queueCpu.system) / 1000,
      rssMB: m.rss / 2 ** 20,
      heapMB: m.heapUsed / 2 ** 20,
    }),
  );
}

interface DiskFigure {
  size: number;
  mb: number;
  ms: number;
  /** The part after the code was loaded: opening the store and answering. */
  callMs: number;
  /** CPU time of the process up to the answer: less swayed than wall time by a busy machine. */
  cpuMs: number;
  queueMs: number;
  queueCpuMs: number;
  rssMB: number;
  heapMB: number;
  ok: boolean;
}

async function diskFigure(size: number): Promise<DiskFigure> {
  let dir = dirs.get(size);
  if (!dir) {
    dir = benchDir(size);
    const t0 = performance.now();
    const store = makeStore(dir);
    await seeded(size, store);
    closeSqliteStorage(store);
    console.error(`[bench] on-disk ${size}: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const bytes = fs.readdirSync(dir).reduce((s, f) => s + (fs.statSync(path.join(dir, f)).isFile() ? fs.statSync(path.join(dir, f)).size : 0), 0);
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--first-call', dir, '--store', STORE], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as Omit<DiskFigure, 'size' | 'mb'>;
  return { size, mb: bytes / 2 ** 20, ...r };
}

function printDisk(figures: DiskFigure[]): void {
  console.log(`\nlocal host, a fresh process on the on-disk store (${STORE}): first call after start / RSS\n`);
  console.log(
    '| records | files | first call after start (owner todos) | of which store open + call | CPU to answer | then staff queue (CPU) | rss | heap |\n|---|---|---|---|---|---|---|---|',
  );
  for (const f of figures) {
    console.log(
      `| ${f.size} | ${f.mb.toFixed(0)} MB | ${(f.ms / 1000).toFixed(2)} s${f.ok ? '' : ' (call failed)'} | ${(f.callMs / 1000).toFixed(2)} s | ${(f.cpuMs / 1000).toFixed(2)} s | ${f.queueMs.toFixed(0)} ms (${f.queueCpuMs.toFixed(0)} ms) | ${f.rssMB.toFixed(0)} MB | ${f.heapMB.toFixed(0)} MB |`,
    );
  }
}

async function main(): Promise<void> {
  const child = arg('first-call');
  if (child) return firstCallChild(child);
  const results = new Map<number, Map<string, Figure>>();
  const slow = new Set<string>();
  for (const size of SIZES) results.set(size, await measureSize(size, slow));
  console.log(`\nbench: medians of ${RUNS} run(s) per call (the first sweep: 1 run), node ${process.version}, ${os.cpus().length} cpu\n`);
  printTable(results);
  printPackages();
  try {
    if (DISK) {
      const figures: DiskFigure[] = [];
      for (const size of DISK_SIZES) figures.push(await diskFigure(size));
      printDisk(figures);
    }
  } finally {
    for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
