import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { rawStorage, typedStorage, type Query, type RawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';

export interface LoggedQuery {
  method: 'find' | 'count' | 'page';
  collection: CollectionName;
  fields: string[];
  sort: string[];
}

/** Wraps a store and logs the fields and sort of every find, count and page (not `_id` lookups). */
export function queryLog(inner: Storage): { storage: Storage; log: LoggedQuery[] } {
  const raw = rawStorage(inner);
  const log: LoggedQuery[] = [];
  const note = (method: LoggedQuery['method'], collection: CollectionName, query: Query = {}, sort: Array<[string, 1 | -1]> = []): void => {
    log.push({ method, collection, fields: Object.keys(query).filter((f) => !f.startsWith('$')), sort: sort.map(([f]) => f) });
  };
  const wrapped: RawStorage = {
    ...raw,
    find: (c, q, o) => (note('find', c, q, o?.sort), raw.find(c, q, o)),
    count: (c, q, o) => (note('count', c, q), raw.count(c, q, o)),
    page: (c, q, o) => (note('page', c, q, o.sort), raw.page(c, q, o)),
  };
  return { storage: typedStorage(wrapped), log };
}

/**
 * A query is covered when some declared index of its collection starts with one of the query's
 * fields (so the database narrows by an index before it reads a record), and, when it sorts, that
 * index or another one starting with a query field holds the first sort key (so the order comes from
 * an index). `_id` alone is always covered. Returns why not, or null.
 */
export function uncovered(q: LoggedQuery): string | null {
  const fields = q.fields.filter((f) => f !== '_id');
  if (fields.length === 0)
    return q.fields.includes('_id') ||
      q.collection === 'communities' ||
      q.collection === 'calendarOverrides' ||
      q.collection === 'settings' ||
      q.collection === 'feeSchedules'
      ? null
      : 'reads the whole collection';
  const indexes = COLLECTIONS[q.collection].indexes as ReadonlyArray<ReadonlyArray<string>>;
  const usable = indexes.filter((ix) => fields.includes(ix[0]!));
  if (usable.length === 0) return `no declared index starts with any of ${fields.join(', ')}`;
  const sortKey = q.sort.find((f) => f !== '_id');
  if (sortKey && !fields.includes(sortKey) && !usable.some((ix) => ix.includes(sortKey)))
    return `sorts by ${sortKey}, which no index on ${fields.join(', ')} holds`;
  return null;
}
