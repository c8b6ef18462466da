import type { Bill, FeeReminder } from '@domain/model';
import { CENTRE_ROLES, hasRole, LEAD_ROLES, type Caller } from '@domain/roles';
import type { Query, Storage } from '../_shared/storage/port';

/** Unpaid bills a staff member looks after: a butler their buildings, others the whole community. */
export async function unpaidBillsFor(store: Storage, caller: Caller): Promise<Bill[]> {
  const query: Query = { communityId: caller.communityId, status: 'unpaid' };
  if (hasRole(caller, 'butler') && !hasRole(caller, ...LEAD_ROLES, ...CENTRE_ROLES)) {
    query.buildingId = { $in: caller.buildingIds };
  }
  return store.find('bills', query, { sort: [['month', 1]] });
}

export async function remindersOf(store: Storage, billIds: string[]): Promise<FeeReminder[]> {
  if (billIds.length === 0) return [];
  return store.find('reminders', { billId: { $in: billIds } }, { sort: [['at', 1]] });
}
