import { AppError } from '@domain/errors';
import { canSeeCommunity, type Caller } from '@domain/roles';
import type { StoredRecord } from '@domain/model';
import type { CollectionName } from './storage/collections';
import type { Storage } from './storage/port';

/**
 * Loads a record the caller may see. A record of another community answers NOT_FOUND, not
 * FORBIDDEN, so its existence does not leak across communities.
 */
export async function loadVisible<T extends StoredRecord & { communityId: string | null }>(
  store: Storage,
  collection: CollectionName,
  id: string,
  caller: Caller,
): Promise<T> {
  const record = await store.get<T>(collection, id);
  if (!record || !canSeeCommunity(caller, record.communityId)) throw new AppError('NOT_FOUND');
  return record;
}

/** Re-reads and retries a compare-and-set update until it lands, so concurrent writers never lose one. */
export async function updateWithRetry<T extends StoredRecord>(
  store: Storage,
  collection: CollectionName,
  id: string,
  change: (current: T) => Partial<Omit<T, '_id' | 'version'>>,
  attempts = 20,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const current = await store.get<T>(collection, id);
    if (!current) throw new AppError('NOT_FOUND');
    const patch = change(current);
    if (await store.update<T>(collection, id, current.version, patch)) {
      return { ...current, ...patch, version: current.version + 1 };
    }
  }
  throw new AppError('CONFLICT');
}
