/**
 * Administering the working-day calendar: the records an administrator's correction becomes, how a
 * correction reads in Chinese, and the month grid that shows the official calendar with the
 * corrections applied. Validation of any input is `parseCalendarImport`'s, so a single day, a year
 * and an imported list obey the same rules.
 */
import type { CalendarDay, CalendarImport, DayReason, WorkingCalendar } from './calendar';
import type { CalendarOverrideRecord, LocalDate } from './model';
import { addCalendarDays, dateInMonth, dayOfMonth, dayOfWeek, lastDayOfMonth, yearOfMonth, type YearMonth } from './time';
import { formatDayCn } from './workbench';

export type OverrideContent =
  | { scope: 'day'; date: LocalDate; kind: 'holiday' | 'workday'; name?: string }
  | { scope: 'year'; year: number; holidays: CalendarDay[]; workdays: CalendarDay[] };

/** Deterministic ids: correcting the same day or year again is a new version of the same record. */
export const dayRecordId = (date: LocalDate): string => `day:${date}`;
export const yearRecordId = (year: number): string => `year:${year}`;
export const recordIdOf = (c: OverrideContent): string => (c.scope === 'day' ? dayRecordId(c.date) : yearRecordId(c.year));

/** Whole years first, so a listing reads year by year and then the single days. */
export function contentsOf(value: CalendarImport): OverrideContent[] {
  return [
    ...value.years.map((y): OverrideContent => ({ scope: 'year', year: y.year, holidays: y.holidays, workdays: y.workdays })),
    ...value.overrides.map((o): OverrideContent => ({ scope: 'day', date: o.date, kind: o.kind, ...(o.name ? { name: o.name } : {}) })),
  ];
}

/** The fields a correction sets on its record (a day has no lists, a year no single date). */
export function contentFields(c: OverrideContent): Partial<CalendarOverrideRecord> {
  if (c.scope === 'day') return { scope: 'day', date: c.date, kind: c.kind, name: c.name ?? '' };
  return { scope: 'year', year: c.year, holidays: c.holidays, workdays: c.workdays };
}

const sameDays = (a: CalendarDay[] = [], b: CalendarDay[] = []): boolean =>
  a.length === b.length && a.every((d, i) => d.date === b[i]!.date && d.name === b[i]!.name);

/** True when an active record already says exactly this: re-importing the same list changes nothing. */
export function sameContent(record: CalendarOverrideRecord, c: OverrideContent): boolean {
  if (record.revoked) return false;
  if (c.scope === 'day') return record.scope === 'day' && record.kind === c.kind && (record.name ?? '') === (c.name ?? '');
  return record.scope === 'year' && sameDays(record.holidays, c.holidays) && sameDays(record.workdays, c.workdays);
}

/** One line a person can read: '2027年1月4日 设为放假（元旦）' / '2027年全年安排：放假11天，调休上班4天'. */
export function overrideSummary(r: Pick<CalendarOverrideRecord, 'scope' | 'date' | 'kind' | 'name' | 'year' | 'holidays' | 'workdays'>): string {
  if (r.scope === 'day') {
    const what = r.kind === 'holiday' ? '设为放假' : '设为上班';
    return `${formatDayCn(r.date ?? '')} ${what}${r.name ? `（${r.name}）` : ''}`;
  }
  return `${r.year}年全年安排：放假${r.holidays?.length ?? 0}天，调休上班${r.workdays?.length ?? 0}天`;
}

export function provisionalNotice(year: number): string {
  return `${year}年官方放假安排尚未发布，按周末计算，结果为暂定`;
}

export const REASON_LABELS: Record<DayReason, string> = {
  weekday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeup_workday: '调休上班',
  override: '人工修正',
};

export interface CalendarGridDay {
  date: LocalDate;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  reason: DayReason;
  reasonText: string;
  name?: string;
  provisional: boolean;
  /** An active single-day correction decides this day. */
  overridden: boolean;
}

export interface CalendarGrid {
  month: YearMonth;
  year: number;
  /** The year is covered by neither the shipped data nor an administrator's list. */
  provisional: boolean;
  notice?: string;
  days: CalendarGridDay[];
}

export function monthGrid(month: YearMonth, calendar: WorkingCalendar): CalendarGrid {
  const year = yearOfMonth(month);
  const days: CalendarGridDay[] = [];
  const last = lastDayOfMonth(month);
  for (let d = dateInMonth(month, 1); d <= last; d = addCalendarDays(d, 1)) {
    const info = calendar.isWorkingDay(d);
    const day: CalendarGridDay = {
      date: d,
      day: dayOfMonth(d),
      weekday: dayOfWeek(d),
      working: info.working,
      reason: info.reason,
      reasonText: info.reason === 'override' ? (info.working ? '修正为上班' : '修正为放假') : REASON_LABELS[info.reason],
      provisional: info.provisional,
      overridden: info.reason === 'override',
    };
    if (info.name) day.name = info.name;
    days.push(day);
  }
  const provisional = !calendar.coversYear(year);
  return provisional ? { month, year, provisional, notice: provisionalNotice(year), days } : { month, year, provisional, days };
}
