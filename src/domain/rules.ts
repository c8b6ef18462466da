/**
 * Every number the rule book sets, written once (see docs and /work/shared/domain.md). The deadline
 * functions compute with these, and every sentence that states one — rule texts, hints on screen,
 * error messages — is built from the phrases below, so changing a number changes what is computed
 * and what is shown together. A test fails if such a number is written as a literal anywhere else.
 *
 * It imports nothing, so any module (errors.ts included) can use it without an import cycle.
 */

/** 申报: must reach the committee this many calendar days before the planned start. */
export const FILING_LEAD_DAYS = 15;
/** 通报: within this many working days after the event or decision. */
export const NOTIFICATION_WORKING_DAYS = 3;
/** A reasonable inquiry is answered or resolved within this many working days of receipt. */
export const INQUIRY_WORKING_DAYS = 3;
/** 专题工作会议: notice and materials reach every member this many calendar days before. */
export const SPECIAL_MEETING_NOTICE_DAYS = 5;
/** The monthly P&L statement for the previous month is due on this day of the month. */
export const MONTHLY_PL_DAY = 5;
/** Each month, owners and the committee may inquire and audit from this day to that day, inclusive. */
export const AUDIT_WINDOW_FROM_DAY = 10;
export const AUDIT_WINDOW_TO_DAY = 15;
/** The routine meeting is proposed before this day of the quarter's first month. */
export const ROUTINE_MEETING_PROPOSAL_DAY = 15;
/** The previous quarter's income and spending of property fees and of the maintenance fund is reported by this day of the quarter's first month (presented at the routine meeting). */
export const QUARTERLY_FUND_REPORT_DAY = 15;
/** A routine meeting not yet proposed by this day of the quarter's first month puts the quarter at risk. */
export const ROUTINE_PROPOSAL_RISK_DAY = 10;
/** With this many calendar days of the quarter left and neither meeting nor communication, it is at risk. */
export const QUARTER_RISK_DAYS_LEFT = 10;
/** Members who have not signed a meeting notice are reminded this many working days before the meeting. */
export const MEETING_NOTICE_REMINDER_WORKING_DAYS = 1;
/** The half-year and annual work reports are due by the end of these months. */
export const HALF_YEAR_REPORT_MONTH = 6;
export const ANNUAL_REPORT_MONTH = 12;
/** An unsatisfied asker may reopen an answered inquiry within this many calendar days. */
export const REOPEN_WINDOW_DAYS = 7;
/** Fee reminders start on this day of the bill's month and repeat every so many days until paid. */
export const REMINDER_START_DAY = 15;
export const REMINDER_REPEAT_DAYS = 7;
/** The limitation period for a civil claim (民法典第188条), in years. */
export const LIMITATION_YEARS = 3;
/** Members who have not answered an opinion request are reminded when this many working days remain. */
export const OPINION_REMINDER_WORKING_DAYS = 1;
/** Whoever must answer an inquiry is reminded when this many working days remain. */
export const INQUIRY_REMINDER_WORKING_DAYS = 1;

/** The quarterly fund report's day in words (a community may set another day of the month). */
export const quarterlyFundReportPhrase = (day: number): string => `每季度首月${day}日前（含${day}日）`;

/** The notice period in words, for a community whose setting differs from the default. */
export const meetingNoticePhrase = (days: number): string => `会议召开前${days}天`;

/** The numbers above in the words the rule book states them with. */
export const RULE_PHRASES = {
  filingLead: `计划开始日期前${FILING_LEAD_DAYS}天`,
  notificationWithin: `${NOTIFICATION_WORKING_DAYS}个工作日内`,
  inquiryWithin: `${INQUIRY_WORKING_DAYS}个工作日内`,
  specialMeetingNotice: meetingNoticePhrase(SPECIAL_MEETING_NOTICE_DAYS),
  proposalRisk: `首月${ROUTINE_PROPOSAL_RISK_DAY}日`,
  quarterRisk: `季度最后${QUARTER_RISK_DAYS_LEFT}天`,
  monthlyPl: `每月${MONTHLY_PL_DAY}日前（含${MONTHLY_PL_DAY}日）`,
  auditWindowDays: `${AUDIT_WINDOW_FROM_DAY}日至${AUDIT_WINDOW_TO_DAY}日`,
  auditWindow: `每月${AUDIT_WINDOW_FROM_DAY}日至${AUDIT_WINDOW_TO_DAY}日`,
  routineMeetingProposal: `每季度首月${ROUTINE_MEETING_PROPOSAL_DAY}日前`,
  quarterlyFundReport: quarterlyFundReportPhrase(QUARTERLY_FUND_REPORT_DAY),
  halfYearReport: `每年${HALF_YEAR_REPORT_MONTH}月底前`,
  annualReport: `每年${ANNUAL_REPORT_MONTH}月底前`,
  reopenWithin: `${REOPEN_WINDOW_DAYS}天内`,
  reopenClosed: `已超过${REOPEN_WINDOW_DAYS}天`,
  reminderFrom: `每月${REMINDER_START_DAY}日起`,
  reminderEvery: `每${REMINDER_REPEAT_DAYS}天`,
  limitation: `${LIMITATION_YEARS}年`,
} as const;
