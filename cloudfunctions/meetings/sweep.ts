import { noticeReminderDue, periodOfDay, quarterStatus } from '@domain/meeting-rules';
import type { EpochMs } from '@domain/model';
import { ROUTES, routeUrl } from '@domain/routes';
import { addCalendarDays, endOfLocalDay, localDateOf, startOfLocalDay, type Quarter } from '@domain/time';
import { raiseAlert } from '../_shared/alerts';
import { loadCalendar } from '../_shared/calendar';
import { headsOf } from '../_shared/people';
import type { Runtime } from '../_shared/runtime';
import type { SweepResult } from '../_shared/sweep';

/** Look this far ahead for meetings whose notice is still unsigned (a long holiday fits inside). */
const AHEAD_DAYS = 14;

/**
 * Hourly: members who have not signed a meeting notice are reminded one working day before the
 * meeting; each community's head is alerted when the quarter's routine-meeting duty is at risk.
 * Keys name the delivery or the community and quarter, so a second run raises nothing.
 */
export async function meetingSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const { store } = rt;
  const today = localDateOf(now);
  const calendar = await loadCalendar(store);
  let alertsCreated = 0;
  const soon = await store.find('meetings', { status: 'scheduled', day: { $gte: today, $lte: addCalendarDays(today, AHEAD_DAYS) } });
  for (const m of soon) {
    if (!m.noticeDocumentId || !noticeReminderDue(m.day, now, calendar)) continue;
    for (const d of await store.find('deliveries', { documentId: m.noticeDocumentId, signStatus: 'PENDING' })) {
      const ok = await raiseAlert(rt, now, {
        key: `meeting-notice-soon:${d._id}`,
        personId: d.memberId,
        communityId: m.communityId,
        title: `会议即将召开，请签收通知：${m.title}`,
        body: `${m.title}将于 ${m.day} 在${m.place}召开，会议通知尚未签收。`,
        link: routeUrl(ROUTES.committee.document, { id: m.noticeDocumentId }),
        templateKey: 'deadline',
        templateValues: { thing1: m.title, time2: startOfLocalDay(m.day), phrase3: '待签收', thing4: '会议通知' },
      });
      if (ok) alertsCreated++;
    }
  }
  const period = periodOfDay(today);
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6)) as Quarter;
  for (const community of await store.find('communities', {})) {
    const [proposal, meetings, communications] = await Promise.all([
      store.get('meetingProposals', `mp_${community._id}_${period}`),
      store.find('meetings', { communityId: community._id, period, kind: 'routine' }),
      store.find('communications', { communityId: community._id, period }),
    ]);
    const status = quarterStatus({
      year,
      quarter,
      today,
      proposal: proposal ? { proposedOn: localDateOf(proposal.proposedAt), status: proposal.status } : undefined,
      meetingsHeld: meetings.filter((m) => m.status !== 'scheduled').map((m) => m.day),
      communications: communications.map((c) => c.on),
    });
    if (status.status !== 'at_risk') continue;
    for (const head of await headsOf(store, community._id)) {
      const ok = await raiseAlert(rt, now, {
        key: `quarter-risk:${community._id}:${period}:${status.reasons.length}:${head._id}`,
        personId: head._id,
        communityId: community._id,
        title: `${period}例行会议有未完成风险`,
        body: status.reasons.join('；'),
        link: routeUrl(ROUTES.meetings.quarters),
        templateKey: 'deadline',
        templateValues: { thing1: `${period}例行会议`, time2: endOfLocalDay(status.lastDay), phrase3: '有风险', thing4: '季度沟通义务' },
      });
      if (ok) alertsCreated++;
    }
  }
  return { alertsCreated, escalated: 0 };
}
