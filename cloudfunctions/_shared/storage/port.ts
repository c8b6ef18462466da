import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from './collections';

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
  skip?: number;
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

export interface Storage {
  /** Inserts a new record with version 1. Throws `AppError('DUPLICATE')` if the id exists. */
  insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T>;
  /** Inserts unless a record with that id exists; returns whether it inserted. Idempotent generators use it. */
  insertIfAbsent<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<boolean>;
  get<T extends StoredRecord>(collection: CollectionName, id: string): Promise<T | null>;
  find<T extends StoredRecord>(collection: CollectionName, query?: Query, options?: FindOptions): Promise<T[]>;
  count(collection: CollectionName, query?: Query): Promise<number>;
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
  update<T extends StoredRecord>(
    collection: CollectionName,
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<T, '_id' | 'version'>>,
  ): Promise<boolean>;
  /**
   * Adds to numeric fields atomically (and bumps the version), for counters many writers meet at:
   * no read, no compare-and-set to lose. `opId`, when given, is remembered in the record's `ops` list
   * (the last few kept), so a resumed operation can tell the increment already happened.
   * Returns false when there is no such record.
   */
  increment(collection: CollectionName, id: string, deltas: Record<string, number>, set?: Record<string, Scalar>, opId?: string): Promise<boolean>;
}

/** How many operation ids a record remembers (`StoredRecord.ops`). */
export const OPS_KEPT = 8;

/** insertIfAbsent for any adapter, from its insert: a DUPLICATE means the record is already there. */
export function insertIfAbsentVia(insert: Storage['insert']): Storage['insertIfAbsent'] {
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

/** The (sort…, _id) order of a page, with `_id` as the unique tie-breaker. */
export function pageOrder(sort: PageOptions['sort'] = []): Array<[string, 1 | -1]> {
  return [...sort.filter(([f]) => f !== '_id'), ['_id', 1]];
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
