/**
 * EXTENSION POINT — where the workbench's items come from.
 *
 * The workbench lists every due item of the caller in 已逾期 / 本周 / 本月 with its due date,
 * working-day countdown and rule. Obligations (the recurring duties) are the first source. A feature
 * that wants its own due items there (filings: latest filing dates; inquiries: answer deadlines)
 * does two things, touching nothing else of the workbench:
 *
 *   1. in its own folder, write a `WorkbenchSource`: given `{ ctx, caller, calendar }`, return the
 *      caller's open items, each built with `dueItem(...)` below so the date words, countdown and
 *      section are computed the same way as for obligations. Give each a `link` to the page where it
 *      is acted on (标记完成 is for obligations only) and filter to what the caller may see;
 *   2. add it to `SOURCES` here (one line).
 *
 * A source must be read-only and cheap: the workbench calls every source on each open.
 */
import type { EpochMs, Id } from '@domain/model';
import { hasRole, type Caller } from '@domain/roles';
import { canSeeTask, DONE_SHOWN_MS, type ObligationRecord } from '@domain/workbench';
import type { Query, Storage } from '../_shared/storage/port';
import type { WorkbenchSource } from './due-item';
import { ensureObligations } from './generate';
import { obligationItem, viewContext } from './views';
import { eventSource } from './event-items';

export type { SourceEnv, WorkbenchSource, DueItemInput } from './due-item';
export { dueItem } from './due-item';

/** Obligations the caller sees: open ones, and those done recently (so their documents can be found). */
export async function visibleObligations(store: Storage, caller: Caller, now: EpochMs): Promise<ObligationRecord[]> {
  let base: Query;
  if (hasRole(caller, 'general_manager')) base = {};
  else if (!caller.communityId) return [];
  else if (hasRole(caller, 'head')) base = { communityId: caller.communityId };
  else base = { communityId: caller.communityId, assigneeId: caller.personId };
  const [open, done] = await Promise.all([
    store.find('obligations', { ...base, doneAt: { $exists: false } }, { sort: [['dueDate', 1]] }),
    store.find('obligations', { ...base, doneAt: { $gte: now - DONE_SHOWN_MS } }, { sort: [['doneAt', -1]] }),
  ]);
  return [...open, ...done].filter((t) => canSeeTask(caller, t));
}

/** Communities whose duties the caller's visit should keep generated. */
async function communitiesOf(store: Storage, caller: Caller): Promise<Id[]> {
  if (hasRole(caller, 'general_manager')) return (await store.find('communities', {})).map((c) => c._id);
  return caller.communityId ? [caller.communityId] : [];
}

/** Opening the workbench generates lazily, so a community never waits for the hourly sweep. */
export const obligationSource: WorkbenchSource = async ({ ctx, caller, calendar }) => {
  for (const id of await communitiesOf(ctx.store, caller)) await ensureObligations(ctx.store, id, ctx.now, calendar, ctx.audit);
  const tasks = await visibleObligations(ctx.store, caller, ctx.now);
  const vc = await viewContext(ctx.store, caller, ctx.now, calendar, tasks);
  return tasks.map((t) => obligationItem(t, vc));
};

export const SOURCES: WorkbenchSource[] = [obligationSource, eventSource];
