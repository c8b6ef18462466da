/**
 * Written delivery to one committee member and what they do with it: open it, sign for it (签收),
 * object (异议), answer an opinion request (签阅); and what staff do: reply to an objection, record
 * a refusal (拒签). Read state and sign state are separate, as in documenso.
 *
 * Every rule is the table below: state × event → next state, or the error that stops it. The handler
 * applies the result as a compare-and-set update and appends one event; nothing is edited in place.
 *
 * Decisions the rule book leaves open:
 * - A member who objected may sign once the centre has answered the objection (ANSWERED → SIGNED),
 *   or object again if the answer does not satisfy them. Signing or refusal over an unanswered
 *   objection is refused, so the record never shows an objection without its explanation.
 * - Opinion requests are signed by answering (同意 / 不同意 / 意见); disagreement is an answer there,
 *   so they take no objection. A late answer is accepted and marked late.
 * - A recorded refusal is final for that delivery; a correction (new version) is delivered afresh.
 */
import type { DocumentKind } from './documents';
import { fail, type ErrorCode } from './errors';
import { STAFF_ROLES } from './roles';
import { forbiddenMessage } from './who-may';
import type { CommitteePosition, EpochMs, Id, StoredRecord } from './model';

export type ReadStatus = 'NOT_OPENED' | 'OPENED';
export type SignStatus = 'PENDING' | 'SIGNED' | 'OBJECTED' | 'REFUSED';
/** SignStatus with OBJECTED split by whether the latest objection has been answered. */
export type SignoffState = 'PENDING' | 'OBJECTED' | 'ANSWERED' | 'SIGNED' | 'REFUSED';
export type SignoffEvent = 'open' | 'sign' | 'object' | 'reply' | 'recordRefusal' | 'answer';
export type OpinionChoice = 'agree' | 'disagree' | 'comment';

export const SIGNOFF_STATES: readonly SignoffState[] = ['PENDING', 'OBJECTED', 'ANSWERED', 'SIGNED', 'REFUSED'];
export const SIGNOFF_EVENTS: readonly SignoffEvent[] = ['open', 'sign', 'object', 'reply', 'recordRefusal', 'answer'];

export const TRANSITIONS: Record<SignoffState, Record<SignoffEvent, SignoffState | ErrorCode>> = {
  PENDING: { open: 'PENDING', sign: 'SIGNED', object: 'OBJECTED', reply: 'NOT_AN_OBJECTION', recordRefusal: 'REFUSED', answer: 'SIGNED' },
  OBJECTED: {
    open: 'OBJECTED',
    sign: 'OBJECTION_UNANSWERED',
    object: 'OBJECTION_UNANSWERED',
    reply: 'ANSWERED',
    recordRefusal: 'OBJECTION_UNANSWERED',
    answer: 'INVALID_TRANSITION',
  },
  ANSWERED: {
    open: 'ANSWERED',
    sign: 'SIGNED',
    object: 'OBJECTED',
    reply: 'OBJECTION_ALREADY_ANSWERED',
    recordRefusal: 'REFUSED',
    answer: 'INVALID_TRANSITION',
  },
  SIGNED: {
    open: 'SIGNED',
    sign: 'ALREADY_SIGNED',
    object: 'ALREADY_SIGNED',
    reply: 'NOT_AN_OBJECTION',
    recordRefusal: 'ALREADY_SIGNED',
    answer: 'ALREADY_ANSWERED',
  },
  REFUSED: {
    open: 'REFUSED',
    sign: 'DELIVERY_REFUSED',
    object: 'DELIVERY_REFUSED',
    reply: 'NOT_AN_OBJECTION',
    recordRefusal: 'DELIVERY_REFUSED',
    answer: 'DELIVERY_REFUSED',
  },
};

/** Which events a kind of document takes at all (checked before the table). */
export const EVENTS_BY_KIND: Record<DocumentKind, readonly SignoffEvent[]> = {
  filing: ['open', 'sign', 'object', 'reply', 'recordRefusal'],
  notification: ['open', 'sign', 'object', 'reply', 'recordRefusal'],
  report: ['open', 'sign', 'object', 'reply', 'recordRefusal'],
  opinion_request: ['open', 'answer', 'recordRefusal'],
  meeting_notice: ['open', 'sign', 'object', 'reply', 'recordRefusal'],
  minutes: ['open', 'sign', 'object', 'reply', 'recordRefusal'],
  meeting: [],
  committee_notice: [],
};

