import { KIND_LABELS, type Inquiry } from '@domain/inquiry';
import type { EpochMs } from '@domain/model';
import { askerInquiryUrl, ROUTES, routeUrl } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';
import { generalManagers, headsOf } from '../_shared/people';

/**
 * The moments an inquiry alerts someone. Keys are deterministic (record, version or deadline), so
 * a retried request or a second sweep delivers nothing twice.
 */
const subject = (i: Inquiry): string => `${KIND_LABELS[i.kind]}：${i.text.split('\n')[0]!.trim()}`;

/** Answered or explained → the asker. */
export async function alertAnswered(rt: Runtime, now: EpochMs, i: Inquiry, explained: boolean): Promise<boolean> {
  return raiseAlert(rt, now, {
    key: `inq-answered:${i._id}:${i.version}`,
    personId: i.askerId,
    communityId: i.communityId,
    title: explained ? '您的提问已有解释说明' : '您的提问已有答复',
    body: `${subject(i)}。请查看并评价是否满意。`,
    link: askerInquiryUrl(i.channel, i._id),
    templateKey: 'answered',
    templateValues: { thing1: subject(i), phrase2: explained ? '已说明' : '已答复', time3: now },
  });
}

/** Cannot be resolved → every general manager, who now owns it, and the head for the record. */
export async function alertEscalated(rt: Runtime, now: EpochMs, i: Inquiry): Promise<number> {
  const people = [...(await generalManagers(rt.store)), ...(await headsOf(rt.store, i.communityId))];
  let created = 0;
  for (const p of people) {
    const ok = await raiseAlert(rt, now, {
      key: `inq-escalated:${i._id}:${i.version}:${p._id}`,
      personId: p._id,
      communityId: i.communityId,
      title: '有事项上报总经理',
      body: `${subject(i)}。服务中心无法解决，已上报总经理处理，答复期限 ${i.dueDate}。`,
      link: routeUrl(ROUTES.staff.inquiry, { id: i._id }),
      templateKey: 'deadline',
      templateValues: { thing1: subject(i), time2: i.due, phrase3: '已上报', thing4: '服务中心无法解决' },
    });
    if (ok) created++;
  }
  return created;
}

export async function alertAssigned(rt: Runtime, now: EpochMs, i: Inquiry): Promise<boolean> {
  if (!i.assigneeId) return false;
  return raiseAlert(rt, now, {
    key: `inq-assigned:${i._id}:${i.version}`,
    personId: i.assigneeId,
    communityId: i.communityId,
    title: '您有新的提问待处理',
    body: `${subject(i)}。请在 ${i.dueDate} 前答复。`,
    link: routeUrl(ROUTES.staff.inquiry, { id: i._id }),
    templateKey: 'deadline',
    templateValues: { thing1: subject(i), time2: i.due, phrase3: '待处理', thing4: '请按期答复' },
  });
}

/** One working day before the due day → the assignee, or the head(s) while nobody is assigned. */
export async function alertDueSoon(rt: Runtime, now: EpochMs, i: Inquiry, headIds: string[]): Promise<number> {
  const to = i.assigneeId ? [i.assigneeId] : headIds;
  let created = 0;
  for (const personId of to) {
    const ok = await raiseAlert(rt, now, {
      key: `inq-due-soon:${i._id}:${i.due}:${personId}`,
      personId,
      communityId: i.communityId,
      title: '提问即将到期',
      body: `${subject(i)}。答复期限 ${i.dueDate}，请尽快处理。`,
      link: routeUrl(ROUTES.staff.inquiry, { id: i._id }),
      templateKey: 'deadline',
      templateValues: { thing1: subject(i), time2: i.due, phrase3: '即将到期', thing4: '请按期答复' },
    });
    if (ok) created++;
  }
  return created;
}

/** Past due → the head(s), or the general manager for what they own. */
export async function alertOverdue(rt: Runtime, now: EpochMs, i: Inquiry, headIds: string[]): Promise<number> {
  const to = i.escalatedAt !== undefined && i.assigneeId ? [i.assigneeId] : headIds;
  let created = 0;
  for (const personId of to) {
    const ok = await raiseAlert(rt, now, {
      key: `inq-overdue:${i._id}:${i.due}:${personId}`,
      personId,
      communityId: i.communityId,
      title: '提问已逾期未答复',
      body: `${subject(i)}。答复期限 ${i.dueDate} 已过，已上报服务中心负责人。`,
      link: routeUrl(ROUTES.staff.inquiry, { id: i._id }),
      templateKey: 'deadline',
      templateValues: { thing1: subject(i), time2: i.due, phrase3: '已逾期', thing4: '已上报负责人' },
    });
    if (ok) created++;
  }
  return created;
}
