import type { TodoItem } from '@domain/api/session';
import { AWAITING_RATING, OPEN_STATUSES, type Inquiry } from '@domain/inquiry';
import { OWNER_SIDE_ROLES, hasRole, isStaff, type Caller } from '@domain/roles';
import { countText } from '@domain/paging';
import { formatLocal } from '@domain/time';
import { askerInquiryUrl, ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { countUpTo } from '../_shared/paging';
import type { QueryOf } from '../_shared/storage/port';
import { firstDue, queueBranches, queueCounts } from './queue';

/**
 * Staff: what is due or overdue in their queue. Askers: answers waiting for their rating, and (undated,
 * so listed last) their questions still being handled, which is also their way back to 我的提问.
 * Everything is counted by the store; at most one record is read per line.
 */
export async function inquiryTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, ...OWNER_SIDE_ROLES)) out.push(...(await askerTodos(ctx, caller)));
  if (isStaff(caller)) {
    const branches = queueBranches(caller, ctx.now);
    const [{ total, overdue }, first] = await Promise.all([queueCounts(ctx.store, branches, ctx.now), firstDue(ctx.store, branches)]);
    if (total > 0 && first) {
      out.push({
        key: 'inquiry-queue',
        kind: 'inquiry',
        title: hasRole(caller, 'general_manager') ? '上报事项待处理' : '提问待处理',
        detail: overdue > 0 ? `${countText(total)} 项待处理，其中 ${overdue} 项已逾期` : `${countText(total)} 项待处理，最早 ${first.dueDate} 到期`,
        due: first.due,
        dueText: `${formatLocal(first.due, 'M月D日')}前答复`,
        overdue: overdue > 0,
        count: total,
        link: ROUTES.staff.queue,
      });
    }
  }
  return out;
}

async function askerTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  const answered: QueryOf<Inquiry> = { askerId: caller.personId, status: { $in: [...AWAITING_RATING] } };
  const waiting: QueryOf<Inquiry> = { askerId: caller.personId, status: { $in: [...OPEN_STATUSES] } };
  const count = (q: QueryOf<Inquiry>) => countUpTo(ctx.store, 'inquiries', q);
  const [answeredCount, answeredOwner, waitingCount, waitingOwner] = await Promise.all([
    count(answered),
    count({ ...answered, channel: 'owner' }),
    count(waiting),
    count({ ...waiting, channel: 'owner' }),
  ]);
  // Each list lives with its channel: all of them the committee's → the committee's page.
  const listOf = (ownerCount: number) => (ownerCount === 0 ? ROUTES.committee.inquiries : ROUTES.owner.inquiries);
  if (answeredCount > 0) {
    const only = answeredCount === 1 ? (await ctx.store.page('inquiries', answered, { limit: 1 })).items[0] : undefined;
    out.push({
      key: 'inquiry-rate',
      kind: 'inquiry',
      title: '提问已答复，请评价',
      detail: `${countText(answeredCount)} 个提问已答复或说明，请查看并评价是否满意`,
      count: answeredCount,
      link: only ? askerInquiryUrl(only.channel, only._id) : listOf(answeredOwner),
    });
  }
  if (waitingCount > 0) {
    const [first] = (await ctx.store.page('inquiries', waiting, { sort: [['due', 1]], limit: 1 })).items;
    out.push({
      key: 'inquiry-waiting',
      kind: 'inquiry',
      title: '我的提问处理中',
      detail: `${countText(waitingCount)} 个提问正在处理，服务中心将于 ${formatLocal(first!.due, 'M月D日')} 前答复`,
      count: waitingCount,
      link: listOf(waitingOwner),
    });
  }
  return out;
}
