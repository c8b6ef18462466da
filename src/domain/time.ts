/**
 * Time in the product's one zone. Instants are epoch milliseconds; calendar days are Shanghai days
 * written 'YYYY-MM-DD', so they sort as strings. Day arithmetic runs on UTC-midnight dayjs values,
 * which have no zone and no DST, and only the instant <-> day conversions consult Asia/Shanghai:
 * the process TZ (a developer's laptop, a cloud function in UTC) never leaks into a result.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { EpochMs, LocalDate } from './units';

dayjs.extend(utc);
dayjs.extend(timezone);

export type { EpochMs, LocalDate } from './units';

export const SHANGHAI = 'Asia/Shanghai';

/** A calendar month, 'YYYY-MM'. */
export type YearMonth = string;
export type Quarter = 1 | 2 | 3 | 4;

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !LOCAL_DATE_RE.test(value)) return false;
  // dayjs rolls 2026-02-30 over to March, so a round trip is what catches impossible days.
  return dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** Validates input from outside (forms, imports, stored records) and returns it as a LocalDate. */
export function parseLocalDate(value: unknown): LocalDate {
  if (!isLocalDate(value)) throw new Error(`日期“${String(value)}”无效，格式应为 YYYY-MM-DD`);
  return value;
}

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH_RE.test(value);
}

export function parseYearMonth(value: unknown): YearMonth {
  if (!isYearMonth(value)) throw new Error(`月份“${String(value)}”无效，格式应为 YYYY-MM`);
  return value;
}

/** The zone-free day value every piece of day arithmetic works on. */
function utcDay(date: LocalDate): Dayjs {
  return dayjs.utc(parseLocalDate(date));
}

function fmt(d: Dayjs): LocalDate {
  return d.format('YYYY-MM-DD');
}

/**
 * Shanghai's UTC offset at an instant, from the zone database. Some mini-program JS engines ship
 * without Intl time-zone data; there the fixed +8 is used, which is exact for every date since
 * China last observed DST (1991) and so for every record this product can hold.
 */
function shanghaiOffsetMinutes(ms: EpochMs): number {
  // The zone lookup formats a date through Intl and dominates any loop over records, and offsets
  // change only on the hour: one lookup per hour, remembered (a bounded memo, not a hard-coded +8).
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    try {
      offset = dayjs(hour * HOUR_MS)
        .tz(SHANGHAI)
        .utcOffset();
    } catch {
      offset = 8 * 60;
    }
    if (offsetByHour.size >= OFFSET_MEMO) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}
const HOUR_MS = 60 * 60 * 1000;
const OFFSET_MEMO = 100_000;
const offsetByHour = new Map<number, number>();

export function localDateOf(ms: EpochMs): LocalDate {
  return dayjs.utc(ms + shanghaiOffsetMinutes(ms) * 60 * 1000).format('YYYY-MM-DD');
}

export function startOfLocalDay(date: LocalDate): EpochMs {
  const utcMidnight = utcDay(date).valueOf();
  // Ask the zone for its offset near that midnight rather than hard-coding +8, so the zone database
  // stays the authority; parsing a string with dayjs.tz would instead depend on the process TZ.
  const offsetMin = shanghaiOffsetMinutes(utcMidnight - 8 * 60 * 60 * 1000);
  return utcMidnight - offsetMin * 60 * 1000;
}

/** 23:59:59.999 Shanghai: a deadline "by day X" is met by anything sent during X. */
export function endOfLocalDay(date: LocalDate): EpochMs {
  return startOfLocalDay(addCalendarDays(date, 1)) - 1;
}

export function addCalendarDays(date: LocalDate, n: number): LocalDate {
  return fmt(utcDay(date).add(n, 'day'));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcDay(to).valueOf() - utcDay(from).valueOf()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return utcDay(date).day();
}

/** Formats in Shanghai wall time; patterns with a zone token (Z) would show UTC and are not used. */
export function formatLocal(ms: EpochMs, pattern: string): string {
  return dayjs.utc(ms + shanghaiOffsetMinutes(ms) * 60 * 1000).format(pattern);
}

export function yearOf(date: LocalDate): number {
  return utcDay(date).year();
}

export function dayOfMonth(date: LocalDate): number {
  return utcDay(date).date();
}

export function monthOf(date: LocalDate): YearMonth {
  return parseLocalDate(date).slice(0, 7);
}

export function yearMonth(year: number, month: number): YearMonth {
  return parseYearMonth(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
}

/** 1-based month number of a YearMonth. */
export function monthNumber(month: YearMonth): number {
  return Number(parseYearMonth(month).slice(5, 7));
}

export function yearOfMonth(month: YearMonth): number {
  return Number(parseYearMonth(month).slice(0, 4));
}

export function addMonths(month: YearMonth, n: number): YearMonth {
  return dayjs
    .utc(`${parseYearMonth(month)}-01`)
    .add(n, 'month')
    .format('YYYY-MM');
}

/** Day `day` of the month, clamped to the month's last day (a 31st in February is its last day). */
export function dateInMonth(month: YearMonth, day: number): LocalDate {
  const first = dayjs.utc(`${parseYearMonth(month)}-01`);
  return fmt(first.date(Math.min(day, first.daysInMonth())));
}

export function lastDayOfMonth(month: YearMonth): LocalDate {
  return dateInMonth(month, 31);
}

/** Same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, n: number): LocalDate {
  return fmt(utcDay(date).add(n, 'year'));
}

/** Whole months from `from` to `to` (a month counts once its day-of-month is reached). */
export function wholeMonthsBetween(from: LocalDate, to: LocalDate): number {
  return utcDay(to).diff(utcDay(from), 'month');
}

export function quarterOf(month: YearMonth): Quarter {
  return (Math.floor((monthNumber(month) - 1) / 3) + 1) as Quarter;
}

export function firstMonthOfQuarter(year: number, quarter: Quarter): YearMonth {
  return yearMonth(year, (quarter - 1) * 3 + 1);
}
