import type { StoredRecord } from '@domain/model';
import { COLLECTION_NAMES, type CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { rawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';

/** Every record of every collection, sorted by id: two dumps are equal exactly when the stores are. */
export type StoreDump = Partial<Record<CollectionName, StoredRecord[]>>;

export async function dumpStore(store: Storage, except: CollectionName[] = []): Promise<StoreDump> {
  const out: StoreDump = {};
  for (const c of COLLECTION_NAMES) {
    if (except.includes(c)) continue;
    const all = await rawStorage(store).find<StoredRecord>(c, {});
    if (all.length) out[c] = all.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
  return out;
}

/**
 * A fresh in-memory store holding exactly the dumped records, versions included: an insert starts
 * at version 1, so a record at version v gets v − 1 empty compare-and-set updates. Much faster than
 * replaying the actions that wrote them.
 */
export async function loadStore(dump: StoreDump): Promise<Storage> {
  const typed = createNedbStorage();
  const store = rawStorage(typed);
  for (const [c, records] of Object.entries(dump) as Array<[CollectionName, StoredRecord[]]>) {
    for (const { version, ...record } of records) {
      await store.insert(c, record);
      for (let v = 1; v < version; v++) await store.update(c, record._id, v, {});
    }
  }
  return typed;
}
