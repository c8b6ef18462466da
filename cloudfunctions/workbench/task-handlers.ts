import { AppError } from '@domain/errors';
import { STAFF_ROLE_LABELS } from '@domain/model';
import { DEFAULT_PAGE } from '@domain/paging';
import { hasRole, isStaffRole, type Caller } from '@domain/roles';
import { forbiddenMessage } from '@domain/who-may';
import { ASSIGNABLE_ROLES, assignTask, canAssignTask, canCompleteTask, canSeeTask, completeTask, type ObligationRecord } from '@domain/workbench';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { pageOf, type PageInput } from '../_shared/paging';
import { encodeCursor, pageOrder, type QueryOf } from '../_shared/storage/port';
import { ensureObligations } from './generate';
import { alertAssigned } from './alerts';
import { doneWhere, obligationScope, openWhere, sectionCounts } from './sections';
import { SOURCES } from './sources';
import { obligationItem, viewContext, workbenchHeader } from './views';

type TaskActions = 'list' | 'generate' | 'markDone' | 'assign' | 'assignees';

/** A task the caller may not see answers NOT_FOUND, so other people's duties do not leak. */
async function loadTask(ctx: ActionContext, caller: Caller, id: string): Promise<ObligationRecord> {
  const task = await ctx.store.get('obligations', id);
  if (!task || !canSeeTask(caller, task)) throw new AppError('NOT_FOUND', '事项不存在或未分派给您');
  return task;
}

async function itemOf(ctx: ActionContext, caller: Caller, task: ObligationRecord) {
  const calendar = await ctx.calendar();
  return obligationItem(task, await viewContext(ctx.store, caller, ctx.now, calendar, [task]));
}

/** Communities whose duties the caller's visit should keep generated. */
async function communitiesOf(ctx: ActionContext, caller: Caller): Promise<string[]> {
  if (hasRole(caller, 'general_manager')) return (await ctx.store.find('communities', {})).map((c) => c._id);
  return caller.communityId ? [caller.communityId] : [];
}

export const list: Handler<'workbench', 'list'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const calendar = await ctx.calendar();
  // Opening the workbench generates lazily, so a community never waits for the hourly sweep.
  for (const id of await communitiesOf(ctx, caller)) await ensureObligations(ctx.store, id, ctx.now, calendar, ctx.audit);
  const header = workbenchHeader(caller, ctx.now);
  const scope = obligationScope(caller);
  if (!scope) return { ...header, counts: { overdue: 0, thisWeek: 0, thisMonth: 0, later: 0, done: 0 }, items: [], next: null };
  const where = input.done ? doneWhere(scope, ctx.now) : openWhere(scope);
  const sort: Array<['due' | 'doneAt', 1 | -1]> = input.done ? [['doneAt', -1]] : [['due', 1]];
  const [counts, page, extra] = await Promise.all([
    sectionCounts(ctx.store, scope, ctx.now),
    firstOrNextPage(ctx, where, sort, input),
    input.done ? [] : Promise.all(SOURCES.map((source) => source({ ctx, caller, calendar }))).then((lists) => lists.flat()),
  ]);
  const vc = await viewContext(ctx.store, caller, ctx.now, calendar, page.items);
  const items = page.items.map((t) => obligationItem(t, vc));
  // Other sources' few open items ride on the first page, in due order; their sections join the counts.
  for (const item of extra) counts[item.section] += 1;
  const first = input.after ? items : [...items, ...extra].sort((a, b) => a.due - b.due);
  return { ...header, counts, items: first, next: page.next };
};

/**
 * The first page through `find`, which also sees the duties generated a moment ago (still buffered in
 * this request); later pages by cursor, when those are long stored.
 */
async function firstOrNextPage(ctx: ActionContext, where: QueryOf<ObligationRecord>, sort: Array<['due' | 'doneAt', 1 | -1]>, input: PageInput) {
  if (input.after) return pageOf(ctx.store, 'obligations', where, sort, input);
  const limit = input.limit ?? DEFAULT_PAGE;
  const got = await ctx.store.find('obligations', where, { sort: pageOrder(sort) as typeof sort, limit: limit + 1 });
  const items = got.slice(0, limit);
  return { items, next: got.length > limit ? encodeCursor(pageOrder(sort), items[items.length - 1]!) : null };
}

export const generate: Handler<'workbench', 'generate'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const communityId = caller.communityId!;
  const { created } = await ensureObligations(ctx.store, communityId, ctx.now, await ctx.calendar(), ctx.audit);
  return { created: created.length, total: await ctx.store.count('obligations', { communityId }) };
};

export const markDone: Handler<'workbench', 'markDone'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const task = await loadTask(ctx, caller, input.taskId);
  if (!canCompleteTask(caller, task)) throw new AppError('FORBIDDEN', forbiddenMessage(['head'], ['被指派的工作人员']));
  // A linked document must be one this community actually has; its existence is checked, not trusted.
  if (input.documentId) await loadVisible(ctx.store, 'documents', input.documentId, caller);
  const done = await updateWithRetry(ctx.store, 'obligations', task._id, (current) => completeTask(current, caller.personId, input, ctx.now));
  await ctx.audit({
    type: 'obligation.done',
    communityId: task.communityId,
    subject: { kind: 'obligation', id: task._id },
    data: { dueDate: task.dueDate, late: ctx.now > task.due, ...done.done },
  });
  return itemOf(ctx, caller, done);
};

export const assign: Handler<'workbench', 'assign'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const task = await loadTask(ctx, caller, input.taskId);
  if (!canAssignTask(caller, task)) throw new AppError('FORBIDDEN', forbiddenMessage(['head']));
  if (input.assigneeId) {
    const person = await ctx.store.get('people', input.assigneeId);
    const assignable = isStaffRole(person?.staffRole, ASSIGNABLE_ROLES);
    if (!person || person.communityId !== task.communityId || !assignable) throw new AppError('ASSIGNEE_NOT_STAFF');
  }
  const assigned = await updateWithRetry(ctx.store, 'obligations', task._id, (current) => assignTask(current, input.assigneeId, caller.personId, ctx.now));
  await ctx.audit({
    type: 'obligation.assigned',
    communityId: task.communityId,
    subject: { kind: 'obligation', id: task._id },
    data: { previous: task.assigneeId ?? null, assigneeId: input.assigneeId },
  });
  if (input.assigneeId && input.assigneeId !== caller.personId) await alertAssigned(ctx.rt, ctx.now, assigned);
  return itemOf(ctx, caller, assigned);
};

export const assignees: Handler<'workbench', 'assignees'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const people = await ctx.store.find('people', { communityId: caller.communityId, staffRole: { $in: [...ASSIGNABLE_ROLES] } }, { sort: [['_id', 1]] });
  return people.map((p) => ({ personId: p._id, name: p.name, roleLabel: p.staffRole ? STAFF_ROLE_LABELS[p.staffRole] : '' }));
};

export const taskHandlers: Pick<Handlers<'workbench'>, TaskActions> = { list, generate, markDone, assign, assignees };
