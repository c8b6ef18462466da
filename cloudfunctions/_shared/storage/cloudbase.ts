import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from './collections';
import {
  afterCursor,
  capCount,
  checkPageLimit,
  encodeCursor,
  insertIfAbsentVia,
  OPS_KEPT,
  pageOrder,
  type CountOptions,
  type FieldCondition,
  type FindOptions,
  type Page,
  type PageOptions,
  type Query,
  type RawStorage,
  type Storage,
  typedStorage,
} from './port';

/* The slice of @cloudbase/node-sdk's database we use; typed loosely because the SDK's own types
   for commands are `any`-heavy. */
interface Command {
  in(v: unknown[]): unknown;
  neq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  exists(v: boolean): unknown;
  and(...c: unknown[]): unknown;
  or(...c: unknown[]): unknown;
  set(v: unknown): unknown;
  inc(v: number): unknown;
  push(v: { each: unknown[]; slice: number }): unknown;
}
interface CollectionRef {
  add(doc: object): Promise<{ id?: string; code?: string; message?: string }>;
  doc(id: string): { get(): Promise<{ data: object[] }> };
  where(q: unknown): QueryRef;
}
interface QueryRef {
  orderBy(field: string, dir: 'asc' | 'desc'): QueryRef;
  limit(n: number): QueryRef;
  get(): Promise<{ data: object[] }>;
  count(): Promise<{ total: number }>;
  update(patch: object): Promise<{ updated: number }>;
}
export interface CloudbaseDb {
  command: Command;
  collection(name: string): CollectionRef;
}

/** CloudBase caps one read at 1000 records; larger reads page through. */
const PAGE = 1000;

/**
 * CloudBase reports a duplicate `_id` or unique-index violation with the code
 * `DATABASE_DUPLICATE_WRITE`. MongoDB's own marker (code 11000, "E11000 duplicate key") is accepted
 * too, for a wrapper that passes the driver's error through; a message merely containing
 * "duplicate" is not evidence — it could be any failure, and DUPLICATE makes insertIfAbsent
 * report "already there" and lose the write.
 */
export function isDuplicateWrite(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return code === 'DATABASE_DUPLICATE_WRITE' || code === 11000 || (typeof message === 'string' && /\bE11000 duplicate key\b/.test(message));
}

export function createCloudbaseStorage(db: CloudbaseDb): Storage {
  const _ = db.command;

  function condition(c: FieldCondition): unknown {
    const parts: unknown[] = [];
    if (c.$in !== undefined) parts.push(_.in(c.$in));
    if (c.$ne !== undefined) parts.push(_.neq(c.$ne));
    if (c.$gt !== undefined) parts.push(_.gt(c.$gt));
    if (c.$gte !== undefined) parts.push(_.gte(c.$gte));
    if (c.$lt !== undefined) parts.push(_.lt(c.$lt));
    if (c.$lte !== undefined) parts.push(_.lte(c.$lte));
    if (c.$exists !== undefined) parts.push(_.exists(c.$exists));
    return parts.length === 1 ? parts[0] : _.and(...parts);
  }

  function where(query: Query): object {
    return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v !== null && typeof v === 'object' ? condition(v) : v]));
  }

  // CloudBase merges nested objects on update; `set` replaces them, as the port promises.
  function patchOf(patch: object): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(patch)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]),
    );
  }

  async function insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    const doc = { ...record, version: 1 } as unknown as T;
    let res: { code?: string; message?: string };
    try {
      res = await db.collection(collection).add(doc);
    } catch (e) {
      if (isDuplicateWrite(e)) throw new AppError('DUPLICATE');
      throw e;
    }
    // With the SDK's throwOnCode off, a refusal comes back as a result instead of an exception.
    if (res.code) {
      if (isDuplicateWrite(res)) throw new AppError('DUPLICATE');
      throw Object.assign(new Error(`${res.code}: ${res.message}`), { code: res.code });
    }
    return doc;
  }

  /** One keyset page: (sort…, _id) order, so ties and concurrent writes never lose or repeat a record. */
  async function page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>> {
    checkPageLimit(options.limit);
    const order = pageOrder(options.sort);
    const filter = options.after ? _.and(where(query), _.or(...afterCursor(order, options.after).map(where))) : where(query);
    let ref = db.collection(collection).where(filter);
    for (const [field, dir] of order) ref = ref.orderBy(field, dir === 1 ? 'asc' : 'desc');
    // One more than asked tells whether there is a next page; within CloudBase's 1000 cap.
    const take = Math.min(options.limit + 1, PAGE);
    const { data } = await ref.limit(take).get();
    const items = (data as T[]).slice(0, options.limit);
    const more = data.length > options.limit || (take === options.limit && data.length === take);
    return { items, next: more ? encodeCursor(order, items[items.length - 1]) : null };
  }

  /** Reads past CloudBase's 1000-per-read cap by keyset pages, never by skip. */
  async function find<T extends StoredRecord>(collection: CollectionName, query: Query = {}, options: FindOptions = {}): Promise<T[]> {
    const wanted = options.limit ?? Infinity;
    const out: T[] = [];
    let after: string | null = null;
    while (out.length < wanted) {
      const p: Page<T> = await page<T>(collection, query, { sort: options.sort, limit: Math.min(PAGE - 1, wanted - out.length), after });
      out.push(...p.items);
      if (!p.next) break;
      after = p.next;
    }
    return out;
  }

  const raw: RawStorage = {
    insert,
    insertIfAbsent: insertIfAbsentVia(insert),
    async get<T extends StoredRecord>(collection: CollectionName, id: string) {
      const { data } = await db.collection(collection).where({ _id: id }).limit(1).get();
      return (data[0] as T | undefined) ?? null;
    },
    find,
    page,
    async count(collection, query = {}, options?: CountOptions) {
      // One call whatever the total: the database counts on its side.
      return capCount((await db.collection(collection).where(where(query)).count()).total, options);
    },
    async update(collection, id, expectedVersion, patch) {
      // The version in the filter makes this a compare-and-set: a single-document update is atomic.
      const res = await db
        .collection(collection)
        .where({ _id: id, version: expectedVersion })
        .update({ ...patchOf(patch), version: expectedVersion + 1 });
      return res.updated === 1;
    },
    async increment(collection, id, deltas, set, opId) {
      const change: Record<string, unknown> = { ...(set ?? {}), version: _.inc(1) };
      for (const [field, by] of Object.entries(deltas)) change[field] = _.inc(by);
      if (opId) change.ops = _.push({ each: [opId], slice: -OPS_KEPT });
      const res = await db.collection(collection).where({ _id: id }).update(change);
      return res.updated === 1;
    },
  };
  return typedStorage(raw);
}
