import type { TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { arrearsSummary, unpaidScope } from './queries';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

export async function feeTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, 'owner')) {
    // An owner's own unpaid bills are a handful, and the total needs their amounts.
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
    const { dueNow: due, limitation } = await arrearsSummary(ctx, unpaidScope(caller));
    if (due > 0) {
      out.push({ key: 'fees-remind', kind: 'fee', title: '物业费催缴', detail: `${due} 笔欠费待提醒`, count: due, link: ROUTES.staff.arrears });
    }
    if (limitation > 0) {
      out.push({
        key: 'fees-limitation',
        kind: 'fee',
        title: '诉讼时效即将届满',
        detail: `${limitation} 笔欠费需尽快书面催缴并留存送达凭证`,
        count: limitation,
        overdue: true,
        link: ROUTES.staff.arrears,
      });
    }
  }
  return out;
}
