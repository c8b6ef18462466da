/**
 * Holiday facts come from chinese-days 1.5.7 (node_modules/chinese-days/dist/years/2026.json), which
 * follows the State Council's 2026 notice (国办发明电〔2025〕7号,
 * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
 *   元旦   off 2026-01-01..01-03, make-up working day Sun 2026-01-04
 *   春节   off 2026-02-15..02-23, make-up working days Sat 2026-02-14 and Sat 2026-02-28
 *   中秋   off 2026-09-25..09-27
 *   国庆节 off 2026-10-01..10-07, make-up working days Sun 2026-09-20 and Sat 2026-10-10
 * chinese-days covers 2004–2026; 2027 and later are weekends-only and provisional.
 */
import fc from 'fast-check';
import { createCalendar, parseCalendarImport, SHIPPED_YEARS, type CalendarYear } from '@domain/calendar';
import { addCalendarDays } from '@domain/time';

const calendar = createCalendar();

describe('isWorkingDay with the shipped 2026 calendar', () => {
  it.each([
    ['2026-01-01', false, 'holiday', '元旦'],
    ['2026-01-04', true, 'makeup_workday', '元旦'],
    ['2026-02-13', true, 'weekday', undefined],
    ['2026-02-14', true, 'makeup_workday', '春节'],
    ['2026-02-15', false, 'holiday', '春节'],
    ['2026-02-23', false, 'holiday', '春节'],
    ['2026-02-24', true, 'weekday', undefined],
    ['2026-02-28', true, 'makeup_workday', '春节'],
    ['2026-03-01', false, 'weekend', undefined],
    ['2026-09-19', false, 'weekend', undefined],
    ['2026-09-20', true, 'makeup_workday', '国庆节'],
    ['2026-09-25', false, 'holiday', '中秋'],
    ['2026-10-01', false, 'holiday', '国庆节'],
    ['2026-10-07', false, 'holiday', '国庆节'],
    ['2026-10-08', true, 'weekday', undefined],
    ['2026-10-10', true, 'makeup_workday', '国庆节'],
    ['2026-10-11', false, 'weekend', undefined],
  ])('%s: working=%s (%s)', (date, working, reason, name) => {
    const info = calendar.isWorkingDay(date);
    expect(info).toEqual(name === undefined ? { working, provisional: false, reason } : { working, provisional: false, reason, name });
  });
});

describe('coverage', () => {
  it('ships 2004 through 2026 and nothing later', () => {
    expect(SHIPPED_YEARS[0]).toBe(2004);
    expect(SHIPPED_YEARS[SHIPPED_YEARS.length - 1]).toBe(2026);
    expect(calendar.coversYear(2026)).toBe(true);
    expect(calendar.coversYear(2027)).toBe(false);
    expect(calendar.coversYear(2003)).toBe(false);
  });

  it('falls back to weekends only, provisionally, in an uncovered year', () => {
    // New Year's Day 2027 will be a holiday, but no one has published it yet.
    expect(calendar.isWorkingDay('2027-01-01')).toEqual({ working: true, provisional: true, reason: 'weekday' });
    expect(calendar.isWorkingDay('2027-01-02')).toEqual({ working: false, provisional: true, reason: 'weekend' });
    expect(calendar.isWorkingDay('2028-02-29')).toEqual({ working: true, provisional: true, reason: 'weekday' });
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Thu before the Spring Festival: Fri 13, make-up Sat 14, then nine days off, then Tue 24.
    ['2026-02-12', 3, '2026-02-24', false],
    ['2026-02-13', 3, '2026-02-25', false],
    ['2026-02-13', 1, '2026-02-14', false],
    ['2026-02-20', 1, '2026-02-24', false],
    // Mon 23 is still Spring Festival; the make-up Sat 28 is the 4th working day.
    ['2026-02-24', 4, '2026-02-28', false],
    ['2026-09-18', 1, '2026-09-20', false],
    ['2026-09-29', 3, '2026-10-09', false],
    ['2026-09-30', 3, '2026-10-10', false],
    ['2026-01-30', 3, '2026-02-04', false],
    ['2025-12-31', 3, '2026-01-06', false],
    // Crosses into 2027, which nobody has published: weekends-only, provisional.
    ['2026-12-30', 3, '2027-01-04', true],
    ['2028-02-28', 1, '2028-02-29', true],
    ['2028-02-25', 3, '2028-03-01', true],
  ])('%s + %i working days = %s (provisional %s)', (date, n, expected, provisional) => {
    expect(calendar.addWorkingDays(date, n)).toEqual({ date: expected, provisional });
  });

  it.each([0, -1, 1.5])('rejects n = %p', (n) => {
    expect(() => calendar.addWorkingDays('2026-02-12', n)).toThrow(/正整数/);
  });
});

