import type { TodoItem } from '@domain/api/session';
import { yuan } from '@domain/fee-ledger';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { ROUTES } from '@domain/routes';
import { billsAtRisk } from '@domain/fees';
import { LIMITATION_YEARS } from '@domain/rules';
import { addCalendarDays, addYears, endOfLocalDay, localDateOf } from '@domain/time';
import type { ActionContext } from '../_shared/function';
import { feeImportSettling } from '../_shared/staged';
import { buildingBound } from './scope';

export async function feeTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  // A fee import writing its rows: the counts would count part of the file, so they wait with the lists.
  if (caller.communityId && (await feeImportSettling(ctx.store, caller.communityId))) return out;
  if (hasRole(caller, 'owner')) {
    const unpaid = await ctx.store.find('bills', { roomId: { $in: caller.roomIds }, status: 'unpaid' });
    if (unpaid.length > 0) {
      const total = unpaid.reduce((s, b) => s + b.amountFen - (b.paidFen ?? 0), 0);
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
  if (hasRole(caller, ...COMMUNITY_STAFF_ROLES) && caller.communityId) {
    const scope = { communityId: caller.communityId, ...(buildingBound(caller) ? { buildingId: { $in: caller.buildingIds } } : {}) };
    const [due, pending] = await Promise.all([
      ctx.store.count('feeAccounts', { ...scope, owingFen: { $gt: 0 }, nextStaffAt: { $lte: endOfLocalDay(localDateOf(ctx.now)) } }),
      ctx.store.count('paymentReports', { ...scope, status: 'pending' }),
    ]);
    if (due > 0) out.push({ key: 'fees-remind', kind: 'fee', title: '物业费催缴', detail: `${due} 户欠费待提醒`, count: due, link: ROUTES.fees.arrears });
    // Bills whose period may be near its end: due long enough ago; the rule decides with the proven reminders.
    const old = await ctx.store.find('bills', {
      communityId: caller.communityId,
      status: 'unpaid',
      dueDate: { $lte: addCalendarDays(addYears(localDateOf(ctx.now), -LIMITATION_YEARS), 366) },
    });
    const atRisk = new Set(
      billsAtRisk(
        old.map((b) => ({ billId: b._id, month: b.month, dueDate: b.dueDate, lastProvenAt: b.lastProvenAt })),
        ctx.now,
      ).map((r) => old.find((b) => b._id === r.billId)?.roomId),
    );
    if (atRisk.size > 0) {
      out.push({
        key: 'fees-limitation',
        kind: 'fee',
        title: '诉讼时效即将届满',
        detail: `${atRisk.size} 户需尽快书面催缴并留存送达凭证`,
        count: atRisk.size,
        overdue: true,
        link: ROUTES.fees.arrears,
      });
    }
    if (pending > 0)
      out.push({
        key: 'fees-reports',
        kind: 'fee',
        title: '缴费申报待确认',
        detail: `${pending} 笔业主申报已缴费`,
        count: pending,
        link: ROUTES.fees.payments,
      });
  }
  return out;
}
