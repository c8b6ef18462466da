/**
 * Who is reminded when: the rules the sweeps and the fee handler used to hold themselves.
 * 2026-03-02 is a Monday; no holiday falls in the weeks used below.
 */
import { createCalendar } from '@domain/calendar';
import { isDueWithin } from '@domain/deadlines';
import { opinionReminderDue } from '@domain/documents';
import { isWrittenReminder, WRITTEN_REMINDER_CHANNELS } from '@domain/fees';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/api/fees';
import { answerReminderDue } from '@domain/inquiry';
import { INQUIRY_REMINDER_WORKING_DAYS, OPINION_REMINDER_WORKING_DAYS } from '@domain/rules';
import { endOfLocalDay } from '@domain/time';

const calendar = createCalendar();
const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const friday = endOfLocalDay('2026-03-06');

describe('isDueWithin: not yet late, and at most N working days left', () => {
  it.each([
    ['2026-03-04T09:00:00', 1, false], // Wed: Thu and Fri remain
    ['2026-03-05T09:00:00', 1, true], // Thu: only Fri remains
    ['2026-03-06T23:00:00', 0, true], // the due day itself
    ['2026-03-04T09:00:00', 2, true],
    ['2026-03-07T00:00:01', 1, false], // already late: that is the overdue alert's business
  ] as const)('at %s within %i working day(s): %s', (now, days, expected) => {
    expect(isDueWithin(sh(now), { due: friday }, days, calendar)).toBe(expected);
  });
});

describe('opinion requests: members are reminded as the last working day nears', () => {
  it(`reminds with ${OPINION_REMINDER_WORKING_DAYS} working day left, not earlier, not after the deadline`, () => {
    const doc = { responseDue: friday };
    expect(opinionReminderDue(doc, sh('2026-03-04T09:00:00'), calendar)).toBe(OPINION_REMINDER_WORKING_DAYS >= 2);
    expect(opinionReminderDue(doc, sh('2026-03-05T09:00:00'), calendar)).toBe(true);
    expect(opinionReminderDue(doc, sh('2026-03-09T09:00:00'), calendar)).toBe(false);
  });

  it('a request without a response date is never reminded', () => {
    expect(opinionReminderDue({}, sh('2026-03-05T09:00:00'), calendar)).toBe(false);
  });
});

describe('inquiries: whoever must answer is reminded as the due day nears', () => {
  it(`reminds an open item with ${INQUIRY_REMINDER_WORKING_DAYS} working day left, never a closed one`, () => {
    expect(answerReminderDue({ status: 'in_progress', due: friday }, sh('2026-03-05T09:00:00'), calendar)).toBe(true);
    expect(answerReminderDue({ status: 'in_progress', due: friday }, sh('2026-03-03T09:00:00'), calendar)).toBe(false);
    expect(answerReminderDue({ status: 'accepted', due: friday }, sh('2026-03-05T09:00:00'), calendar)).toBe(false);
  });
});

describe('fee reminders: which channels are written (they interrupt the limitation period once proven)', () => {
  it.each(Object.keys(REMINDER_CHANNELS) as ReminderChannel[])('%s', (channel) => {
    expect(isWrittenReminder(channel)).toBe(['slip', 'sms', 'subscribe_message', 'in_app'].includes(channel));
  });

  it('every written channel is a channel staff can record', () => {
    for (const c of WRITTEN_REMINDER_CHANNELS) expect(Object.keys(REMINDER_CHANNELS)).toContain(c);
  });
});
