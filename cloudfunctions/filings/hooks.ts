import { KIND_LABELS, type CommitteeDocument } from '@domain/documents';
import type { EpochMs, Id } from '@domain/model';
import type { Delivery } from '@domain/signoff';
import { formatLocal } from '@domain/time';
import { ROUTES, routeUrl } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';
import { headsOf } from '../_shared/people';

/**
 * The moments a written delivery alerts someone: who must act, about what, by when. Keys name the
 * delivery and its event number, so a retried request or a second sweep delivers nothing twice.
 */
const when = (ms: EpochMs): string => formatLocal(ms, 'YYYY-MM-DD HH:mm');
const titled = (doc: CommitteeDocument): string => `《${doc.content.title}》`;
const isOpinion = (doc: CommitteeDocument): boolean => doc.kind === 'opinion_request';

/** Sent → the member: sign it (or answer it by the deadline). */
export function alertDelivered(rt: Runtime, now: EpochMs, doc: CommitteeDocument, d: Delivery): Promise<boolean> {
  const ask = isOpinion(doc) ? '请反馈意见' : '请签收';
  const by = doc.responseDue ? `，请于 ${formatLocal(doc.responseDue, 'YYYY-MM-DD')} 前反馈` : '';
  return raiseAlert(rt, now, {
    key: `filing-sent:${d._id}`,
    personId: d.memberId,
    communityId: doc.communityId,
    title: `${ask}：${doc.content.title}`,
    body: `服务中心${doc.sentByName ?? ''}向您送达${KIND_LABELS[doc.kind]}${titled(doc)}${by}。`,
    link: routeUrl(ROUTES.committee.document, { id: doc._id }),
    templateKey: 'deadline',
    templateValues: {
      thing1: doc.content.title,
      time2: doc.responseDue ?? now,
      phrase3: isOpinion(doc) ? '待反馈' : '待签收',
      thing4: `${KIND_LABELS[doc.kind]}·${doc.sentByName ?? '服务中心'}`,
    },
  });
}

/** An objection → whoever sent the document and the community's head: it must be answered. */
export async function alertObjection(rt: Runtime, now: EpochMs, doc: CommitteeDocument, d: Delivery, n: number): Promise<number> {
  const recipients = new Set<Id>([...(doc.sentById ? [doc.sentById] : []), ...(await headsOf(rt.store, doc.communityId)).map((p) => p._id)]);
  let created = 0;
  for (const personId of recipients) {
    const ok = await raiseAlert(rt, now, {
      key: `filing-objection:${d._id}:${n}:${personId}`,
      personId,
      communityId: doc.communityId,
      title: `委员提出异议：${doc.content.title}`,
      body: `${d.memberName}对${titled(doc)}提出异议，请及时给予充分解释并记录答复。`,
      link: routeUrl(ROUTES.staff.record, { id: doc._id }),
      templateKey: 'deadline',
      templateValues: { thing1: doc.content.title, time2: now, phrase3: '待答复', thing4: `${d.memberName}提出异议` },
    });
    if (ok) created++;
  }
  return created;
}

/** The centre answered → the member who objected. */
export function alertReply(rt: Runtime, now: EpochMs, doc: CommitteeDocument, d: Delivery, n: number): Promise<boolean> {
  return raiseAlert(rt, now, {
    key: `filing-reply:${d._id}:${n}`,
    personId: d.memberId,
    communityId: doc.communityId,
    title: `您的异议已答复：${doc.content.title}`,
    body: `服务中心已答复您对${titled(doc)}提出的异议，请查看后签收，或继续提出异议。`,
    link: routeUrl(ROUTES.committee.document, { id: doc._id }),
    templateKey: 'answered',
    templateValues: { thing1: doc.content.title, phrase2: '已答复', time3: now },
  });
}

/** An opinion is due within a working day → a member who has not answered. */
export function alertOpinionDueSoon(rt: Runtime, now: EpochMs, doc: CommitteeDocument, d: Delivery): Promise<boolean> {
  return raiseAlert(rt, now, {
    key: `filing-opinion-soon:${d._id}`,
    personId: d.memberId,
    communityId: doc.communityId,
    title: `签阅即将截止：${doc.content.title}`,
    body: `${titled(doc)}的反馈截止时间为 ${when(doc.responseDue!)}，请尽快反馈同意、不同意或意见。`,
    link: routeUrl(ROUTES.committee.document, { id: doc._id }),
    templateKey: 'deadline',
    templateValues: { thing1: doc.content.title, time2: doc.responseDue!, phrase3: '即将截止', thing4: '请反馈签阅意见' },
  });
}

/** Deadline passed with answers missing → the sender, to collect them (上门收回). */
export function alertCollectOpinions(rt: Runtime, now: EpochMs, doc: CommitteeDocument, missing: Delivery[]): Promise<boolean> {
  const names = missing.map((d) => d.memberName).join('、');
  return raiseAlert(rt, now, {
    key: `filing-opinion-collect:${doc._id}`,
    personId: doc.sentById!,
    communityId: doc.communityId,
    title: `请收回签阅意见：${doc.content.title}`,
    body: `${titled(doc)}已过反馈截止时间，${missing.length} 位委员逾期未回复（${names}），请上门收回意见。`,
    link: routeUrl(ROUTES.staff.record, { id: doc._id }),
    templateKey: 'deadline',
    templateValues: { thing1: doc.content.title, time2: doc.responseDue!, phrase3: '逾期未回', thing4: `${missing.length}位委员未回复` },
  });
}
