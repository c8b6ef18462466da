/**
 * Which queries a call makes and how many records the embedded store's planner hands each one to
 * filter (its candidate set): a candidate set that grows with the size is the query to fix.
 *
 *   npx tsx scripts/bench/explain.ts 100000 'todos: head' 'workbench.list (head)'
 */
import Datastore from '@seald-io/nedb';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { rawStorage, typedStorage, type RawStorage } from '../../cloudfunctions/_shared/storage/port';
import { caller, seededRuntime, timer } from './seed';
import { PROBES } from './probes';

async function main(): Promise<void> {
  const [sizeArg, ...names] = process.argv.slice(2);
  const size = Number(sizeArg ?? 10000);
  let candidates: number[] = [];
  let big: string[] = [];
  const proto = Datastore.prototype as unknown as { _getCandidatesAsync(q: unknown, d?: boolean): Promise<unknown[]> };
  const original = proto._getCandidatesAsync;
  proto._getCandidatesAsync = async function (this: unknown, q: unknown, d?: boolean) {
    const r = await original.call(this, q, d);
    candidates.push(r.length);
    if (r.length > 50) big.push(`${String(r.length).padStart(6)} candidates for ${JSON.stringify(q)}`);
    return r;
  };
  const raw = rawStorage(createNedbStorage());
  let log: string[] = [];
  const wrap =
    (m: 'find' | 'count' | 'page' | 'get') =>
    async (...a: unknown[]): Promise<unknown> => {
      candidates = [];
      const t0 = performance.now();
      const r = await (raw[m] as (...x: unknown[]) => Promise<unknown>)(...a);
      const ms = performance.now() - t0;
      if (m !== 'get' || ms > 1)
        log.push(
          `${ms.toFixed(1).padStart(7)} ms  cand ${String(candidates.join('+')).padStart(6)}  ${m} ${String(a[0])} ${JSON.stringify(a[1])} ${a[2] ? JSON.stringify(a[2]) : ''}`,
        );
      return r;
    };
  const store = typedStorage({ ...raw, find: wrap('find'), count: wrap('count'), page: wrap('page'), get: wrap('get') } as RawStorage);
  const rt = await seededRuntime(store, size);
  const call = caller(rt);
  for (const p of PROBES.filter((x) => names.length === 0 || names.includes(x.name))) {
    // Twice: the first call may build an index the embedded store makes on first use.
    const once = () => (p.fn === 'timer' ? timer(rt) : call(p.fn, p.action, p.payload, p.as));
    if (p.fn !== 'timer') await once();
    log = [];
    big = [];
    const t0 = performance.now();
    const env = await once();
    console.log(`\n## ${p.name}: ${(performance.now() - t0).toFixed(1)} ms${env.ok ? '' : ` ERROR ${env.error.code}`}`);
    for (const l of log) console.log(l);
    for (const l of big) console.log(l);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
