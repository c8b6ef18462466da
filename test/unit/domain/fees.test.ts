import { DEFAULT_REMINDER_POLICY, escalationStep, limitationWarning, monthsInArrears, reminderDue, type ReminderPolicy } from '@domain/fees';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, repeatEveryDays: 7 };

describe('reminderDue', () => {
  const bill = { month: '2026-02' };
  it.each([
    // [now, last reminder, due, next]
    ['2026-02-14T23:59:00', undefined, false, '2026-02-15'],
    // 00:10 on the 15th in Shanghai is still the 14th in UTC.
    ['2026-02-15T00:10:00', undefined, true, '2026-02-15'],
    ['2026-03-20T09:00:00', undefined, true, '2026-02-15'],
    ['2026-02-21T09:00:00', '2026-02-15T10:00:00', false, '2026-02-22'],
    ['2026-02-22T00:00:00', '2026-02-15T10:00:00', true, '2026-02-22'],
    // 23:30 on the 22nd in Shanghai is the 22nd, so the next reminder is 1 March, not 28 February.
    ['2026-02-28T23:00:00', '2026-02-22T23:30:00', false, '2026-03-01'],
    ['2026-03-01T08:00:00', '2026-02-22T23:30:00', true, '2026-03-01'],
    // A reminder before the start day (say, at a parcel pickup) does not replace the one on the 15th.
    ['2026-02-15T09:00:00', '2026-02-10T09:00:00', true, '2026-02-15'],
  ])('at %s after %s: due %s, next %s', (now, last, due, next) => {
    expect(reminderDue(bill, last === undefined ? undefined : sh(last), sh(now), policy)).toEqual({ due, nextDate: next });
  });

  it('stops once paid', () => {
    expect(reminderDue({ month: '2026-02', paidAt: sh('2026-02-16T10:00:00') }, undefined, sh('2026-03-01T10:00:00'), policy)).toEqual({
      due: false,
      nextDate: null,
    });
  });

  it('repeats on the configured cadence', () => {
    const every3: ReminderPolicy = { ...policy, repeatEveryDays: 3 };
    expect(reminderDue(bill, sh('2026-02-27T10:00:00'), sh('2026-03-02T08:00:00'), every3)).toEqual({ due: true, nextDate: '2026-03-02' });
  });
});

describe('escalationStep (a suggestion; a manager decides)', () => {
  const p: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, lawyerLetterAfterMonths: 6, lawsuitAfterMonths: 12, lawsuitMinAmountFen: 300_000 };
  it.each([
    [{ totalFen: 0, oldestUnpaidMonth: '2025-01' }, '2026-06-01T09:00:00', 'none'],
    [{ totalFen: 50_000, oldestUnpaidMonth: '2026-06' }, '2026-06-14T09:00:00', 'none'],
    [{ totalFen: 50_000, oldestUnpaidMonth: '2026-06' }, '2026-06-15T09:00:00', 'repeat_reminders'],
    [{ totalFen: 50_000, oldestUnpaidMonth: '2026-01' }, '2026-07-14T09:00:00', 'repeat_reminders'],
    [{ totalFen: 50_000, oldestUnpaidMonth: '2026-01' }, '2026-07-15T09:00:00', 'lawyer_letter'],
    // Long but small arrears: a letter, not a lawsuit.
    [{ totalFen: 299_999, oldestUnpaidMonth: '2025-01' }, '2026-06-01T09:00:00', 'lawyer_letter'],
    [{ totalFen: 300_000, oldestUnpaidMonth: '2025-01' }, '2026-06-01T09:00:00', 'lawsuit'],
    [{ totalFen: 900_000, oldestUnpaidMonth: '2025-07' }, '2026-07-14T09:00:00', 'lawyer_letter'],
  ])('%j at %s -> %s', (arrears, now, step) => {
    expect(escalationStep(arrears, sh(now), p)).toBe(step);
  });

  it('counts months from the reminder start day', () => {
    expect(monthsInArrears('2026-01', sh('2026-07-14T23:00:00'))).toBe(5);
    expect(monthsInArrears('2026-01', sh('2026-07-15T00:00:00'))).toBe(6);
  });
});

describe('limitationWarning (诉讼时效, 3 years)', () => {
  const warnPolicy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, limitationWarnDays: 90 };
  it('expires on the same day three years on, end of day Shanghai', () => {
    const w = limitationWarning('2026-03-15', sh('2026-03-16T09:00:00'), warnPolicy);
    expect(w).toEqual({ expiresOn: '2029-03-15', expiresAt: sh('2029-03-15T23:59:59.999'), daysLeft: 1095, warn: false, expired: false });
  });

  it('moves a 29 February start to 28 February', () => {
    expect(limitationWarning('2028-02-29', sh('2028-03-01T09:00:00'), warnPolicy).expiresOn).toBe('2031-02-28');
  });

  it('counts from the Shanghai day of a reminder instant', () => {
    // 2026-03-15 00:30 in Shanghai is 14 March in UTC.
    expect(limitationWarning(sh('2026-03-15T00:30:00'), sh('2026-03-16T09:00:00'), warnPolicy).expiresOn).toBe('2029-03-15');
  });

  it.each([
    // 2029-03-15 − 90 days = 2028-12-15.
    ['2028-12-14T23:59:59', false, false, 91],
    ['2028-12-15T00:00:00', true, false, 90],
    ['2029-03-15T23:59:59', true, false, 0],
    ['2029-03-16T00:00:00', true, true, -1],
  ])('at %s: warn %s, expired %s, %i days left', (now, warn, expired, daysLeft) => {
    expect(limitationWarning('2026-03-15', sh(now), warnPolicy)).toMatchObject({ warn, expired, daysLeft });
  });
});
