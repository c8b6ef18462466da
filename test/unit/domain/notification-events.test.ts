import { DEFAULT_CADENCES, type Cadence } from '@domain/alerts/cadence';
import { createCalendar } from '@domain/calendar';
import { NOTIFICATION_CATEGORIES } from '@domain/documents';
import { AppError } from '@domain/errors';
import {
  canSeeEvent,
  checkLinkedContent,
  closeEvent,
  eventAlertsDue,
  eventDraftContent,
  eventNextActionAt,
  EVENT_DESCRIPTION_MAX,
  onWorkbenchOf,
  prepareEvent,
  type NotificationEvent,
} from '@domain/notification-events';
import type { Caller } from '@domain/roles';

const cal = createCalendar();
const at = (iso: string) => Date.parse(iso);
const cadence: Cadence = DEFAULT_CADENCES.notificationEvent;
const ctx = (now: string) => ({ now: at(now), calendar: cal, communityId: 'c1', recorder: { personId: 'p_b', name: '李管家' }, cadence });
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.userMessage}` : 'other';
  }
  return 'none';
};

// Thursday 19 November 2026: the 3rd working day after is Tuesday 24 (Fri 20, Mon 23, Tue 24).
const event = (over: Partial<NotificationEvent> = {}): NotificationEvent => ({
  _id: 'nev_1',
  version: 1,
  ...prepareEvent({ category: 'major_change', occurredOn: '2026-11-19', description: '东门改造临时封闭' }, ctx('2026-11-19T15:00:00+08:00')),
  ...over,
});

describe('recording an event', () => {
  it('starts the clock: due at the end of the 3rd working day after the event day, open', () => {
    const e = event();
    expect(e.deadline).toMatchObject({ rule: 'notification', dueDate: '2026-11-24', provisional: false });
    expect(e.due).toBe(at('2026-11-24T23:59:59.999+08:00'));
    expect(e).toMatchObject({ status: 'open', communityId: 'c1', recordedById: 'p_b', recordedByName: '李管家', description: '东门改造临时封闭' });
  });
  it('counts over a holiday and a make-up working day (National Day 2026)', () => {
    const e = prepareEvent({ category: 'other', occurredOn: '2026-09-30', description: '台风预警' }, ctx('2026-09-30T18:00:00+08:00'));
    expect(e.deadline.dueDate).toBe('2026-10-10');
  });
  it('is provisional in a year the calendar does not cover', () => {
    const e = prepareEvent({ category: 'other', occurredOn: '2027-11-19', description: '事项' }, ctx('2027-11-19T10:00:00+08:00'));
    expect(e.deadline.provisional).toBe(true);
  });
  it('accepts each of the six categories of the rule book, and nothing else', () => {
    for (const category of Object.keys(NOTIFICATION_CATEGORIES))
      expect(prepareEvent({ category, occurredOn: '2026-11-19', description: 'x' }, ctx('2026-11-19T10:00:00+08:00')).category).toBe(category);
    expect(Object.keys(NOTIFICATION_CATEGORIES)).toHaveLength(6);
    for (const category of ['building_fund_repair', 'toString', 'constructor', ''])
      expect(codeOf(() => prepareEvent({ category, occurredOn: '2026-11-19', description: 'x' }, ctx('2026-11-19T10:00:00+08:00')))).toBe(
        'INVALID_INPUT:请选择通报类别',
      );
  });
  it('refuses a day after today (in Shanghai), an empty or too long description', () => {
    const late = ctx('2026-11-19T23:30:00+08:00'); // already the 19th in Shanghai, still the 19th in UTC
    expect(codeOf(() => prepareEvent({ category: 'other', occurredOn: '2026-11-20', description: 'x' }, late))).toBe('INVALID_INPUT:事件发生日期不能晚于今天');
    expect(prepareEvent({ category: 'other', occurredOn: '2026-11-19', description: 'x' }, late).occurredOn).toBe('2026-11-19');
    expect(codeOf(() => prepareEvent({ category: 'other', occurredOn: '2026-11-19', description: '   ' }, late))).toBe('INVALID_INPUT:请简要说明事项');
    const long = '字'.repeat(EVENT_DESCRIPTION_MAX + 1);
    expect(codeOf(() => prepareEvent({ category: 'other', occurredOn: '2026-11-19', description: long }, late))).toMatch(/^INVALID_INPUT:事项说明不能超过/);
    expect(prepareEvent({ category: 'other', occurredOn: '2026-11-19', description: '  东门  ' }, late).description).toBe('东门');
  });
  it('an event recorded after its deadline is overdue from the start and alerts at once', () => {
    const e = event({ ...prepareEvent({ category: 'other', occurredOn: '2026-11-02', description: '旧事' }, ctx('2026-11-20T10:00:00+08:00')) });
    expect(eventAlertsDue(e, at('2026-11-20T10:00:00+08:00'), cal, cadence).map((a) => a.stage)).toEqual(['overdue', 'escalated']);
    // The sweep visits it on its next run, not a day later.
    expect(e.nextActionAt).toBe(at('2026-11-20T10:00:00+08:00'));
  });
});

describe('alerts on the notificationEvent cadence (2 working days before, then every working day; the head once overdue)', () => {
  it.each([
    ['2026-11-19T16:00:00+08:00', []],
    ['2026-11-20T09:00:00+08:00', ['recorder:before']],
    ['2026-11-23T09:00:00+08:00', ['recorder:before']],
    ['2026-11-24T23:00:00+08:00', ['recorder:before']],
    ['2026-11-25T00:00:00+08:00', ['recorder:after-1', 'head:esc-head']],
    ['2026-11-26T09:00:00+08:00', ['recorder:after-2', 'head:esc-head']],
    ['2026-11-28T09:00:00+08:00', ['recorder:after-3', 'head:esc-head']],
  ])('at %s → %j', (now, expected) => {
    expect(eventAlertsDue(event(), at(now), cal, cadence).map((a) => `${a.to}:${a.step}`)).toEqual(expected);
  });
  it('names each stage for the message', () => {
    expect(eventAlertsDue(event(), at('2026-11-20T09:00:00+08:00'), cal, cadence).map((a) => a.stage)).toEqual(['due_soon']);
    expect(eventAlertsDue(event(), at('2026-11-25T09:00:00+08:00'), cal, cadence).map((a) => a.stage)).toEqual(['overdue', 'escalated']);
  });
  it('a notified event owes nothing', () => {
    expect(eventAlertsDue(event({ status: 'notified' }), at('2026-11-26T09:00:00+08:00'), cal, cadence)).toEqual([]);
    expect(eventNextActionAt(event({ status: 'notified' }), at('2026-11-26T09:00:00+08:00'), cal, cadence)).toBeNull();
  });
  it('follows a community’s own cadence (no reminder before; every 2 working days after)', () => {
    const own: Cadence = { ...cadence, beforeWorkingDays: 0, repeatEveryWorkingDays: 2 };
    expect(eventAlertsDue(event(), at('2026-11-23T09:00:00+08:00'), cal, own)).toEqual([]);
    expect(eventAlertsDue(event(), at('2026-11-25T09:00:00+08:00'), cal, own).map((a) => a.step)).toEqual(['esc-head']);
    expect(eventAlertsDue(event(), at('2026-11-26T09:00:00+08:00'), cal, own).map((a) => a.step)).toEqual(['after-1', 'esc-head']);
  });
  it('escalates to the general manager when a cadence says so', () => {
    const up: Cadence = { ...cadence, escalate: [...cadence.escalate, { to: 'general_manager', afterWorkingDays: 2 }] };
    expect(eventAlertsDue(event(), at('2026-11-25T09:00:00+08:00'), cal, up).map((a) => a.to)).toEqual(['recorder', 'head']);
    expect(eventAlertsDue(event(), at('2026-11-26T09:00:00+08:00'), cal, up).map((a) => a.to)).toEqual(['recorder', 'head', 'general_manager']);
  });
});

describe('the next action moment (what the sweep stores)', () => {
  it('is when the alerts owed next change, from recording to the repeats', () => {
    expect(event().nextActionAt).toBe(at('2026-11-20T00:00:00+08:00'));
    expect(eventNextActionAt(event(), at('2026-11-20T09:00:00+08:00'), cal, cadence)).toBe(at('2026-11-25T00:00:00+08:00'));
    expect(eventNextActionAt(event(), at('2026-11-25T09:00:00+08:00'), cal, cadence)).toBe(at('2026-11-26T00:00:00+08:00'));
    // Friday's step holds over the weekend: the next change is Monday.
    expect(eventNextActionAt(event(), at('2026-11-27T09:00:00+08:00'), cal, cadence)).toBe(at('2026-11-30T00:00:00+08:00'));
  });
  it('agrees with the alerts owed, every 3 hours over three weeks', () => {
    const e = event();
    const sig = (t: number) => JSON.stringify(eventAlertsDue(e, t, cal, cadence));
    for (let t = at('2026-11-19T16:00:00+08:00'); t < at('2026-12-10T00:00:00+08:00'); t += 3 * 3600_000) {
      const next = eventNextActionAt(e, t, cal, cadence)!;
      expect(next).toBeGreaterThan(t);
      expect(sig(next - 1)).toBe(sig(t));
      expect(sig(next)).not.toBe(sig(t));
    }
  });
  it('stops once nothing more changes (a cadence without repeats, escalated)', () => {
    const once: Cadence = { ...cadence, repeatEveryWorkingDays: 0 };
    expect(eventNextActionAt(event(), at('2026-11-30T09:00:00+08:00'), cal, once)).toBeNull();
  });
});

describe('closing by the linked notification', () => {
  const doc = (over: Partial<{ communityId: string; kind: 'notification' | 'filing'; eventDate: string }> = {}) => ({
    _id: 'doc_1',
    communityId: over.communityId ?? 'c1',
    content: { kind: over.kind ?? ('notification' as const), eventDate: over.eventDate ?? '2026-11-19' },
  });
  it('closes an open event on time, or late after its deadline', () => {
    expect(closeEvent(event(), doc(), 'p_head', at('2026-11-24T18:00:00+08:00'), cal)).toEqual({
      status: 'notified',
      notified: { documentId: 'doc_1', at: at('2026-11-24T18:00:00+08:00'), byId: 'p_head', late: false },
      nextActionAt: null,
    });
    expect(closeEvent(event(), doc(), 'p_head', at('2026-11-25T09:00:00+08:00'), cal)?.notified?.late).toBe(true);
  });
  it('closes once: a second notification of a notified event changes nothing', () => {
    expect(closeEvent(event({ status: 'notified' }), doc(), 'p_head', at('2026-11-24T18:00:00+08:00'), cal)).toBeNull();
  });
  it('refuses a letter of another kind, another day or another community', () => {
    const e = event();
    expect(codeOf(() => closeEvent(e, doc({ kind: 'filing' }), 'p', at('2026-11-24T18:00:00+08:00'), cal))).toBe('INVALID_INPUT:需通报事项只能以通报送达');
    expect(codeOf(() => closeEvent(e, doc({ eventDate: '2026-11-18' }), 'p', at('2026-11-24T18:00:00+08:00'), cal))).toMatch(
      /^INVALID_INPUT:通报的事件发生日期/,
    );
    expect(codeOf(() => checkLinkedContent(e, 'c2', doc().content))).toMatch(/^NOT_FOUND/);
  });
  it('starts the draft with the event’s category, day and words', () => {
    const content = eventDraftContent(event());
    expect(content).toEqual({
      kind: 'notification',
      category: 'major_change',
      title: '东门改造临时封闭',
      body: '东门改造临时封闭',
      eventDate: '2026-11-19',
      attachments: [],
    });
    expect(() => checkLinkedContent(event(), 'c1', content)).not.toThrow();
  });
});

describe('who sees an event', () => {
  const caller = (roles: Caller['roles'], personId = 'p_x', communityId: string | null = 'c1'): Caller => ({
    personId,
    name: 'x',
    communityId,
    roles,
    roomIds: [],
    buildingIds: [],
  });
  it.each([
    [['head'], 'p_h', 'c1', true, true],
    [['butler'], 'p_b', 'c1', true, true],
    [['butler'], 'p_other', 'c1', true, false],
    [['butler_supervisor'], 'p_s', 'c1', true, false],
    [['head'], 'p_h', 'c2', false, false],
    [['general_manager'], 'p_gm', null, true, true],
    [['committee'], 'p_m', 'c1', false, false],
    [['owner'], 'p_o', 'c1', false, false],
  ] as Array<[Caller['roles'], string, string | null, boolean, boolean]>)(
    '%j %s of %s: sees %s, on the workbench %s',
    (roles, personId, community, sees, onBench) => {
      const e = { communityId: 'c1', recordedById: 'p_b' };
      expect(canSeeEvent(caller(roles, personId, community), e)).toBe(sees);
      expect(onWorkbenchOf(caller(roles, personId, community), e)).toBe(onBench);
    },
  );
});
