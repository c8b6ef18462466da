import { isLate } from '@domain/deadlines';
import type { EpochMs } from '@domain/model';
import { addCalendarDays, localDateOf } from '@domain/time';
import { DUE_SOON_WORKING_DAYS, taskTiming } from '@domain/workbench';
import type { SweepResult } from '../_shared/sweep';
import { loadCalendar } from '../_shared/calendar';
import type { Runtime } from '../_shared/runtime';
import { alertDueSoon, alertOverdue } from './alerts';
import { ensureObligations } from './generate';
import { headsOf } from '../_shared/people';
import { systemAudit } from '../_shared/system-audit';

// Two working days never span more than this many calendar days, even across the Spring Festival.
const DUE_SOON_LOOKAHEAD_DAYS = 14;

/**
 * Hourly: keeps every community's duties generated ahead, then alerts the assignee of each duty due
 * within two working days, and the assignee and the head of each overdue one. Idempotent: generation
 * is insert-if-absent and alert keys are fixed per task, due date and person.
 */
export async function obligationSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const calendar = await loadCalendar(rt.store);
  const audit = systemAudit(rt, now);
  const communities = await rt.store.find('communities', {});
  for (const c of communities) await ensureObligations(rt.store, c._id, now, calendar, audit);

  const horizon = addCalendarDays(localDateOf(now), DUE_SOON_LOOKAHEAD_DAYS);
  const open = await rt.store.find('obligations', { doneAt: { $exists: false }, dueDate: { $lte: horizon } });
  const heads = await headsOf(rt.store, [...new Set(open.map((t) => t.communityId))]);
  const headIds = (communityId: string): string[] => heads.filter((h) => h.communityId === communityId).map((h) => h._id);

  const result: SweepResult = { alertsCreated: 0, escalated: 0 };
  for (const t of open) {
    const owners = t.assigneeId ? [t.assigneeId] : headIds(t.communityId);
    if (isLate(t, now)) {
      for (const personId of new Set([...owners, ...headIds(t.communityId)])) {
        if (await alertOverdue(rt, now, t, personId)) result.alertsCreated++;
      }
      continue;
    }
    const timing = taskTiming(t, now, calendar);
    if (timing.workingDaysLeft > DUE_SOON_WORKING_DAYS) continue;
    for (const personId of owners) {
      if (await alertDueSoon(rt, now, t, personId, timing.countdownText)) result.alertsCreated++;
    }
  }
  return result;
}
