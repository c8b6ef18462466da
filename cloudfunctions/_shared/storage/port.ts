import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName, RecordOf } from './collections';

/**
 * The one storage interface. Two adapters implement it: CloudBase (production) and an embedded
 * NeDB store (local runs and tests); `test/contract/storage.contract.ts` holds both to the same rules.
 *
 * There is deliberately no delete: nothing acknowledged is ever lost and the archive is append-only.
 */
export type Scalar = string | number | boolean | null;
export interface FieldCondition {
  $in?: Scalar[];
  $ne?: Scalar;
  $gt?: number | string;
  $gte?: number | string;
  $lt?: number | string;
  $lte?: number | string;
  $exists?: boolean;
}
/** Equality or a condition per (possibly dotted) field; all fields must match. */
export type Query = Record<string, Scalar | FieldCondition>;

export interface FindOptions {
  sort?: Array<[field: string, direction: 1 | -1]>;
  limit?: number;
}

export interface PageOptions {
  /** Sort keys; `_id` is always added last, so the order is total and a cursor names one place in it. */
  sort?: Array<[field: string, direction: 1 | -1]>;
  /** At most this many (≤ 1000, CloudBase's cap on one read). */
  limit: number;
  /** The `next` of the previous page; omitted for the first page. */
  after?: string | null;
}
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null when this was the last one. */
  next: string | null;
}

export interface CountOptions {
  /** Stop counting here: the answer is min(matches, upTo), and the store reads no further. */
  upTo?: number;
}

/** The count an adapter that cannot stop early reports for `upTo`. */
export const capCount = (n: number, options?: CountOptions): number => (options?.upTo === undefined ? n : Math.min(n, options.upTo));

/**
 * What an adapter implements: records of any shape, the caller naming the type. Only adapters, the
 * operation buffer and the storage contract suite see this view; everything else uses `Storage`.
 */
export interface RawStorage {
  /** Inserts a new record with version 1. Throws `AppError('DUPLICATE')` if the id exists. */
  insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T>;
  /** Inserts unless a record with that id exists; returns whether it inserted. Idempotent generators use it. */
  insertIfAbsent<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<boolean>;
  get<T extends StoredRecord>(collection: CollectionName, id: string): Promise<T | null>;
  find<T extends StoredRecord>(collection: CollectionName, query?: Query, options?: FindOptions): Promise<T[]>;
  /** How many match; with `upTo`, at most that many (a "99+" counter need not count a whole history). */
  count(collection: CollectionName, query?: Query, options?: CountOptions): Promise<number>;
  /**
   * Keyset paging: records strictly after the cursor in (sort…, _id) order. Unlike skip, a page is
   * neither lost nor repeated when sort keys tie or records are written between pages. Sort fields
   * must be present on every matching record.
   */
  page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>>;
  /**
   * Compare-and-set: applies `patch` only if the record still has `expectedVersion`, and bumps the
   * version. Returns false when someone else changed it first, so the caller can re-read and retry.
   */
  update<T extends StoredRecord>(collection: CollectionName, id: string, expectedVersion: number, patch: Partial<Omit<T, '_id' | 'version'>>): Promise<boolean>;
  /**
   * Adds to numeric fields atomically (and bumps the version), for counters many writers meet at:
   * no read, no compare-and-set to lose. `opId`, when given, is remembered in the record's `ops` list
   * (the last few kept), so a resumed operation can tell the increment already happened.
   * Returns false when there is no such record.
   */
  increment(collection: CollectionName, id: string, deltas: Record<string, number>, set?: Record<string, Scalar>, opId?: string): Promise<boolean>;
}

/** A record as handed to insert: everything but the version, which the store sets. */
export type NewRecord<T> = Omit<T, 'version'>;
export type Patch<T> = Partial<Omit<T, '_id' | 'version'>>;

/** A record's fields and, one level down, the fields of its object-valued fields (`subject.id`). */
export type FieldPath<T> = {
  [K in keyof T & string]: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? K | `${K}.${keyof NonNullable<T[K]> & string}`
      : K;
}[keyof T & string];
/** A query on a collection: only its declared fields (a misspelt key is a compile error). */
export type QueryOf<T> = { [P in FieldPath<T>]?: Scalar | FieldCondition };
export interface FindOptionsOf<T> {
  sort?: Array<[field: FieldPath<T>, direction: 1 | -1]>;
  limit?: number;
}
export interface PageOptionsOf<T> extends Omit<PageOptions, 'sort'> {
  sort?: Array<[field: FieldPath<T>, direction: 1 | -1]>;
}

