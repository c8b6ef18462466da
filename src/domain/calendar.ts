/**
 * The one working-day calendar (PRC official: weekends off, statutory holidays off, 调休 make-up days
 * on). Sources, strongest first: an administrator's single-day override, an administrator's whole
 * year, the calendar shipped in chinese-days, and for a year none of them covers the weekends-only
 * rule, whose answers are marked provisional because the State Council has not published that year.
 */
import builtIn from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, dayOfWeek, isLocalDate, parseLocalDate, yearOf, type LocalDate } from './time';

export type CalendarOverride = { date: LocalDate; kind: 'holiday' | 'workday'; name?: string };
export type CalendarDay = { date: LocalDate; name: string };
/** A year's official list; it replaces the shipped data for that year entirely. */
export type CalendarYear = { year: number; holidays: CalendarDay[]; workdays: CalendarDay[] };

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override';
export interface DayInfo {
  working: boolean;
  provisional: boolean;
  reason: DayReason;
  name?: string;
}
export interface WorkingDayResult {
  date: LocalDate;
  provisional: boolean;
}

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): DayInfo;
  /** The n-th working day strictly after `date` (n ≥ 1). */
  addWorkingDays(date: LocalDate, n: number): WorkingDayResult;
  /** `date` itself if it is a working day, else the nearest working day before it. */
  workingDayOnOrBefore(date: LocalDate): WorkingDayResult;
  /** Working days in (from, to]; when `to` is before `from`, minus the working days in (to, from]. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  coversYear(year: number): boolean;
}

type DayTable = Map<LocalDate, string>;

// chinese-days names read "Spring Festival,春节,4"; the Chinese part is what users see.
function chineseName(raw: string): string {
  return raw.split(',')[1] ?? raw;
}

function shippedTables(): { holidays: DayTable; workdays: DayTable; years: Set<number> } {
  const data = builtIn as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays: DayTable = new Map(Object.entries(data.holidays).map(([d, n]) => [d, chineseName(n)]));
  const workdays: DayTable = new Map(Object.entries(data.workdays).map(([d, n]) => [d, chineseName(n)]));
  const years = new Set([...holidays.keys(), ...workdays.keys()].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, years };
}

const SHIPPED = shippedTables();

/** Years the shipped chinese-days data covers (2004–2026 in chinese-days 1.5.7). */
export const SHIPPED_YEARS: readonly number[] = [...SHIPPED.years].sort((a, b) => a - b);

// No real calendar has this many days off in a row; hitting it means corrupt overrides, not a long holiday.
const MAX_SCAN_DAYS = 3660;

const DAY_MS = 86_400_000;
/** Days since 1970-01-01, from the date's digits alone (no time zone is involved). */
const dayNumber = (date: LocalDate): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
// Day 0 (1970-01-01) was a Thursday; shifting by whole weeks keeps negative day numbers aligned.
const WEEK_SHIFT = 7 * 100_000;
const isWeekday = (n: number): boolean => [1, 1, 0, 0, 1, 1, 1][(n + WEEK_SHIFT) % 7] === 1;
/** Monday–Friday days with day number ≤ n, up to a constant. */
const weekdaysUpTo = (n: number): number => {
  const k = n + WEEK_SHIFT + 1;
  return Math.floor(k / 7) * 5 + [0, 1, 2, 2, 2, 3, 4][k % 7]!;
};

export function createCalendar(overrides: CalendarOverride[] = [], years: CalendarYear[] = []): WorkingCalendar {
  const overrideByDate = new Map(overrides.map((o) => [o.date, o]));
  const adminYears = new Map(years.map((y) => [y.year, y]));
  const adminHolidays: DayTable = new Map(years.flatMap((y) => y.holidays.map((d) => [d.date, d.name] as const)));
  const adminWorkdays: DayTable = new Map(years.flatMap((y) => y.workdays.map((d) => [d.date, d.name] as const)));

  const coversYear = (year: number): boolean => adminYears.has(year) || SHIPPED.years.has(year);

  function isWorkingDay(date: LocalDate): DayInfo {
    const year = yearOf(date);
    const override = overrideByDate.get(date);
    if (override) {
      // The administrator has spoken for this very day, so it is not a guess even in an unpublished year.
      const info: DayInfo = { working: override.kind === 'workday', provisional: false, reason: 'override' };
      return override.name ? { ...info, name: override.name } : info;
    }
    const fromAdmin = adminYears.has(year);
    const holidays = fromAdmin ? adminHolidays : SHIPPED.holidays;
    const workdays = fromAdmin ? adminWorkdays : SHIPPED.workdays;
    const provisional = !coversYear(year);
    const makeup = workdays.get(date);
    if (makeup !== undefined) return { working: true, provisional, reason: 'makeup_workday', name: makeup };
    const holiday = holidays.get(date);
    if (holiday !== undefined) return { working: false, provisional, reason: 'holiday', name: holiday };
    const dow = dayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    return { working: !weekend, provisional, reason: weekend ? 'weekend' : 'weekday' };
  }

  function step(date: LocalDate, n: number, direction: 1 | -1, includeStart: boolean): WorkingDayResult {
    let current = includeStart ? addCalendarDays(date, -direction) : date;
    let found = 0;
    let provisional = false;
    for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
      current = addCalendarDays(current, direction);
      const info = isWorkingDay(current);
      provisional = provisional || info.provisional;
      if (info.working && ++found === n) return { date: current, provisional };
    }
    throw new Error(`日历数据异常：${date} 前后十年内找不到足够的工作日`);
  }

  function addWorkingDays(date: LocalDate, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 1) throw new Error(`工作日天数须为正整数，收到 ${n}`);
    return step(date, n, 1, false);
  }

  function workingDayOnOrBefore(date: LocalDate): WorkingDayResult {
    return step(date, 1, -1, true);
  }

  // Working days are counted without walking the days: Monday–Friday by arithmetic, then the days
  // whose status differs from that rule (holidays, make-up days, overrides) from a sorted table.
  let exceptions: { days: number[]; sums: number[] } | null = null;
  function exceptionTable(): { days: number[]; sums: number[] } {
    if (exceptions) return exceptions;
    const dates = new Set<LocalDate>([
      ...SHIPPED.holidays.keys(),
      ...SHIPPED.workdays.keys(),
      ...adminHolidays.keys(),
      ...adminWorkdays.keys(),
      ...overrideByDate.keys(),
    ]);
    const deltas = [...dates]
      .map((d) => [dayNumber(d), Number(isWorkingDay(d).working) - Number(isWeekday(dayNumber(d)))] as const)
      .filter(([, delta]) => delta !== 0)
      .sort((a, b) => a[0] - b[0]);
    let sum = 0;
    exceptions = { days: deltas.map(([n]) => n), sums: deltas.map(([, delta]) => (sum += delta)) };
    return exceptions;
  }
  /** Working days with day number ≤ n, up to a constant that cancels in differences. */
  function workingUpTo(n: number): number {
    const { days, sums } = exceptionTable();
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    return weekdaysUpTo(n) + (lo > 0 ? sums[lo - 1]! : 0);
  }

  function workingDaysBetween(from: LocalDate, to: LocalDate): number {
    // String order is date order only for valid dates, so validate before comparing.
    parseLocalDate(to);
    if (to < parseLocalDate(from)) return -workingDaysBetween(to, from);
    return workingUpTo(dayNumber(to)) - workingUpTo(dayNumber(from));
  }

  return { isWorkingDay, addWorkingDays, workingDayOnOrBefore, workingDaysBetween, coversYear };
}

