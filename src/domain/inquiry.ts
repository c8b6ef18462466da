/**
 * Questions, suggestions and requests (质询 / 质疑 / 建议 / 要求) from owners and from the committee.
 * The centre classifies each one: reasonable → answered within 3 working days of receipt;
 * unreasonable → explained patiently; cannot be resolved → escalated to the general manager, who owns
 * it from then on. Every rule here is a pure function of the record, the actor and the moment.
 */
import type { WorkingCalendar } from './calendar';
import { inquiryAnswerDeadline, isDueWithin, isInAuditWindow, nextDeadlineAction, RULE_TEXTS } from './deadlines';
import { fail, type ErrorCode } from './errors';
import type { FileRef } from './files';
import type { EpochMs, Id, LocalDate, StaffRole, StoredRecord } from './model';
import { hasOwn } from './own';
import { canSeeCommunity, COMMUNITY_STAFF_ROLES, hasRole, isStaff, isStaffRole, LEAD_ROLES, type Caller } from './roles';
import {
  COMMITTEE_KINDS,
  MAX_PHOTOS,
  OPEN_STATUSES,
  OWNER_KINDS,
  type Classification,
  type InquiryChannel,
  type InquiryKind,
  type InquiryStatus,
} from './inquiry-labels';
import { INQUIRY_REMINDER_WORKING_DAYS, REOPEN_WINDOW_DAYS, RULE_PHRASES } from './rules';
import { addCalendarDays, endOfLocalDay, localDateOf } from './time';
import { searchTerms } from './search';
import { forbiddenMessage } from './who-may';

export {
  AWAITING_RATING,
  CHANNEL_LABELS,
  CLASSIFICATION_LABELS,
  COMMITTEE_KINDS,
  INQUIRY_KINDS,
  KIND_LABELS,
  MAX_PHOTOS,
  OPEN_STATUSES,
  OWNER_KINDS,
  STATUS_LABELS,
} from './inquiry-labels';
export type { Classification, InquiryChannel, InquiryKind, InquiryStatus } from './inquiry-labels';

export type InquiryEventType =
  | 'assign'
  | 'classify_reasonable'
  | 'explain'
  | 'escalate'
  | 'answer'
  | 'follow_up'
  | 'flag_overdue'
  | 'rate_satisfied'
  | 'rate_unsatisfied'
  | 'reopen'
  | 'reopen_to_gm';

export const EVENT_TYPES: readonly InquiryEventType[] = [
  'assign',
  'classify_reasonable',
  'explain',
  'escalate',
  'answer',
  'follow_up',
  'flag_overdue',
  'rate_satisfied',
  'rate_unsatisfied',
  'reopen',
  'reopen_to_gm',
];

const UNCLASSIFIED = { assign: 'same', classify_reasonable: 'in_progress', explain: 'explained', escalate: 'escalated', follow_up: 'same' } as const;

/**
 * The one transition table: status → event → next status ('same' keeps it). Anything missing is
 * refused. `explain` is the unreasonable classification (the explanation is its text); `escalate`
 * hands the item to the general manager; `reopen_to_gm` sends a reopened escalated item straight
 * back to the general manager, who still owns it.
 */
export const TRANSITIONS: Record<InquiryStatus, Partial<Record<InquiryEventType, InquiryStatus | 'same'>>> = {
  received: UNCLASSIFIED,
  reopened: UNCLASSIFIED,
  in_progress: { assign: 'same', answer: 'answered', escalate: 'escalated', follow_up: 'same', flag_overdue: 'same' },
  escalated: { answer: 'answered', explain: 'explained', follow_up: 'same' },
  answered: { rate_satisfied: 'accepted', rate_unsatisfied: 'unsatisfied' },
  explained: { rate_satisfied: 'accepted', rate_unsatisfied: 'unsatisfied' },
  unsatisfied: { reopen: 'reopened', reopen_to_gm: 'escalated' },
  accepted: {},
};

/** Closed to everything the table does not list (an unsatisfied item may still be reopened). */
const CLOSED: readonly InquiryStatus[] = ['accepted', 'unsatisfied'];

/** The next status, or the error a refused move answers with. */
export function nextStatus(status: InquiryStatus, event: InquiryEventType): InquiryStatus {
  const next = TRANSITIONS[status][event];
  if (next !== undefined) return next === 'same' ? status : next;
  return fail(refusal(status, event));
}

