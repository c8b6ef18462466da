import { createCalendar, type CalendarOverride, type CalendarYear, type WorkingCalendar } from '@domain/calendar';
import type { Storage } from './storage/port';

/** The one calendar of a request: shipped official data plus the administrator's stored corrections. */
export async function loadCalendar(store: Storage): Promise<WorkingCalendar> {
  const records = (await store.find('calendarOverrides', {})).filter((r) => r.revoked !== true);
  const overrides: CalendarOverride[] = records
    .filter((r) => r.scope === 'day' && r.date && r.kind)
    .map((r) => ({ date: r.date!, kind: r.kind!, name: r.name }));
  const years: CalendarYear[] = records
    .filter((r) => r.scope === 'year' && r.year)
    .map((r) => ({ year: r.year!, holidays: r.holidays ?? [], workdays: r.workdays ?? [] }));
  return createCalendar(overrides, years);
}
