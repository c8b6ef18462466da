import { billCadenceFor, cadenceFor, chaseStep, DEFAULT_CADENCES, escalationsDue, nextChaseAt, remindersOf, SETTABLE_REMINDERS } from '@domain/alerts/cadence';
import { DEFAULT_REMINDER_POLICY, policyOf } from '@domain/fees';
import { REMINDER_REPEAT_DAYS, REMINDER_START_DAY } from '@domain/rules';
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
    [{ reminders: {} }, 2],
    [{ reminders: { unsignedDelivery: { repeatEveryWorkingDays: 1 } } }, 1],
    [{ reminders: { unsignedDelivery: { repeatEveryWorkingDays: '1' } } }, 2],
    [{ reminders: { unsignedDelivery: { repeatEveryWorkingDays: -3 } } }, 2],
    [{ reminders: { unsignedDelivery: { repeatEveryWorkingDays: 31 } } }, 2],
    [{ reminders: { unsignedDelivery: null } }, 2],
    [{ reminders: { toString: { repeatEveryWorkingDays: 1 } } }, 2],
  ])('%j → every %i working days', (community, every) => {
    expect(cadenceFor('unsignedDelivery', community).repeatEveryWorkingDays).toBe(every);
    expect(cadenceFor('unsignedDelivery', community).beforeWorkingDays).toBe(1);
  });
  it('never lets a community change whom a deadline escalates to', () => {
    const c = cadenceFor('inquiry', { reminders: { inquiry: { escalate: [] } } });
    expect(c.escalate.map((e) => e.to)).toEqual(['head', 'general_manager']);
  });
});

describe('bill reminders (the fees owner reminders) read their dates from the cadence table', () => {
  it('from the rule book’s 15th, every 7 days by default', () => {
    expect(DEFAULT_CADENCES.bill).toEqual({ startDay: REMINDER_START_DAY, repeatEveryDays: REMINDER_REPEAT_DAYS });
    expect(billCadenceFor(undefined)).toEqual(DEFAULT_CADENCES.bill);
  });
  it.each([
    [{ reminders: { bill: { repeatEveryDays: 3 } } }, 3],
    [{ reminders: { bill: { repeatEveryDays: 3 } }, feePolicy: { repeatEveryDays: 10 } }, 3],
    [{ feePolicy: { repeatEveryDays: 10 } }, 10],
    [{ reminders: { bill: { repeatEveryDays: 0 } }, feePolicy: { repeatEveryDays: 10 } }, 10],
    [{ reminders: { bill: { repeatEveryDays: 91 } } }, REMINDER_REPEAT_DAYS],
    [{ reminders: { bill: { repeatEveryDays: 2.5 } } }, REMINDER_REPEAT_DAYS],
  ])('%j → every %i days', (community, every) => {
    expect(billCadenceFor(community).repeatEveryDays).toBe(every);
  });
  it('a community cannot move the start day', () => {
    expect(billCadenceFor({ reminders: { bill: { startDay: 1, repeatEveryDays: 5 } } }).startDay).toBe(REMINDER_START_DAY);
  });
  it('the fee policy the reminder sweep runs on takes both dates from it', () => {
    const community = { reminders: { bill: { repeatEveryDays: 3 } } };
    expect(policyOf(community)).toMatchObject({ startDay: REMINDER_START_DAY, repeatEveryDays: 3 });
    expect(DEFAULT_REMINDER_POLICY).toMatchObject({ startDay: DEFAULT_CADENCES.bill.startDay, repeatEveryDays: DEFAULT_CADENCES.bill.repeatEveryDays });
  });
});

describe('the settable cadences, as the settings page shows them', () => {
  it('reports defaults and overrides for exactly the cadences a sweep reads per community', () => {
    expect(Object.keys(remindersOf({}))).toEqual([...SETTABLE_REMINDERS, 'bill']);
    expect(remindersOf({ reminders: { notificationEvent: { beforeWorkingDays: 1 } } })).toEqual({
      unsignedDelivery: { beforeWorkingDays: 1, repeatEveryWorkingDays: 2 },
      notificationEvent: { beforeWorkingDays: 1, repeatEveryWorkingDays: 1 },
      bill: { repeatEveryDays: REMINDER_REPEAT_DAYS },
    });
  });
});