export type CalendarImport = { years: CalendarYear[]; overrides: CalendarOverride[] };
export type CalendarImportResult = { ok: true; value: CalendarImport } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 20;

/**
 * Checks an administrator's imported JSON: a list whose items are either a whole year
 * `{ year, holidays: [{date, name}], workdays: [{date, name}] }` or a single-day correction
 * `{ date, kind: 'holiday' | 'workday', name? }`. Every problem is reported, in Chinese, at once.
 */
export function parseCalendarImport(json: unknown): CalendarImportResult {
  const errors: string[] = [];
  const years: CalendarYear[] = [];
  const overrides: CalendarOverride[] = [];
  if (!Array.isArray(json) || json.length === 0) {
    return { ok: false, errors: ['导入内容应为非空的列表'] };
  }
  const seenYears = new Set<number>();
  const seenOverrides = new Set<string>();

  const parseDays = (where: string, year: number, raw: unknown, label: string, seen: Set<string>): CalendarDay[] => {
    if (!Array.isArray(raw)) {
      errors.push(`${where}：${label}应为列表`);
      return [];
    }
    const days: CalendarDay[] = [];
    for (const [j, item] of raw.entries()) {
      const at = `${where}${label}第${j + 1}条`;
      if (!isRecord(item) || !isLocalDate(item.date)) errors.push(`${at}：日期无效，格式应为 YYYY-MM-DD`);
      else if (yearOf(item.date) !== year) errors.push(`${at}：日期 ${item.date} 不在 ${year} 年内`);
      else if (!isName(item.name)) errors.push(`${at}：请填写名称（不超过20个字）`);
      else if (seen.has(item.date)) errors.push(`${at}：日期 ${item.date} 重复`);
      else {
        seen.add(item.date);
        days.push({ date: item.date, name: item.name.trim() });
      }
    }
    return days;
  };

  const parseYear = (where: string, item: Record<string, unknown>): void => {
    const year = item.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
      errors.push(`${where}：年份应为 2000 至 2100 之间的整数`);
    } else if (seenYears.has(year)) {
      errors.push(`${where}：${year} 年重复`);
    } else {
      seenYears.add(year);
      // One set per year so a day cannot be both a holiday and a make-up working day.
      const seen = new Set<string>();
      const holidays = parseDays(where, year, item.holidays, '放假日', seen);
      const workdays = parseDays(where, year, item.workdays, '调休上班日', seen);
      years.push({ year, holidays, workdays });
    }
  };

  const parseOverride = (where: string, item: Record<string, unknown>): void => {
    const { date, kind, name } = item;
    if (!isLocalDate(date)) errors.push(`${where}：日期无效，格式应为 YYYY-MM-DD`);
    else if (kind !== 'holiday' && kind !== 'workday') errors.push(`${where}：类型应为 holiday（放假）或 workday（上班）`);
    else if (name !== undefined && !isName(name)) errors.push(`${where}：名称不能为空且不超过20个字`);
    else if (seenOverrides.has(date)) errors.push(`${where}：日期 ${date} 重复`);
    else {
      seenOverrides.add(date);
      overrides.push(typeof name === 'string' ? { date, kind, name: name.trim() } : { date, kind });
    }
  };

  for (const [i, item] of json.entries()) {
    const where = `第${i + 1}项`;
    if (!isRecord(item)) errors.push(`${where}：应为对象`);
    else if ('year' in item) parseYear(where, item);
    else parseOverride(where, item);
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { years, overrides } };
}