/**
 * The storage every handler uses: the collection name picks the record type (declared once in
 * `collections.ts`), so reads come back typed, inserts and patches are checked against it, and
 * query keys must be fields of it. Same behaviour as `RawStorage`: it is the same object.
 */
export interface Storage {
  insert<C extends CollectionName>(collection: C, record: NewRecord<RecordOf<C>>): Promise<RecordOf<C>>;
  insertIfAbsent<C extends CollectionName>(collection: C, record: NewRecord<RecordOf<C>>): Promise<boolean>;
  get<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C> | null>;
  find<C extends CollectionName>(collection: C, query?: QueryOf<RecordOf<C>>, options?: FindOptionsOf<RecordOf<C>>): Promise<Array<RecordOf<C>>>;
  count<C extends CollectionName>(collection: C, query?: QueryOf<RecordOf<C>>, options?: CountOptions): Promise<number>;
  page<C extends CollectionName>(collection: C, query: QueryOf<RecordOf<C>>, options: PageOptionsOf<RecordOf<C>>): Promise<Page<RecordOf<C>>>;
  update<C extends CollectionName>(collection: C, id: string, expectedVersion: number, patch: Patch<RecordOf<C>>): Promise<boolean>;
  increment<C extends CollectionName>(
    collection: C,
    id: string,
    deltas: Partial<Record<FieldPath<RecordOf<C>>, number>>,
    set?: Partial<Record<FieldPath<RecordOf<C>>, Scalar>>,
    opId?: string,
  ): Promise<boolean>;
}

/** The typed view of an adapter (a type-level cast: the object is unchanged). */
export const typedStorage = (raw: RawStorage): Storage => raw as unknown as Storage;
/** The untyped view, for adapters' own plumbing and the contract suite. */
export const rawStorage = (store: Storage): RawStorage => store as unknown as RawStorage;

/** How many operation ids a record remembers (`StoredRecord.ops`). */
export const OPS_KEPT = 8;

/** insertIfAbsent for any adapter, from its insert: a DUPLICATE means the record is already there. */
export function insertIfAbsentVia(insert: RawStorage['insert']): RawStorage['insertIfAbsent'] {
  return async (collection, record) => {
    try {
      await insert(collection, record);
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === 'DUPLICATE') return false;
      throw e;
    }
  };
}

export const MAX_PAGE = 1000;

/**
 * The (sort…, _id) order of a page, with `_id` as the unique tie-breaker running the way the last key
 * runs: a newest-first page is then one index read backwards, where a mixed direction would make the
 * store sort every record that ties on the last key.
 */
export function pageOrder(sort: PageOptions['sort'] = []): Array<[string, 1 | -1]> {
  const byId = sort.findIndex(([f]) => f === '_id');
  // Keys after _id could never decide anything: _id is unique.
  return byId >= 0 ? sort.slice(0, byId + 1) : [...sort, ['_id', sort[sort.length - 1]?.[1] ?? 1]];
}

export function encodeCursor(order: Array<[string, 1 | -1]>, last: object): string {
  const values = order.map(([f]) => f.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], last));
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * The condition "after the cursor" as alternatives to OR: for sort keys k1..kn,
 * (k1 > v1) or (k1 = v1 and k2 > v2) or … (">" reads "<" on a descending key).
 */
export function afterCursor(order: Array<[string, 1 | -1]>, cursor: string): Query[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== order.length || values.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    throw new AppError('INVALID_INPUT', '分页位置无效，请刷新列表');
  }
  return order.map(([field, dir], i) => {
    const branch: Query = {};
    for (let j = 0; j < i; j++) branch[order[j][0]] = values[j] as Scalar;
    branch[field] = dir === 1 ? { $gt: values[i] as string | number } : { $lt: values[i] as string | number };
    return branch;
  });
}

export function checkPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new Error(`page limit must be 1..${MAX_PAGE}, got ${limit}`);
}
