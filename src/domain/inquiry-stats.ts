/**
 * The head's monthly view of questions and requests: how many came in, how many were answered in
 * time, how many ran late, how many went to the general manager, and how satisfied the askers were.
 * An item belongs to the month it was received in (Shanghai).
 */
import type { Inquiry } from './inquiry';
import { OPEN_STATUSES } from './inquiry-labels';
import type { EpochMs } from './model';
import { addMonths, localDateOf, monthOf, type YearMonth } from './time';

export interface InquiryMonthStats {
  month: YearMonth;
  received: number;
  /** First answer or explanation by the deadline set at receipt. */
  answeredOnTime: number;
  /** Answered after the deadline, or still unanswered past it. */
  overdue: number;
  /** Escalated to the general manager. */
  escalated: number;
  /** Received and still waiting for the centre. */
  open: number;
  satisfied: number;
  unsatisfied: number;
  /** satisfied / rated, as a fraction; null when nobody has rated yet. */
  satisfactionRate: number | null;
}

type StatFields = Pick<Inquiry, 'receivedAt' | 'firstDue' | 'firstResponseAt' | 'escalatedAt' | 'rating' | 'status'>;

export function wasAnsweredOnTime(i: StatFields): boolean {
  return i.firstResponseAt !== undefined && i.firstResponseAt <= i.firstDue;
}

export function wasOverdue(i: StatFields, now: EpochMs): boolean {
  return i.firstResponseAt !== undefined ? i.firstResponseAt > i.firstDue : now > i.firstDue;
}

export function inquiryStats(inquiries: readonly StatFields[], month: YearMonth, now: EpochMs): InquiryMonthStats {
  const mine = inquiries.filter((i) => monthOf(localDateOf(i.receivedAt)) === month);
  const count = (p: (i: StatFields) => boolean): number => mine.filter(p).length;
  const satisfied = count((i) => i.rating === 'satisfied');
  const unsatisfied = count((i) => i.rating === 'unsatisfied');
  const rated = satisfied + unsatisfied;
  return {
    month,
    received: mine.length,
    answeredOnTime: count(wasAnsweredOnTime),
    overdue: count((i) => wasOverdue(i, now)),
    escalated: count((i) => i.escalatedAt !== undefined),
    open: count((i) => OPEN_STATUSES.includes(i.status)),
    satisfied,
    unsatisfied,
    satisfactionRate: rated === 0 ? null : satisfied / rated,
  };
}

/** The months of a trend: `count` months ending with `to`, oldest first. */
export function trendMonths(to: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(to, i - count + 1));
}

/** One month's figures per month, from the items received in those months (any order). */
export function inquiryTrend(inquiries: readonly StatFields[], months: readonly YearMonth[], now: EpochMs): InquiryMonthStats[] {
  const byMonth = new Map<YearMonth, StatFields[]>(months.map((m) => [m, []]));
  for (const i of inquiries) byMonth.get(monthOf(localDateOf(i.receivedAt)))?.push(i);
  return months.map((m) => inquiryStats(byMonth.get(m) ?? [], m, now));
}

/**
 * What colour a satisfaction rate deserves: green only when most askers were satisfied, red when
 * most were not (a 0% must never look like good news), nothing when nobody has rated.
 */
export const SATISFACTION_GOOD = 0.8;
export const SATISFACTION_POOR = 0.6;
export type Tone = 'good' | 'warn' | 'danger';
export function satisfactionTone(rate: number | null): Tone | undefined {
  if (rate === null) return undefined;
  return rate >= SATISFACTION_GOOD ? 'good' : rate < SATISFACTION_POOR ? 'danger' : 'warn';
}
