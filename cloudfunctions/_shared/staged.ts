import { AppError } from '@domain/errors';
import { IMPORT_OPEN_STATUSES, resolveStaged } from '@domain/import-staging';
import type { Building, Room } from '@domain/model';
import type { Storage } from './storage/port';

/**
 * Rooms and buildings as readers must see them while an import is open: new ones of an uncommitted
 * import left out, changed ones with the values of a committed import. Costs one read of the
 * imports named, and none at all when no record read carries staged values (no import open).
 */
export async function visible<R extends Room | Building>(store: Storage, records: R[]): Promise<R[]> {
  const ids = [...new Set(records.flatMap((r) => (r.staged ? [r.staged.importId] : [])))];
  if (ids.length === 0) return records;
  const committed = new Set((await store.find('imports', { _id: { $in: ids } })).filter((j) => j.committedAt !== undefined).map((j) => j._id));
  return records.flatMap((r) => {
    const seen = resolveStaged<R>(r, (id) => committed.has(id));
    return seen ? [seen] : [];
  });
}

export async function visibleOne<R extends Room | Building>(store: Storage, record: R | null): Promise<R | null> {
  return record ? ((await visible(store, [record]))[0] ?? null) : null;
}

/** A rooms import of the community is open: its rooms may be staged, so month bills wait for it. */
export async function roomsImportOpen(store: Storage, communityId: string): Promise<boolean> {
  return (await store.count('imports', { communityId, kind: 'rooms', status: { $in: [...IMPORT_OPEN_STATUSES] } })) > 0;
}

/** The community's rooms as readers count them: less the new rooms of an import not yet committed. */
export async function visibleRoomCount(store: Storage, communityId: string): Promise<number> {
  const open = await store.find('imports', { communityId, status: { $in: ['staging', 'applying'] } }, { limit: 1 });
  const all = await store.count('rooms', { communityId });
  if (open.length === 0) return all;
  return all - (await store.count('rooms', { communityId, 'staged.importId': open[0]._id, 'staged.created': true }));
}

/**
 * A bill or payment import of the community past its commit write and still writing its rows. Fee
 * readers answer only before the commit or after the last row (`FEES_SETTLING` meanwhile), so no one
 * sees part of a file: the accounts and totals they read are derived per room and per month, and
 * CloudBase cannot change them all in one write. One indexed read, empty but for that window.
 */
export async function feeImportSettling(store: Storage, communityId: string): Promise<boolean> {
  const open = await store.find('imports', { communityId, status: { $in: ['settling'] } }, { limit: 1 });
  return open.length > 0 && open[0].kind !== 'rooms';
}

export async function requireFeesSettled(store: Storage, communityId: string | null | undefined): Promise<void> {
  if (communityId && (await feeImportSettling(store, communityId))) throw new AppError('FEES_SETTLING');
}
