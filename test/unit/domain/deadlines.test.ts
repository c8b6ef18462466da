/**
 * 2026 holidays used below (chinese-days 1.5.7, State Council notice for 2026): 春节 off 02-15..02-23
 * with make-up working days Sat 02-14 and Sat 02-28; 国庆节 off 10-01..10-07 with make-up working
 * days Sun 09-20 and Sat 10-10. 2027 is not covered, so deadlines reaching it are provisional.
 */
import { createCalendar } from '@domain/calendar';
import {
  RULE_TEXTS,
  annualReportDeadline,
  auditWindow,
  culturePublicationDeadline,
  filingDeadline,
  halfYearReportDeadline,
  inquiryAnswerDeadline,
  isFilingLate,
  isInAuditWindow,
  isLate,
  monthlyPlDeadline,
  notificationDeadline,
  opinionResponseDeadline,
  routineMeetingProposalDeadline,
  specialMeetingNoticeDeadline,
  workingDaysLeft,
  type DeadlineRule,
} from '@domain/deadlines';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const calendar = createCalendar();

describe('filing: planned start − 15 calendar days', () => {
  it.each([
    ['2026-03-01', '2026-02-14'],
    ['2026-10-16', '2026-10-01'],
    ['2026-01-10', '2025-12-26'],
    ['2028-03-15', '2028-02-29'],
    ['2028-03-14', '2028-02-28'],
    ['2027-03-15', '2027-02-28'],
  ])('start %s -> latest %s', (start, latest) => {
    const d = filingDeadline(start);
    expect(d).toEqual({ rule: 'filing', dueDate: latest, due: sh(`${latest}T23:59:59.999`), provisional: false, ruleText: RULE_TEXTS.filing });
  });

  it('is late only after the end of the latest day, Shanghai time', () => {
    expect(isFilingLate('2026-03-01', sh('2026-02-14T23:59:59.999'))).toBe(false);
    expect(isFilingLate('2026-03-01', sh('2026-02-15T00:00:00.000'))).toBe(true);
    expect(isFilingLate('2026-03-01', sh('2026-02-01T09:00:00'))).toBe(false);
  });
});

describe('notification and inquiry: end of the 3rd working day after the day', () => {
  it.each([
    // Thu before 春节: Fri 13, make-up Sat 14, Tue 24.
    ['2026-02-12T10:00:00', '2026-02-24', false],
    // 00:30 Shanghai on Fri 13 is still Thu 12 in UTC and Los Angeles; the Shanghai day counts.
    ['2026-02-13T00:30:00', '2026-02-25', false],
    ['2026-02-12T23:59:59', '2026-02-24', false],
    // Received on Sat 21 Feb (a 春节 day off): Tue 24, Wed 25, Thu 26.
    ['2026-02-21T15:00:00', '2026-02-26', false],
    ['2026-09-18T18:00:00', '2026-09-22', false],
    ['2026-09-29T09:00:00', '2026-10-09', false],
    ['2026-09-30T09:00:00', '2026-10-10', false],
    ['2026-01-30T09:00:00', '2026-02-04', false],
    ['2025-12-31T20:00:00', '2026-01-06', false],
    ['2026-12-30T09:00:00', '2027-01-04', true],
  ])('event %s -> due end of %s (provisional %s)', (at, dueDate, provisional) => {
    const n = notificationDeadline(sh(at), calendar);
    expect(n).toEqual({ rule: 'notification', dueDate, due: sh(`${dueDate}T23:59:59.999`), provisional, ruleText: RULE_TEXTS.notification });
    const q = inquiryAnswerDeadline(sh(at), calendar);
    expect(q).toMatchObject({ rule: 'inquiry_answer', dueDate, provisional });
  });

  it('accepts the event day as a date', () => {
    expect(notificationDeadline('2026-09-30', calendar).dueDate).toBe('2026-10-10');
  });

  it('follows administrator overrides', () => {
    const cal = createCalendar([{ date: '2026-10-10', kind: 'holiday', name: '调整' }]);
    expect(notificationDeadline('2026-09-30', cal).dueDate).toBe('2026-10-12');
  });
});

describe('special meeting notice: meeting day − 5 days', () => {
  it.each([
    ['2026-03-03', '2026-02-26'],
    ['2026-10-03', '2026-09-28'],
    ['2028-03-05', '2028-02-29'],
    ['2027-01-02', '2026-12-28'],
  ])('meeting %s -> notice by %s', (meeting, by) => {
    expect(specialMeetingNoticeDeadline(meeting)).toMatchObject({ rule: 'special_meeting_notice', dueDate: by, provisional: false });
  });
});

