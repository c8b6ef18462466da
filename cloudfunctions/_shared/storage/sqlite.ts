import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Database, type Statement } from 'node-sqlite3-wasm';
import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from './collections';
import { valueAt } from './match';
import {
  afterCursor,
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
  type Scalar,
  type Storage,
  typedStorage,
} from './port';
import { mergedSql, orderSql, splitIn, whereSql, type SqlValue } from './sqlite-query';
import { afterWrite, openTable, type Table } from './sqlite-tables';

type Doc = Record<string, unknown>;

/** The file the embedded store keeps in its folder. */
export const SQLITE_FILE = 'store.sqlite';

/**
 * The embedded default store: SQLite compiled to WebAssembly (node-sqlite3-wasm, no native build, no
 * download at install), one file under `dir`, or in memory when `dir` is omitted. Nothing is read at
 * open: a call reads the index pages and records it needs, so the first call after a start costs the
 * same at 1k records as at 100k, and memory holds a page cache, not the data.
 *
 * Every call runs synchronously inside WebAssembly, so each one (a compare-and-set included) is
 * atomic within the process that owns the folder. One process per folder, as with any embedded store.
 */
export function createSqliteStorage(dir?: string): Storage {
  const file = dir ? claimFolder(dir) : ':memory:';
  const db = new Database(file);
  // An exclusive lock, taken once: otherwise every statement locks and unlocks the file (a folder
  // made and removed, ~3 ms). Held exclusively, the write-ahead log needs no shared memory, which this
  // build lacks; it writes each changed page once. No fsync: a killed process loses nothing, since
  // the OS has its writes; a power cut may lose the last ones (as with NeDB, which never synced).
  db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -32000');
  const tables = new Map<CollectionName, Table>();
  const table = (c: CollectionName): Table => {
    let t = tables.get(c);
    if (!t) tables.set(c, (t = openTable(db, c)));
    return t;
  };

  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= 500) {
        for (const old of statements.values()) old.finalize();
        statements.clear();
      }
      statements.set(sql, (s = db.prepare(sql)));
    }
    return s;
  };
  /** A statement whose step failed keeps the error, and its reset reports it again: drop it. */
  function using<R>(sql: string, use: (s: Statement) => R): R {
    const s = prepared(sql);
    try {
      return use(s);
    } catch (e) {
      statements.delete(sql);
      try {
        s.finalize();
      } catch {
        // finalize reports the same error once more
      }
      throw e;
    }
  }
  const docs = (sql: string, params: SqlValue[]): Doc[] => using(sql, (s) => s.all(params)).map((r) => JSON.parse(String(r.doc)) as Doc);

  function readOne(t: Table, id: string): Doc | null {
    // all(), not get(): a statement left unfinished would hold its read lock until its next use.
    const [row] = using(`SELECT doc FROM "${t.table}" WHERE id = ?`, (s) => s.all([id]));
    return row ? (JSON.parse(String(row.doc)) as Doc) : null;
  }

  /** Runs a write and its element-table upkeep as one transaction; a unique key clash is DUPLICATE. */
  function write(collection: CollectionName, doc: Doc, sql: string): number {
    const t = table(collection);
    const id = doc._id as string;
    db.exec('BEGIN');
    try {
      const { changes } = using(sql.replace(/\$T/g, t.table), (s) => s.run([JSON.stringify(doc), id]));
      if (changes) afterWrite(db, collection, t, id, doc);
      db.exec('COMMIT');
      return changes;
    } catch (e) {
      db.exec('ROLLBACK');
      if (/UNIQUE constraint failed/.test((e as Error).message)) throw new AppError('DUPLICATE');
      throw e;
    }
  }
  const replace = (collection: CollectionName, doc: Doc): boolean => write(collection, doc, 'UPDATE "$T" SET doc = ? WHERE id = ?') === 1;

  function select(collection: CollectionName, query: Query & { $or?: Query[] }, order: Array<[string, 1 | -1]> | undefined, limit?: number): Doc[] {
    const t = table(collection);
    const params: SqlValue[] = [];
    const arms = order && limit ? splitIn(t, query) : null;
    if (arms) return docs(mergedSql(t, arms, order!, Math.floor(limit!), params), params);
    const where = whereSql(t, query, params);
    return docs(`SELECT doc FROM "${t.table}" WHERE ${where}${orderSql(order)}${limit ? ` LIMIT ${Math.floor(limit)}` : ''}`, params);
  }

  const defined = (o: object): Doc => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  async function insert<T extends StoredRecord>(collection: CollectionName, record: Omit<T, 'version'>): Promise<T> {
    const doc: Doc = { ...defined(record), version: 1 };
    if (typeof doc._id !== 'string') doc._id = randomBytes(8).toString('hex');
    write(collection, doc, 'INSERT INTO "$T" (doc, id) VALUES (?, ?)');
    return doc as T;
  }

  const raw: RawStorage = {
    insert,
    insertIfAbsent: insertIfAbsentVia(insert),
    async get<T extends StoredRecord>(collection: CollectionName, id: string) {
      return readOne(table(collection), id) as T | null;
    },
    async find<T extends StoredRecord>(collection: CollectionName, query: Query = {}, options: FindOptions = {}) {
      return select(collection, query, options.sort?.length ? pageOrder(options.sort) : undefined, options.limit) as T[];
    },
    async page<T extends StoredRecord>(collection: CollectionName, query: Query, options: PageOptions): Promise<Page<T>> {
      checkPageLimit(options.limit);
      const order = pageOrder(options.sort);
      const where = options.after ? { ...query, $or: afterCursor(order, options.after) } : query;
      const found = select(collection, where, order, options.limit + 1);
      const items = found.slice(0, options.limit) as T[];
      return { items, next: found.length > options.limit ? encodeCursor(order, items[items.length - 1]!) : null };
    },
    async count(collection, query = {}, options?: CountOptions) {
      const t = table(collection);
      const params: SqlValue[] = [];
      const where = whereSql(t, query, params);
      // Capped, the count stops at the limit: a covering index is walked no further than that.
      const sql =
        options?.upTo === undefined
          ? `SELECT count(*) AS n FROM "${t.table}" WHERE ${where}`
          : `SELECT count(*) AS n FROM (SELECT 1 FROM "${t.table}" WHERE ${where} LIMIT ${Math.max(0, Math.floor(options.upTo))})`;
      const [row] = using(sql, (s) => s.all(params));
      return Number(row?.n ?? 0);
    },
    async update(collection, id, expectedVersion, patch) {
      const current = readOne(table(collection), id);
      if (!current || current.version !== expectedVersion) return false;
      return replace(collection, { ...current, ...defined(patch), _id: id, version: expectedVersion + 1 });
    },
    async increment(collection, id, deltas, set, opId) {
      const current = readOne(table(collection), id);
      if (!current) return false;
      for (const [field, delta] of Object.entries(deltas)) {
        const before = valueAt(current, field);
        if (before !== undefined && typeof before !== 'number') throw new Error(`cannot increment ${collection}.${field}: not a number`);
        setPath(current, field, (before ?? 0) + delta);
      }
      for (const [field, value] of Object.entries(set ?? {})) setPath(current, field, value);
      if (opId) current.ops = [...((current.ops as string[] | undefined) ?? []), opId].slice(-OPS_KEPT);
      current.version = (current.version as number) + 1;
      return replace(collection, current);
    },
  };
  const storage = typedStorage(raw);
  handles.set(storage, {
    close() {
      for (const st of statements.values()) st.finalize();
      statements.clear();
      db.close();
      if (dir) fs.rmSync(path.join(dir, OWNER_FILE), { force: true });
    },
    load(collection, records) {
      const t = table(collection);
      let n = 0;
      db.exec('BEGIN');
      try {
        for (const doc of records) {
          const { changes } = using(`INSERT OR IGNORE INTO "${t.table}" (doc, id) VALUES (?, ?)`, (st) => st.run([JSON.stringify(doc), String(doc._id)]));
          if (changes) afterWrite(db, collection, t, String(doc._id), doc);
          n += changes;
        }
        db.exec('COMMIT');
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
      return n;
    },
  });
  return storage;
}

