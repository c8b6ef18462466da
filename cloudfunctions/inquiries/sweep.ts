import { AppError } from '@domain/errors';
import { OPEN_STATUSES, answerReminderDue, decide, inquiryNextActionAt, type Decision, type Inquiry } from '@domain/inquiry';
import type { EpochMs } from '@domain/model';
import { setNextAction, sweepDue, type SweepResult } from '../_shared/sweep';
import { loadCalendar } from '../_shared/calendar';
import { updateWithRetry } from '../_shared/guards';
import type { Runtime } from '../_shared/runtime';
import { alertDueSoon, alertOverdue } from './hooks';
import { headIdsByCommunity } from '../_shared/people';
import { systemAudit } from '../_shared/system-audit';
import { appendEvent } from './thread';

/**
 * Hourly, over the inquiries whose `nextActionAt` has come (not every open one): a reasonable item
 * past its due date is flagged overdue and escalated to the head (once per deadline); anything else
 * past due alerts the head; anything near its due date (answerReminderDue) alerts whoever must
 * answer. Then its `nextActionAt` moves on. Bounded per run (`sweepDue`); idempotent: flags are
 * checked on the freshest record, alert keys are fixed.
 */
export async function inquirySweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const calendar = await loadCalendar(rt.store);
  const result: SweepResult = { alertsCreated: 0, escalated: 0 };
  const headIds = headIdsByCommunity(rt.store);
  await sweepDue(rt, 'inquiries', now, async (found, vrt) => {
    let inq = found;
    if (!OPEN_STATUSES.includes(found.status)) {
      // Closed since: nothing to do.
    } else if (now <= found.due) {
      if (answerReminderDue(found, now, calendar)) result.alertsCreated += await alertDueSoon(vrt, now, found, await headIds(found.communityId));
    } else {
      if (found.status === 'in_progress' && found.flaggedDue !== found.due) {
        const flagged = await flagOverdue(vrt, now, found, calendar);
        if (flagged) {
          inq = flagged;
          result.escalated++;
        }
      }
      result.alertsCreated += await alertOverdue(vrt, now, inq, await headIds(inq.communityId));
    }
    await setNextAction(vrt, 'inquiries', inq, inquiryNextActionAt(inq, calendar, now));
  });
  return result;
}

async function flagOverdue(rt: Runtime, now: EpochMs, found: Inquiry, calendar: Awaited<ReturnType<typeof loadCalendar>>): Promise<Inquiry | null> {
  let decision: Decision | undefined;
  try {
    const inq = await updateWithRetry(rt.store, 'inquiries', found._id, (current) => {
      decision = decide(current, { type: 'flag_overdue' }, null, now, calendar);
      return decision.patch;
    });
    await appendEvent(rt.store, inq, decision!, null, now);
    await systemAudit(
      rt,
      now,
    )({
      type: 'inquiry.flagged_overdue',
      communityId: inq.communityId,
      subject: { kind: 'inquiry', id: inq._id },
      data: { from: decision!.from, to: decision!.to, dueDate: inq.dueDate },
    });
    return inq;
  } catch (e) {
    // Answered, escalated or flagged by someone else since it was read: nothing left to do.
    if (e instanceof AppError && e.code !== 'CONFLICT' && e.code !== 'NOT_FOUND') return null;
    throw e;
  }
}