export function refusal(status: InquiryStatus, event: InquiryEventType): ErrorCode {
  if (CLOSED.includes(status)) return 'INQUIRY_CLOSED';
  if (event === 'answer' && (status === 'received' || status === 'reopened')) return 'INQUIRY_NOT_CLASSIFIED';
  return 'INVALID_TRANSITION';
}

export const ASKER_EVENTS: readonly InquiryEventType[] = ['follow_up', 'rate_satisfied', 'rate_unsatisfied', 'reopen', 'reopen_to_gm'];
export const STAFF_EVENTS: readonly InquiryEventType[] = ['assign', 'classify_reasonable', 'explain', 'escalate', 'answer'];

/** What the inquiry record holds (the thread lives in `inquiryEvents`). */
export interface Inquiry extends StoredRecord {
  communityId: Id;
  channel: InquiryChannel;
  kind: InquiryKind;
  askerId: Id;
  roomId?: Id;
  /** The room's building, so a butler's queue holds the buildings they look after. */
  buildingId?: Id;
  text: string;
  photos: FileRef[];
  /** 查账: the day the committee asks to inspect the accounts, inside the 10th–15th window. */
  auditDate?: LocalDate;
  status: InquiryStatus;
  classification?: Classification;
  assigneeId?: Id;
  receivedAt: EpochMs;
  /** The current answer deadline; a reopen restarts it from the day of reopening. */
  due: EpochMs;
  dueDate: LocalDate;
  dueProvisional: boolean;
  /** The deadline at receipt, for the month's on-time statistics. */
  firstDue: EpochMs;
  firstResponseAt?: EpochMs;
  /** The latest answer or explanation; the 7-day reopen window starts here. */
  respondedAt?: EpochMs;
  /** Escalated to the general manager (cannot be resolved by the centre). */
  escalatedAt?: EpochMs;
  /** First time the item was found overdue and escalated to the head. */
  overdueAt?: EpochMs;
  /** The `due` last flagged overdue: the sweep flags each deadline once. */
  flaggedDue?: EpochMs;
  rating?: 'satisfied' | 'unsatisfied';
  ratedAt?: EpochMs;
  reopenCount: number;
  /** When the hourly sweep next has something to do (remind, then flag overdue); null: nothing more. */
  nextActionAt?: EpochMs | null;
  /** Search terms of the text (`searchTerms`), for the indexed text search. */
  words?: string[];
}

/** One append-only line of an inquiry's thread. */
export interface InquiryEvent extends StoredRecord {
  inquiryId: Id;
  communityId: Id;
  type: InquiryEventType | 'ask';
  /** Null when the system acted (the overdue sweep). */
  actorId: Id | null;
  from: InquiryStatus | null;
  to: InquiryStatus;
  text?: string;
  photos?: FileRef[];
  data?: Record<string, unknown>;
  at: EpochMs;
}

// ---------------------------------------------------------------------------------------------
// Asking

export interface AskInput {
  channel: InquiryChannel;
  kind: InquiryKind;
  text: string;
  photos?: FileRef[];
  roomId?: Id;
  auditDate?: LocalDate;
}

export type NewInquiry = Omit<Inquiry, '_id' | 'version' | 'buildingId'>;

/** Checks who may ask what and computes the answer deadline from the moment of receipt. */
export function prepareAsk(caller: Caller, input: AskInput, now: EpochMs, calendar: WorkingCalendar): NewInquiry {
  if (!caller.communityId) fail('FORBIDDEN');
  if ((input.photos ?? []).length > MAX_PHOTOS) fail('INVALID_INPUT', `最多上传${MAX_PHOTOS}张照片`);
  let roomId: Id | undefined;
  if (input.channel === 'owner') {
    if (!hasRole(caller, 'owner')) fail('FORBIDDEN', '请先绑定房屋后再提问');
    if (!hasOwn(OWNER_KINDS, input.kind)) fail('INVALID_INPUT', '请选择提问类型：咨询、建议、要求或投诉');
    if (input.auditDate) fail('INVALID_INPUT', '查账申请请以业委会名义提出');
    roomId = input.roomId ?? (caller.roomIds.length === 1 ? caller.roomIds[0] : undefined);
    if (!roomId) fail('INVALID_INPUT', '请选择房屋');
    if (!caller.roomIds.includes(roomId)) fail('FORBIDDEN', '只能以您已绑定的房屋提问');
  } else {
    if (!hasRole(caller, 'committee')) fail('FORBIDDEN', '只有业委会委员可以提出业委会质询');
    if (!hasOwn(COMMITTEE_KINDS, input.kind)) fail('INVALID_INPUT', '请选择类型：质询、质疑、建议、要求或查账');
    if (input.kind === 'audit') checkAuditDate(input.auditDate, now, calendar);
    else if (input.auditDate) fail('INVALID_INPUT', '只有查账申请需要选择日期');
  }
  const deadline = inquiryAnswerDeadline(now, calendar);
  const record: NewInquiry = {
    communityId: caller.communityId!,
    channel: input.channel,
    kind: input.kind,
    askerId: caller.personId,
    text: input.text,
    photos: input.photos ?? [],
    status: 'received',
    receivedAt: now,
    due: deadline.due,
    dueDate: deadline.dueDate,
    dueProvisional: deadline.provisional,
    firstDue: deadline.due,
    reopenCount: 0,
    words: searchTerms(input.text),
  };
  record.nextActionAt = inquiryNextActionAt(record, calendar);
  if (roomId) record.roomId = roomId;
  if (input.auditDate) record.auditDate = input.auditDate;
  return record;
}

