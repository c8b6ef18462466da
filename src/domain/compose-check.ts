/**
 * What the compose page checks before it asks "发送后内容不能再修改": the server's own rules for a
 * complete draft (`draftProblems`), the contract's text limits, and the late reason a late filing
 * needs; and the dates its pickers offer. Pure and zod-free: the page imports it.
 */
import { draftProblems, lateReasonRequired, type DocumentContent } from './documents';
import { ERROR_MESSAGES } from './errors';
import { requiredMessage, TEXT_LIMITS, textProblem } from './limits';
import type { LocalDate } from './model';
import { FILING_LEAD_DAYS } from './rules';
import { addCalendarDays } from './time';

export type ComposeField = 'title' | 'lateReason' | 'category' | 'body' | 'plannedStart' | 'eventDate' | 'period' | 'responseBy';

export interface ComposeCheck {
  content: DocumentContent;
  today: LocalDate;
  /** From the server's deadline preview: the draft would be sent after its deadline. */
  late: boolean;
  lateReason: string;
}

/** Every problem by field (the first one of each), empty when the send may be confirmed. */
export function composeProblems({ content, today, late, lateReason }: ComposeCheck): Partial<Record<ComposeField, string>> {
  const out: Partial<Record<ComposeField, string>> = {};
  const title = textProblem(content.title, '标题', TEXT_LIMITS.documentTitle);
  if (title) out.title = title;
  for (const p of draftProblems(content, today)) out[p.field] ??= p.message;
  const body = textProblem(content.body, '正文', TEXT_LIMITS.documentBody, false);
  if (body) out.body ??= body;
  if (late) {
    const reason = textProblem(lateReason, '逾期原因', TEXT_LIMITS.lateReason, lateReasonRequired(content.kind));
    if (reason) out.lateReason = reason === requiredMessage('逾期原因') ? ERROR_MESSAGES.LATE_REASON_REQUIRED : reason;
  }
  return out;
}

/** What a date picker offers: `start`/`end` bound it, `initial` is where it opens. */
export interface DateBounds {
  start?: LocalDate;
  end?: LocalDate;
  initial: LocalDate;
  /** The first date that keeps the rule's deadline (a filing's planned start), shown as a hint. */
  onTimeFrom?: LocalDate;
  /**
   * Dates offered as one tap beside the picker: the person still names the date (no silent default
   * that would hide a late notification), in one tap instead of opening and confirming the picker.
   */
  quick?: Array<{ label: string; date: LocalDate }>;
}

/**
 * The dates the rules allow: an event being notified has happened (today or before); an opinion
 * deadline is not past; work being filed for has not started yet, and the page names the earliest
 * start that is still on time (today + the filing lead). An earlier start stays possible: the rule
 * book lets a late filing go out, marked late with its reason.
 */
export function composeDateBounds(today: LocalDate): Record<'plannedStart' | 'eventDate' | 'responseBy', DateBounds> {
  return {
    plannedStart: { start: today, initial: today, onTimeFrom: addCalendarDays(today, FILING_LEAD_DAYS) },
    eventDate: {
      end: today,
      initial: today,
      quick: [
        { label: '今天', date: today },
        { label: '昨天', date: addCalendarDays(today, -1) },
      ],
    },
    responseBy: { start: today, initial: addCalendarDays(today, 1) },
  };
}
