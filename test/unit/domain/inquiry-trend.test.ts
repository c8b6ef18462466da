import { inquiryTrend, satisfactionTone, trendMonths } from '@domain/inquiry-stats';

const at = (iso: string) => Date.parse(iso);
const item = (received: string, extra: Partial<{ firstResponseAt: number; rating: 'satisfied' | 'unsatisfied'; escalatedAt: number }> = {}) => ({
  receivedAt: at(received),
  firstDue: at(received) + 3 * 86_400_000,
  status: 'accepted' as const,
  ...extra,
});

it('lists the months of a trend oldest first, across a year end', () => {
  expect(trendMonths('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
});

it('counts each item in its Shanghai month and leaves months without items at zero', () => {
  const now = at('2027-03-01T00:00:00+08:00');
  const rows = inquiryTrend(
    [
      // 31 Dec 23:30 in Shanghai is still December, though UTC says the same.
      item('2026-12-31T23:30:00+08:00', { firstResponseAt: at('2027-01-01T10:00:00+08:00'), rating: 'unsatisfied' }),
      // 1 Jan 00:30 Shanghai is 31 Dec in UTC: January here.
      item('2027-01-01T00:30:00+08:00', { firstResponseAt: at('2027-01-10T10:00:00+08:00'), escalatedAt: at('2027-01-02T10:00:00+08:00') }),
      item('2025-05-01T10:00:00+08:00'),
    ],
    trendMonths('2027-02', 3),
    now,
  );
  expect(rows.map((r) => [r.month, r.received, r.answeredOnTime, r.overdue, r.escalated, r.satisfactionRate])).toEqual([
    ['2026-12', 1, 1, 0, 0, 0],
    ['2027-01', 1, 0, 1, 1, null],
    ['2027-02', 0, 0, 0, 0, null],
  ]);
});

it('colours satisfaction by what it means: 0% is red, most satisfied green, nobody rated no colour', () => {
  expect(satisfactionTone(0)).toBe('danger');
  expect(satisfactionTone(0.5)).toBe('danger');
  expect(satisfactionTone(0.7)).toBe('warn');
  expect(satisfactionTone(0.8)).toBe('good');
  expect(satisfactionTone(1)).toBe('good');
  expect(satisfactionTone(null)).toBeUndefined();
});
