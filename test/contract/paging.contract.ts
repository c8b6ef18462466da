/**
 * Paging and counters, held to the same rules on every adapter (run beside storage.contract.ts):
 * keyset pages lose and repeat nothing when sort keys tie or records arrive between pages, and an
 * atomic increment counts every one of many concurrent writers.
 */
import { randomBytes } from 'crypto';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { rawStorage, type RawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';

interface Row extends StoredRecord {
  run: string;
  group: string;
  rank: number;
  remaining?: number;
}

export function describePagingContract(
  label: string,
  makeStorage: () => Promise<Storage> | Storage,
  collection: CollectionName = 'counters',
  timeout = 30_000,
): void {
  describe(`${label}: paging and counters`, () => {
    let store: RawStorage;
    const run = randomBytes(4).toString('hex');
    beforeAll(async () => {
      store = rawStorage(await makeStorage());
    });
    const rows = (group: string, n: number, rankOf: (i: number) => number): Array<Omit<Row, 'version'>> =>
      Array.from({ length: n }, (_, i) => ({ _id: `${run}_${group}_${String(i).padStart(4, '0')}`, run, group, rank: rankOf(i) }));

    it(
      'pages a query with $in over several values in one order, as one list (an adapter may read each value apart)',
      async () => {
        const all = [...rows('inA', 12, (i) => (i * 7) % 5), ...rows('inB', 9, (i) => (i * 3) % 4), ...rows('inC', 6, (i) => i)];
        for (const r of all) await store.insert<Row>(collection, r);
        const want = all
          .filter((r) => r.group !== 'inC')
          .sort((a, b) => b.rank - a.rank || (a._id < b._id ? 1 : -1))
          .map((r) => r._id);
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const page: { items: Row[]; next: string | null } = await store.page<Row>(
            collection,
            { run, group: { $in: ['inA', 'inB'] } },
            { sort: [['rank', -1]], limit: 4, after },
          );
          seen.push(...page.items.map((x) => x._id));
          after = page.next;
        } while (after);
        expect(seen).toEqual(want);
      },
      timeout,
    );

    it(
      'pages through tied sort keys without losing or repeating a record',
      async () => {
        for (const r of rows('tie', 45, (i) => i % 3)) await store.insert<Row>(collection, r);
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: { items: Row[]; next: string | null } = await store.page<Row>(
            collection,
            { run, group: 'tie' },
            { sort: [['rank', -1]], limit: 7, after },
          );
          seen.push(...page.items.map((x) => x._id));
          after = page.next;
          pages++;
        } while (after);
        expect(pages).toBe(7);
        expect(new Set(seen).size).toBe(45);
        expect(seen.length).toBe(45);
        // Order is rank descending, then id ascending within a rank.
        const ranks = seen.map((id) => Number(id.slice(-4)) % 3);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      },
      timeout,
    );

    it(
      'keeps its place when records are written between pages',
      async () => {
        for (const r of rows('moving', 20, (i) => i)) await store.insert<Row>(collection, r);
        const first = await store.page<Row>(collection, { run, group: 'moving' }, { sort: [['rank', 1]], limit: 10 });
        // Someone inserts records that sort before and after the cursor.
        await store.insert<Row>(collection, { _id: `${run}_moving_early`, run, group: 'moving', rank: -1 });
        await store.insert<Row>(collection, { _id: `${run}_moving_late`, run, group: 'moving', rank: 99 });
        const second = await store.page<Row>(collection, { run, group: 'moving' }, { sort: [['rank', 1]], limit: 100, after: first.next });
        expect(first.items.map((r) => r.rank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(second.items.map((r) => r.rank)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 99]);
        expect(second.next).toBeNull();
      },
      timeout,
    );

    it('refuses a forged cursor with INVALID_INPUT', async () => {
      await expect(store.page<Row>(collection, { run }, { limit: 5, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });

    it(
      'counts every one of 30 concurrent increments, and remembers the operation that made each',
      async () => {
        const id = `${run}_counter`;
        await store.insert<Row>(collection, { _id: id, run, group: 'counter', rank: 0, remaining: 0 });
        await Promise.all(Array.from({ length: 30 }, (_, i) => store.increment(collection, id, { remaining: 1 }, undefined, `op_${i}`)));
        const after = await store.get<Row>(collection, id);
        expect(after?.remaining).toBe(30);
        expect(after?.version).toBe(31);
        expect(after?.ops?.length).toBe(8);
        expect(await store.increment(collection, `${run}_missing`, { remaining: 1 })).toBe(false);
      },
      timeout,
    );
  });
}
