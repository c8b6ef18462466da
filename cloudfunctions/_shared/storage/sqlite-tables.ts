import type { Database } from 'node-sqlite3-wasm';
import { COLLECTIONS, type CollectionDeclaration, type CollectionName } from './collections';
import { checkField, fieldExpr, type TableShape } from './sqlite-query';

/**
 * One table per collection (`id`, the record as JSON in `doc`) with an expression index per declared
 * index, created on the collection's first use from the one declaration in `collections.ts`, and
 * indexes no longer declared dropped. Fields found holding arrays (`words`) are indexed by element
 * in a side table instead, since an index on the JSON text of an array finds nothing.
 */
export interface Table extends TableShape {
  arrays: Set<string>;
}

const META = '_arrays';

export function openTable(db: Database, collection: CollectionName): Table {
  checkField(collection);
  const declaration: Pick<CollectionDeclaration, 'indexes' | 'unique'> = COLLECTIONS[collection];
  const table = `c_${collection}`;
  const each = `e_${collection}`;
  db.exec(`CREATE TABLE IF NOT EXISTS "${META}" (collection TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (collection, field)) WITHOUT ROWID`);
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  db.exec(`CREATE TABLE IF NOT EXISTS "${each}" (field TEXT NOT NULL, value, id TEXT NOT NULL)`);
  db.exec(`CREATE INDEX IF NOT EXISTS "${each}_value" ON "${each}" (field, value, id)`);
  db.exec(`CREATE INDEX IF NOT EXISTS "${each}_id" ON "${each}" (id)`);
  const arrays = new Set(db.all(`SELECT field FROM "${META}" WHERE collection = ?`, [collection]).map((r) => String(r.field)));
  const indexed = new Set([...declaration.indexes.flat(), ...(declaration.unique ?? []).flat()]);
  const t: Table = { table, each, arrays, indexed };
  syncIndexes(db, collection, t);
  return t;
}

/** The declared indexes as they should exist now: array fields left to the element table. */
function syncIndexes(db: Database, collection: CollectionName, t: Table): void {
  const declaration: Pick<CollectionDeclaration, 'indexes' | 'unique'> = COLLECTIONS[collection];
  const wanted = new Map<string, string>();
  const add = (fields: readonly string[], unique: boolean): void => {
    const scalar = fields.filter((f) => !t.arrays.has(f)).map(checkField);
    if (!scalar.length) return;
    // Every order ends in id (the paging tie-break): with it last in the index, a page sorted by the
    // index's fields stops at its limit instead of sorting every record that ties on them.
    const columns = [...scalar.map(fieldExpr), ...(unique ? [] : ['id'])];
    const name = `${unique ? 'u' : 'i'}_${collection}__${scalar.join('__').replace(/\./g, '_')}${unique ? '' : '__id'}`;
    wanted.set(name, `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${t.table}" (${columns.join(', ')})`);
  };
  for (const fields of declaration.indexes) add(fields, false);
  for (const fields of declaration.unique ?? []) add(fields, true);
  const existing = db.all(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [t.table]).map((r) => String(r.name));
  for (const name of existing) if (!wanted.has(name)) db.exec(`DROP INDEX "${name}"`);
  for (const sql of wanted.values()) db.exec(sql);
}

/** Paths (top level and one level down) whose value in this record is an array. */
function arrayPaths(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (Array.isArray(v)) out.push(k);
    else if (v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) if (Array.isArray(v2)) out.push(`${k}.${k2}`);
  }
  return out;
}

/**
 * After a record is written (inside the write's transaction): note any field newly seen holding an
 * array (filling its element table from every record, and re-making the indexes), then refresh this
 * record's elements.
 */
export function afterWrite(db: Database, collection: CollectionName, t: Table, id: string, doc: Record<string, unknown>): void {
  const fresh = arrayPaths(doc).filter((p) => p !== 'ops' && !t.arrays.has(p) && /^[A-Za-z0-9_.]+$/.test(p));
  for (const field of fresh) {
    t.arrays.add(field);
    db.run(`INSERT OR IGNORE INTO "${META}" (collection, field) VALUES (?, ?)`, [collection, field]);
    if (t.indexed.has(field))
      db.run(`INSERT INTO "${t.each}" (field, value, id) SELECT ?, j.value, c.id FROM "${t.table}" c, json_each(c.doc, '$.${field}') j`, [field]);
  }
  if (fresh.length) syncIndexes(db, collection, t);
  const kept = [...t.arrays].filter((f) => t.indexed.has(f));
  if (!kept.length) return;
  db.run(`DELETE FROM "${t.each}" WHERE id = ?`, [id]);
  const json = JSON.stringify(doc);
  for (const field of kept) db.run(`INSERT INTO "${t.each}" (field, value, id) SELECT ?, value, ? FROM json_each(?, '$.${field}')`, [field, id, json]);
}
