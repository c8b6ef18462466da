import { DEFAULT_PAGE } from '@domain/api/contract';
import type { ArrearsSummary } from '@domain/api/fees';
import { localDateOf } from '@domain/time';
import type { ActionContext } from '../_shared/function';
import type { Bill, FeeReminder } from '@domain/model';
import { CENTRE_ROLES, hasRole, LEAD_ROLES, type Caller } from '@domain/roles';
import type { PageInput } from '../_shared/paging';
import { encodeCursor, pageOrder, type QueryOf, type Storage } from '../_shared/storage/port';

/** Unpaid bills a staff member looks after: a butler their buildings, others the whole community. */
export function unpaidScope(caller: Caller): QueryOf<Bill> {
  const query: QueryOf<Bill> = { communityId: caller.communityId, status: 'unpaid' };
  if (hasRole(caller, 'butler') && !hasRole(caller, ...LEAD_ROLES, ...CENTRE_ROLES)) {
    query.buildingId = { $in: caller.buildingIds };
  }
  return query;
}

const BY_ROOM: Array<['buildingId' | 'roomId' | 'month', 1]> = [
  ['buildingId', 1],
  ['roomId', 1],
  ['month', 1],
];
/** Bills read per store call while gathering a page of rooms. */
const SCAN = 100;

/**
 * A page of rooms in arrears, as their unpaid bills: bills are read in (building, room, month) order
 * until one more room than a page has started, so every room on the page has all its bills; the
 * cursor is the last bill of the page's last room.
 */
export async function unpaidRoomsPage(store: Storage, where: QueryOf<Bill>, input: PageInput): Promise<{ bills: Bill[]; next: string | null }> {
  const rooms = input.limit ?? DEFAULT_PAGE;
  const bills: Bill[] = [];
  const seen = new Set<string>();
  let after = input.after ?? null;
  for (;;) {
    const page = await store.page('bills', where, { sort: BY_ROOM, limit: SCAN, after });
    for (const b of page.items) {
      if (!seen.has(b.roomId) && seen.size === rooms) {
        const last = bills[bills.length - 1]!;
        return { bills, next: encodeCursor(pageOrder(BY_ROOM), last) };
      }
      seen.add(b.roomId);
      bills.push(b);
    }
    if (!page.next) return { bills, next: null };
    after = page.next;
  }
}

/** Counts over every unpaid bill in scope, by the dates each bill carries (`billSchedule`). */
export async function arrearsSummary(ctx: ActionContext, where: QueryOf<Bill>): Promise<ArrearsSummary> {
  const today = localDateOf(ctx.now);
  const [bills, dueNow, limitation] = await Promise.all([
    ctx.store.count('bills', where),
    ctx.store.count('bills', { ...where, nextReminderDate: { $lte: today } }),
    ctx.store.count('bills', { ...where, limitationWarnFrom: { $lte: today } }),
  ]);
  return { bills, dueNow, limitation };
}

export async function remindersOf(store: Storage, billIds: string[]): Promise<FeeReminder[]> {
  if (billIds.length === 0) return [];
  return store.find('reminders', { billId: { $in: billIds } }, { sort: [['at', 1]] });
}