const OWNER_FILE = `${SQLITE_FILE}.owner`;
interface Handle {
  close(): void;
  load(collection: CollectionName, records: Doc[]): number;
}
const handles = new WeakMap<Storage, Handle>();

/**
 * Takes the folder for this process. The WebAssembly build locks with a `<file>.lock` folder that a
 * killed process leaves behind, so the owner's pid is kept beside it: a lock whose owner is gone (or
 * is this process, reopening) is cleared; one held by a live process is refused, since two
 * processes writing one file would corrupt it.
 */
function claimFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, SQLITE_FILE);
  const owner = Number(fs.existsSync(path.join(dir, OWNER_FILE)) ? fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8') : NaN);
  if (Number.isInteger(owner) && owner !== process.pid && alive(owner) && fs.existsSync(`${file}.lock`)) {
    throw new Error(`${dir} is in use by process ${owner}: stop it first (one process per data folder)`);
  }
  fs.rmSync(`${file}.lock`, { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Closes an embedded store made here (releasing its folder for another process); others are left alone. */
export function closeSqliteStorage(store: Storage): void {
  const h = handles.get(store);
  handles.delete(store);
  h?.close();
}

/**
 * Writes records exactly as given (their versions and ops included), skipping ids already there, in
 * one transaction: for carrying a former store's data over, never for the app's own writes.
 */
export function loadRecordsAsIs(store: Storage, collection: CollectionName, records: Array<Record<string, unknown>>): number {
  const h = handles.get(store);
  if (!h) throw new Error('not an embedded SQLite store');
  return h.load(collection, records);
}

function setPath(doc: Doc, field: string, value: number | Scalar): void {
  const keys = field.split('.');
  let at = doc;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Doc;
  }
  at[keys[keys.length - 1]!] = value;
}
