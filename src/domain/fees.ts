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
import type { Fen } from './units';
import { LIMITATION_YEARS } from './rules';
import { billCadenceFor, DEFAULT_CADENCES } from './alerts/cadence';

/** How a butler may remind an owner, with the words the app shows. */
export const REMINDER_CHANNELS = {
  subscribe_message: '订阅消息',
  sms: '短信',
  phone: '电话',
  slip: '催缴单',
  in_person: '上门',
  service_moment: '服务时提醒',
  in_app: '站内消息',
} as const;
export type ReminderChannel = keyof typeof REMINDER_CHANNELS;

export type { Fen } from './units';

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

/** The dates come from the one cadence table (`bill`); the thresholds are the fee policy's own. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  startDay: DEFAULT_CADENCES.bill.startDay,
  repeatEveryDays: DEFAULT_CADENCES.bill.repeatEveryDays,
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
export const WRITTEN_REMINDER_CHANNELS: readonly ReminderChannel[] = ['slip', 'sms', 'subscribe_message', 'in_app'];

export function isWrittenReminder(channel: ReminderChannel): boolean {
  return WRITTEN_REMINDER_CHANNELS.includes(channel);
}

/** Proof that a written reminder reached the owner: what a court would accept as delivery. */
export const PROOF_KINDS = {
  slip_photo: '签收的催缴单照片',
  registered_mail: '挂号信/EMS单号',
  read_receipt: '业主已读站内提醒',
} as const;
export type ProofKind = keyof typeof PROOF_KINDS;

export type ReminderProof =
  | { kind: 'slip_photo'; fileId: string; name: string; at: EpochMs; byId: string }
  | { kind: 'registered_mail'; trackingNo: string; at: EpochMs; byId: string }
  | { kind: 'read_receipt'; readAt: EpochMs; at: EpochMs; byId: string };

/**
 * Which proof fits which channel: a paper slip is proven by its signed copy or the mail receipt, a
 * message in the app or WeChat by the owner having opened it. An SMS leaves no proof we can hold, so
 * it counts for the cadence but never interrupts the limitation period.
 */
export const PROOF_FOR_CHANNEL: Readonly<Partial<Record<ReminderChannel, readonly ProofKind[]>>> = {
  slip: ['slip_photo', 'registered_mail'],
  subscribe_message: ['read_receipt'],
  in_app: ['read_receipt'],
};

export function proofAccepted(channel: ReminderChannel, kind: ProofKind): boolean {
  return (PROOF_FOR_CHANNEL[channel] ?? []).includes(kind);
}

/** Only a written reminder with a proof of delivery that fits its channel interrupts the limitation period. */
export function interruptsLimitation(r: { channel: ReminderChannel; proof?: ReminderProof | null }): boolean {
  return isWrittenReminder(r.channel) && r.proof != null && proofAccepted(r.channel, r.proof.kind);
}

/** When a proven reminder interrupted the period: the day it was delivered, not the day the proof was filed. */
export function provenAt(r: { channel: ReminderChannel; at: EpochMs; proof?: ReminderProof | null }): EpochMs | null {
  if (!interruptsLimitation(r)) return null;
  return r.proof?.kind === 'read_receipt' ? r.proof.readAt : r.at;
}

export interface BillAtRisk {
  billId: string;
  month: YearMonth;
  /** The day the period started counting: the bill's due date or the last proven written reminder. */
  since: LocalDate;
  expiresOn: LocalDate;
  daysLeft: number;
  expired: boolean;
}

/** The unpaid bills whose limitation period is near its end or past it, soonest first. */
export function billsAtRisk(
  bills: Array<{ billId: string; month: YearMonth; dueDate: LocalDate; lastProvenAt?: EpochMs | null }>,
  now: EpochMs,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): BillAtRisk[] {
  return bills
    .map((b) => {
      const since = b.lastProvenAt != null ? localDateOf(b.lastProvenAt) : b.dueDate;
      const w = limitationWarning(since, now, policy);
      return { billId: b.billId, month: b.month, since, expiresOn: w.expiresOn, daysLeft: w.daysLeft, expired: w.expired, warn: w.warn };
    })
    .filter((b) => b.warn)
    .map(({ warn: _warn, ...b }) => b)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.month.localeCompare(b.month));
}

/**
 * The next reminder date for a room, from its oldest unpaid month and the last attempt that counts.
 * Two clocks use it: the product's own message to the owner counts from the last automatic attempt,
 * and a butler's "due today" from the last attempt by a person, so the app's message never takes a
 * butler's turn to call.
 */
export function nextReminderOn(
  oldestUnpaidMonth: YearMonth | null,
  lastAttemptAt: EpochMs | null | undefined,
  now: EpochMs,
  policy = DEFAULT_REMINDER_POLICY,
): LocalDate | null {
  if (oldestUnpaidMonth === null) return null;
  return reminderDue({ month: oldestUnpaidMonth }, lastAttemptAt, now, policy).nextDate;
}

/** Attempts in a row that reached nobody before a room is listed as unreachable. */
export const UNREACHABLE_AFTER_FAILURES = 2;

/**
 * A community's fee policy (the onboarding issue's community settings, field `feePolicy`): any field
 * missing or malformed falls back to the default, so a half-filled setting never breaks the run.
 * The reminder dates are the community's `bill` cadence (`settings.reminders.bill`, see
 * `billCadenceFor`); the start day stays the rule book's 15th.
 */
export function policyOf(community: object | null | undefined): ReminderPolicy {
  const setting = (community as { feePolicy?: unknown } | null | undefined)?.feePolicy;
  const raw = (setting && typeof setting === 'object' ? setting : {}) as Record<string, unknown>;
  const num = (key: keyof ReminderPolicy, min: number, max: number): number => {
    const v = raw[key];
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : DEFAULT_REMINDER_POLICY[key];
  };
  const bill = billCadenceFor(community);
  return {
    startDay: bill.startDay,
    repeatEveryDays: bill.repeatEveryDays,
    lawyerLetterAfterMonths: num('lawyerLetterAfterMonths', 1, 120),
    lawsuitMinAmountFen: num('lawsuitMinAmountFen', 1, Number.MAX_SAFE_INTEGER),
    lawsuitAfterMonths: num('lawsuitAfterMonths', 1, 240),
    limitationWarnDays: num('limitationWarnDays', 1, 365),
  };
}

export const ESCALATION_DECISIONS = { decide: '决定执行', defer: '暂缓' } as const;
export type EscalationDecision = keyof typeof ESCALATION_DECISIONS;
