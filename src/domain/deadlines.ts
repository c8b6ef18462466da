/**
 * Every deadline the rule book sets. A deadline is a Shanghai calendar day; `due` is the last
 * millisecond of that day, so anything sent during the day is on time. Only the working-day rules
 * can be provisional (a year the calendar does not cover yet); calendar-day rules never are.
 */
import type { WorkingCalendar } from './calendar';
import {
  ANNUAL_REPORT_MONTH,
  AUDIT_WINDOW_FROM_DAY,
  AUDIT_WINDOW_TO_DAY,
  FILING_LEAD_DAYS,
  HALF_YEAR_REPORT_MONTH,
  INQUIRY_WORKING_DAYS,
  MONTHLY_PL_DAY,
  NOTIFICATION_WORKING_DAYS,
  ROUTINE_MEETING_PROPOSAL_DAY,
  QUARTERLY_FUND_REPORT_DAY,
  quarterlyFundReportPhrase,
  RULE_PHRASES,
  meetingNoticePhrase,
  SPECIAL_MEETING_NOTICE_DAYS,
} from './rules';
import {
  addCalendarDays,
  dateInMonth,
  endOfLocalDay,
  startOfLocalDay,
  firstMonthOfQuarter,
  lastDayOfMonth,
  localDateOf,
  dayOfMonth,
  addMonths,
  yearMonth,
  type EpochMs,
  type LocalDate,
  type Quarter,
  type YearMonth,
} from './time';

export type DeadlineRule =
  | 'filing'
  | 'notification'
  | 'inquiry_answer'
  | 'special_meeting_notice'
  | 'monthly_pl'
  | 'audit_window'
  | 'routine_meeting_proposal'
  | 'culture_publication'
  | 'quarterly_fund_report'
  | 'half_year_report'
  | 'annual_report'
  | 'opinion_response';

export interface Deadline {
  rule: DeadlineRule;
  due: EpochMs;
  dueDate: LocalDate;
  provisional: boolean;
  ruleText: string;
}

export const RULE_TEXTS: Record<DeadlineRule, string> = {
  filing: `申报须在${RULE_PHRASES.filingLead}送达业委会`,
  notification: `通报须在事件发生或决定作出后${RULE_PHRASES.notificationWithin}送达业委会`,
  inquiry_answer: `合理的质询、质疑、建议或要求须在收到后${RULE_PHRASES.inquiryWithin}答复或解决`,
  special_meeting_notice: `专题工作会议的通知和材料须在${RULE_PHRASES.specialMeetingNotice}书面送达每位委员`,
  monthly_pl: `${RULE_PHRASES.monthlyPl}向业委会报送上月财务损益表`,
  audit_window: `${RULE_PHRASES.auditWindow}接受业主、业委会的质询和审计`,
  routine_meeting_proposal: `${RULE_PHRASES.routineMeetingProposal}向业委会主任提议召开例行工作沟通会议`,
  culture_publication: '每季度的头个月向业委会报送社区文化报刊、宣传品',
  quarterly_fund_report: `${RULE_PHRASES.quarterlyFundReport}向业委会报告上季度物业费及专项维修资金收支情况`,
  half_year_report: `${RULE_PHRASES.halfYearReport}向业委会作半年度工作汇报`,
  annual_report: `${RULE_PHRASES.annualReport}向业委会作年度工作汇报`,
  opinion_response: '委员须在签阅截止日期前反馈意见',
};

/** A day given either as a Shanghai date or as an instant (the day it fell on in Shanghai). */
export type DayInput = LocalDate | EpochMs;

function dayOf(input: DayInput): LocalDate {
  return typeof input === 'number' ? localDateOf(input) : input;
}

function onDate(rule: DeadlineRule, dueDate: LocalDate, provisional = false): Deadline {
  return { rule, due: endOfLocalDay(dueDate), dueDate, provisional, ruleText: RULE_TEXTS[rule] };
}

