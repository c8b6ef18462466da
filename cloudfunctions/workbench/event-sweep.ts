import { cadenceFor } from '@domain/alerts/cadence';
import type { Deadline } from '@domain/deadlines';
import type { EpochMs, Id } from '@domain/model';
import { eventAlertsDue, eventDeadline, eventNextActionAt, type EventAlert, type NotificationEvent } from '@domain/notification-events';
import { routeUrl, ROUTES } from '@domain/routes';
import { formatDayCn } from '@domain/workbench';
import { raiseAlert } from '../_shared/alerts';
import { loadCalendar } from '../_shared/calendar';
import { generalManagers, headIdsByCommunity } from '../_shared/people';
import type { Runtime } from '../_shared/runtime';
import { setNextAction, sweepDue, type SweepResult } from '../_shared/sweep';

const PHRASES: Record<EventAlert['stage'], string> = { due_soon: '即将到期', overdue: '已逾期', escalated: '逾期未通报' };
const TITLES: Record<EventAlert['stage'], string> = { due_soon: '需通报事项即将到期', overdue: '需通报事项已逾期', escalated: '需通报事项逾期未通报' };

/**
 * Hourly: over the open 需通报事项 whose `nextActionAt` has come, raises what the community's
 * `notificationEvent` cadence owes now — the recorder before the due day and on each repeat after it,
 * the head (and whoever else the cadence names) once overdue. Keys are fixed per event, due day, step
 * and person, so a run started twice alerts once.
 */
export async function notificationEventSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const calendar = await loadCalendar(rt.store);
  const heads = headIdsByCommunity(rt.store);
  const communities = new Map<Id, Promise<unknown>>();
  const communityOf = (id: Id) => {
    if (!communities.has(id)) communities.set(id, rt.store.get('communities', id));
    return communities.get(id)!;
  };
  const result: SweepResult = { alertsCreated: 0, escalated: 0 };
  await sweepDue(rt, 'notificationEvents', now, async (e, vrt) => {
    const cadence = cadenceFor('notificationEvent', await communityOf(e.communityId));
    const deadline = eventDeadline(e, calendar);
    for (const alert of eventAlertsDue(e, now, calendar, cadence)) {
      const people =
        alert.to === 'recorder' ? [e.recordedById] : alert.to === 'head' ? await heads(e.communityId) : (await generalManagers(rt.store)).map((p) => p._id);
      let raised = 0;
      for (const personId of people) if (await alertEvent(vrt, now, e, alert, personId, deadline)) raised++;
      result.alertsCreated += raised;
      if (raised > 0 && alert.stage === 'escalated') result.escalated++;
    }
    await setNextAction(vrt, 'notificationEvents', e, eventNextActionAt(e, now, calendar, cadence));
  });
  return result;
}

function alertEvent(rt: Runtime, now: EpochMs, e: NotificationEvent, alert: EventAlert, personId: Id, deadline: Deadline): Promise<boolean> {
  const dueText = formatDayCn(deadline.dueDate);
  return raiseAlert(rt, now, {
    key: `nev:${e._id}:${deadline.dueDate}:${alert.step}:${personId}`,
    personId,
    communityId: e.communityId,
    title: TITLES[alert.stage],
    body: `${e.description}：${deadline.ruleText}，${dueText}到期${alert.stage === 'due_soon' ? '' : '，尚未通报'}。`,
    link: routeUrl(ROUTES.staff.events, { id: e._id }),
    templateKey: 'deadline',
    templateValues: { thing1: `通报：${e.description}`, time2: deadline.due, phrase3: PHRASES[alert.stage], thing4: deadline.ruleText },
  });
}