/** Only the addressed member acts for themselves; staff reply and record refusals. */
export const ACTORS: Record<SignoffEvent, 'member' | 'staff'> = {
  open: 'member',
  sign: 'member',
  object: 'member',
  answer: 'member',
  reply: 'staff',
  recordRefusal: 'staff',
};

/** Events still possible on a version that a correction has replaced: reading it, and explaining an objection. */
const ALLOWED_WHEN_SUPERSEDED: readonly SignoffEvent[] = ['open', 'reply'];

export type DeliveryEventType = 'delivered' | 'opened' | 'signed' | 'objected' | 'replied' | 'refusal_recorded' | 'answered';
export const EVENT_TYPE: Record<SignoffEvent, DeliveryEventType> = {
  open: 'opened',
  sign: 'signed',
  object: 'objected',
  reply: 'replied',
  recordRefusal: 'refusal_recorded',
  answer: 'answered',
};

export const EVENT_LABELS: Record<DeliveryEventType, string> = {
  delivered: '送达',
  opened: '已阅读',
  signed: '签收',
  objected: '提出异议',
  replied: '答复异议',
  refusal_recorded: '记录拒签',
  answered: '反馈意见',
};

export const STATE_LABELS: Record<SignoffState, string> = {
  PENDING: '待签收',
  OBJECTED: '异议待答复',
  ANSWERED: '异议已答复',
  SIGNED: '已签收',
  REFUSED: '拒签',
};

export const OPINION_LABELS: Record<OpinionChoice, string> = { agree: '同意', disagree: '不同意', comment: '意见' };

export interface ObjectionRound {
  text: string;
  at: EpochMs;
  reply?: { text: string; at: EpochMs; byId: Id; byName: string };
}

export interface Refusal {
  reason: string;
  at: EpochMs;
  recordedById: Id;
  recordedByName: string;
}

export interface Opinion {
  choice: OpinionChoice;
  text?: string;
  at: EpochMs;
  late: boolean;
}

/** One member's copy of one document: unique per (documentId, memberId) through its id. */
export interface Delivery extends StoredRecord {
  communityId: Id;
  documentId: Id;
  documentKind: DocumentKind;
  memberId: Id;
  memberName: string;
  position: CommitteePosition;
  deliveredAt: EpochMs;
  readStatus: ReadStatus;
  openedAt?: EpochMs;
  signStatus: SignStatus;
  /** True while the latest objection awaits the centre's answer. */
  objectionOpen: boolean;
  signedAt?: EpochMs;
  objections: ObjectionRound[];
  refusal?: Refusal;
  opinion?: Opinion;
  /** Opinion requests: end of the response day. */
  responseDue?: EpochMs;
  /** Number of events appended so far; the next event's number is this + 1. */
  eventCount: number;
  /** When the hourly chase next looks at it (unsigned deliveries); null when there is nothing to chase. */
  nextActionAt?: EpochMs | null;
  /** Kept by `deliveryFlags`, so lists and todos query them instead of reading every delivery. */
  awaitingMember: boolean;
  pending: boolean;
}

/** Appended for every change of a delivery; never updated. */
export interface DeliveryEventRecord extends StoredRecord {
  communityId: Id;
  documentId: Id;
  deliveryId: Id;
  memberId: Id;
  /** 1-based number within the delivery. */
  n: number;
  type: DeliveryEventType;
  at: EpochMs;
  actorId: Id;
  actorName: string;
  text?: string;
  data?: Record<string, unknown>;
}

export const deliveryId = (documentId: Id, memberId: Id): Id => `dlv_${documentId}_${memberId}`;
export const deliveryEventId = (deliveryIdValue: Id, n: number): Id => `${deliveryIdValue}_e${n}`;

export function stateOf(d: Pick<Delivery, 'signStatus' | 'objectionOpen'>): SignoffState {
  if (d.signStatus === 'OBJECTED') return d.objectionOpen ? 'OBJECTED' : 'ANSWERED';
  return d.signStatus;
}