export function isLate(due: EpochMs | Pick<Deadline, 'due'>, at: EpochMs): boolean {
  return at > (typeof due === 'number' ? due : due.due);
}

/** Latest filing date = planned start − FILING_LEAD_DAYS calendar days. */
export function filingDeadline(plannedStart: LocalDate): Deadline {
  return onDate('filing', addCalendarDays(plannedStart, -FILING_LEAD_DAYS));
}

export function isFilingLate(plannedStart: LocalDate, sentAt: EpochMs): boolean {
  return isLate(filingDeadline(plannedStart), sentAt);
}

/** End of the NOTIFICATION_WORKING_DAYS-th working day after the day the event happened or the decision was taken. */
export function notificationDeadline(event: DayInput, calendar: WorkingCalendar): Deadline {
  const { date, provisional } = calendar.addWorkingDays(dayOf(event), NOTIFICATION_WORKING_DAYS);
  return onDate('notification', date, provisional);
}

/** End of the INQUIRY_WORKING_DAYS-th working day after the day of receipt (for items classified reasonable). */
export function inquiryAnswerDeadline(received: DayInput, calendar: WorkingCalendar): Deadline {
  const { date, provisional } = calendar.addWorkingDays(dayOf(received), INQUIRY_WORKING_DAYS);
  return onDate('inquiry_answer', date, provisional);
}

/**
 * Notice and materials must reach members by meeting day − N calendar days: N is the community's
 * notice-days setting (local regulations differ), SPECIAL_MEETING_NOTICE_DAYS by default.
 */
export function specialMeetingNoticeDeadline(meetingDay: LocalDate, noticeDays: number = SPECIAL_MEETING_NOTICE_DAYS): Deadline {
  const deadline = onDate('special_meeting_notice', addCalendarDays(meetingDay, -noticeDays));
  if (noticeDays === SPECIAL_MEETING_NOTICE_DAYS) return deadline;
  return { ...deadline, ruleText: RULE_TEXTS.special_meeting_notice.replace(RULE_PHRASES.specialMeetingNotice, meetingNoticePhrase(noticeDays)) };
}

/** The statement for `reportedMonth` is due on MONTHLY_PL_DAY of the month after it. */
export function monthlyPlDeadline(reportedMonth: YearMonth): Deadline {
  return onDate('monthly_pl', dateInMonth(addMonths(reportedMonth, 1), MONTHLY_PL_DAY));
}

export interface AuditWindow {
  month: YearMonth;
  start: LocalDate;
  end: LocalDate;
  startsAt: EpochMs;
  endsAt: EpochMs;
}

export function auditWindow(month: YearMonth): AuditWindow {
  const start = dateInMonth(month, AUDIT_WINDOW_FROM_DAY);
  const end = dateInMonth(month, AUDIT_WINDOW_TO_DAY);
  return { month, start, end, startsAt: endOfLocalDay(addCalendarDays(start, -1)) + 1, endsAt: endOfLocalDay(end) };
}

export function isInAuditWindow(day: DayInput): boolean {
  const dom = dayOfMonth(dayOf(day));
  return dom >= AUDIT_WINDOW_FROM_DAY && dom <= AUDIT_WINDOW_TO_DAY;
}

/** The audit window as a deadline (its end), for listing it among the month's duties. */
export function auditWindowDeadline(month: YearMonth): Deadline {
  return onDate('audit_window', auditWindow(month).end);
}

/**
 * "Before the 15th of the quarter's first month" (15日前): we read it as exclusive, so the proposal is
 * due by the end of the 14th. The stricter reading cannot make a compliant centre late.
 */
export function routineMeetingProposalDeadline(year: number, quarter: Quarter): Deadline {
  return onDate('routine_meeting_proposal', dateInMonth(firstMonthOfQuarter(year, quarter), ROUTINE_MEETING_PROPOSAL_DAY - 1));
}