describe('workingDayOnOrBefore', () => {
  it.each([
    ['2026-10-05', '2026-09-30'],
    ['2026-02-22', '2026-02-14'],
    ['2026-02-24', '2026-02-24'],
    ['2026-01-03', '2025-12-31'],
  ])('%s -> %s', (date, expected) => {
    expect(calendar.workingDayOnOrBefore(date)).toEqual({ date: expected, provisional: false });
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-12', '2026-02-24', 3],
    ['2026-02-14', '2026-02-23', 0],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-10-01', '2026-10-01', 0],
    ['2026-02-24', '2026-02-12', -3],
    ['2026-12-31', '2027-01-01', 1],
  ])('(%s, %s] has %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('administrator data beats chinese-days', () => {
  it('a single-day override wins over the shipped make-up day and holiday', () => {
    const cal = createCalendar([
      { date: '2026-02-14', kind: 'holiday', name: '临时停工' },
      { date: '2026-10-08', kind: 'holiday' },
      { date: '2026-10-03', kind: 'workday' },
    ]);
    expect(cal.isWorkingDay('2026-02-14')).toEqual({ working: false, provisional: false, reason: 'override', name: '临时停工' });
    expect(cal.isWorkingDay('2026-10-03')).toEqual({ working: true, provisional: false, reason: 'override' });
    // From Thu 12 Feb: Fri 13, then Tue 24, Wed 25 once the make-up Sat 14 is taken away.
    expect(cal.addWorkingDays('2026-02-12', 3).date).toBe('2026-02-25');
    // The override makes Sat 3 Oct the first working day after 30 Sep instead of Thu 8 Oct.
    expect(cal.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-03');
    expect(calendar.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
    // With only 8 Oct taken away: Fri 9, make-up Sat 10, then Mon 12.
    const typhoon = createCalendar([{ date: '2026-10-08', kind: 'holiday' }]);
    expect(typhoon.addWorkingDays('2026-09-30', 3).date).toBe('2026-10-12');
  });

  const year2027: CalendarYear = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
    ],
    workdays: [{ date: '2027-01-09', name: '元旦' }],
  };

  it('a whole imported year makes that year covered and not provisional', () => {
    const cal = createCalendar([], [year2027]);
    expect(cal.coversYear(2027)).toBe(true);
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: false, reason: 'holiday', name: '元旦' });
    expect(cal.isWorkingDay('2027-01-09')).toEqual({ working: true, provisional: false, reason: 'makeup_workday', name: '元旦' });
    expect(cal.addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: false });
  });

  it('an imported year replaces the shipped data for that year', () => {
    const cal = createCalendar([], [{ year: 2026, holidays: [], workdays: [] }]);
    expect(cal.isWorkingDay('2026-10-01')).toEqual({ working: true, provisional: false, reason: 'weekday' });
    expect(cal.isWorkingDay('2026-02-14')).toEqual({ working: false, provisional: false, reason: 'weekend' });
    expect(cal.isWorkingDay('2025-10-01').working).toBe(false);
  });

  it('a single override in an uncovered year is definite but leaves the year uncovered', () => {
    const cal = createCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: false, reason: 'override', name: '元旦' });
    expect(cal.coversYear(2027)).toBe(false);
    expect(cal.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    // Landing on a definite day does not clear the doubt about the guessed days passed on the way.
    const both = createCalendar([
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-01-04', kind: 'workday' },
    ]);
    expect(both.isWorkingDay('2027-01-04').provisional).toBe(false);
    expect(both.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
  });
});

