/**
 * A delivery as its archived events tell it, compared with the live record. The live delivery is a
 * mutable row: a forged refusal written straight into it would show in the approval record while the
 * archive chain stays intact. Replaying the archived events (which the chain and the anchors protect)
 * and comparing them field by field makes any such difference visible on the record itself.
 * The replay mirrors the patches `applySignoff` writes; a test holds the two to the same result.
 */
import { canonicalJson } from './archive';
import type { EpochMs, Id } from './model';
import { STATE_LABELS, stateOf, type Delivery, type DeliveryEventType, type OpinionChoice, type ReadStatus, type SignStatus } from './signoff';

/** What one archived delivery event says: the entry's payload and its time. */
export interface ArchivedDeliveryEvent {
  n: number;
  type: DeliveryEventType;
  at: EpochMs;
  actorId: Id;
  text?: string;
  data?: Record<string, unknown>;
}

export interface ArchivedDeliveryState {
  readStatus: ReadStatus;
  signStatus: SignStatus;
  objectionOpen: boolean;
  signedAt?: EpochMs;
  objections: Array<{ text: string; at: EpochMs; reply?: { text: string; at: EpochMs; byId: Id } }>;
  refusal?: { reason: string; at: EpochMs; recordedById: Id };
  opinion?: { choice: OpinionChoice; text?: string };
  eventCount: number;
}

const MEMBER_EVENTS: ReadonlySet<DeliveryEventType> = new Set(['opened', 'signed', 'objected', 'answered']);

export function replayArchived(events: readonly ArchivedDeliveryEvent[]): ArchivedDeliveryState {
  const s: ArchivedDeliveryState = { readStatus: 'NOT_OPENED', signStatus: 'PENDING', objectionOpen: false, objections: [], eventCount: 0 };
  for (const e of [...events].sort((a, b) => a.n - b.n)) {
    s.eventCount += 1;
    if (MEMBER_EVENTS.has(e.type)) s.readStatus = 'OPENED';
    switch (e.type) {
      case 'signed':
        Object.assign(s, { signStatus: 'SIGNED', signedAt: e.at, objectionOpen: false });
        break;
      case 'objected':
        Object.assign(s, { signStatus: 'OBJECTED', objectionOpen: true });
        s.objections = [...s.objections, { text: e.text ?? '', at: e.at }];
        break;
      case 'replied': {
        const last = s.objections[s.objections.length - 1];
        if (last) s.objections = [...s.objections.slice(0, -1), { ...last, reply: { text: e.text ?? '', at: e.at, byId: e.actorId } }];
        s.objectionOpen = false;
        break;
      }
      case 'refusal_recorded':
        Object.assign(s, { signStatus: 'REFUSED', objectionOpen: false, refusal: { reason: e.text ?? '', at: e.at, recordedById: e.actorId } });
        break;
      case 'answered':
        Object.assign(s, { signStatus: 'SIGNED', signedAt: e.at, opinion: { choice: e.data?.choice as OpinionChoice, text: e.text } });
        break;
      default:
        break;
    }
  }
  return s;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Where the live delivery differs from its archived events, in words for the record ("与存档不一致").
 * Empty when they agree.
 */
export function archiveDifferences(live: Delivery, archived: readonly ArchivedDeliveryEvent[]): string[] {
  if (archived.length === 0) return ['存档中没有这份送达的任何记录'];
  const a = replayArchived(archived);
  const out: string[] = [];
  const liveState = stateOf(live);
  const archivedState = stateOf(a);
  if (liveState !== archivedState) out.push(`状态：现为「${STATE_LABELS[liveState]}」，存档为「${STATE_LABELS[archivedState]}」`);
  if (live.readStatus !== a.readStatus)
    out.push(`阅读：现为「${live.readStatus === 'OPENED' ? '已阅读' : '未阅读'}」，存档为「${a.readStatus === 'OPENED' ? '已阅读' : '未阅读'}」`);
  if (!same(live.signedAt, a.signedAt)) out.push('签收时间与存档不符');
  const liveRefusal = live.refusal && { reason: live.refusal.reason, at: live.refusal.at, recordedById: live.refusal.recordedById };
  if (!same(liveRefusal, a.refusal)) out.push('拒签记录与存档不符');
  const liveObjections = live.objections.map((o) => ({ text: o.text, at: o.at, reply: o.reply && { text: o.reply.text, at: o.reply.at, byId: o.reply.byId } }));
  if (!same(liveObjections, a.objections)) out.push('异议或答复与存档不符');
  const liveOpinion = live.opinion && { choice: live.opinion.choice, text: live.opinion.text };
  if (!same(liveOpinion, a.opinion)) out.push('反馈意见与存档不符');
  if (live.eventCount !== a.eventCount) out.push(`事件数：现为 ${live.eventCount} 个，存档为 ${a.eventCount} 个`);
  return out;
}
