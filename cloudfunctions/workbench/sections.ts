import type { WorkbenchSection } from '@domain/workbench';
import { DONE_SHOWN_MS, endOfWeek, type ObligationRecord } from '@domain/workbench';
import { hasRole, type Caller } from '@domain/roles';
import { endOfLocalDay, lastDayOfMonth, localDateOf, monthOf, type EpochMs } from '@domain/time';
import { countUpTo } from '../_shared/paging';
import type { FieldCondition, QueryOf, Storage } from '../_shared/storage/port';

/**
 * The workbench's sections as ranges of the stored due moment (the end of the due day), so each is
 * one stretch of the due-ordered indexes and is counted or read without touching the rest:
 * 已逾期 before now, 本周 to Sunday's end, 本月 to the month's end, 以后 after (as `sectionOf` sorts).
 */
export function sectionRanges(now: EpochMs): Record<Exclude<WorkbenchSection, 'done'>, FieldCondition> {
  const today = localDateOf(now);
  const week = endOfLocalDay(endOfWeek(today));
  const month = Math.max(week, endOfLocalDay(lastDayOfMonth(monthOf(today))));
  return {
    overdue: { $lt: now },
    thisWeek: { $gte: now, $lte: week },
    thisMonth: { $gt: week, $lte: month },
    later: { $gt: month },
  };
}

/** Which duties the caller sees (`canSeeTask` as a query); null: none. */
export function obligationScope(caller: Caller): QueryOf<ObligationRecord> | null {
  if (hasRole(caller, 'general_manager')) return {};
  if (!caller.communityId) return null;
  if (hasRole(caller, 'head')) return { communityId: caller.communityId };
  return { communityId: caller.communityId, assigneeId: caller.personId };
}

export const openWhere = (scope: QueryOf<ObligationRecord>): QueryOf<ObligationRecord> => ({ ...scope, doneAt: { $exists: false } });
export const doneWhere = (scope: QueryOf<ObligationRecord>, now: EpochMs): QueryOf<ObligationRecord> => ({
  ...scope,
  doneAt: { $gte: now - DONE_SHOWN_MS },
});

export async function sectionCounts(store: Storage, scope: QueryOf<ObligationRecord>, now: EpochMs): Promise<Record<WorkbenchSection, number>> {
  const r = sectionRanges(now);
  const open = openWhere(scope);
  const [overdue, thisWeek, thisMonth, later, done] = await Promise.all([
    store.count('obligations', { ...open, due: r.overdue }),
    store.count('obligations', { ...open, due: r.thisWeek }),
    store.count('obligations', { ...open, due: r.thisMonth }),
    countUpTo(store, 'obligations', { ...open, due: r.later }),
    countUpTo(store, 'obligations', doneWhere(scope, now)),
  ]);
  return { overdue, thisWeek, thisMonth, later, done };
}
