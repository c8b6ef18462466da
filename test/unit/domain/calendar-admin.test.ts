import { createCalendar, parseCalendarImport } from '@domain/calendar';
import { contentFields, contentsOf, dayRecordId, monthGrid, overrideSummary, recordIdOf, sameContent, yearRecordId } from '@domain/calendar-admin';
import type { CalendarOverrideRecord } from '@domain/model';

const record = (fields: Partial<CalendarOverrideRecord>): CalendarOverrideRecord => ({
  _id: 'x',
  version: 1,
  scope: 'day',
  updatedBy: 'p',
  updatedAt: 0,
  ...fields,
});

describe('records of a correction', () => {
  const parsed = parseCalendarImport([
    { date: '2027-01-04', kind: 'holiday', name: '元旦调休' },
    { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-09', name: '元旦' }] },
  ]);
  if (!parsed.ok) throw new Error('fixture invalid');
  const contents = contentsOf(parsed.value);

  it('lists years first and gives each a deterministic id', () => {
    expect(contents.map(recordIdOf)).toEqual([yearRecordId(2027), dayRecordId('2027-01-04')]);
    expect(recordIdOf(contents[1]!)).toBe('day:2027-01-04');
  });

  it('sets an empty name on a day without one, so an old name does not survive', () => {
    expect(contentFields({ scope: 'day', date: '2027-01-04', kind: 'workday' })).toEqual({ scope: 'day', date: '2027-01-04', kind: 'workday', name: '' });
  });

  it('knows when a record already says the same', () => {
    const day = contents[1]!;
    expect(sameContent(record({ kind: 'holiday', name: '元旦调休' }), day)).toBe(true);
    expect(sameContent(record({ kind: 'holiday', name: '元旦调休', revoked: true }), day)).toBe(false);
    expect(sameContent(record({ kind: 'workday', name: '元旦调休' }), day)).toBe(false);
    const year = contents[0]!;
    expect(
      sameContent(
        record({ scope: 'year', year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-09', name: '元旦' }] }),
        year,
      ),
    ).toBe(true);
    expect(sameContent(record({ scope: 'year', year: 2027, holidays: [], workdays: [{ date: '2027-01-09', name: '元旦' }] }), year)).toBe(false);
  });

  it('reads in Chinese', () => {
    expect(overrideSummary({ scope: 'day', date: '2027-01-04', kind: 'holiday', name: '元旦调休' })).toBe('2027年1月4日 设为放假（元旦调休）');
    expect(overrideSummary({ scope: 'day', date: '2027-01-09', kind: 'workday', name: '' })).toBe('2027年1月9日 设为上班');
    expect(overrideSummary({ scope: 'year', year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] })).toBe(
      '2027年全年安排：放假1天，调休上班0天',
    );
  });
});

describe('monthGrid', () => {
  it('shows the National Day holiday and its make-up working day (2026)', () => {
    const grid = monthGrid('2026-10', createCalendar());
    expect(grid).toMatchObject({ month: '2026-10', year: 2026, provisional: false });
    expect(grid.notice).toBeUndefined();
    expect(grid.days).toHaveLength(31);
    expect(grid.days[0]).toMatchObject({ date: '2026-10-01', day: 1, weekday: 4, working: false, reason: 'holiday', name: '国庆节', reasonText: '法定节假日' });
    const makeup = grid.days.filter((d) => d.reason === 'makeup_workday');
    expect(makeup.length).toBeGreaterThan(0);
    expect(makeup.every((d) => d.working && (d.weekday === 0 || d.weekday === 6))).toBe(true);
  });

  it('says an unpublished year is provisional', () => {
    const grid = monthGrid('2027-01', createCalendar());
    expect(grid.provisional).toBe(true);
    expect(grid.notice).toBe('2027年官方放假安排尚未发布，按周末计算，结果为暂定');
    expect(grid.days.find((d) => d.date === '2027-01-01')).toMatchObject({ working: true, reason: 'weekday', provisional: true });
  });

  it('marks a day an administrator decided', () => {
    const grid = monthGrid('2027-01', createCalendar([{ date: '2027-01-04', kind: 'holiday', name: '元旦调休' }]));
    expect(grid.days.find((d) => d.date === '2027-01-04')).toMatchObject({
      working: false,
      overridden: true,
      reasonText: '修正为放假',
      name: '元旦调休',
      provisional: false,
    });
  });
});