/**
 * The previous quarter's fee and maintenance-fund accounts, due on a day of the quarter's first month:
 * QUARTERLY_FUND_REPORT_DAY, or the community's own day (it is presented at the routine meeting, whose
 * date each community keeps).
 */
export function quarterlyFundReportDeadline(year: number, quarter: Quarter, day: number = QUARTERLY_FUND_REPORT_DAY): Deadline {
  const deadline = onDate('quarterly_fund_report', dateInMonth(firstMonthOfQuarter(year, quarter), day));
  if (day === QUARTERLY_FUND_REPORT_DAY) return deadline;
  return { ...deadline, ruleText: RULE_TEXTS.quarterly_fund_report.replace(RULE_PHRASES.quarterlyFundReport, quarterlyFundReportPhrase(day)) };
}

/** Publications go out during the quarter's first month, so they are due at its end. */
export function culturePublicationDeadline(year: number, quarter: Quarter): Deadline {
  return onDate('culture_publication', lastDayOfMonth(firstMonthOfQuarter(year, quarter)));
}

export function halfYearReportDeadline(year: number): Deadline {
  return onDate('half_year_report', lastDayOfMonth(yearMonth(year, HALF_YEAR_REPORT_MONTH)));
}

export function annualReportDeadline(year: number): Deadline {
  return onDate('annual_report', lastDayOfMonth(yearMonth(year, ANNUAL_REPORT_MONTH)));
}

/** The centre sets the response date when it sends the document; members answer by the end of it. */
export function opinionResponseDeadline(responseBy: LocalDate): Deadline {
  return onDate('opinion_response', responseBy);
}

/**
 * Working days left for the UI countdown: the working days after today up to and including the due
 * day (0 = due today, or no working day remains before a due day that is not itself a working day).
 * Once overdue it is minus the working days elapsed since the due day, and never 0, so "overdue" is
 * always shown as such even on the weekend right after a Friday deadline.
 */
export function workingDaysLeft(now: EpochMs, deadline: Pick<Deadline, 'due'>, calendar: WorkingCalendar): number {
  const today = localDateOf(now);
  const dueDate = localDateOf(deadline.due);
  const count = calendar.workingDaysBetween(today, dueDate);
  if (!isLate(deadline, now)) return count;
  return Math.min(count, -1);
}

/** Time to remind: the deadline has not passed and at most `workingDays` working days remain before it. */
export function isDueWithin(now: EpochMs, deadline: Pick<Deadline, 'due'>, workingDays: number, calendar: WorkingCalendar): boolean {
  return !isLate(deadline, now) && workingDaysLeft(now, deadline, calendar) <= workingDays;
}

/**
 * The first moment `isDueWithin(·, deadline, workingDays)` holds: the start of the
 * (workingDays + 1)-th working day counted back from the due day (that day itself when it is one).
 */
export function dueWithinFrom(deadline: Pick<Deadline, 'due'>, workingDays: number, calendar: WorkingCalendar): EpochMs {
  let day = calendar.workingDayOnOrBefore(localDateOf(deadline.due)).date;
  for (let i = 0; i < workingDays; i++) day = calendar.workingDayOnOrBefore(addCalendarDays(day, -1)).date;
  return Math.min(startOfLocalDay(day), deadline.due);
}

/**
 * When an hourly sweep next has something to do for a deadline with a reminder `workingDays`
 * ahead, having last looked at it at `after` (never: -Infinity): the reminder moment, then the first
 * moment past due, then nothing (null). Stored on the record as `nextActionAt`, so a sweep reads only
 * what is due (an indexed range) instead of every open record.
 */
export function nextDeadlineAction(deadline: Pick<Deadline, 'due'>, workingDays: number, calendar: WorkingCalendar, after = -Infinity): EpochMs | null {
  const remind = dueWithinFrom(deadline, workingDays, calendar);
  if (after < remind) return remind;
  if (after <= deadline.due) return deadline.due + 1;
  return null;
}
