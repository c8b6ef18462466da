/**
 * 需通报事项: something happened or was decided that the committee must be told of within
 * NOTIFICATION_WORKING_DAYS working days (a notification, 通报). Recording the event starts the clock
 * before anyone writes a letter: it becomes a due item with alerts on the `notificationEvent` cadence,
 * and it is closed only by sending a notification linked to it. Pure: the moment and the calendar are
 * parameters.
 */
import { chaseStep, escalationsDue, type Cadence } from './alerts/cadence';
import type { WorkingCalendar } from './calendar';
import { isLate, notificationDeadline, type Deadline } from './deadlines';
import { NOTIFICATION_CATEGORIES, type DocumentContent } from './documents';
import { fail } from './errors';
import type { EpochMs, Id, LocalDate, StoredRecord } from './model';
import { hasOwn } from './own';
import { CENTRE_ROLES, COMMUNITY_STAFF_ROLES, hasRole, type Caller } from './roles';
import { addCalendarDays, localDateOf, startOfLocalDay } from './time';

export type NotificationCategory = keyof typeof NOTIFICATION_CATEGORIES;
export type EventStatus = 'open' | 'notified';

/** The longest description kept on the event; the letter itself says the rest. */
export const EVENT_DESCRIPTION_MAX = 100;

export interface NotificationEvent extends StoredRecord {
  communityId: Id;
  category: NotificationCategory;
  /** The Shanghai day the event happened or the decision was taken: the clock starts from it. */
  occurredOn: LocalDate;
  description: string;
  recordedById: Id;
  recordedByName: string;
  recordedAt: EpochMs;
  /** Under the calendar of the day it was recorded; views and the sweep recompute it with today's. */
  deadline: Deadline;
  /** Mirrors `deadline.due` at the top level for the due-ordered index. */
  due: EpochMs;
  status: EventStatus;
  /** The draft notification composed for it, so a second tap reopens it rather than starting another. */
  draftId?: Id;
  notified?: { documentId: Id; at: EpochMs; byId: Id; late: boolean };
  /** When the hourly sweep next has something to do (an alert step, an escalation); null: nothing more. */
  nextActionAt: EpochMs | null;
}

export interface RecordEventInput {
  category: string;
  occurredOn: LocalDate;
  description: string;
}

export interface RecordEventContext {
  now: EpochMs;
  calendar: WorkingCalendar;
  communityId: Id;
  recorder: { personId: Id; name: string };
  cadence: Cadence;
}

export const isNotificationCategory = (c: string): c is NotificationCategory => hasOwn(NOTIFICATION_CATEGORIES, c);

/** A new event's fields; throws the rule it breaks. */
export function prepareEvent(input: RecordEventInput, c: RecordEventContext): Omit<NotificationEvent, '_id' | 'version'> {
  if (!isNotificationCategory(input.category)) fail('INVALID_INPUT', '请选择通报类别');
  if (input.occurredOn > localDateOf(c.now)) fail('INVALID_INPUT', '事件发生日期不能晚于今天');
  const description = input.description.trim();
  if (!description) fail('INVALID_INPUT', '请简要说明事项');
  if (description.length > EVENT_DESCRIPTION_MAX) fail('INVALID_INPUT', `事项说明不能超过${EVENT_DESCRIPTION_MAX}个字`);
  const deadline = notificationDeadline(input.occurredOn, c.calendar);
  const event = {
    communityId: c.communityId,
    category: input.category,
    occurredOn: input.occurredOn,
    description,
    recordedById: c.recorder.personId,
    recordedByName: c.recorder.name,
    recordedAt: c.now,
    deadline,
    due: deadline.due,
    status: 'open' as const,
  };
  // Recorded late, it owes alerts already: the next hourly run sends them.
  const owesNow = eventAlertsDue(event, c.now, c.calendar, c.cadence).length > 0;
  return { ...event, nextActionAt: owesNow ? c.now : eventNextActionAt(event, c.now, c.calendar, c.cadence) };
}

/** The deadline under today's calendar (an administrator may have corrected a holiday since). */
export const eventDeadline = (e: Pick<NotificationEvent, 'occurredOn'>, calendar: WorkingCalendar): Deadline => notificationDeadline(e.occurredOn, calendar);

/** Whom an alert of an event goes to: whoever recorded it (and owes the letter), or up the line. */
export type EventAlertTarget = 'recorder' | 'head' | 'general_manager';

export interface EventAlert {
  to: EventAlertTarget;
  /** Part of the alert key: each step alerts each person once. */
  step: string;
  stage: 'due_soon' | 'overdue' | 'escalated';
}

