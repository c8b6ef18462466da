import type { TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { roomsById } from '../_shared/views';
import { arrearsRows } from './arrears';
import { reminderPolicyOf } from '@domain/onboarding';
import { remindersOf, unpaidBillsFor } from './queries';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

export async function feeTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, 'owner')) {
    const unpaid = await ctx.store.find('bills', { roomId: { $in: caller.roomIds }, status: 'unpaid' });
    if (unpaid.length > 0) {
      const total = unpaid.reduce((s, b) => s + b.amountFen, 0);
      out.push({
        key: 'fees-unpaid',
        kind: 'fee',
        title: '物业费待缴',
        detail: `${unpaid.length} 笔，共 ${yuan(total)} 元`,
        count: unpaid.length,
        link: ROUTES.owner.bills,
      });
    }
  }
  if (hasRole(caller, ...COMMUNITY_STAFF_ROLES)) {
    const bills = await unpaidBillsFor(ctx.store, caller);
    const [reminders, rooms] = await Promise.all([
      remindersOf(
        ctx.store,
        bills.map((b) => b._id),
      ),
      roomsById(
        ctx.store,
        bills.map((b) => b.roomId),
      ),
    ]);
    const community = caller.communityId ? await ctx.store.get('communities', caller.communityId) : null;
    const rows = arrearsRows(bills, reminders, rooms, ctx.now, reminderPolicyOf(community));
    const due = rows.filter((r) => r.reminderDueNow).length;
    if (due > 0) {
      out.push({ key: 'fees-remind', kind: 'fee', title: '物业费催缴', detail: `${due} 户欠费待提醒`, count: due, link: ROUTES.staff.arrears });
    }
    const limitation = rows.filter((r) => r.limitation).length;
    if (limitation > 0) {
      out.push({
        key: 'fees-limitation',
        kind: 'fee',
        title: '诉讼时效即将届满',
        detail: `${limitation} 户需尽快书面催缴并留存送达凭证`,
        count: limitation,
        overdue: true,
        link: ROUTES.staff.arrears,
      });
    }
  }
  return out;
}
