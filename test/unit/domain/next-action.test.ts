/**
 * The stored `nextActionAt` a sweep selects by must agree with the rules it stands for: the reminder
 * moment is exactly where `isDueWithin` turns true (checked hour by hour across weekends and the 2026
 * Spring Festival and National Day), then past due, then nothing.
 */
import { createCalendar } from '@domain/calendar';
import { dueWithinFrom, isDueWithin, nextDeadlineAction } from '@domain/deadlines';
import { queryTerms, searchTerms } from '@domain/search';
import { addCalendarDays, endOfLocalDay } from '@domain/time';

const calendar = createCalendar();
const HOUR = 3_600_000;

describe('dueWithinFrom', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-23', 2],
    ['2026-11-21', 1],
    ['2026-02-24', 1],
    ['2026-02-24', 2],
    ['2026-10-08', 1],
    ['2026-10-12', 2],
    ['2027-01-04', 1],
  ])('due %s, %i working day(s) ahead: the first hour isDueWithin holds', (dueDate, days) => {
    const deadline = { due: endOfLocalDay(dueDate) };
    const from = dueWithinFrom(deadline, days, calendar);
    expect(isDueWithin(from, deadline, days, calendar)).toBe(true);
    expect(isDueWithin(from - 1, deadline, days, calendar)).toBe(false);
    for (let t = from; t <= deadline.due; t += HOUR) expect(isDueWithin(t, deadline, days, calendar)).toBe(true);
    for (let t = from - 20 * 24 * HOUR; t < from; t += HOUR) expect(isDueWithin(t, deadline, days, calendar)).toBe(false);
  });
});

describe('nextDeadlineAction', () => {
  const deadline = { due: endOfLocalDay('2026-11-25') };
  const remind = dueWithinFrom(deadline, 1, calendar);
  it('is the reminder moment, then just past due, then nothing', () => {
    expect(nextDeadlineAction(deadline, 1, calendar)).toBe(remind);
    expect(nextDeadlineAction(deadline, 1, calendar, remind - 1)).toBe(remind);
    expect(nextDeadlineAction(deadline, 1, calendar, remind)).toBe(deadline.due + 1);
    expect(nextDeadlineAction(deadline, 1, calendar, deadline.due)).toBe(deadline.due + 1);
    expect(nextDeadlineAction(deadline, 1, calendar, deadline.due + 1)).toBeNull();
  });
});

describe('searchTerms', () => {
  it('splits Chinese into characters and bigrams, Latin and digits into lower-cased words', () => {
    expect(searchTerms('供水泵 A栋 No.12')).toEqual(['供', '供水', '水', '水泵', '泵', 'a', '栋', 'no', '12']);
  });
  it('finds a text by the bigrams of any phrase inside it', () => {
    const stored = new Set(searchTerms('小区东门改造期间临时封闭，请从南门出入'));
    for (const q of ['东门', '改造期间', '南门出入', '封闭']) expect(queryTerms(q).every((t) => stored.has(t))).toBe(true);
    expect(queryTerms('西门').every((t) => stored.has(t))).toBe(false);
  });
  it('asks single characters only when the query has no bigram', () => {
    expect(queryTerms('门')).toEqual(['门']);
    expect(queryTerms('东门')).toEqual(['东门']);
  });
});

describe('workingDaysBetween without walking the days', () => {
  const slow = (cal: ReturnType<typeof createCalendar>, from: string, to: string): number => {
    let n = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (cal.isWorkingDay(d).working) n++;
    return n;
  };
  const admin = createCalendar(
    [
      { date: '2026-11-23', kind: 'holiday' },
      { date: '2026-11-28', kind: 'workday' },
    ],
    [{ year: 2027, holidays: [{ date: '2027-02-10', name: '春节' }], workdays: [{ date: '2027-02-07', name: '春节' }] }],
  );
  it.each([
    ['2026-01-01', '2026-12-31'],
    ['2026-02-10', '2026-03-02'],
    ['2026-09-18', '2026-10-12'],
    ['2026-11-20', '2027-03-01'],
    ['1999-12-25', '2000-01-10'],
    ['2026-11-20', '2026-11-20'],
  ])('%s → %s agrees with counting day by day, shipped and administered', (from, to) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(slow(calendar, from, to));
    expect(admin.workingDaysBetween(from, to)).toBe(slow(admin, from, to));
    expect(admin.workingDaysBetween(to, from)).toBe(0 - slow(admin, from, to));
  });
});
