/**
 * The head's monthly view of questions and requests: how many came in, how many were answered in
 * time, how many ran late, how many went to the general manager, and how satisfied the askers were.
 * An item belongs to the month it was received in (Shanghai).
 */
import type { Inquiry } from './inquiry';
import { OPEN_STATUSES } from './inquiry-labels';
import type { EpochMs } from './model';
import { localDateOf, monthOf, type YearMonth } from './time';

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