/** Audits are scheduled on a working day of the 10th–15th window, not in the past. */
export function checkAuditDate(auditDate: LocalDate | undefined, now: EpochMs, calendar: WorkingCalendar): LocalDate {
  if (!auditDate) return fail('INVALID_INPUT', '请选择查账日期');
  if (auditDate < localDateOf(now)) return fail('INVALID_INPUT', '查账日期不能早于今天');
  if (!isInAuditWindow(auditDate)) return fail('AUDIT_OUTSIDE_WINDOW');
  if (!calendar.isWorkingDay(auditDate).working) return fail('AUDIT_OUTSIDE_WINDOW', `查账日期须为${RULE_PHRASES.auditWindow}之间的工作日`);
  return auditDate;
}

// ---------------------------------------------------------------------------------------------
// Who may see and who may act

export type InquiryAccess = 'ok' | 'not_found' | 'forbidden';

/**
 * An owner sees only their own; committee items are seen by the whole committee and by staff; staff
 * see their community's; the general manager sees what was escalated, in every community. Another
 * community's record is NOT_FOUND so its existence does not leak; a neighbour's is FORBIDDEN.
 */
export function inquiryAccess(
  viewer: Pick<Caller, 'personId' | 'roles' | 'communityId'>,
  inq: Pick<Inquiry, 'askerId' | 'communityId' | 'channel' | 'escalatedAt'> & Partial<Pick<Inquiry, 'flaggedDue'>>,
): InquiryAccess {
  if (viewer.personId === inq.askerId) return 'ok';
  if (!canSeeCommunity(viewer, inq.communityId)) return 'not_found';
  // The general manager sees what was escalated to them, and what went overdue (the overdue chase reaches them).
  if (hasRole(viewer, 'general_manager')) return inq.escalatedAt !== undefined || inq.flaggedDue !== undefined ? 'ok' : 'forbidden';
  if (isStaff(viewer)) return 'ok';
  if (inq.channel === 'committee' && hasRole(viewer, 'committee')) return 'ok';
  return 'forbidden';
}

export function assertCanSee(viewer: Caller, inq: Inquiry): void {
  const access = inquiryAccess(viewer, inq);
  if (access === 'not_found') fail('NOT_FOUND');
  if (access === 'forbidden')
    fail('FORBIDDEN', forbiddenMessage(inq.channel === 'committee' ? ['committee', ...COMMUNITY_STAFF_ROLES] : COMMUNITY_STAFF_ROLES, ['提问人本人']));
}

/** The asker's phone in full only for the staff member assigned (and the asker themself). */
export function seesFullPhone(viewer: Pick<Caller, 'personId'>, inq: Pick<Inquiry, 'askerId' | 'assigneeId'>): boolean {
  return viewer.personId === inq.askerId || (inq.assigneeId !== undefined && viewer.personId === inq.assigneeId);
}

/**
 * Once escalated, only the general manager acts on it. Otherwise any staff member of the community
 * except that a butler touches only what is theirs or still unassigned.
 */
export function staffMayHandle(
  actor: Pick<Caller, 'personId' | 'roles' | 'communityId'>,
  inq: Pick<Inquiry, 'communityId' | 'escalatedAt' | 'assigneeId'>,
): boolean {
  if (!isStaff(actor)) return false;
  if (inq.escalatedAt !== undefined) return hasRole(actor, 'general_manager');
  if (hasRole(actor, 'general_manager') || actor.communityId !== inq.communityId) return false;
  if (hasRole(actor, ...LEAD_ROLES)) return true;
  return inq.assigneeId === undefined || inq.assigneeId === actor.personId;
}

