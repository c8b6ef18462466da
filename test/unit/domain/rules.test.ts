/**
 * Every rule number is written once, in src/domain/rules.ts: the dates computed and the sentences
 * shown both come from it. These tests tie each sentence and each computation to its constant, and
 * fail if a number is written out again as a literal elsewhere.
 */
import {
  annualReportDeadline,
  auditWindow,
  filingDeadline,
  halfYearReportDeadline,
  inquiryAnswerDeadline,
  isInAuditWindow,
  monthlyPlDeadline,
  notificationDeadline,
  routineMeetingProposalDeadline,
  RULE_TEXTS,
  specialMeetingNoticeDeadline,
} from '@domain/deadlines';
import { createCalendar } from '@domain/calendar';
import { ERROR_MESSAGES } from '@domain/errors';
import { DEFAULT_REMINDER_POLICY, limitationWarning, reminderDue } from '@domain/fees';
import { reopenUntil } from '@domain/inquiry';
import { API } from '@domain/api';
import * as R from '@domain/rules';
import { addCalendarDays, dayOfMonth, endOfLocalDay, yearMonth } from '@domain/time';
import { findInCode, sourceFiles } from '../../helpers/source-scan';

const calendar = createCalendar();
const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);

describe('each rule sentence states its constant', () => {
  it.each([
    ['filing', `${R.FILING_LEAD_DAYS}天`],
    ['notification', `${R.NOTIFICATION_WORKING_DAYS}个工作日`],
    ['inquiry_answer', `${R.INQUIRY_WORKING_DAYS}个工作日`],
    ['special_meeting_notice', `${R.SPECIAL_MEETING_NOTICE_DAYS}天`],
    ['monthly_pl', `${R.MONTHLY_PL_DAY}日`],
    ['audit_window', `${R.AUDIT_WINDOW_FROM_DAY}日至${R.AUDIT_WINDOW_TO_DAY}日`],
    ['routine_meeting_proposal', `${R.ROUTINE_MEETING_PROPOSAL_DAY}日前`],
    ['half_year_report', `${R.HALF_YEAR_REPORT_MONTH}月底`],
    ['annual_report', `${R.ANNUAL_REPORT_MONTH}月底`],
  ] as const)('%s says %s', (rule, words) => {
    expect(RULE_TEXTS[rule]).toContain(words);
  });

  it('error messages state the reopen window and the audit days', () => {
    expect(ERROR_MESSAGES.REOPEN_WINDOW_CLOSED).toContain(`${R.REOPEN_WINDOW_DAYS}天`);
    expect(ERROR_MESSAGES.AUDIT_OUTSIDE_WINDOW).toContain(`${R.AUDIT_WINDOW_FROM_DAY}日至${R.AUDIT_WINDOW_TO_DAY}日`);
  });

  it('the phrases the pages use are built from the constants', () => {
    expect(R.RULE_PHRASES.reminderFrom).toContain(String(R.REMINDER_START_DAY));
    expect(R.RULE_PHRASES.reopenWithin).toContain(String(R.REOPEN_WINDOW_DAYS));
    expect(R.RULE_PHRASES.limitation).toContain(String(R.LIMITATION_YEARS));
    expect(API.inquiries.reopen.summary).toContain(R.RULE_PHRASES.reopenWithin);
  });
});

describe('each computation uses its constant', () => {
  it('calendar-day rules', () => {
    expect(filingDeadline('2026-06-30').dueDate).toBe(addCalendarDays('2026-06-30', -R.FILING_LEAD_DAYS));
    expect(specialMeetingNoticeDeadline('2026-06-30').dueDate).toBe(addCalendarDays('2026-06-30', -R.SPECIAL_MEETING_NOTICE_DAYS));
    expect(dayOfMonth(monthlyPlDeadline('2026-05').dueDate)).toBe(R.MONTHLY_PL_DAY);
    expect(dayOfMonth(routineMeetingProposalDeadline(2026, 3).dueDate)).toBe(R.ROUTINE_MEETING_PROPOSAL_DAY - 1);
    expect(halfYearReportDeadline(2026).dueDate.slice(0, 7)).toBe(yearMonth(2026, R.HALF_YEAR_REPORT_MONTH));
    expect(annualReportDeadline(2026).dueDate.slice(0, 7)).toBe(yearMonth(2026, R.ANNUAL_REPORT_MONTH));
  });

  it('working-day rules', () => {
    // Mon 2026-06-01: no holiday in the next weeks, so N working days later is plain weekday counting.
    expect(calendar.workingDaysBetween('2026-06-01', notificationDeadline('2026-06-01', calendar).dueDate)).toBe(R.NOTIFICATION_WORKING_DAYS);
    expect(calendar.workingDaysBetween('2026-06-01', inquiryAnswerDeadline('2026-06-01', calendar).dueDate)).toBe(R.INQUIRY_WORKING_DAYS);
  });

  it('the audit window', () => {
    const w = auditWindow('2026-06');
    expect([dayOfMonth(w.start), dayOfMonth(w.end)]).toEqual([R.AUDIT_WINDOW_FROM_DAY, R.AUDIT_WINDOW_TO_DAY]);
    expect(isInAuditWindow(yearMonth(2026, 6) + `-${String(R.AUDIT_WINDOW_FROM_DAY - 1).padStart(2, '0')}`)).toBe(false);
  });

  it('fee reminders and the limitation period', () => {
    expect(DEFAULT_REMINDER_POLICY.startDay).toBe(R.REMINDER_START_DAY);
    expect(DEFAULT_REMINDER_POLICY.repeatEveryDays).toBe(R.REMINDER_REPEAT_DAYS);
    expect(reminderDue({ month: '2026-06' }, null, sh('2026-06-01T09:00:00')).nextDate).toBe(`2026-06-${R.REMINDER_START_DAY}`);
    expect(limitationWarning('2026-06-15', sh('2026-06-16T09:00:00')).expiresOn).toBe(`${2026 + R.LIMITATION_YEARS}-06-15`);
  });

  it('the reopen window', () => {
    expect(reopenUntil({ respondedAt: sh('2026-06-01T10:00:00') })).toBe(endOfLocalDay(addCalendarDays('2026-06-01', R.REOPEN_WINDOW_DAYS)));
  });
});

describe('no rule number outside the rules module', () => {
  /** Where a digit before 天/日/年 is not a rule: demo data. */
  const ALLOWED = [/^cloudfunctions\/_shared\/seed\//, /^src\/domain\/rules\.ts$/];

  it('no Chinese text in the app or on the server writes a rule number as a literal', () => {
    const files = sourceFiles('src', 'cloudfunctions').filter((f) => !ALLOWED.some((a) => a.test(f)));
    expect(findInCode(files, /\d+\s*(个)?(工作日|天|日|年|月底)/)).toEqual([]);
  });
});
