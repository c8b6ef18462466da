import type { EpochMs } from '@domain/model';
import { formatDayCn, type ObligationRecord } from '@domain/workbench';
import { ROUTES } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';

/**
 * The moments a duty alerts someone. Keys are built from the task, its due date and the person,
 * so an hourly sweep delivers each once; a re-assigned task alerts its new assignee afresh.
 */

export async function alertAssigned(rt: Runtime, now: EpochMs, t: ObligationRecord): Promise<boolean> {
  if (!t.assigneeId) return false;
  return raiseAlert(rt, now, {
    key: `ob-assigned:${t._id}:${t.version}`,
    personId: t.assigneeId,
    communityId: t.communityId,
    title: '您有新的事项待办',
    body: `${t.title}，${formatDayCn(t.dueDate)}到期。${t.ruleText}。`,
    link: ROUTES.staff.workbench,
    templateKey: 'deadline',
    templateValues: { thing1: t.title, time2: t.due, phrase3: '待办理', thing4: t.ruleText },
  });
}

export async function alertDueSoon(rt: Runtime, now: EpochMs, t: ObligationRecord, personId: string, countdown: string): Promise<boolean> {
  return raiseAlert(rt, now, {
    key: `ob-due:${t._id}:${t.dueDate}:${personId}`,
    personId,
    communityId: t.communityId,
    title: '事项即将到期',
    body: `${t.title}，${formatDayCn(t.dueDate)}到期（${countdown}）。${t.ruleText}。`,
    link: ROUTES.staff.workbench,
    templateKey: 'deadline',
    templateValues: { thing1: t.title, time2: t.due, phrase3: '即将到期', thing4: t.ruleText },
  });
}

export async function alertOverdue(rt: Runtime, now: EpochMs, t: ObligationRecord, personId: string): Promise<boolean> {
  return raiseAlert(rt, now, {
    key: `ob-overdue:${t._id}:${t.dueDate}:${personId}`,
    personId,
    communityId: t.communityId,
    title: '事项已逾期',
    body: `${t.title}已于${formatDayCn(t.dueDate)}到期，尚未完成。${t.ruleText}。`,
    link: ROUTES.staff.workbench,
    templateKey: 'deadline',
    templateValues: { thing1: t.title, time2: t.due, phrase3: '已逾期', thing4: t.ruleText },
  });
}