describe('properties', () => {
  // Days from 2025-01-01 to about 2028-06, spanning covered and uncovered years.
  const anyDate = fc.integer({ min: 0, max: 1250 }).map((i) => addCalendarDays('2025-01-01', i));
  const anyN = fc.integer({ min: 1, max: 40 });

  it('adding n ≥ 1 working days lands on a working day after the start', () => {
    fc.assert(
      fc.property(anyDate, anyN, (d, n) => {
        const result = calendar.addWorkingDays(d, n).date;
        return result > d && calendar.isWorkingDay(result).working;
      }),
    );
  });

  it('is strictly monotonic in n', () => {
    fc.assert(fc.property(anyDate, anyN, (d, n) => calendar.addWorkingDays(d, n + 1).date > calendar.addWorkingDays(d, n).date));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(fc.property(anyDate, anyN, (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n).date) === n));
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(fc.property(anyDate, anyDate, (a, b) => calendar.workingDaysBetween(a, b) === -calendar.workingDaysBetween(b, a)));
  });

  it('provisional exactly when the range reaches past 2026', () => {
    fc.assert(
      fc.property(anyDate, anyN, (d, n) => {
        const { date, provisional } = calendar.addWorkingDays(d, n);
        return provisional === date >= '2027-01-01';
      }),
    );
  });
});

describe('parseCalendarImport', () => {
  it('accepts years and single-day corrections', () => {
    const result = parseCalendarImport([
      { year: 2027, holidays: [{ date: '2027-01-01', name: ' 元旦 ' }], workdays: [{ date: '2027-01-09', name: '元旦' }] },
      { date: '2026-10-08', kind: 'holiday', name: '台风停工' },
      { date: '2026-10-11', kind: 'workday' },
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        years: [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-09', name: '元旦' }] }],
        overrides: [
          { date: '2026-10-08', kind: 'holiday', name: '台风停工' },
          { date: '2026-10-11', kind: 'workday' },
        ],
      },
    });
  });

  it.each([
    [{}, '导入内容应为非空的列表'],
    [[], '导入内容应为非空的列表'],
    [[42], '第1项：应为对象'],
    [[{ year: 1999, holidays: [], workdays: [] }], '第1项：年份应为 2000 至 2100 之间的整数'],
    [[{ year: 2027, holidays: {}, workdays: [] }], '第1项：放假日应为列表'],
    [[{ year: 2027, holidays: [{ date: '2027-02-29', name: '春节' }], workdays: [] }], '第1项放假日第1条：日期无效，格式应为 YYYY-MM-DD'],
    [[{ year: 2027, holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] }], '第1项放假日第1条：日期 2028-01-01 不在 2027 年内'],
    [[{ year: 2027, holidays: [{ date: '2027-01-01', name: '' }], workdays: [] }], '第1项放假日第1条：请填写名称（不超过20个字）'],
    [
      [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-01', name: '元旦' }] }],
      '第1项调休上班日第1条：日期 2027-01-01 重复',
    ],
    [
      [
        { year: 2027, holidays: [], workdays: [] },
        { year: 2027, holidays: [], workdays: [] },
      ],
      '第2项：2027 年重复',
    ],
    [[{ date: '2026-10-08', kind: 'rest' }], '第1项：类型应为 holiday（放假）或 workday（上班）'],
    [[{ date: '2026/10/08', kind: 'holiday' }], '第1项：日期无效，格式应为 YYYY-MM-DD'],
    [
      [
        { date: '2026-10-08', kind: 'holiday' },
        { date: '2026-10-08', kind: 'workday' },
      ],
      '第2项：日期 2026-10-08 重复',
    ],
  ])('rejects %j', (input, message) => {
    const result = parseCalendarImport(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(message);
  });

  it('reports every problem at once', () => {
    const result = parseCalendarImport([{ date: 'x', kind: 'holiday' }, 7, { year: 2027, holidays: 1, workdays: 2 }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(4);
  });
});
