import { cadenceFor, escalationsDue } from '@domain/alerts/cadence';
import { KIND_LABELS, OPEN_STATUSES } from '@domain/inquiry';
import { ROUTES, routeUrl } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import { loadCalendar } from '../_shared/calendar';
import { generalManagers } from '../_shared/people';
import { SWEEP_BATCH, type Sweep } from '../_shared/sweep';

/** Longer than any cadence's step to the general manager (days of holidays included). */
const GM_STEP_WINDOW_MS = 30 * 24 * 3600_000;

/**
 * The second step of the inquiry cadence: an inquiry still unanswered a further working day after
 * it went overdue (and was flagged to the head by inquirySweep, which runs first) reaches the
 * general manager.
 * Idempotent: one alert per inquiry, due moment and general manager.
 */
export const inquiryGmEscalationSweep: Sweep = async (rt, now) => {
  const { store } = rt;
  // The general manager's step comes a working day or so after the due moment: only items that went
  // overdue recently can still need it (older ones were escalated then), so the read is bounded by
  // recent activity, not by history; and by SWEEP_BATCH a run.
  const overdue = await store.find(
    'inquiries',
    { status: { $in: [...OPEN_STATUSES] }, due: { $lt: now, $gte: now - GM_STEP_WINDOW_MS } },
    { sort: [['due', 1]], limit: SWEEP_BATCH },
  );
  if (overdue.length === 0) return { alertsCreated: 0, escalated: 0 };
  const calendar = await loadCalendar(store);
  const gms = await generalManagers(store);
  let alertsCreated = 0;
  let escalated = 0;
  for (const i of overdue) {
    // Already the general manager's own (escalated as beyond the centre): they were told then.
    // Only a flagged overdue (a reasonable item past its 3 working days) goes up: the flag is also
    // what lets the general manager open it (inquiryAccess).
    if (i.escalatedAt !== undefined || i.flaggedDue !== i.due) continue;
    const community = await store.get('communities', i.communityId);
    const steps = escalationsDue(cadenceFor('inquiry', community), i.due, now, calendar);
    if (!steps.some((s) => s.to === 'general_manager')) continue;
    const subject = `${KIND_LABELS[i.kind]}：${i.text.split('\n')[0]!.trim()}`;
    let any = false;
    for (const gm of gms) {
      const ok = await raiseAlert(rt, now, {
        key: `inq-overdue-gm:${i._id}:${i.due}:${gm._id}`,
        personId: gm._id,
        communityId: i.communityId,
        title: `${community?.name ?? ''}提问逾期未答复`,
        body: `${subject}。答复期限 ${i.dueDate} 已过一个工作日以上，服务中心负责人已收到逾期提醒，仍未答复。`,
        link: routeUrl(ROUTES.staff.inquiry, { id: i._id }),
        templateKey: 'deadline',
        templateValues: { thing1: subject, time2: i.due, phrase3: '逾期上报', thing4: `${community?.name ?? '小区'}提问逾期未答复` },
      });
      if (ok) {
        alertsCreated++;
        any = true;
      }
    }
    if (any) escalated++;
  }
  return { alertsCreated, escalated };
};