/** Why `staffMayHandle` said no, naming who can: the general manager once escalated, else the assignee or the leads. */
export function whoMayHandle(actor: Pick<Caller, 'roles'>, inq: Pick<Inquiry, 'escalatedAt' | 'assigneeId'>): string {
  if (inq.escalatedAt !== undefined) return forbiddenMessage(['general_manager']);
  if (inq.assigneeId !== undefined && hasRole(actor, ...COMMUNITY_STAFF_ROLES)) return forbiddenMessage(LEAD_ROLES, ['被指派的工作人员']);
  return forbiddenMessage(COMMUNITY_STAFF_ROLES);
}

/** Whether `event` is allowed for this actor on this record right now (for showing buttons). */
export function mayDo(actor: Caller, inq: Inquiry, event: InquiryEventType): boolean {
  if (TRANSITIONS[inq.status][event] === undefined) return false;
  if (ASKER_EVENTS.includes(event)) return actor.personId === inq.askerId;
  if (STAFF_EVENTS.includes(event)) return staffMayHandle(actor, inq);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Commands: every change to an inquiry is decided here

export interface Assignee {
  personId: Id;
  staffRole?: StaffRole;
  communityId: Id | null;
}

export type InquiryCommand =
  | { type: 'assign'; assignee: Assignee }
  | { type: 'classify'; classification: Classification; text?: string; generalManagerId?: Id }
  | { type: 'answer'; text: string }
  | { type: 'follow_up'; text: string }
  | { type: 'rate'; satisfied: boolean }
  | { type: 'reopen' }
  | { type: 'flag_overdue' };

export type InquiryPatch = Partial<Omit<Inquiry, '_id' | 'version'>>;

export interface Decision {
  event: InquiryEventType;
  from: InquiryStatus;
  to: InquiryStatus;
  patch: InquiryPatch;
}

/** The asker may reopen until the end of the REOPEN_WINDOW_DAYS-th day after the latest answer or explanation. */
export function reopenUntil(inq: Pick<Inquiry, 'respondedAt'>): EpochMs | undefined {
  return inq.respondedAt === undefined ? undefined : endOfLocalDay(addCalendarDays(localDateOf(inq.respondedAt), REOPEN_WINDOW_DAYS));
}

/** Whoever must answer an open item is reminded once its last working day is near. */
export function answerReminderDue(inq: Pick<Inquiry, 'status' | 'due'>, now: EpochMs, calendar: WorkingCalendar): boolean {
  return OPEN_STATUSES.includes(inq.status) && isDueWithin(now, inq, INQUIRY_REMINDER_WORKING_DAYS, calendar);
}

/** The inquiry's `nextActionAt`: while open, its reminder moment, then past due; null once closed. */
export function inquiryNextActionAt(inq: Pick<Inquiry, 'status' | 'due'>, calendar: WorkingCalendar, after = -Infinity): EpochMs | null {
  return OPEN_STATUSES.includes(inq.status) ? nextDeadlineAction(inq, INQUIRY_REMINDER_WORKING_DAYS, calendar, after) : null;
}

export function isOverdue(inq: Pick<Inquiry, 'status' | 'due'>, now: EpochMs): boolean {
  return OPEN_STATUSES.includes(inq.status) && now > inq.due;
}

function eventOf(inq: Inquiry, cmd: InquiryCommand): InquiryEventType {
  switch (cmd.type) {
    case 'classify':
      return cmd.classification === 'reasonable' ? 'classify_reasonable' : cmd.classification === 'unreasonable' ? 'explain' : 'escalate';
    case 'rate':
      return cmd.satisfied ? 'rate_satisfied' : 'rate_unsatisfied';
    case 'reopen':
      return inq.escalatedAt !== undefined ? 'reopen_to_gm' : 'reopen';
    default:
      return cmd.type;
  }
}

/** `actor` null is the system (the overdue sweep). Throws the AppError the move is refused with. */
export function decide(inq: Inquiry, cmd: InquiryCommand, actor: Caller | null, now: EpochMs, calendar: WorkingCalendar): Decision {
  const event = eventOf(inq, cmd);
  if (event === 'flag_overdue' ? actor !== null : actor === null) fail('FORBIDDEN');
  if (actor && ASKER_EVENTS.includes(event) && actor.personId !== inq.askerId) fail('FORBIDDEN', forbiddenMessage([], ['提问人本人']));
  if (actor && STAFF_EVENTS.includes(event) && !staffMayHandle(actor, inq)) fail('FORBIDDEN', whoMayHandle(actor, inq));
  const to = nextStatus(inq.status, event);
  const responded = { respondedAt: now, firstResponseAt: inq.firstResponseAt ?? now };
  const owner = actor && inq.assigneeId === undefined ? { assigneeId: actor.personId } : {};
  let patch: InquiryPatch = { status: to };

  switch (cmd.type) {
    case 'assign': {
      const a = cmd.assignee;
      const local = a.communityId === inq.communityId && isStaffRole(a.staffRole, COMMUNITY_STAFF_ROLES);
      if (!local) fail('INVALID_INPUT', '只能指派给本小区的工作人员');
      if (!hasRole(actor!, ...LEAD_ROLES) && a.personId !== actor!.personId) fail('FORBIDDEN', '管家只能认领给自己');
      patch = { ...patch, assigneeId: a.personId };
      break;
    }
    case 'classify':
      if (cmd.classification === 'reasonable') patch = { ...patch, ...owner, classification: 'reasonable' };
      else if (!cmd.text?.trim()) fail('INVALID_INPUT', cmd.classification === 'unreasonable' ? '请填写耐心细致的解释说明' : '请填写无法解决的原因');
      else if (cmd.classification === 'unreasonable') {
        patch = { ...patch, ...owner, ...responded, classification: inq.escalatedAt !== undefined ? inq.classification : 'unreasonable' };
      } else {
        if (!cmd.generalManagerId) fail('NOT_FOUND', '未找到总经理，无法上报');
        patch = { ...patch, classification: 'cannot_resolve', escalatedAt: now, assigneeId: cmd.generalManagerId };
      }
      break;
    case 'answer':
      patch = { ...patch, ...owner, ...responded };
      break;
    case 'rate':
      patch = { ...patch, rating: cmd.satisfied ? 'satisfied' : 'unsatisfied', ratedAt: now };
      break;
    case 'reopen': {
      const until = reopenUntil(inq);
      if (until === undefined || now > until) fail('REOPEN_WINDOW_CLOSED');
      const d = inquiryAnswerDeadline(now, calendar);
      patch = { ...patch, due: d.due, dueDate: d.dueDate, dueProvisional: d.provisional, reopenCount: inq.reopenCount + 1 };
      break;
    }
    case 'flag_overdue':
      if (!(now > inq.due) || inq.flaggedDue === inq.due) fail('INVALID_TRANSITION');
      patch = { ...patch, overdueAt: inq.overdueAt ?? now, flaggedDue: inq.due };
      break;
    case 'follow_up':
      break;
  }
  // The system's own flag is its last look at this deadline; any other move starts it over.
  patch.nextActionAt = inquiryNextActionAt({ ...inq, ...patch }, calendar, event === 'flag_overdue' ? now : -Infinity);
  return { event, from: inq.status, to, patch };
}

// ---------------------------------------------------------------------------------------------
// Queues

/** Overdue first, then the nearest due date, then the oldest. */
export function queueOrder(now: EpochMs) {
  return (a: Inquiry, b: Inquiry): number => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.due - b.due || a.receivedAt - b.receivedAt;
}

/**
 * What a staff member must act on: the general manager their escalations; the head and supervisor
 * what is theirs or unassigned (and the head every overdue item); a butler theirs and the unassigned
 * ones from their buildings.
 */
export function inQueueOf(staff: Pick<Caller, 'personId' | 'roles' | 'communityId' | 'buildingIds'>, inq: Inquiry, now: EpochMs): boolean {
  if (!OPEN_STATUSES.includes(inq.status)) return false;
  if (inq.escalatedAt !== undefined) return hasRole(staff, 'general_manager');
  if (hasRole(staff, 'general_manager') || staff.communityId !== inq.communityId) return false;
  if (inq.assigneeId === staff.personId) return true;
  if (hasRole(staff, 'head') && isOverdue(inq, now)) return true;
  if (inq.assigneeId !== undefined) return false;
  if (hasRole(staff, ...LEAD_ROLES)) return true;
  return inq.buildingId !== undefined && staff.buildingIds.includes(inq.buildingId);
}

export const INQUIRY_RULE_TEXT = RULE_TEXTS.inquiry_answer;
