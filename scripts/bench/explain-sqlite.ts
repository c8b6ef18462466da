/**
 * The SQLite side of explain.ts: for each storage call a bench call makes, its SQL, time, rows
 * returned and SQLite's query plan (EXPLAIN QUERY PLAN), on the store the bench measures. A plan line
 * with SCAN (no index), "USE TEMP B-TREE FOR ORDER BY" (sorts every match before a LIMIT) or a
 * time that grows with the size names the query to fix.
 *
 *   npx tsx scripts/bench/explain-sqlite.ts 100000 'todos: head' 'workbench.list (head)'
 *   npx tsx scripts/bench/explain-sqlite.ts 100000 --slow 2        only statements over 2 ms (plans always printed for SCAN / TEMP B-TREE)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Database } from 'node-sqlite3-wasm';
import { closeSqliteStorage, createSqliteStorage } from '../../cloudfunctions/_shared/storage/sqlite';
import { caller, seededRuntime, timer } from './seed';
import { PROBES } from './probes';

interface Traced {
  __sql?: string;
  _db: Database;
  all(values?: unknown[], o?: object): Array<Record<string, unknown>>;
  run(values?: unknown[]): unknown;
}

let log: string[] | null = null;
let minMs = 0;

function trace(): void {
  const dbProto = Database.prototype as unknown as { prepare(sql: string): Traced };
  const prepare = dbProto.prepare;
  let stmtProto: Traced | undefined;
  dbProto.prepare = function (this: Database, sql: string) {
    const s = prepare.call(this, sql);
    s.__sql = sql;
    if (!stmtProto) {
      stmtProto = Object.getPrototypeOf(s) as Traced;
      const all = stmtProto.all;
      stmtProto.all = function (this: Traced, values?: unknown[], o?: object) {
        const t0 = performance.now();
        const rows = all.call(this, values, o);
        const ms = performance.now() - t0;
        if (log && this.__sql && /^SELECT/i.test(this.__sql)) {
          const plan = all.call(prepare.call(this._db, `EXPLAIN QUERY PLAN ${this.__sql}`), values).map((r) => String(r.detail));
          const bad = plan.some((p) => /^SCAN (?!.*USING)|TEMP B-TREE/.test(p));
          if (ms >= minMs || bad) {
            log.push(`${ms.toFixed(2).padStart(8)} ms  rows ${String(rows.length).padStart(4)}  ${this.__sql.replace(/\s+/g, ' ').slice(0, 400)}`);
            log.push(`${' '.repeat(14)}params ${JSON.stringify(values).slice(0, 200)}`);
            for (const p of plan) log.push(`${' '.repeat(14)}${bad && /^SCAN (?!.*USING)|TEMP B-TREE/.test(p) ? '!! ' : '   '}${p}`);
          }
        }
        return rows;
      };
    }
    return s;
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const slowAt = args.indexOf('--slow');
  if (slowAt >= 0) minMs = Number(args.splice(slowAt, 2)[1]);
  const [sizeArg, ...names] = args;
  const size = Number(sizeArg ?? 10000);
  trace();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-sqlite-'));
  const store = createSqliteStorage(dir);
  try {
    const rt = await seededRuntime(store, size);
    const call = caller(rt);
    for (const p of PROBES.filter((x) => names.length === 0 || names.includes(x.name))) {
      const once = () => (p.fn === 'timer' ? timer(rt) : call(p.fn, p.action, p.payload, p.as));
      if (p.fn !== 'timer') await once(); // warm the page cache, as the bench's medians are
      log = [];
      const t0 = performance.now();
      const env = await once();
      const lines = log;
      log = null;
      console.log(`\n## ${p.name}: ${(performance.now() - t0).toFixed(1)} ms${env.ok ? '' : ` ERROR ${env.error.code}`}`);
      for (const l of lines) console.log(l);
    }
  } finally {
    closeSqliteStorage(store);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
