import { cadenceFor, chaseStep, DEFAULT_CADENCES, escalationsDue, nextChaseAt } from '@domain/alerts/cadence';
import { createCalendar } from '@domain/calendar';

const cal = createCalendar();
const at = (iso: string) => Date.parse(iso);
// Friday 20 November 2026, end of day; the next working days are Mon 23, Tue 24, Wed 25, Thu 26.
const due = at('2026-11-20T23:59:59.999+08:00');

describe('chase steps', () => {
  const c = DEFAULT_CADENCES.unsignedDelivery;
  it.each([
    ['2026-11-18T10:00:00+08:00', null],
    ['2026-11-19T10:00:00+08:00', 'before'],
    ['2026-11-20T10:00:00+08:00', 'before'],
    ['2026-11-21T10:00:00+08:00', null],
    ['2026-11-23T10:00:00+08:00', null],
    ['2026-11-24T10:00:00+08:00', 'after-1'],
    ['2026-11-25T10:00:00+08:00', 'after-1'],
    ['2026-11-26T10:00:00+08:00', 'after-2'],
  ])('unsigned delivery due Fri 20 Nov, at %s → %s', (now, step) => {
    expect(chaseStep(c, due, at(now), cal)).toBe(step);
  });
  it('a cadence without repeats alerts once after the due day', () => {
    expect(chaseStep(DEFAULT_CADENCES.opinion, due, at('2026-11-23T10:00:00+08:00'), cal)).toBe('after-1');
    expect(chaseStep(DEFAULT_CADENCES.opinion, due, at('2026-11-30T10:00:00+08:00'), cal)).toBe('after-1');
  });
});

describe('next chase moment (what the sweep stores, so it reads only what is due)', () => {
  const c = DEFAULT_CADENCES.unsignedDelivery;
  it.each([
    ['2026-11-18T10:00:00+08:00', '2026-11-19T00:00:00+08:00'], // null → before
    ['2026-11-19T10:00:00+08:00', '2026-11-21T00:00:00+08:00'], // before → null after the due day
    ['2026-11-21T10:00:00+08:00', '2026-11-24T00:00:00+08:00'], // → after-1 (Mon 23 counts no step yet)
    ['2026-11-24T10:00:00+08:00', '2026-11-26T00:00:00+08:00'], // after-1 → after-2
  ])('at %s the step next changes at %s', (now, next) => {
    expect(nextChaseAt(c, due, at(now), cal)).toBe(at(next));
  });
  it('agrees with chaseStep hour by hour over three weeks', () => {
    for (let t = at('2026-11-16T00:00:00+08:00'); t < at('2026-12-07T00:00:00+08:00'); t += 3600_000) {
      const next = nextChaseAt(c, due, t, cal)!;
      expect(next).toBeGreaterThan(t);
      expect(chaseStep(c, due, next - 1, cal)).toBe(chaseStep(c, due, t, cal));
      expect(chaseStep(c, due, next, cal)).not.toBe(chaseStep(c, due, t, cal));
    }
  });
  it('stops for a cadence without repeats once its one step after the due day has come', () => {
    expect(nextChaseAt(DEFAULT_CADENCES.opinion, due, at('2026-11-30T10:00:00+08:00'), cal)).toBeNull();
  });
});

describe('escalations', () => {
  it('inquiry: the head once overdue, the general manager a further working day later', () => {
    const c = DEFAULT_CADENCES.inquiry;
    expect(escalationsDue(c, due, at('2026-11-20T10:00:00+08:00'), cal)).toEqual([]);
    expect(escalationsDue(c, due, at('2026-11-23T10:00:00+08:00'), cal).map((e) => e.to)).toEqual(['head']);
    expect(escalationsDue(c, due, at('2026-11-24T10:00:00+08:00'), cal).map((e) => e.to)).toEqual(['head', 'general_manager']);
  });
});

describe('a community setting overrides a cadence, read defensively', () => {
  it.each([
    [undefined, 2],
    [{}, 2],
    [{ settings: {} }, 2],
    [{ settings: { reminders: { unsignedDelivery: { repeatEveryWorkingDays: 1 } } } }, 1],
    [{ settings: { reminders: { unsignedDelivery: { repeatEveryWorkingDays: '1' } } } }, 2],
    [{ settings: { reminders: { unsignedDelivery: { repeatEveryWorkingDays: -3 } } } }, 2],
    [{ settings: { reminders: { toString: { repeatEveryWorkingDays: 1 } } } }, 2],
  ])('%j → every %i working days', (community, every) => {
    expect(cadenceFor('unsignedDelivery', community).repeatEveryWorkingDays).toBe(every);
    expect(cadenceFor('unsignedDelivery', community).beforeWorkingDays).toBe(1);
  });
});
