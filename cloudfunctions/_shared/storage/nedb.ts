import * as path from 'path';
import Datastore from '@seald-io/nedb';
import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import { COLLECTIONS, type CollectionName } from './collections';
import { ORDER_HINT, type OrderHint } from './nedb-compound';
import { createIndexes } from './nedb-indexes';
import {
  afterCursor,
  capCount,
  checkPageLimit,
  encodeCursor,
  insertIfAbsentVia,
  OPS_KEPT,
  pageOrder,
  type CountOptions,
  type FindOptions,
  type Page,
  type PageOptions,
  type Query,
  type RawStorage,
  type Storage,
  typedStorage,
} from './port';

/**
 * The embedded default store: pure JS, one append-only file per collection under `dir`
 * (or in memory when `dir` is omitted, for tests). NeDB runs its operations one at a time,
 * so a version-conditioned update is atomic within the process that owns the folder.
 */
export function createNedbStorage(dir?: string): Storage {
  const stores = new Map<CollectionName, Promise<Datastore<Record<string, unknown>>>>();

  function open(collection: CollectionName): Promise<Datastore<Record<string, unknown>>> {
    let ready = stores.get(collection);
    if (!ready) {
      ready = (async () => {
        const db = new Datastore<Record<string, unknown>>(dir ? { filename: path.join(dir, `${collection}.db`) } : { inMemoryOnly: true });
        await db.loadDatabaseAsync();
        await createIndexes(db, COLLECTIONS[collection]);
        return db;
      })();
      stores.set(collection, ready);
    }
    return ready;
  }

  /** A copy of the query telling the planner the order and size wanted (a symbol key: not a condition). */
  const hinted = (query: object, hint: OrderHint): object => Object.assign({ ...query }, { [ORDER_HINT]: hint });
  const strip = <T>(doc: Record<string, unknown>): T => doc as T;
  const defined = (o: object): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  async function insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    const db = await open(collection);
    try {
      return strip<T>(await db.insertAsync({ ...defined(record), version: 1 }));
    } catch (e) {
      if ((e as { errorType?: string }).errorType === 'uniqueViolated') throw new AppError('DUPLICATE');
      throw e;
    }
  }

  const raw: RawStorage = {
    insert,
    insertIfAbsent: insertIfAbsentVia(insert),
    async get<T extends StoredRecord>(collection: CollectionName, id: string) {
      const doc = await (await open(collection)).findOneAsync({ _id: id });
      return doc ? strip<T>(doc) : null;
    },
    async find<T extends StoredRecord>(collection: CollectionName, query: Query = {}, options: FindOptions = {}) {
      const where = options.sort?.length && options.limit ? hinted(query, { sort: pageOrder(options.sort), limit: options.limit }) : query;
      let cursor = (await open(collection)).findAsync(where as Record<string, unknown>);
      // Ties in _id order, whichever index produced the candidates (as pages do).
      if (options.sort?.length) cursor = cursor.sort(Object.fromEntries(pageOrder(options.sort)));
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor).map((d) => strip<T>(d));
    },
    async page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>> {
      checkPageLimit(options.limit);
      const order = pageOrder(options.sort);
      // The cursor's alternatives go beside the query's own fields, not under an $and, so the
      // planner still sees those fields and picks an index for them.
      const where = hinted(options.after ? { ...query, $or: afterCursor(order, options.after) } : query, { sort: order, limit: options.limit + 1 });
      const docs = await (
        await open(collection)
      )
        .findAsync(where as Record<string, unknown>)
        .sort(Object.fromEntries(order))
        .limit(options.limit + 1);
      const items = docs.slice(0, options.limit).map((d) => strip<T>(d));
      return { items, next: docs.length > options.limit ? encodeCursor(order, items[items.length - 1]) : null };
    },
    async count(collection, query = {}, options?: CountOptions) {
      return capCount(await (await open(collection)).countAsync(query as Record<string, unknown>), options);
    },
    async update(collection, id, expectedVersion, patch) {
      const db = await open(collection);
      const { numAffected } = await db.updateAsync({ _id: id, version: expectedVersion }, { $set: { ...defined(patch), version: expectedVersion + 1 } }, {});
      return numAffected === 1;
    },
    async increment(collection, id, deltas, set, opId) {
      const db = await open(collection);
      const change: Record<string, unknown> = { $inc: { ...deltas, version: 1 } };
      if (set && Object.keys(set).length) change.$set = set;
      if (opId) change.$push = { ops: { $each: [opId], $slice: -OPS_KEPT } };
      const { numAffected } = await db.updateAsync({ _id: id }, change, {});
      return numAffected === 1;
    },
  };
  return typedStorage(raw);
}
