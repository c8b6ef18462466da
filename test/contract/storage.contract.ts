/**
 * The rules every Storage adapter must keep (cloudfunctions/_shared/storage/port.ts). The NeDB and
 * CloudBase suites run this same list, so the local store cannot drift from production.
 *
 * Every record carries a per-run `run` id and every test its own `suite` tag, and ids start with a
 * random prefix: the suite can run against a shared CloudBase environment (which has no delete)
 * without seeing anyone else's records or colliding with an earlier run.
 */
import { randomBytes } from 'crypto';
import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { rawStorage, type RawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';

interface Probe extends StoredRecord {
  run: string;
  suite: string;
  n: number;
  group: string;
  day: string;
  label?: string;
  flag?: boolean;
  nested?: { a?: number; b?: number; deep?: { c: string } };
  count?: number;
}

export interface ContractOptions {
  /** An existing collection to write probe records into; they never match the app's own queries. */
  collection?: CollectionName;
  /** Per-test timeout: a remote store needs more for the concurrency tests. */
  timeoutMs?: number;
}

export function describeStorageContract(label: string, makeStorage: () => Promise<Storage> | Storage, options: ContractOptions = {}): void {
  const collection = options.collection ?? 'counters';
  const timeout = options.timeoutMs ?? 10_000;
  const run = `contract_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

  describe(`Storage contract: ${label}`, () => {
    let store: RawStorage;
    let seq = 0;
    /** A fresh tag per test, so each test sees only what it wrote. */
    const suite = (): string => `${run}_s${++seq}`;
    const id = (s: string, i: number | string): string => `${s}_${i}`;
    const probe = (s: string, i: number, extra: Partial<Probe> = {}): Omit<Probe, 'version'> => ({
      _id: id(s, i),
      run,
      suite: s,
      n: i,
      group: i % 2 === 0 ? 'even' : 'odd',
      day: `2025-01-${String(10 + i).padStart(2, '0')}`,
      ...extra,
    });
    const seed = async (s: string, count: number, extra: (i: number) => Partial<Probe> = () => ({})): Promise<void> => {
      for (let i = 0; i < count; i++) await store.insert<Probe>(collection, probe(s, i, extra(i)));
    };
    const ids = (rows: Probe[]): string[] => rows.map((r) => r._id);

    beforeAll(async () => {
      store = rawStorage(await makeStorage());
    }, timeout);

    describe('insert and get', () => {
      it(
        'inserts with version 1 and reads it back',
        async () => {
          const s = suite();
          const inserted = await store.insert<Probe>(collection, probe(s, 1, { label: '一号', nested: { a: 1, b: 2 } }));
          expect(inserted).toMatchObject({ _id: id(s, 1), version: 1, n: 1 });
          const got = await store.get<Probe>(collection, id(s, 1));
          expect(got).toMatchObject({ _id: id(s, 1), version: 1, run, suite: s, n: 1, label: '一号', nested: { a: 1, b: 2 } });
        },
        timeout,
      );

      it(
        'rejects a duplicate id with AppError DUPLICATE and keeps the first record',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { label: 'first' }));
          const second = store.insert<Probe>(collection, probe(s, 1, { label: 'second' }));
          await expect(second).rejects.toBeInstanceOf(AppError);
          await expect(second).rejects.toMatchObject({ code: 'DUPLICATE' });
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ label: 'first', version: 1 });
        },
        timeout,
      );

      it(
        'insertIfAbsent inserts once and is idempotent afterwards',
        async () => {
          const s = suite();
          expect(await store.insertIfAbsent<Probe>(collection, probe(s, 1, { label: 'first' }))).toBe(true);
          expect(await store.insertIfAbsent<Probe>(collection, probe(s, 1, { label: 'second' }))).toBe(false);
          expect(await store.insertIfAbsent<Probe>(collection, probe(s, 1, { label: 'third' }))).toBe(false);
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ label: 'first', version: 1 });
          expect(await store.count(collection, { suite: s })).toBe(1);
        },
        timeout,
      );

      it(
        'get of a missing id is null',
        async () => {
          expect(await store.get<Probe>(collection, `${run}_missing`)).toBeNull();
        },
        timeout,
      );
    });

    describe('find and count', () => {
      let s: string;
      beforeAll(async () => {
        s = suite();
        await seed(s, 6, (i) => ({
          nested: { a: i % 3, deep: { c: i < 3 ? 'low' : 'high' } },
          ...(i % 3 === 0 ? { flag: true } : {}),
          label: i === 5 ? 'last' : 'other',
        }));
      }, timeout * 2);

      it(
        'matches equality on several fields',
        async () => {
          const rows = await store.find<Probe>(collection, { suite: s, group: 'even', label: 'other' }, { sort: [['n', 1]] });
          expect(ids(rows)).toEqual([id(s, 0), id(s, 2), id(s, 4)]);
        },
        timeout,
      );

      it(
        'matches dotted fields into nested objects',
        async () => {
          expect(ids(await store.find<Probe>(collection, { suite: s, 'nested.a': 1 }, { sort: [['n', 1]] }))).toEqual([id(s, 1), id(s, 4)]);
          expect(ids(await store.find<Probe>(collection, { suite: s, 'nested.deep.c': 'high' }, { sort: [['n', 1]] }))).toEqual([id(s, 3), id(s, 4), id(s, 5)]);
        },
        timeout,
      );

      it(
        'matches $in',
        async () => {
          const rows = await store.find<Probe>(collection, { suite: s, n: { $in: [1, 3, 99] } }, { sort: [['n', 1]] });
          expect(ids(rows)).toEqual([id(s, 1), id(s, 3)]);
        },
        timeout,
      );

      it(
        'matches a $gte + $lt range on numbers and on local-date strings',
        async () => {
          expect(ids(await store.find<Probe>(collection, { suite: s, n: { $gte: 2, $lt: 5 } }, { sort: [['n', 1]] }))).toEqual([id(s, 2), id(s, 3), id(s, 4)]);
          expect(ids(await store.find<Probe>(collection, { suite: s, day: { $gte: '2025-01-11', $lt: '2025-01-13' } }, { sort: [['n', 1]] }))).toEqual([
            id(s, 1),
            id(s, 2),
          ]);
          expect(ids(await store.find<Probe>(collection, { suite: s, n: { $gt: 3, $lte: 5 } }, { sort: [['n', 1]] }))).toEqual([id(s, 4), id(s, 5)]);
        },
        timeout,
      );

      it(
        'matches $ne',
        async () => {
          const rows = await store.find<Probe>(collection, { suite: s, label: { $ne: 'other' } });
          expect(ids(rows)).toEqual([id(s, 5)]);
        },
        timeout,
      );

      it(
        'matches $exists both ways',
        async () => {
          expect(ids(await store.find<Probe>(collection, { suite: s, flag: { $exists: true } }, { sort: [['n', 1]] }))).toEqual([id(s, 0), id(s, 3)]);
          expect(ids(await store.find<Probe>(collection, { suite: s, flag: { $exists: false } }, { sort: [['n', 1]] }))).toEqual([
            id(s, 1),
            id(s, 2),
            id(s, 4),
            id(s, 5),
          ]);
        },
        timeout,
      );

      it(
        'sorts by several keys in both directions',
        async () => {
          expect(
            ids(
              await store.find<Probe>(
                collection,
                { suite: s },
                {
                  sort: [
                    ['group', 1],
                    ['n', -1],
                  ],
                },
              ),
            ),
          ).toEqual([id(s, 4), id(s, 2), id(s, 0), id(s, 5), id(s, 3), id(s, 1)]);
          expect(
            ids(
              await store.find<Probe>(
                collection,
                { suite: s },
                {
                  sort: [
                    ['group', -1],
                    ['n', 1],
                  ],
                },
              ),
            ),
          ).toEqual([id(s, 1), id(s, 3), id(s, 5), id(s, 0), id(s, 2), id(s, 4)]);
        },
        timeout,
      );

      it(
        'takes the first records of a sorted read with limit',
        async () => {
          expect(ids(await store.find<Probe>(collection, { suite: s }, { sort: [['n', 1]], limit: 2 }))).toEqual([id(s, 0), id(s, 1)]);
          expect(ids(await store.find<Probe>(collection, { suite: s }, { sort: [['n', -1]], limit: 3 }))).toEqual([id(s, 5), id(s, 4), id(s, 3)]);
        },
        timeout,
      );

      it(
        'counts with and without conditions',
        async () => {
          expect(await store.count(collection, { suite: s })).toBe(6);
          expect(await store.count(collection, { suite: s, group: 'odd' })).toBe(3);
          expect(await store.count(collection, { suite: s, n: { $gte: 4 } })).toBe(2);
          expect(await store.count(collection, { suite: `${s}_none` })).toBe(0);
        },
        timeout,
      );

      it(
        'counts up to a cap: the smaller of the matches and the cap',
        async () => {
          expect(await store.count(collection, { suite: s }, { upTo: 4 })).toBe(4);
          expect(await store.count(collection, { suite: s, group: 'odd' }, { upTo: 4 })).toBe(3);
          expect(await store.count(collection, { suite: s }, { upTo: 6 })).toBe(6);
          expect(await store.count(collection, { suite: s, n: { $gte: 1 } }, { upTo: 100 })).toBe(5);
          expect(await store.count(collection, { suite: s }, { upTo: 0 })).toBe(0);
        },
        timeout,
      );
    });

    describe('reads beyond one CloudBase page', () => {
      // CloudBase returns at most 1000 records per request, so a larger read must page through.
      const TOTAL = 2500;
      let s: string;
      beforeAll(async () => {
        s = suite();
        for (let start = 0; start < TOTAL; start += 50) {
          await Promise.all(Array.from({ length: Math.min(50, TOTAL - start) }, (_, k) => store.insert<Probe>(collection, probe(s, start + k))));
        }
      }, timeout * 12);

      it(
        `finds all ${TOTAL} records, in order, across pages`,
        async () => {
          const rows = await store.find<Probe>(collection, { suite: s }, { sort: [['n', 1]] });
          expect(rows).toHaveLength(TOTAL);
          expect(rows.map((r) => r.n)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
          expect(new Set(ids(rows)).size).toBe(TOTAL);
          expect(await store.count(collection, { suite: s })).toBe(TOTAL);
        },
        timeout * 3,
      );

      it(
        'applies a limit larger than one CloudBase page',
        async () => {
          const rows = await store.find<Probe>(collection, { suite: s }, { sort: [['n', -1]], limit: 1200 });
          expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 1200 }, (_, i) => TOTAL - 1 - i));
        },
        timeout * 3,
      );
    });

    describe('_id as a tie-breaker', () => {
      it(
        'sorts ties by _id and filters _id ranges, as cursor paging needs',
        async () => {
          const s = suite();
          await seed(s, 6, (i) => ({ group: i < 3 ? 'a' : 'b', _id: id(s, `k${5 - i}`) }));
          const all = await store.find<Probe>(
            collection,
            { suite: s },
            {
              sort: [
                ['group', 1],
                ['_id', 1],
              ],
            },
          );
          expect(ids(all)).toEqual([id(s, 'k3'), id(s, 'k4'), id(s, 'k5'), id(s, 'k0'), id(s, 'k1'), id(s, 'k2')]);
          const after = await store.find<Probe>(collection, { suite: s, group: 'b', _id: { $gt: id(s, 'k0') } }, { sort: [['_id', 1]] });
          expect(ids(after)).toEqual([id(s, 'k1'), id(s, 'k2')]);
          const before = await store.find<Probe>(collection, { suite: s, _id: { $lt: id(s, 'k2') } }, { sort: [['_id', -1]] });
          expect(ids(before)).toEqual([id(s, 'k1'), id(s, 'k0')]);
        },
        timeout,
      );
    });

    describe('update (compare-and-set)', () => {
      it(
        'applies a patch at the expected version and bumps it',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { label: 'before' }));
          expect(await store.update<Probe>(collection, id(s, 1), 1, { label: 'after', n: 10 })).toBe(true);
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ label: 'after', n: 10, version: 2, suite: s, group: 'odd' });
        },
        timeout,
      );

      it(
        'refuses a stale version and changes nothing',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { label: 'v1' }));
          expect(await store.update<Probe>(collection, id(s, 1), 1, { label: 'v2' })).toBe(true);
          expect(await store.update<Probe>(collection, id(s, 1), 1, { label: 'stale', n: 99 })).toBe(false);
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ label: 'v2', n: 1, version: 2 });
        },
        timeout,
      );

      it(
        'refuses an update of a missing record',
        async () => {
          expect(await store.update<Probe>(collection, `${run}_missing`, 1, { label: 'x' })).toBe(false);
          expect(await store.get<Probe>(collection, `${run}_missing`)).toBeNull();
        },
        timeout,
      );

      it(
        'replaces a nested object as a whole instead of merging it',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { nested: { a: 1, b: 2, deep: { c: 'x' } } }));
          expect(await store.update<Probe>(collection, id(s, 1), 1, { nested: { a: 5 } })).toBe(true);
          const got = await store.get<Probe>(collection, id(s, 1));
          expect(got?.nested).toEqual({ a: 5 });
          expect(await store.count(collection, { suite: s, 'nested.b': { $exists: true } })).toBe(0);
        },
        timeout,
      );

      it(
        'ignores fields that are undefined in the patch',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { label: 'keep', flag: true }));
          expect(await store.update<Probe>(collection, id(s, 1), 1, { label: undefined, flag: undefined, n: 7 })).toBe(true);
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ label: 'keep', flag: true, n: 7, version: 2 });
        },
        timeout,
      );
    });

    describe('concurrency', () => {
      it(
        'lets 20 concurrent read-modify-write loops all land on one counter',
        async () => {
          const s = suite();
          await store.insert<Probe>(collection, probe(s, 1, { count: 0 }));
          let conflicts = 0;
          const increment = async (): Promise<void> => {
            for (let attempt = 0; attempt < 200; attempt++) {
              const current = await store.get<Probe>(collection, id(s, 1));
              if (!current) throw new Error('counter vanished');
              if (await store.update<Probe>(collection, id(s, 1), current.version, { count: (current.count ?? 0) + 1 })) return;
              conflicts++;
            }
            throw new Error('gave up after 200 attempts');
          };
          await Promise.all(Array.from({ length: 20 }, increment));
          expect(await store.get<Probe>(collection, id(s, 1))).toMatchObject({ count: 20, version: 21 });
          // Not asserted: how many attempts lost the race depends on the adapter's scheduling.
          expect(conflicts).toBeGreaterThanOrEqual(0);
        },
        timeout * 6,
      );

      it(
        'lands 20 concurrent inserts of distinct records',
        async () => {
          const s = suite();
          const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insert<Probe>(collection, probe(s, i))));
          expect(results.every((r) => r.version === 1)).toBe(true);
          expect(await store.count(collection, { suite: s })).toBe(20);
          expect(ids(await store.find<Probe>(collection, { suite: s }, { sort: [['n', 1]] }))).toEqual(Array.from({ length: 20 }, (_, i) => id(s, i)));
        },
        timeout * 3,
      );

      it(
        'lets exactly one of 20 concurrent inserts of the same id win',
        async () => {
          const s = suite();
          const outcomes = await Promise.allSettled(
            Array.from({ length: 20 }, (_, i) => store.insert<Probe>(collection, probe(s, 1, { label: `writer ${i}` }))),
          );
          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
          for (const o of outcomes.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(o.reason).toMatchObject({ code: 'DUPLICATE' });
          expect(await store.count(collection, { suite: s })).toBe(1);
        },
        timeout * 3,
      );
    });
  });
}
