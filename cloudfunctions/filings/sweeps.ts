import { opinionNextActionAt, opinionReminderDue } from '@domain/documents';
import type { EpochMs } from '@domain/model';
import { setNextAction, sweepDue, type SweepResult } from '../_shared/sweep';
import { loadCalendar } from '../_shared/calendar';
import type { Runtime } from '../_shared/runtime';
import { alertCollectOpinions, alertOpinionDueSoon } from './hooks';

/**
 * Opinion requests whose `nextActionAt` has come: near the deadline (opinionReminderDue), members who
 * have not answered are reminded; once it has passed, the sender is told to collect the missing
 * opinions. Bounded per run (`sweepDue`); idempotent: every alert key names the delivery or the document.
 */
export async function opinionSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const { store } = rt;
  const calendar = await loadCalendar(store);
  let alertsCreated = 0;
  await sweepDue(rt, 'documents', now, async (doc, vrt) => {
    const live = !doc.supersededBy && doc.status === 'sent' && doc.responseDue !== undefined;
    const missing = live ? await store.find('deliveries', { documentId: doc._id, signStatus: 'PENDING' }) : [];
    if (missing.length > 0 && now <= doc.responseDue!) {
      if (opinionReminderDue(doc, now, calendar)) for (const d of missing) if (await alertOpinionDueSoon(vrt, now, doc, d)) alertsCreated++;
    } else if (missing.length > 0 && doc.sentById && (await alertCollectOpinions(vrt, now, doc, missing))) {
      alertsCreated++;
    }
    await setNextAction(vrt, 'documents', doc, live ? opinionNextActionAt(doc, calendar, now) : null);
  });
  return { alertsCreated, escalated: 0 };
}