/** A member still has something to do: sign, answer, or sign/object again after an answer. */
export const awaitsMember = (d: Pick<Delivery, 'signStatus' | 'objectionOpen'>): boolean => {
  const s = stateOf(d);
  return s === 'PENDING' || s === 'ANSWERED';
};

/**
 * What a member's lists and todos ask of a delivery, stored on it whenever it changes: whether the
 * member must act (`awaitingMember`: sign, answer, or act again after an answer), and whether anything
 * is still open on it (`pending`: that, or an objection waiting for the centre). A corrected version
 * (superseded) closes both: the new version carries them on.
 */
export function deliveryFlags(d: Pick<Delivery, 'signStatus' | 'objectionOpen'>, superseded: boolean): Pick<Delivery, 'awaitingMember' | 'pending'> {
  const awaitingMember = !superseded && awaitsMember(d);
  return { awaitingMember, pending: awaitingMember || (!superseded && d.objectionOpen) };
}

const isErrorCode = (v: SignoffState | ErrorCode): v is ErrorCode => !(SIGNOFF_STATES as readonly string[]).includes(v);

/** The table lookup alone, with the kind gate: the next state or the error code. */
export function nextState(state: SignoffState, event: SignoffEvent, kind: DocumentKind): SignoffState | ErrorCode {
  if (!EVENTS_BY_KIND[kind].includes(event)) return 'INVALID_TRANSITION';
  return TRANSITIONS[state][event];
}

const KIND_GATE_MESSAGES: Partial<Record<SignoffEvent, string>> = {
  sign: '签阅文件请直接提交意见',
  object: '签阅文件请在意见中写明不同意的理由',
  answer: '该文件无需反馈意见，请签收或提出异议',
  reply: '签阅文件没有异议需要答复',
};

export type SignoffCommand =
  | { event: 'open' }
  | { event: 'sign' }
  | { event: 'object'; text: string }
  | { event: 'reply'; text: string }
  | { event: 'recordRefusal'; reason: string }
  | { event: 'answer'; choice: OpinionChoice; text?: string };

export interface SignoffActor {
  personId: Id;
  name: string;
  isStaff: boolean;
}

export interface SignoffResult {
  next: SignoffState;
  patch: Partial<Omit<Delivery, '_id' | 'version'>>;
  event: Omit<DeliveryEventRecord, '_id' | 'version'>;
}

/**
 * Applies one command to a delivery. Returns null for a no-op (opening an already opened delivery);
 * throws AppError for anything the table or the actor rule forbids.
 */
export function applySignoff(
  delivery: Delivery,
  document: { supersededBy?: Id },
  command: SignoffCommand,
  context: { now: EpochMs; actor: SignoffActor },
): SignoffResult | null {
  const { now, actor } = context;
  const { event } = command;
  if (ACTORS[event] === 'member' && actor.personId !== delivery.memberId) fail('FORBIDDEN', '只能处理发给自己的文件');
  if (ACTORS[event] === 'staff' && !actor.isStaff) fail('FORBIDDEN', forbiddenMessage(STAFF_ROLES));
  if (!EVENTS_BY_KIND[delivery.documentKind].includes(event)) fail('INVALID_TRANSITION', KIND_GATE_MESSAGES[event]);
  if (document.supersededBy && !ALLOWED_WHEN_SUPERSEDED.includes(event)) fail('DOCUMENT_SUPERSEDED');

  const state = stateOf(delivery);
  const next = TRANSITIONS[state][event];
  if (isErrorCode(next)) fail(next);
  if (event === 'open' && delivery.readStatus === 'OPENED') return null;

  const n = delivery.eventCount + 1;
  const patch: SignoffResult['patch'] = { eventCount: n };
  const base = {
    communityId: delivery.communityId,
    documentId: delivery.documentId,
    deliveryId: delivery._id,
    memberId: delivery.memberId,
    n,
    type: EVENT_TYPE[event],
    at: now,
    actorId: actor.personId,
    actorName: actor.name,
  };
  // Acting on a document means having read it, so the first member action also marks it opened.
  if (ACTORS[event] === 'member' && delivery.readStatus === 'NOT_OPENED') Object.assign(patch, { readStatus: 'OPENED', openedAt: now });

  switch (command.event) {
    case 'open':
      return { next, patch, event: base };
    case 'sign':
      Object.assign(patch, { signStatus: 'SIGNED', signedAt: now, objectionOpen: false });
      return { next, patch, event: base };
    case 'object': {
      const text = requireText(command.text, '请填写异议内容');
      Object.assign(patch, { signStatus: 'OBJECTED', objectionOpen: true, objections: [...delivery.objections, { text, at: now }] });
      return { next, patch, event: { ...base, text } };
    }
    case 'reply': {
      const text = requireText(command.text, '请填写答复内容');
      const rounds = delivery.objections.slice();
      const last = rounds[rounds.length - 1];
      rounds[rounds.length - 1] = { ...last, reply: { text, at: now, byId: actor.personId, byName: actor.name } };
      Object.assign(patch, { objectionOpen: false, objections: rounds });
      return { next, patch, event: { ...base, text, data: { objectionAt: last.at } } };
    }
    case 'recordRefusal': {
      const reason = requireText(command.reason, '请填写拒签原因');
      const refusal: Refusal = { reason, at: now, recordedById: actor.personId, recordedByName: actor.name };
      Object.assign(patch, { signStatus: 'REFUSED', objectionOpen: false, refusal });
      return { next, patch, event: { ...base, text: reason } };
    }
    case 'answer': {
      const text = command.text?.trim() || undefined;
      if (command.choice === 'comment' && !text) fail('INVALID_INPUT', '请填写意见内容');
      const late = delivery.responseDue !== undefined && now > delivery.responseDue;
      const opinion: Opinion = { choice: command.choice, text, at: now, late };
      Object.assign(patch, { signStatus: 'SIGNED', signedAt: now, opinion });
      return { next, patch, event: { ...base, text, data: { choice: command.choice, late } } };
    }
  }
}

