import { cadenceFor, chaseStep, DEFAULT_CADENCES, escalationsDue } from '@domain/alerts/cadence';
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
