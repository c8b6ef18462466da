import Datastore from '@seald-io/nedb';
import { compoundIndexes, ORDER_HINT } from '../../cloudfunctions/_shared/storage/nedb-compound';

/**
 * The embedded store's compound indexes only choose candidates; NeDB still filters them. So whatever
 * query, with or without an order hint, the answer must be the one a full scan gives: random records,
 * random queries over the indexed fields (equality, $in, $exists, ranges), before and after updates.
 */
type Doc = Record<string, unknown>;
const INDEXES = [['c', 's', 'due'], ['c', 'words'], ['next'], ['c', 'done', 'due']];

let seed = 7;
const rnd = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65536) % n;
};
const pick = <T>(xs: T[]): T => xs[rnd(xs.length)]!;

function randomDoc(i: number): Doc {
  const d: Doc = { _id: `d${String(i).padStart(4, '0')}`, c: pick(['a', 'b']), s: pick(['open', 'closed', 'held']), due: rnd(50) };
  if (rnd(3)) d.words = [pick(['x', 'y', 'z']), pick(['x', 'y', 'w'])];
  if (rnd(2)) d.done = rnd(40);
  const n = rnd(4);
  d.next = n === 0 ? null : n === 1 ? undefined : rnd(60);
  if (d.next === undefined) delete d.next;
  return d;
}

function randomQuery(): Doc {
  const q: Doc = {};
  if (rnd(4)) q.c = pick(['a', 'b']);
  const s = rnd(4);
  if (s === 1) q.s = pick(['open', 'closed']);
  if (s === 2) q.s = { $in: ['open', 'held'] };
  // An empty list matches nothing (a lookup by the ids of an empty earlier result).
  if (s === 3 && !rnd(3)) q.s = { $in: [] };
  const r = rnd(5);
  if (r === 1) q.due = { $lt: rnd(50) };
  if (r === 2) q.due = { $gte: rnd(50), $lte: rnd(50) + 10 };
  if (r === 3) q.due = { $gt: rnd(50) };
  const d = rnd(4);
  if (d === 1) q.done = { $exists: false };
  if (d === 2) q.done = { $exists: true };
  if (d === 3) q.done = { $gte: rnd(40) };
  if (!rnd(4)) q.words = pick(['x', 'y', 'w']);
  if (!rnd(3)) q.next = { $lte: rnd(60) };
  return q;
}

async function stores(): Promise<{ plain: Datastore<Doc>; indexed: Datastore<Doc> }> {
  const plain = new Datastore<Doc>({ inMemoryOnly: true });
  const indexed = new Datastore<Doc>({ inMemoryOnly: true });
  const compound = compoundIndexes(indexed, INDEXES);
  (indexed as unknown as { _getRawCandidates(q: Doc): Doc[] })._getRawCandidates = (q) => compound.candidates(q)?.docs ?? indexed.getAllData();
  // Built empty, then kept in step with each insert (a lazily built index would start in _id order).
  for (const q of [{ c: 'a', s: 'open' }, { c: 'a', words: 'x' }, { next: { $lte: 1 } }, { c: 'a', done: { $exists: false } }]) compound.candidates(q);
  // Inserted out of _id order, so ties on a sort key are not already in the order of the tie-breaker.
  const docs = Array.from({ length: 400 }, (_, i) => randomDoc(i)).sort(() => rnd(3) - 1);
  for (const d of docs) {
    await plain.insertAsync({ ...d });
    await indexed.insertAsync({ ...d });
  }
  return { plain, indexed };
}

async function compare(plain: Datastore<Doc>, indexed: Datastore<Doc>, rounds: number): Promise<number> {
  let nonEmpty = 0;
  for (let i = 0; i < rounds; i++) {
    const q = randomQuery();
    const sort = { [pick(['due', 'done', '_id'])]: pick([1, -1] as const), _id: 1 as const };
    const limit = 1 + rnd(12);
    const want = await plain.findAsync(q).sort(sort).limit(limit);
    const hinted = Object.assign({ ...q }, { [ORDER_HINT]: { sort: Object.entries(sort), limit } });
    const got = await indexed.findAsync(hinted).sort(sort).limit(limit);
    expect({ q, sort, ids: got.map((d) => d._id) }).toEqual({ q, sort, ids: want.map((d) => d._id) });
    expect({ q, count: await indexed.countAsync(q) }).toEqual({ q, count: await plain.countAsync(q) });
    if (want.length) nonEmpty++;
  }
  return nonEmpty;
}

it('answers random queries as a full scan does, with and without an order hint', async () => {
  const { plain, indexed } = await stores();
  expect(await compare(plain, indexed, 300)).toBeGreaterThan(100);
});

it('keeps its indexes in step with updates', async () => {
  const { plain, indexed } = await stores();
  await compare(plain, indexed, 20); // builds the indexes
  for (const db of [plain, indexed]) {
    await db.updateAsync({ s: 'open' }, { $set: { s: 'closed', done: 5 }, $unset: { words: true } }, { multi: true });
    await db.updateAsync({ c: 'b', due: { $lt: 10 } }, { $set: { next: 3, words: ['w'] } }, { multi: true });
    await db.removeAsync({ due: 7 }, { multi: true });
  }
  expect(await compare(plain, indexed, 200)).toBeGreaterThan(50);
});
