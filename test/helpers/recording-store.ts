import type { StoredRecord } from '@domain/model';
import type { CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import {
  rawStorage,
  typedStorage,
  type CountOptions,
  type FindOptions,
  type Page,
  type PageOptions,
  type Query,
  type RawStorage,
  type Storage,
} from '../../cloudfunctions/_shared/storage/port';

/** One write that changed the store. Refused writes (a DUPLICATE, a lost compare-and-set) are not writes. */
export interface WriteEntry {
  n: number;
  kind: 'insert' | 'insertIfAbsent' | 'update' | 'increment';
  collection: CollectionName;
  id: string;
}

export const INJECTED_CRASH = 'injected crash';

/**
 * Wraps a store, logs every write that landed, and can be armed to crash: the k-th write from
 * arming lands, then the call throws, as if the process died right after the database acknowledged
 * it. From then on every call throws (a dead process writes nothing more) until `disarm`.
 */
export class RecordingStore implements RawStorage {
  readonly log: WriteEntry[] = [];
  private armedAt: number | null = null;
  private dead = false;

  private readonly inner: RawStorage;

  constructor(inner: Storage) {
    this.inner = rawStorage(inner);
  }

  /** This recorder as the typed store the runtime takes. */
  get storage(): Storage {
    return typedStorage(this);
  }

  /** Crash after the k-th write from now (1-based). */
  arm(k: number): void {
    this.armedAt = this.log.length + k;
    this.dead = false;
  }

  disarm(): void {
    this.armedAt = null;
    this.dead = false;
  }

  get crashed(): boolean {
    return this.dead;
  }

  /** Entries logged since `mark` (a previous `log.length`). */
  since(mark: number): WriteEntry[] {
    return this.log.slice(mark);
  }

  private alive(): void {
    if (this.dead) throw new Error(INJECTED_CRASH);
  }

  private wrote(kind: WriteEntry['kind'], collection: CollectionName, id: string): void {
    this.log.push({ n: this.log.length + 1, kind, collection, id });
    if (this.armedAt !== null && this.log.length >= this.armedAt) {
      this.dead = true;
      this.armedAt = null;
      throw new Error(INJECTED_CRASH);
    }
  }

  async insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    this.alive();
    const out = await this.inner.insert<T>(collection, record);
    this.wrote('insert', collection, record._id);
    return out;
  }

  async insertIfAbsent<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<boolean> {
    this.alive();
    const inserted = await this.inner.insertIfAbsent<T>(collection, record);
    if (inserted) this.wrote('insertIfAbsent', collection, record._id);
    return inserted;
  }

  async update<T extends StoredRecord>(
    collection: CollectionName,
    id: string,
    expectedVersion: number,
    patch: Partial<Omit<T, '_id' | 'version'>>,
  ): Promise<boolean> {
    this.alive();
    const done = await this.inner.update<T>(collection, id, expectedVersion, patch);
    if (done) this.wrote('update', collection, id);
    return done;
  }

  async increment(...args: Parameters<Storage['increment']>): Promise<boolean> {
    this.alive();
    const done = await this.inner.increment(...args);
    if (done) this.wrote('increment', args[0], args[1]);
    return done;
  }

  async get<T extends StoredRecord>(collection: CollectionName, id: string): Promise<T | null> {
    this.alive();
    return this.inner.get<T>(collection, id);
  }

  async find<T extends StoredRecord>(collection: CollectionName, query?: Query, options?: FindOptions): Promise<T[]> {
    this.alive();
    return this.inner.find<T>(collection, query, options);
  }

  async count(collection: CollectionName, query?: Query, options?: CountOptions): Promise<number> {
    this.alive();
    return this.inner.count(collection, query, options);
  }

  async page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>> {
    this.alive();
    return this.inner.page<T>(collection, query, options);
  }
}
