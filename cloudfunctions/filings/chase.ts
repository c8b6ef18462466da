import { cadenceFor, chaseStep, nextChaseAt } from '@domain/alerts/cadence';
import { KIND_LABELS, type CommitteeDocument } from '@domain/documents';
import type { EpochMs } from '@domain/model';
import { ROUTES, routeUrl } from '@domain/routes';
import { formatLocal } from '@domain/time';
import { raiseAlert } from '../_shared/alerts';
import { loadCalendar } from '../_shared/calendar';
import { setNextAction, sweepDue, type Sweep } from '../_shared/sweep';

/**
 * Unsigned deliveries are chased on the community's `unsignedDelivery` cadence (alerts/cadence.ts):
 * before the response deadline when the document has one, and every few working days after it
 * (after delivery, when it has none). Opinion requests have their own sweep. Idempotent: the key
 * names the delivery, its due moment and the cadence step, so each step alerts the member once.
 */
export const deliveryChaseSweep: Sweep = async (rt, now) => {
  const { store } = rt;
  const calendar = await loadCalendar(store);
  const docs = new Map<string, Promise<CommitteeDocument | null>>();
  const communities = new Map<string, Promise<unknown>>();
  let alertsCreated = 0;
  // Only deliveries whose next chase moment has come are read (an indexed range), a bounded batch a run.
  await sweepDue(rt, 'deliveries', now, async (d, vrt) => {
    if (!docs.has(d.documentId)) docs.set(d.documentId, store.get('documents', d.documentId));
    const doc = await docs.get(d.documentId)!;
    if (d.signStatus !== 'PENDING' || d.documentKind === 'opinion_request' || !doc || doc.status !== 'sent' || doc.supersededBy) {
      await setNextAction(vrt, 'deliveries', d, null);
      return;
    }
    if (!communities.has(d.communityId)) communities.set(d.communityId, store.get('communities', d.communityId));
    const cadence = cadenceFor('unsignedDelivery', await communities.get(d.communityId));
    const dueDate = d.responseDue ?? doc.responseDue;
    const due: EpochMs = dueDate ?? d.deliveredAt;
    const step = chaseStep(cadence, due, now, calendar);
    // Without a due date there is nothing to warn of ahead: the chase starts after delivery.
    if (step && !(step === 'before' && dueDate === undefined)) {
      const late = step !== 'before';
      const ok = await raiseAlert(vrt, now, {
        key: `dlv-chase:${d._id}:${due}:${step}`,
        personId: d.memberId,
        communityId: d.communityId,
        title: `${late ? '尚未签收' : '即将到期'}：${doc.content.title}`,
        body: late
          ? `服务中心于 ${formatLocal(d.deliveredAt, 'YYYY-MM-DD')} 送达的${KIND_LABELS[doc.kind]}《${doc.content.title}》您尚未签收，请签收或提出异议。`
          : `${KIND_LABELS[doc.kind]}《${doc.content.title}》将于 ${formatLocal(due, 'YYYY-MM-DD')} 到期，请及时签收或提出异议。`,
        link: routeUrl(ROUTES.committee.document, { id: doc._id }),
        templateKey: 'deadline',
        templateValues: { thing1: doc.content.title, time2: due, phrase3: late ? '尚未签收' : '即将到期', thing4: `${KIND_LABELS[doc.kind]}·请签收` },
      });
      if (ok) alertsCreated++;
    }
    await setNextAction(vrt, 'deliveries', d, nextChaseAt(cadence, due, now, calendar));
  });
  return { alertsCreated, escalated: 0 };
};