describe('periodic reports', () => {
  it.each([
    ['2026-01', '2026-02-05'],
    ['2026-11', '2026-12-05'],
    ['2026-12', '2027-01-05'],
    ['2028-02', '2028-03-05'],
  ])('P&L for %s due %s', (month, due) => {
    expect(monthlyPlDeadline(month)).toMatchObject({ rule: 'monthly_pl', dueDate: due, due: sh(`${due}T23:59:59.999`) });
  });

  it('routine meeting proposal is due by the end of the 14th of Jan/Apr/Jul/Oct', () => {
    expect([1, 2, 3, 4].map((q) => routineMeetingProposalDeadline(2026, q as 1 | 2 | 3 | 4).dueDate)).toEqual([
      '2026-01-14',
      '2026-04-14',
      '2026-07-14',
      '2026-10-14',
    ]);
    expect(isLate(routineMeetingProposalDeadline(2026, 4), sh('2026-10-15T00:00:00'))).toBe(true);
    expect(isLate(routineMeetingProposalDeadline(2026, 4), sh('2026-10-14T23:00:00'))).toBe(false);
  });

  it('culture publication is due by the end of the quarter’s first month', () => {
    expect([1, 2, 3, 4].map((q) => culturePublicationDeadline(2026, q as 1 | 2 | 3 | 4).dueDate)).toEqual([
      '2026-01-31',
      '2026-04-30',
      '2026-07-31',
      '2026-10-31',
    ]);
  });

  it('half-year and annual reports', () => {
    expect(halfYearReportDeadline(2026)).toMatchObject({ dueDate: '2026-06-30', due: sh('2026-06-30T23:59:59.999') });
    expect(annualReportDeadline(2026)).toMatchObject({ dueDate: '2026-12-31', due: Date.parse('2026-12-31T15:59:59.999Z') });
  });
});

describe('audit window 10th–15th', () => {
  it('spans Shanghai days 10 to 15', () => {
    expect(auditWindow('2028-02')).toEqual({
      month: '2028-02',
      start: '2028-02-10',
      end: '2028-02-15',
      startsAt: sh('2028-02-10T00:00:00'),
      endsAt: sh('2028-02-15T23:59:59.999'),
    });
  });

  it.each([
    ['2026-10-09', false],
    ['2026-10-10', true],
    ['2026-10-15', true],
    ['2026-10-16', false],
  ])('%s in window: %s', (date, inside) => {
    expect(isInAuditWindow(date)).toBe(inside);
  });

  it('judges an instant by its Shanghai day', () => {
    expect(isInAuditWindow(sh('2026-10-10T00:10:00'))).toBe(true);
    expect(isInAuditWindow(sh('2026-10-16T00:10:00'))).toBe(false);
  });
});

describe('opinion requests and lateness', () => {
  it('uses the given date, end of day', () => {
    const d = opinionResponseDeadline('2026-02-28');
    expect(d.due).toBe(sh('2026-02-28T23:59:59.999'));
    expect(isLate(d, sh('2026-02-28T23:59:59.999'))).toBe(false);
    expect(isLate(d, sh('2026-03-01T00:00:00'))).toBe(true);
    expect(isLate(d.due, d.due + 1)).toBe(true);
  });
});

describe('workingDaysLeft', () => {
  const due = opinionResponseDeadline('2026-02-25');
  it.each([
    // Before 春节: Fri 13, make-up Sat 14, Tue 24, Wed 25 remain after Thu 12.
    ['2026-02-12T09:00:00', 4],
    ['2026-02-20T09:00:00', 2],
    ['2026-02-25T09:00:00', 0],
    ['2026-02-26T00:00:00', -1],
    ['2026-02-27T12:00:00', -2],
    // Sat 28 Feb is a make-up working day.
    ['2026-02-28T12:00:00', -3],
    ['2026-03-01T12:00:00', -3],
  ])('at %s: %i', (now, left) => {
    expect(workingDaysLeft(sh(now), due, calendar)).toBe(left);
  });

  it('is negative on the weekend right after a Friday deadline', () => {
    const friday = opinionResponseDeadline('2026-03-06');
    expect(workingDaysLeft(sh('2026-03-07T10:00:00'), friday, calendar)).toBe(-1);
    expect(workingDaysLeft(sh('2026-03-06T10:00:00'), friday, calendar)).toBe(0);
  });
});

it('every rule has a Chinese text', () => {
  const rules: DeadlineRule[] = [
    'filing',
    'notification',
    'inquiry_answer',
    'special_meeting_notice',
    'monthly_pl',
    'audit_window',
    'routine_meeting_proposal',
    'culture_publication',
    'quarterly_fund_report',
    'half_year_report',
    'annual_report',
    'opinion_response',
  ];
  expect(Object.keys(RULE_TEXTS).sort()).toEqual([...rules].sort());
  for (const rule of rules) expect(RULE_TEXTS[rule]).toMatch(/[\u4e00-\u9fa5]/);
  expect(RULE_TEXTS.filing).toContain('15天');
  expect(RULE_TEXTS.notification).toContain('3个工作日');
});
