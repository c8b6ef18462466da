/**
 * Fee reminder (催缴) rules. The product only suggests; escalation to a lawyer's letter or a lawsuit
 * always needs a manager's decision, and nothing here ever proposes cutting a utility. Money is fen.
 */
import {
  addCalendarDays,
  addYears,
  calendarDaysBetween,
  dateInMonth,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  wholeMonthsBetween,
  type EpochMs,
  type LocalDate,
  type YearMonth,
} from './time';
import type { Fen } from './model';
import { LIMITATION_YEARS, REMINDER_REPEAT_DAYS, REMINDER_START_DAY } from './rules';

/** How a butler may remind an owner, with the words the app shows. */
export const REMINDER_CHANNELS = {
  subscribe_message: '订阅消息',
  sms: '短信',
  phone: '电话',
  slip: '催缴单',
  in_person: '上门',
  service_moment: '服务时提醒',
} as const;
export type ReminderChannel = keyof typeof REMINDER_CHANNELS;

export type { Fen } from './model';

export interface ReminderPolicy {
  /** Day of the bill's month on which reminders start; the rule book fixes it (REMINDER_START_DAY). */
  startDay: number;
  repeatEveryDays: number;
  lawyerLetterAfterMonths: number;
  lawsuitMinAmountFen: Fen;
  lawsuitAfterMonths: number;
  /** How long before the limitation period ends to start warning. */
  limitationWarnDays: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  startDay: REMINDER_START_DAY,
  repeatEveryDays: REMINDER_REPEAT_DAYS,
  lawyerLetterAfterMonths: 6,
  lawsuitMinAmountFen: 300_000,
  lawsuitAfterMonths: 12,
  limitationWarnDays: 90,
};

export interface BillForReminder {
  month: YearMonth;
  paidAt?: EpochMs | null;
}

export interface ReminderDue {
  due: boolean;
  /** The day the next reminder is (or was) due; null once the bill is paid. */
  nextDate: LocalDate | null;
}

export function reminderStartDate(month: YearMonth, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): LocalDate {
  return dateInMonth(month, policy.startDay);
}

/**
 * Reminders for the bill of month M start on the 15th of M and repeat every N days until it is paid.
 * Any recorded attempt (any channel, including one at a service moment) restarts the N days; one made
 * before the start day does not replace the reminder due on the start day.
 */
export function reminderDue(
  bill: BillForReminder,
  lastReminderAt: EpochMs | null | undefined,
  now: EpochMs,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): ReminderDue {
  if (bill.paidAt != null && bill.paidAt <= now) return { due: false, nextDate: null };
  const nextDate = nextReminderDate(bill.month, lastReminderAt, policy);
  return { due: localDateOf(now) >= nextDate, nextDate };
}

function nextReminderDate(month: YearMonth, lastReminderAt: EpochMs | null | undefined, policy: ReminderPolicy): LocalDate {
  const start = reminderStartDate(month, policy);
  const last = lastReminderAt == null ? null : localDateOf(lastReminderAt);
  return last === null || last < start ? start : addCalendarDays(last, policy.repeatEveryDays);
}

/** The two dates a bill carries for counting (see `Bill`): the next reminder's, and the limitation warning's first. */
export interface BillSchedule {
  nextReminderDate: LocalDate;
  limitationWarnFrom: LocalDate;
}

/**
 * A bill's schedule from its reminders so far: the last of any kind restarts the cadence, the last
 * written one restarts the limitation period (else it runs from the due date). Equal to what
 * `reminderDue` and `limitationWarning` say on any day, so a count by these dates matches the list.
 */
export function billSchedule(
  bill: { month: YearMonth; dueDate: LocalDate },
  lastReminderAt: EpochMs | null,
  lastWrittenAt: EpochMs | null,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): BillSchedule {
  return {
    nextReminderDate: nextReminderDate(bill.month, lastReminderAt, policy),
    limitationWarnFrom: limitationWarnFrom(lastWrittenAt ?? bill.dueDate, policy),
  };
}

function limitationWarnFrom(since: LocalDate | EpochMs, policy: ReminderPolicy): LocalDate {
  const start = typeof since === 'number' ? localDateOf(since) : since;
  return addCalendarDays(addYears(start, LIMITATION_YEARS), -policy.limitationWarnDays);
}

export interface Arrears {
  totalFen: Fen;
  /** The oldest unpaid bill's month. */
  oldestUnpaidMonth: YearMonth;
}

export type EscalationStep = 'none' | 'repeat_reminders' | 'lawyer_letter' | 'lawsuit';

export const ESCALATION_LABELS: Record<EscalationStep, string> = {
  none: '无需催缴',
  repeat_reminders: '持续催缴',
  lawyer_letter: '建议发送律师函',
  lawsuit: '建议起诉',
};

/** Whole months since the oldest unpaid bill fell into arrears (its reminder start day). */
export function monthsInArrears(oldestUnpaidMonth: YearMonth, now: EpochMs, policy = DEFAULT_REMINDER_POLICY): number {
  return wholeMonthsBetween(reminderStartDate(oldestUnpaidMonth, policy), localDateOf(now));
}

/** A suggestion for the manager, strongest step whose thresholds are all met. */
export function escalationStep(arrears: Arrears, now: EpochMs, policy = DEFAULT_REMINDER_POLICY): EscalationStep {
  if (arrears.totalFen <= 0) return 'none';
  if (localDateOf(now) < reminderStartDate(arrears.oldestUnpaidMonth, policy)) return 'none';
  const months = monthsInArrears(arrears.oldestUnpaidMonth, now, policy);
  if (months >= policy.lawsuitAfterMonths && arrears.totalFen >= policy.lawsuitMinAmountFen) return 'lawsuit';
  if (months >= policy.lawyerLetterAfterMonths) return 'lawyer_letter';
  return 'repeat_reminders';
}

export interface LimitationWarning {
  /** Last day of the period: same calendar day three years on (民法典第201、202条). */
  expiresOn: LocalDate;
  expiresAt: EpochMs;
  /** Calendar days from today to `expiresOn`; negative once it has passed. */
  daysLeft: number;
  warn: boolean;
  expired: boolean;
}

/**
 * When the three-year limitation period (诉讼时效) for a bill runs out, counted from the last written
 * reminder with proof of delivery (which interrupts and restarts it, 民法典第195条) or, without one,
 * from the bill's due date. We do not extend a period ending on a holiday (第203条): a warning should
 * come too early, never too late.
 */
export function limitationWarning(since: LocalDate | EpochMs, now: EpochMs, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): LimitationWarning {
  const start = typeof since === 'number' ? localDateOf(since) : since;
  const expiresOn = addYears(start, LIMITATION_YEARS);
  const expiresAt = endOfLocalDay(expiresOn);
  const daysLeft = calendarDaysBetween(localDateOf(now), expiresOn);
  const warnFrom = startOfLocalDay(limitationWarnFrom(start, policy));
  return { expiresOn, expiresAt, daysLeft, warn: now >= warnFrom, expired: now > expiresAt };
}

/**
 * Channels that leave a written record with proof of delivery: a slip, a text message, a subscribe
 * message. Only these interrupt the limitation period; a call, a visit or a word at a service moment
 * counts as a reminder for the cadence but leaves nothing to show a court.
 */
export const WRITTEN_REMINDER_CHANNELS: readonly ReminderChannel[] = ['slip', 'sms', 'subscribe_message'];

export function isWrittenReminder(channel: ReminderChannel): boolean {
  return WRITTEN_REMINDER_CHANNELS.includes(channel);
}
