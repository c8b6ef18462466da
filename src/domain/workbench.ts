/**
 * The centre's obligations workbench: a stored obligation task, who may see and act on it, how its
 * due date reads, and which section of the workbench it belongs in. Pure: the moment and the
 * calendar are parameters.
 */
import { DEFAULT_CADENCES } from './alerts/cadence';
import type { WorkingCalendar } from './calendar';
import { nextDeadlineAction, workingDaysLeft } from './deadlines';
import { fail } from './errors';
import type { FileRef } from './files';
import type { EpochMs, Id, LocalDate, StoredRecord } from './model';
import { obligationStatus, type ObligationStatus, type ObligationTask } from './obligations';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from './roles';
import { addCalendarDays, dayOfMonth, dayOfWeek, localDateOf, monthNumber, monthOf, yearOf } from './time';

/** Generated ahead: the current month and the next three, so a duty exists well before it is due. */
export const GENERATE_MONTHS = 4;
/** A task due within this many working days alerts whoever must do it (its cadence, in alerts/cadence.ts). */
export const DUE_SOON_WORKING_DAYS = DEFAULT_CADENCES.obligation.beforeWorkingDays;
/** Done tasks stay on the workbench this long, so the document they produced can be found again. */
export const DONE_SHOWN_MS = 35 * 24 * 60 * 60 * 1000;

export interface ObligationCompletion {
  at: EpochMs;
  byId: Id;
  note?: string;
  file?: FileRef;
  /** A document sent through filings (e.g. the P&L statement as a report). */
  documentId?: Id;
}

/**
 * A generated task as stored. `assigneeId` absent or null means the default owner, the community's
 * head; it is not copied in so a new head inherits the unassigned duties. (Null, not absent, once
 * a task is handed back: the store cannot unset a field.)
 */
export interface ObligationRecord extends ObligationTask, StoredRecord {
  assigneeId?: Id | null;
  assignedAt?: EpochMs;
  assignedBy?: Id;
  done?: ObligationCompletion;
  /** Mirrors `done.at` at the top level so open tasks are one indexed query (`doneAt` absent). */
  doneAt?: EpochMs;
  createdAt: EpochMs;
  /** When the hourly sweep next has something to do (due soon, then overdue); null: nothing more. */
  nextActionAt?: EpochMs | null;
}

export const newObligationRecord = (task: ObligationTask, now: EpochMs, calendar: WorkingCalendar): Omit<ObligationRecord, 'version'> => ({
  ...task,
  createdAt: now,
  nextActionAt: taskNextActionAt(task, calendar),
});

/** A duty's `nextActionAt`: two working days ahead (due soon), then past due; null once done. */
export function taskNextActionAt(task: Pick<ObligationRecord, 'due' | 'doneAt'>, calendar: WorkingCalendar, after = -Infinity): EpochMs | null {
  return task.doneAt !== undefined ? null : nextDeadlineAction(task, DUE_SOON_WORKING_DAYS, calendar, after);
}

/** Staff who may be given a duty; the general manager works across communities and is not. */
export const ASSIGNABLE_ROLES = COMMUNITY_STAFF_ROLES;

/** The head sees the community's duties, the general manager every community's, others only theirs. */
export function canSeeTask(caller: Caller, task: Pick<ObligationRecord, 'communityId' | 'assigneeId'>): boolean {
  if (hasRole(caller, 'general_manager')) return true;
  if (task.communityId !== caller.communityId) return false;
  if (hasRole(caller, 'head')) return true;
  return task.assigneeId === caller.personId;
}

export function canCompleteTask(caller: Caller, task: Pick<ObligationRecord, 'communityId' | 'assigneeId'>): boolean {
  if (task.communityId !== caller.communityId) return false;
  return hasRole(caller, 'head') || task.assigneeId === caller.personId;
}

export function canAssignTask(caller: Caller, task: Pick<ObligationRecord, 'communityId'>): boolean {
  return hasRole(caller, 'head') && task.communityId === caller.communityId;
}

export interface CompleteInput {
  note?: string;
  file?: FileRef;
  documentId?: Id;
}