/**
 * The alerts an open event owes at `now` under its cadence: the chase step (before the due day, then
 * each repeat after it) to the recorder, and each escalation whose working days have passed.
 */
export function eventAlertsDue(e: Pick<NotificationEvent, 'status' | 'occurredOn'>, now: EpochMs, calendar: WorkingCalendar, cadence: Cadence): EventAlert[] {
  if (e.status !== 'open') return [];
  const { due } = eventDeadline(e, calendar);
  const out: EventAlert[] = [];
  const step = chaseStep(cadence, due, now, calendar);
  if (step) out.push({ to: 'recorder', step, stage: step === 'before' ? 'due_soon' : 'overdue' });
  for (const esc of escalationsDue(cadence, due, now, calendar)) out.push({ to: esc.to, step: `esc-${esc.to}`, stage: 'escalated' });
  return out;
}

const signature = (alerts: EventAlert[]): string => alerts.map((a) => `${a.to}:${a.step}`).join('|');

/**
 * When the alerts owed next change after `now` (the start of that Shanghai day), looking at most
 * `horizonDays` ahead; null once closed, or when nothing will change again. Stored as `nextActionAt`
 * so the sweep reads only events with something to do.
 */
export function eventNextActionAt(
  e: Pick<NotificationEvent, 'status' | 'occurredOn'>,
  now: EpochMs,
  calendar: WorkingCalendar,
  cadence: Cadence,
  horizonDays = 120,
): EpochMs | null {
  if (e.status !== 'open') return null;
  const current = signature(eventAlertsDue(e, now, calendar, cadence));
  let day = localDateOf(now);
  for (let i = 0; i < horizonDays; i++) {
    day = addCalendarDays(day, 1);
    const start = startOfLocalDay(day);
    if (signature(eventAlertsDue(e, start, calendar, cadence)) !== current) return start;
  }
  return cadence.repeatEveryWorkingDays === 0 ? null : startOfLocalDay(day);
}

/** Community staff see their community's events (any of them may be the one who writes); the general manager every community's. */
export function canSeeEvent(caller: Caller, e: Pick<NotificationEvent, 'communityId'>): boolean {
  if (hasRole(caller, 'general_manager')) return true;
  return hasRole(caller, ...COMMUNITY_STAFF_ROLES) && caller.communityId === e.communityId;
}

/** The workbench shows the head every open event of the community, others the ones they recorded. */
export function onWorkbenchOf(caller: Caller, e: Pick<NotificationEvent, 'communityId' | 'recordedById'>): boolean {
  if (!canSeeEvent(caller, e)) return false;
  return hasRole(caller, ...CENTRE_ROLES) || e.recordedById === caller.personId;
}

/** The notification a tap on 起草通报 starts with: the event's category, day and words. */
export function eventDraftContent(e: Pick<NotificationEvent, 'category' | 'occurredOn' | 'description'>): DocumentContent & { kind: 'notification' } {
  return { kind: 'notification', category: e.category, title: e.description.slice(0, 60), body: e.description, eventDate: e.occurredOn, attachments: [] };
}

/**
 * A draft linked to an event must stay a notification of that event's day: the day is what the
 * clock ran from, and a letter about another day would close the wrong clock.
 */
export function checkLinkedContent(
  e: Pick<NotificationEvent, 'occurredOn' | 'communityId'>,
  communityId: Id,
  content: Pick<DocumentContent, 'kind' | 'eventDate'>,
): void {
  if (communityId !== e.communityId) fail('NOT_FOUND');
  if (content.kind !== 'notification') fail('INVALID_INPUT', '需通报事项只能以通报送达');
  if (content.eventDate !== e.occurredOn) fail('INVALID_INPUT', '通报的事件发生日期须与所记录的事项一致');
}

/**
 * Sending the linked notification closes the event, once: a second notification of an event already
 * notified (a correction) changes nothing. Late when sent after the deadline under today's calendar.
 */
export function closeEvent(
  e: Pick<NotificationEvent, 'status' | 'occurredOn' | 'communityId'>,
  doc: { _id: Id; communityId: Id; content: Pick<DocumentContent, 'kind' | 'eventDate'> },
  by: Id,
  now: EpochMs,
  calendar: WorkingCalendar,
): Pick<NotificationEvent, 'status' | 'notified' | 'nextActionAt'> | null {
  if (e.status !== 'open') return null;
  checkLinkedContent(e, doc.communityId, doc.content);
  return { status: 'notified', notified: { documentId: doc._id, at: now, byId: by, late: isLate(eventDeadline(e, calendar), now) }, nextActionAt: null };
}

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = { open: '待通报', notified: '已通报' };
