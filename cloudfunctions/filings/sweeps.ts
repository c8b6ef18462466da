import { opinionReminderDue } from '@domain/documents';
import type { EpochMs } from '@domain/model';
import type { SweepResult } from '../_shared/sweep';
import { loadCalendar } from '../_shared/calendar';
import type { Runtime } from '../_shared/runtime';
import { alertCollectOpinions, alertOpinionDueSoon } from './hooks';

const DAY = 86_400_000;
/** A request whose deadline passed longer ago than this has had its collection alert already. */
const LOOK_BACK = 30 * DAY;

/**
 * Opinion requests: near the deadline (opinionReminderDue), members who have not answered are
 * reminded; once it has passed, the sender is told to collect the missing opinions. Idempotent:
 * every alert key names the delivery or the document.
 */
export async function opinionSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const { store } = rt;
  const docs = await store.find('documents', { kind: 'opinion_request', status: 'sent', responseDue: { $gte: now - LOOK_BACK } });
  const calendar = await loadCalendar(store);
  let alertsCreated = 0;
  for (const doc of docs) {
    if (doc.supersededBy || doc.responseDue === undefined) continue;
    const missing = await store.find('deliveries', { documentId: doc._id, signStatus: 'PENDING' });
    if (missing.length === 0) continue;
    if (now <= doc.responseDue) {
      if (!opinionReminderDue(doc, now, calendar)) continue;
      for (const d of missing) if (await alertOpinionDueSoon(rt, now, doc, d)) alertsCreated++;
    } else if (doc.sentById && (await alertCollectOpinions(rt, now, doc, missing))) {
      alertsCreated++;
    }
  }
  return { alertsCreated, escalated: 0 };
}
