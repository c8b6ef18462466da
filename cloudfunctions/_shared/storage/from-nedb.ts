import * as fs from 'fs';
import * as path from 'path';
import Datastore from '@seald-io/nedb';
import { COLLECTIONS, type CollectionName } from './collections';
import type { Storage } from './port';
import { loadRecordsAsIs } from './sqlite';

/** Where NeDB's files go once their records are in the new store. */
export const NEDB_IMPORTED = 'nedb-imported';

/**
 * A data folder written by the former embedded store (NeDB: one `<collection>.db` per collection)
 * is carried over once into the current one, so a local setup keeps its records across the switch;
 * the old files are then moved aside, not deleted. Returns how many records it carried over.
 */
export async function importNedbFolder(dir: string, store: Storage): Promise<number> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.db') && f.slice(0, -3) in COLLECTIONS) : [];
  if (!files.length) return 0;
  let n = 0;
  for (const file of files) {
    const db = new Datastore<Record<string, unknown>>({ filename: path.join(dir, file) });
    await db.loadDatabaseAsync();
    // Versions and ops come along as they are: compare-and-set and resumed operations read them.
    n += loadRecordsAsIs(store, file.slice(0, -3) as CollectionName, await db.findAsync({}));
  }
  fs.mkdirSync(path.join(dir, NEDB_IMPORTED), { recursive: true });
  for (const file of files) fs.renameSync(path.join(dir, file), path.join(dir, NEDB_IMPORTED, file));
  return n;
}
