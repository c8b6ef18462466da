import * as path from 'path';
import Datastore from '@seald-io/nedb';
import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import { COLLECTIONS, type CollectionName } from './collections';
import { insertIfAbsentVia, type FindOptions, type Query, type Storage } from './port';

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
        const db = new Datastore<Record<string, unknown>>(
          dir ? { filename: path.join(dir, `${collection}.db`) } : { inMemoryOnly: true },
        );
        await db.loadDatabaseAsync();
        const spec = COLLECTIONS[collection] as { unique?: ReadonlyArray<ReadonlyArray<string>> };
        for (const fields of spec.unique ?? []) {
          if (fields.length === 1) await db.ensureIndexAsync({ fieldName: fields[0], unique: true });
        }
        return db;
      })();
      stores.set(collection, ready);
    }
    return ready;
  }

  const strip = <T>(doc: Record<string, unknown>): T => doc as T;
  const defined = (o: object): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  async function insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    const db = await open(collection);
    try {
      return strip<T>(await db.insertAsync({ ...defined(record), version: 1 }));
    } catch (e) {
      if ((e as { errorType?: string }).errorType === 'uniqueViolated') throw new AppError('DUPLICATE');
      throw e;
    }
  }

  return {
    insert,
    insertIfAbsent: insertIfAbsentVia(insert),
    async get<T extends StoredRecord>(collection: CollectionName, id: string) {
      const doc = await (await open(collection)).findOneAsync({ _id: id });
      return doc ? strip<T>(doc) : null;
    },
    async find<T extends StoredRecord>(collection: CollectionName, query: Query = {}, options: FindOptions = {}) {
      let cursor = (await open(collection)).findAsync(query as Record<string, unknown>);
      if (options.sort?.length) cursor = cursor.sort(Object.fromEntries(options.sort));
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor).map((d) => strip<T>(d));
    },
    async count(collection, query = {}) {
      return (await open(collection)).countAsync(query as Record<string, unknown>);
    },
    async update(collection, id, expectedVersion, patch) {
      const db = await open(collection);
      const { numAffected } = await db.updateAsync(
        { _id: id, version: expectedVersion },
        { $set: { ...defined(patch), version: expectedVersion + 1 } },
        {},
      );
      return numAffected === 1;
    },
  };
}
