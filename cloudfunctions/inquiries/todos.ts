import type { TodoItem } from '@domain/api/session';
import { AWAITING_RATING, OPEN_STATUSES, inQueueOf, isOverdue } from '@domain/inquiry';
import { OWNER_SIDE_ROLES, hasRole, isStaff, type Caller } from '@domain/roles';
import { formatLocal } from '@domain/time';
import { askerInquiryUrl, ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import type { Query } from '../_shared/storage/port';

/**
 * Staff: what is due or overdue in their queue. Askers: answers waiting for their rating, and (undated,
 * so listed last) their questions still being handled, which is also their way back to 我的提问.
 */
export async function inquiryTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, ...OWNER_SIDE_ROLES)) {
    const answered = await ctx.store.find('inquiries', { askerId: caller.personId, status: { $in: [...AWAITING_RATING] } }, { sort: [['respondedAt', -1]] });
    if (answered.length > 0) {
      const only = answered.length === 1 ? answered[0] : undefined;
      out.push({
        key: 'inquiry-rate',
        kind: 'inquiry',
        title: '提问已答复，请评价',
        detail: `${answered.length} 个提问已答复或说明，请查看并评价是否满意`,
        count: answered.length,
        link: only
          ? askerInquiryUrl(only.channel, only._id)
          : answered.every((i) => i.channel === 'committee')
            ? ROUTES.committee.inquiries
            : ROUTES.owner.inquiries,
      });
    }
    const waiting = await ctx.store.find('inquiries', { askerId: caller.personId, status: { $in: [...OPEN_STATUSES] } }, { sort: [['due', 1]] });
    if (waiting.length > 0) {
      out.push({
        key: 'inquiry-waiting',
        kind: 'inquiry',
        title: '我的提问处理中',
        detail: `${waiting.length} 个提问正在处理，服务中心将于 ${formatLocal(waiting[0]!.due, 'M月D日')} 前答复`,
        count: waiting.length,
        link: waiting.every((i) => i.channel === 'committee') ? ROUTES.committee.inquiries : ROUTES.owner.inquiries,
      });
    }
  }
  if (isStaff(caller)) {
    const where: Query = hasRole(caller, 'general_manager') ? { escalatedAt: { $exists: true } } : { communityId: caller.communityId };
    where.status = { $in: [...OPEN_STATUSES] };
    const mine = (await ctx.store.find('inquiries', where, { sort: [['due', 1]] })).filter((i) => inQueueOf(caller, i, ctx.now));
    if (mine.length > 0) {
      const overdue = mine.filter((i) => isOverdue(i, ctx.now)).length;
      const first = mine[0]!;
      out.push({
        key: 'inquiry-queue',
        kind: 'inquiry',
        title: hasRole(caller, 'general_manager') ? '上报事项待处理' : '提问待处理',
        detail: overdue > 0 ? `${mine.length} 项待处理，其中 ${overdue} 项已逾期` : `${mine.length} 项待处理，最早 ${first.dueDate} 到期`,
        due: first.due,
        dueText: `${formatLocal(first.due, 'M月D日')}前答复`,
        overdue: overdue > 0,
        count: mine.length,
        link: ROUTES.staff.queue,
      });
    }
  }
  return out;
}
