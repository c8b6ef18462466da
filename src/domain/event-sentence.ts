/**
 * Who did what to whom, in one line: "王伟 提出异议", "物业 周志强 答复 王伟 的异议". The archive's
 * summaries and the record's history use it, so a staff act on a member's delivery never reads as
 * if the member did it ("王伟 答复异议").
 */
import type { DeliveryEventType } from './signoff';

export interface EventParties {
  type: DeliveryEventType;
  memberName: string;
  /** Who acted: the member, or a staff member (the centre, 物业). */
  actorName: string;
  byMember: boolean;
  text?: string;
}

const STAFF = '物业';

const VERB: Record<DeliveryEventType, (member: string) => string> = {
  delivered: (m) => `送达 ${m}`,
  opened: () => '阅读',
  signed: () => '签收',
  objected: () => '提出异议',
  replied: (m) => `答复 ${m} 的异议`,
  refusal_recorded: (m) => `记录 ${m} 拒签`,
  answered: () => '反馈意见',
};

export function eventSentence(e: EventParties): string {
  const who = e.byMember ? e.memberName : `${STAFF} ${e.actorName}`.trim();
  const did = `${who} ${VERB[e.type](e.memberName)}`;
  return e.text ? `${did}：${e.text}` : did;
}