/** Done once: the record of who did it with which document is never overwritten. */
export function completeTask(
  task: Pick<ObligationRecord, 'done'>,
  byId: Id,
  input: CompleteInput,
  now: EpochMs,
): Pick<ObligationRecord, 'done' | 'doneAt' | 'nextActionAt'> {
  if (task.done) fail('OBLIGATION_ALREADY_DONE');
  const done: ObligationCompletion = { at: now, byId };
  if (input.note) done.note = input.note;
  if (input.file) done.file = input.file;
  if (input.documentId) done.documentId = input.documentId;
  return { done, doneAt: now, nextActionAt: null };
}

/** `assigneeId` null hands the task back to the head. A done task keeps who it was done by. */
export function assignTask(task: Pick<ObligationRecord, 'done'>, assigneeId: Id | null, byId: Id, now: EpochMs): Partial<ObligationRecord> {
  if (task.done) fail('OBLIGATION_ALREADY_DONE', '该事项已完成，不能再分派');
  // Someone else is now alerted: the next hourly run looks at it again (0 is always due).
  return { assigneeId, assignedAt: now, assignedBy: byId, nextActionAt: 0 };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** '2026年11月5日' */
export function formatDayCn(date: LocalDate): string {
  return `${yearOf(date)}年${monthNumber(monthOf(date))}月${dayOfMonth(date)}日`;
}

/** '星期四' */
export function weekdayCn(date: LocalDate): string {
  return WEEKDAYS[dayOfWeek(date)]!;
}

export interface TaskTiming {
  status: ObligationStatus;
  /** From `workingDaysLeft`: 0 = due today (or no working day left), negative once overdue. */
  workingDaysLeft: number;
  countdownText: string;
  /** The last working day on or before the due day, under today's calendar (it may have been corrected). */
  lastWorkingDate: LocalDate;
  provisional: boolean;
}

/** The countdown words the workbench shows beside a due date. */
export function countdownText(left: number, today: LocalDate, dueDate: LocalDate, todayIsWorking: boolean): string {
  if (left < 0) return `已逾期${-left}个工作日`;
  if (left > 0) return `还剩${left}个工作日`;
  if (today === dueDate) return '今天到期';
  // Due on a day off with no working day before it: today is the last chance, or there is none.
  return todayIsWorking ? '今天是到期前最后一个工作日' : '到期前已无工作日';
}

export function taskTiming(task: Pick<ObligationRecord, 'due' | 'dueDate' | 'doneAt'>, now: EpochMs, calendar: WorkingCalendar): TaskTiming {
  const today = localDateOf(now);
  const status = obligationStatus(task, task.doneAt ?? undefined, now);
  const last = calendar.workingDayOnOrBefore(task.dueDate);
  const left = workingDaysLeft(now, task, calendar);
  return {
    status,
    workingDaysLeft: left,
    countdownText: status === 'done' ? '已完成' : countdownText(left, today, task.dueDate, calendar.isWorkingDay(today).working),
    lastWorkingDate: last.date,
    provisional: last.provisional || calendar.isWorkingDay(task.dueDate).provisional,
  };
}

export type WorkbenchSection = 'overdue' | 'thisWeek' | 'thisMonth' | 'later' | 'done';
export const SECTION_LABELS: Record<WorkbenchSection, string> = {
  overdue: '已逾期',
  thisWeek: '本周',
  thisMonth: '本月',
  later: '以后',
  done: '已完成',
};

/** Sunday of today's week (weeks run Monday to Sunday, as Chinese calendars print them). */
export function endOfWeek(today: LocalDate): LocalDate {
  return addCalendarDays(today, (7 - dayOfWeek(today)) % 7);
}

/**
 * 本周 is anything due by Sunday (even if that is next month), 本月 the rest of this month, and
 * overdue or done wins over both.
 */
export function sectionOf(status: ObligationStatus, dueDate: LocalDate, today: LocalDate): WorkbenchSection {
  if (status === 'done') return 'done';
  if (status === 'overdue') return 'overdue';
  if (dueDate <= endOfWeek(today)) return 'thisWeek';
  if (monthOf(dueDate) === monthOf(today)) return 'thisMonth';
  return 'later';
}
