import type { TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { formatLocal } from '@domain/time';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { obligationSource } from './sources';

/**
 * The centre's staff: overdue duties and those due this week, each a way into the workbench. The
 * number is in the title, so no `count` (the list would show it a second time as a bubble).
 */
export async function workbenchTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  if (!hasRole(caller, ...COMMUNITY_STAFF_ROLES) || !caller.communityId) return [];
  const items = await obligationSource({ ctx, caller, calendar: await ctx.calendar() });
  const byDue = (a: { due: number }, b: { due: number }): number => a.due - b.due;
  const overdue = items.filter((i) => i.section === 'overdue').sort(byDue);
  const week = items.filter((i) => i.section === 'thisWeek').sort(byDue);
  const out: TodoItem[] = [];
  if (overdue.length > 0) {
    const first = overdue[0]!;
    out.push({
      key: 'workbench-overdue',
      kind: 'obligation',
      title: `逾期事项 ${overdue.length} 项`,
      detail: `${first.title}（${first.countdownText}）`,
      due: first.due,
      dueText: `${formatLocal(first.due, 'M月D日')}已到期`,
      overdue: true,
      link: ROUTES.staff.workbench,
    });
  }
  if (week.length > 0) {
    const first = week[0]!;
    out.push({
      key: 'workbench-week',
      kind: 'obligation',
      title: `本周到期事项 ${week.length} 项`,
      detail: `${first.title}（${first.countdownText}）`,
      due: first.due,
      dueText: `${formatLocal(first.due, 'M月D日')}前完成`,
      link: ROUTES.staff.workbench,
    });
  }
  return out;
}
