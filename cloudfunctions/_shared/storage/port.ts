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

export interface Storage {
  /** Inserts a new record with version 1. Throws `AppError('DUPLICATE')` if the id exists. */
  insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T>;
  /** Inserts unless a record with that id exists; returns whether it inserted. Idempotent generators use it. */
  insertIfAbsent<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<boolean>;
  get<T extends StoredRecord>(collection: CollectionName, id: string): Promise<T | null>;
  find<T extends StoredRecord>(collection: CollectionName, query?: Query, options?: FindOptions): Promise<T[]>;
  count(collection: CollectionName, query?: Query): Promise<number>;
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
}

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