function requireText(value: string, message: string): string {
  const text = value.trim();
  if (!text) fail('INVALID_INPUT', message);
  return text;
}

/** A fresh delivery as sending creates it. */
export function newDelivery(input: {
  documentId: Id;
  communityId: Id;
  documentKind: DocumentKind;
  member: { personId: Id; name: string; position: CommitteePosition };
  now: EpochMs;
  responseDue?: EpochMs;
}): Omit<Delivery, 'version'> {
  return {
    _id: deliveryId(input.documentId, input.member.personId),
    communityId: input.communityId,
    documentId: input.documentId,
    documentKind: input.documentKind,
    memberId: input.member.personId,
    memberName: input.member.name,
    position: input.member.position,
    deliveredAt: input.now,
    readStatus: 'NOT_OPENED',
    signStatus: 'PENDING',
    objectionOpen: false,
    objections: [],
    responseDue: input.responseDue,
    eventCount: 1,
    nextActionAt: deliveryNextActionAt({ documentKind: input.documentKind, signStatus: 'PENDING', deliveredAt: input.now }),
    ...deliveryFlags({ signStatus: 'PENDING', objectionOpen: false }, false),
  };
}

/**
 * Where the chase starts with a delivery: opinion requests are chased by their own sweep; every other
 * delivery still unsigned is looked at from its delivery on (the chase then moves it on); else none.
 */
export function deliveryNextActionAt(d: Pick<Delivery, 'documentKind' | 'signStatus' | 'deliveredAt'>): EpochMs | null {
  return d.documentKind === 'opinion_request' || d.signStatus !== 'PENDING' ? null : d.deliveredAt;
}

/** What the member may do now (the UI shows exactly these buttons), read off the same table. */
export function memberActions(d: Pick<Delivery, 'signStatus' | 'objectionOpen' | 'documentKind'>, superseded: boolean): SignoffEvent[] {
  if (superseded) return [];
  const state = stateOf(d);
  return SIGNOFF_EVENTS.filter((e) => e !== 'open' && ACTORS[e] === 'member' && !isErrorCode(nextState(state, e, d.documentKind)));
}

/** What staff may do now on one delivery. */
export function staffActions(d: Pick<Delivery, 'signStatus' | 'objectionOpen' | 'documentKind'>, superseded: boolean): SignoffEvent[] {
  const state = stateOf(d);
  return SIGNOFF_EVENTS.filter(
    (e) => ACTORS[e] === 'staff' && (!superseded || ALLOWED_WHEN_SUPERSEDED.includes(e)) && !isErrorCode(nextState(state, e, d.documentKind)),
  );
}
