import { isLate } from '@domain/deadlines';
import type { EpochMs } from '@domain/model';
import { DUE_SOON_WORKING_DAYS, taskNextActionAt, taskTiming } from '@domain/workbench';
import { setNextAction, sweepDue, type SweepResult } from '../_shared/sweep';
import { loadCalendar } from '../_shared/calendar';
import type { Runtime } from '../_shared/runtime';
import { alertDueSoon, alertOverdue } from './alerts';
import { ensureObligations } from './generate';
import { headIdsByCommunity } from '../_shared/people';
import { systemAudit } from '../_shared/system-audit';

/**
 * Hourly: keeps every community's duties generated ahead, then, over the duties whose `nextActionAt`
 * has come, alerts the assignee of each due within two working days, and the assignee and the head of
 * each overdue one. Bounded per run (`sweepDue`); idempotent: generation is insert-if-absent and alert
 * keys are fixed per task, due date and person.
 */
export async function obligationSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const calendar = await loadCalendar(rt.store);
  const audit = systemAudit(rt, now);
  const communities = await rt.store.find('communities', {});
  for (const c of communities) await ensureObligations(rt.store, c._id, now, calendar, audit);

  const headIds = headIdsByCommunity(rt.store);

  const result: SweepResult = { alertsCreated: 0, escalated: 0 };
  await sweepDue(rt, 'obligations', now, async (t, vrt) => {
    if (t.doneAt === undefined) {
      const head = await headIds(t.communityId);
      const owners = t.assigneeId ? [t.assigneeId] : head;
      if (isLate(t, now)) {
        for (const personId of new Set([...owners, ...head])) if (await alertOverdue(vrt, now, t, personId)) result.alertsCreated++;
      } else {
        const timing = taskTiming(t, now, calendar);
        if (timing.workingDaysLeft <= DUE_SOON_WORKING_DAYS)
          for (const personId of owners) if (await alertDueSoon(vrt, now, t, personId, timing.countdownText)) result.alertsCreated++;
      }
    }
    await setNextAction(vrt, 'obligations', t, taskNextActionAt(t, calendar, now));
  });
  return result;
}
