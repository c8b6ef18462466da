import { AppError } from '@domain/errors';
import { canSeeCommunity, type Caller } from '@domain/roles';
import type { CollectionName, RecordOf } from './storage/collections';
import type { Patch, Storage } from './storage/port';

/** Collections whose records belong to one community (or to none, for the general manager's). */
type CommunityScoped = { [C in CollectionName]: RecordOf<C> extends { communityId: string | null } ? C : never }[CollectionName];

/**
 * Loads a record the caller may see. A record of another community answers NOT_FOUND, not
 * FORBIDDEN, so its existence does not leak across communities.
 */
export async function loadVisible<C extends CommunityScoped>(store: Storage, collection: C, id: string, caller: Caller): Promise<RecordOf<C>> {
  const record = (await store.get(collection, id)) as (RecordOf<C> & { communityId: string | null }) | null;
  if (!record || !canSeeCommunity(caller, record.communityId)) throw new AppError('NOT_FOUND');
  return record;
}

/** Re-reads and retries a compare-and-set update until it lands, so concurrent writers never lose one. */
export async function updateWithRetry<C extends CollectionName>(
  store: Storage,
  collection: C,
  id: string,
  change: (current: RecordOf<C>) => Patch<RecordOf<C>>,
  attempts = 20,
): Promise<RecordOf<C>> {
  for (let i = 0; i < attempts; i++) {
    const current = await store.get(collection, id);
    if (!current) throw new AppError('NOT_FOUND');
    const patch = change(current);
    if (await store.update(collection, id, current.version, patch)) {
      return { ...current, ...patch, version: current.version + 1 };
    }
  }
  throw new AppError('CONFLICT');
}
