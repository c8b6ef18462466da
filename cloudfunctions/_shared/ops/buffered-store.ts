import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from '../storage/collections';
import { matches, sortRecords } from '../storage/match';
import {
  capCount,
  type CountOptions,
  type FindOptions,
  type Page,
  type PageOptions,
  type Query,
  type RawStorage,
  type Scalar,
  type Storage,
} from '../storage/port';
import type { Step } from '../storage/server-records';
import type { Runtime } from '../runtime';

export type { Step };

type Effect = (rt: Runtime) => Promise<void>;
type Doc = StoredRecord & Record<string, unknown>;

const BUFFERED = Symbol('bufferedStore');

/**
 * A store that reads through to the real one but keeps every write as a planned step. A handler runs
 * against it unchanged (its reads see its own writes), and the operation runner stores the whole plan
 * in one document before applying any of it: that single-document write is the commit point.
 */
export class BufferedStore implements RawStorage {
  readonly [BUFFERED] = true;
  private readonly inserted = new Map<string, Doc>();
  private readonly updated = new Map<string, { base: number; patch: Record<string, unknown> }>();
  private readonly order: Step[] = [];
  readonly effects: Effect[] = [];

  constructor(private readonly store: RawStorage) {}

  get steps(): Step[] {
    // Updates first: only they can meet a conflict, and a conflict before anything is applied is a clean retry.
    const updates = [...this.updated.entries()].map(([key, u]): Step => {
      const [collection, id] = splitKey(key);
      return { kind: 'update', collection, id, expectedVersion: u.base, patch: u.patch };
    });
    const rest = this.order.map((s) => (s.kind === 'insert' ? { ...s, record: this.inserted.get(keyOf(s.collection, String(s.record._id))) ?? s.record } : s));
    return [...updates, ...rest];
  }

  /** A write that is not a record, applied in its place in the plan (e.g. an archive append). */
  custom(type: string, payload: unknown): void {
    this.order.push({ kind: 'custom', type, payload });
  }

  /** Runs after the operation is applied, with the real runtime: side effects outside our database. */
  afterCommit(effect: Effect): void {
    this.effects.push(effect);
  }

  private overlay<T extends StoredRecord>(collection: CollectionName, doc: T): T {
    const u = this.updated.get(keyOf(collection, doc._id));
    return u ? ({ ...doc, ...u.patch, version: u.base + 1 } as T) : doc;
  }

  async insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    const key = keyOf(collection, record._id);
    if (this.inserted.has(key)) throw new AppError('DUPLICATE');
    const doc = { ...(record as object), version: 1 } as Doc;
    this.inserted.set(key, doc);
    this.order.push({ kind: 'insert', collection, record: doc, ifAbsent: false });
    return doc as unknown as T;
  }

  async insertIfAbsent<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<boolean> {
    const key = keyOf(collection, record._id);
    if (this.inserted.has(key) || (await this.store.get(collection, record._id))) return false;
    const doc = { ...(record as object), version: 1 } as Doc;
    this.inserted.set(key, doc);
    this.order.push({ kind: 'insert', collection, record: doc, ifAbsent: true });
    return true;
  }

  async get<T extends StoredRecord>(collection: CollectionName, id: string): Promise<T | null> {
    const mine = this.inserted.get(keyOf(collection, id));
    if (mine) return mine as unknown as T;
    const doc = await this.store.get<T>(collection, id);
    return doc ? this.overlay(collection, doc) : null;
  }

  async find<T extends StoredRecord>(collection: CollectionName, query: Query = {}, options: FindOptions = {}): Promise<T[]> {
    const stored = (await this.store.find<T>(collection, query, options)).map((d) => this.overlay(collection, d)).filter((d) => matches(d, query));
    const mine = [...this.inserted.entries()].filter(([k, d]) => k.startsWith(`${collection}/`) && matches(d, query)).map(([, d]) => d as unknown as T);
    if (mine.length === 0 && stored.length === (options.limit ?? Infinity)) return stored;
    const all = sortRecords([...stored, ...mine], options.sort);
    return options.limit ? all.slice(0, options.limit) : all;
  }

  /** Pages read what is stored: lists are read-only actions, which buffer nothing to overlay. */
  page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>> {
    return this.store.page<T>(collection, query, options);
  }

  async count(collection: CollectionName, query: Query = {}, options?: CountOptions): Promise<number> {
    const mine = [...this.inserted.entries()].filter(([k, d]) => k.startsWith(`${collection}/`) && matches(d, query)).length;
    return capCount((await this.store.count(collection, query, options)) + mine, options);
  }

  async increment(collection: CollectionName, id: string, deltas: Record<string, number>, set?: Record<string, Scalar>): Promise<boolean> {
    const key = keyOf(collection, id);
    const mine = this.inserted.get(key);
    // Into a record only this operation creates, the increment folds in; an insert-if-absent may meet
    // a concurrent twin, so its increment stays a step of its own and both count.
    if (mine && !this.order.some((s) => s.kind === 'insert' && s.ifAbsent && s.collection === collection && s.record._id === id)) {
      for (const [field, by] of Object.entries(deltas)) mine[field] = (Number(mine[field]) || 0) + by;
      Object.assign(mine, set);
      return true;
    }
    if (!mine && !(await this.store.get(collection, id))) return false;
    this.order.push({ kind: 'increment', collection, id, deltas, set });
    return true;
  }

  async update<T extends StoredRecord>(
    collection: CollectionName,
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<T, '_id' | 'version'>>,
  ): Promise<boolean> {
    const key = keyOf(collection, id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const mine = this.inserted.get(key);
    if (mine) {
      if (mine.version !== expectedVersion) return false;
      Object.assign(mine, defined);
      return true;
    }
    const earlier = this.updated.get(key);
    if (earlier) {
      // The handler read our overlaid version (base + 1); anything else is a stale read.
      if (expectedVersion !== earlier.base + 1) return false;
      Object.assign(earlier.patch, defined);
      return true;
    }
    // A stale expectedVersion is found out when the plan is applied; the runner then re-runs the handler.
    this.updated.set(key, { base: expectedVersion, patch: defined });
    return true;
  }
}

export const isBuffered = (store: Storage | RawStorage): store is Storage & BufferedStore => (store as Partial<BufferedStore>)[BUFFERED] === true;

/** Runs an effect after the current operation commits, or at once outside an operation (sweeps). */
export async function afterCommit(rt: Runtime, effect: Effect): Promise<void> {
  if (isBuffered(rt.store)) rt.store.afterCommit(effect);
  else await effect(rt);
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`;
function splitKey(key: string): [CollectionName, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i) as CollectionName, key.slice(i + 1)];
}
