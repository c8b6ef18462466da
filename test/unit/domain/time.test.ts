import {
  addCalendarDays,
  addMonths,
  addYears,
  calendarDaysBetween,
  dateInMonth,
  dayOfWeek,
  endOfLocalDay,
  formatLocal,
  isLocalDate,
  lastDayOfMonth,
  localDateOf,
  monthOf,
  parseLocalDate,
  parseYearMonth,
  quarterOf,
  startOfLocalDay,
  wholeMonthsBetween,
} from '@domain/time';

/** An instant written as Shanghai wall-clock time; Date.parse with an explicit offset ignores process TZ. */
const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);

describe('instant <-> Shanghai day', () => {
  it.each([
    ['2026-02-12T23:59:59.999', '2026-02-12'],
    ['2026-02-13T00:00:00.000', '2026-02-13'],
    // 00:30 in Shanghai is still the previous day in UTC and in Los Angeles.
    ['2026-02-13T00:30:00.000', '2026-02-13'],
    ['2026-12-31T23:59:59.999', '2026-12-31'],
    ['2027-01-01T00:00:00.000', '2027-01-01'],
    // A Los Angeles DST change day (8 March 2026) must not move Shanghai days.
    ['2026-03-08T02:30:00.000', '2026-03-08'],
  ])('%s Shanghai is on %s', (wallClock, day) => {
    expect(localDateOf(sh(wallClock))).toBe(day);
  });

  it('starts and ends a day at Shanghai midnight', () => {
    expect(startOfLocalDay('2026-02-13')).toBe(Date.parse('2026-02-12T16:00:00Z'));
    expect(endOfLocalDay('2026-02-13')).toBe(Date.parse('2026-02-13T15:59:59.999Z'));
    expect(endOfLocalDay('2028-02-29') + 1).toBe(startOfLocalDay('2028-03-01'));
    expect(startOfLocalDay('2026-11-01')).toBe(sh('2026-11-01T00:00:00'));
  });

  it('formats in Shanghai', () => {
    expect(formatLocal(Date.parse('2026-09-30T17:05:00Z'), 'YYYY-MM-DD HH:mm')).toBe('2026-10-01 01:05');
  });
});

describe('calendar-day arithmetic', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-16', -15, '2026-03-01'],
  ])('%s plus %i days is %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it('counts days, weekdays, months and years', () => {
    expect(calendarDaysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(calendarDaysBetween('2027-03-01', '2027-02-01')).toBe(-28);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(wholeMonthsBetween('2026-01-15', '2026-07-14')).toBe(5);
    expect(wholeMonthsBetween('2026-01-15', '2026-07-15')).toBe(6);
  });

  it('handles months and quarters', () => {
    expect(monthOf('2026-12-31')).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(dateInMonth('2026-04', 31)).toBe('2026-04-30');
    expect([quarterOf('2026-01'), quarterOf('2026-03'), quarterOf('2026-04'), quarterOf('2026-12')]).toEqual([1, 1, 2, 4]);
  });
});

describe('validation', () => {
  it.each(['2028-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => {
    expect(parseLocalDate(d)).toBe(d);
  });
  it.each(['2027-02-29', '2026-02-30', '2026-13-01', '2026-2-1', '2026-02-01T00:00', '', 20260201, null])('rejects %p with a Chinese message', (d) => {
    expect(isLocalDate(d)).toBe(false);
    expect(() => parseLocalDate(d)).toThrow(/日期.*无效/);
  });
  it('rejects a bad month', () => {
    expect(() => parseYearMonth('2026-13')).toThrow(/月份/);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(/无效/);
  });
});

describe('without Intl time-zone data (some mini-program engines)', () => {
  it('falls back to the fixed +8 offset and gives the same days and formats', () => {
    const original = Intl.DateTimeFormat;
    const spy = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
      if (args[1]?.timeZone) throw new RangeError('no time zone support');
      return new original(...args);
    }) as unknown as typeof Intl.DateTimeFormat);
    try {
      // A fresh dayjs, so the zone plugin's formatter cache cannot hide the missing support.
      jest.isolateModules(() => {
        const t = require('@domain/time') as typeof import('@domain/time');
        expect(t.localDateOf(Date.parse('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
        expect(t.startOfLocalDay('2026-10-01')).toBe(Date.parse('2026-09-30T16:00:00Z'));
        expect(t.formatLocal(Date.parse('2026-09-30T17:05:00Z'), 'YYYY-MM-DD HH:mm')).toBe('2026-10-01 01:05');
      });
      expect(spy.mock.calls.some((c) => (c[1] as Intl.DateTimeFormatOptions | undefined)?.timeZone)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
