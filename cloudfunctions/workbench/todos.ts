import type { TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { formatLocal } from '@domain/time';
import { taskTiming, type ObligationRecord } from '@domain/workbench';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import type { QueryOf } from '../_shared/storage/port';
import { ensureObligations } from './generate';
import { obligationScope, openWhere, sectionRanges } from './sections';

/**
 * The centre's staff: overdue duties and those due this week, each a way into the workbench. The
 * number is in the title, so no `count` (the list would show it a second time as a bubble). Counted by
 * the store on the due-ordered index; only the first of each is read, for its title and countdown.
 */
export async function workbenchTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  if (!hasRole(caller, ...COMMUNITY_STAFF_ROLES) || !caller.communityId) return [];
  const calendar = await ctx.calendar();
  // Opening 首页 keeps the duties generated, as opening the workbench does (one read when nothing is new).
  await ensureObligations(ctx.store, caller.communityId, ctx.now, calendar, ctx.audit);
  // What `canSeeTask` allows: the head the whole community, others what is assigned to them.
  const open = openWhere(obligationScope(caller)!);
  const sections = sectionRanges(ctx.now);
  const overdueWhere = { ...open, due: sections.overdue };
  const weekWhere = { ...open, due: sections.thisWeek };
  // `find` with a limit of one, not `page`: it also sees the duties generated just above, still buffered.
  const firstOf = async (where: QueryOf<ObligationRecord>) => (await ctx.store.find('obligations', where, { sort: [['due', 1]], limit: 1 }))[0];
  const [overdue, week, firstOverdue, firstWeek] = await Promise.all([
    ctx.store.count('obligations', overdueWhere),
    ctx.store.count('obligations', weekWhere),
    firstOf(overdueWhere),
    firstOf(weekWhere),
  ]);
  const countdown = (t: ObligationRecord): string => taskTiming(t, ctx.now, calendar).countdownText;
  const out: TodoItem[] = [];
  if (overdue > 0 && firstOverdue) {
    out.push({
      key: 'workbench-overdue',
      kind: 'obligation',
      title: `逾期事项 ${overdue} 项`,
      detail: `${firstOverdue.title}（${countdown(firstOverdue)}）`,
      due: firstOverdue.due,
      dueText: `${formatLocal(firstOverdue.due, 'M月D日')}已到期`,
      overdue: true,
      link: ROUTES.staff.workbench,
    });
  }
  if (week > 0 && firstWeek) {
    out.push({
      key: 'workbench-week',
      kind: 'obligation',
      title: `本周到期事项 ${week} 项`,
      detail: `${firstWeek.title}（${countdown(firstWeek)}）`,
      due: firstWeek.due,
      dueText: `${formatLocal(firstWeek.due, 'M月D日')}前完成`,
      link: ROUTES.staff.workbench,
    });
  }
  return out;
}
