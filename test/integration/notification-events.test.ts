/**
 * 需通报事项 end to end through the deployed handlers and the platform timer: a butler records an
 * event, the clock it starts shows on the workbench and in 待办, the hourly timer alerts on the
 * `notificationEvent` cadence and escalates to the head once overdue, and the head closes it by
 * sending the notification drafted from it.
 */
import type { WorkbenchView } from '@domain/api/workbench';
import { eventDraftContent } from '@domain/notification-events';
import { routeUrl, ROUTES } from '@domain/routes';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

const DAY = 24 * 3600_000;
let h: Harness;
beforeEach(async () => {
  // Thursday 19 November 2026: the 3rd working day after is Tuesday 24.
  h = await createHarness({ now: '2026-11-19T15:00:00+08:00' });
});

const record = (as: string = DEMO.butler, occurredOn = '2026-11-19') =>
  h.ok('workbench', 'recordEvent', { category: 'major_change', occurredOn, description: '东门改造临时封闭' }, as);
const eventAlerts = async (personId: string) =>
  (await h.rt.store.find('alerts', { personId })).filter((a) => a.key.startsWith('nev:')).map((a) => `${a.title}|${a.key.split(':')[3]}`);
const benchIds = (v: WorkbenchView) => v.items.map((i) => i.id);
/** Every open item of a person's workbench, page after page. */
async function benchItems(as: string) {
  let page = await h.ok('workbench', 'list', {}, as);
  const items = [...page.items];
  while (page.next) {
    page = await h.ok('workbench', 'list', { after: page.next }, as);
    items.push(...page.items);
  }
  return items;
}

async function draftAndSend(eventId: string) {
  const ev = await h.ok('workbench', 'event', { eventId }, DEMO.head);
  const draft = await h.ok('filings', 'saveDraft', { ...eventDraftContent(ev), eventId }, DEMO.head);
  return h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
}

describe('an event that must be notified', () => {
  it('starts a clock on the workbench, alerts on the cadence, escalates once overdue, and is closed by the notification', async () => {
    const ev = await record();
    expect(ev).toMatchObject({ status: 'open', categoryLabel: '所管理的物业出现重大变故或发生重大事件', dueDateText: '2026年11月24日' });
    expect(ev.deadline).toMatchObject({ dueDate: '2026-11-24', rule: 'notification' });

    // The workbench: the head sees every open event, the recorder theirs, another butler not this one.
    const item = `event:${ev.eventId}`;
    const headBench = await h.ok('workbench', 'list', {}, DEMO.head);
    expect(headBench.items.find((i) => i.id === item)).toMatchObject({
      dueDate: '2026-11-24',
      countdownText: '还剩3个工作日',
      link: routeUrl(ROUTES.staff.events, { id: ev.eventId }),
      assigneeName: ev.recordedByName,
    });
    expect(benchIds(await h.ok('workbench', 'list', {}, DEMO.butler))).toContain(item);
    expect(benchIds(await h.ok('workbench', 'list', {}, DEMO.butler2))).not.toContain(item);
    const todos = await h.ok('session', 'todos', {}, DEMO.butler);
    expect(todos.find((t) => t.key === 'notification-events')).toMatchObject({ title: '待通报事项 1 项', link: ROUTES.staff.events, overdue: false });

    // Day of the event: nothing yet. Friday, two working days left: the recorder, once.
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toEqual([]);
    h.advance(18 * 3600_000); // Fri 20, 09:00
    await h.timer();
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toEqual(['需通报事项即将到期|before']);
    expect(await eventAlerts(DEMO.head)).toEqual([]);
    const [inbox] = (await h.ok('alerts', 'inbox', {}, DEMO.butler)).items.filter((i) => i.title === '需通报事项即将到期');
    expect(inbox?.link).toBe(routeUrl(ROUTES.staff.events, { id: ev.eventId }));

    // Wednesday 25, the first day past due: the recorder again and the head, each once.
    h.advance(5 * DAY);
    await h.timer();
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toEqual(['需通报事项即将到期|before', '需通报事项已逾期|after-1']);
    expect(await eventAlerts(DEMO.head)).toEqual(['需通报事项逾期未通报|esc-head']);
    expect((await h.ok('session', 'todos', {}, DEMO.butler)).find((t) => t.key === 'notification-events')?.overdue).toBe(true);

    // Thursday 26: the daily repeat reaches the recorder; the head is not told twice.
    h.advance(DAY);
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toHaveLength(3);
    expect(await eventAlerts(DEMO.head)).toHaveLength(1);

    // The head drafts from the event (the draft is remembered on it), then sends: the event closes, late.
    const draft = await h.ok('filings', 'saveDraft', { ...eventDraftContent(ev), eventId: ev.eventId }, DEMO.head);
    expect((await h.ok('workbench', 'event', { eventId: ev.eventId }, DEMO.butler)).draftId).toBe(draft.documentId);
    const moved = await h.call('filings', 'saveDraft', { documentId: draft.documentId, ...eventDraftContent(ev), eventDate: '2026-11-18' }, { as: DEMO.head });
    expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '通报的事件发生日期须与所记录的事项一致' } });
    const sent = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
    expect(sent.late).toBe(true);

    const closed = await h.ok('workbench', 'event', { eventId: ev.eventId }, DEMO.head);
    expect(closed).toMatchObject({ status: 'notified', statusLabel: '已通报', notified: { documentId: draft.documentId, late: true } });
    expect((await h.ok('workbench', 'events', { status: 'open' }, DEMO.head)).items).toEqual([]);
    expect((await h.ok('workbench', 'events', { status: 'notified' }, DEMO.head)).items.map((e) => e.eventId)).toEqual([ev.eventId]);
    expect(benchIds(await h.ok('workbench', 'list', {}, DEMO.head))).not.toContain(item);
    expect((await h.ok('session', 'todos', {}, DEMO.butler)).map((t) => t.key)).not.toContain('notification-events');
    const audit = await h.rt.store.find('audit', { 'subject.id': ev.eventId });
    expect(audit.map((a) => a.type).sort()).toEqual(['notificationEvent.notified', 'notificationEvent.recorded']);

    // Closed: the timer has nothing more to say about it.
    h.advance(DAY);
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toHaveLength(3);
    expect(await eventAlerts(DEMO.head)).toHaveLength(1);
  });

  it('sent in time: closed on time, and nobody is ever alerted', async () => {
    const ev = await record(DEMO.head);
    const sent = await draftAndSend(ev.eventId);
    expect(sent.late).toBe(false);
    expect((await h.ok('workbench', 'event', { eventId: ev.eventId }, DEMO.head)).notified).toMatchObject({ late: false });
    for (let d = 0; d < 8; d++) {
      h.advance(DAY);
      await h.timer();
    }
    expect(await eventAlerts(DEMO.head)).toEqual([]);
  });

  it('a second letter for a notified event is refused as a link; an unlinked notification leaves events open', async () => {
    const ev = await record();
    const plain = await h.ok('filings', 'saveDraft', { ...eventDraftContent(ev) }, DEMO.head);
    await h.ok('filings', 'send', { documentId: plain.documentId }, DEMO.head);
    expect((await h.ok('workbench', 'event', { eventId: ev.eventId }, DEMO.head)).status).toBe('open');
    await draftAndSend(ev.eventId);
    const again = await h.call('filings', 'saveDraft', { ...eventDraftContent(ev), eventId: ev.eventId }, { as: DEMO.head });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '该事项已通报' } });
  });

  it('only community staff record; a day after today, an unknown category and a stranger’s event are refused', async () => {
    expect(
      await h.call('workbench', 'recordEvent', { category: 'major_change', occurredOn: '2026-11-19', description: 'x' }, { as: DEMO.member }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await h.call('workbench', 'recordEvent', { category: 'major_change', occurredOn: '2026-11-20', description: 'x' }, { as: DEMO.butler }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '事件发生日期不能晚于今天' },
    });
    expect(
      await h.call('workbench', 'recordEvent', { category: 'building_fund_repair' as never, occurredOn: '2026-11-19', description: 'x' }, { as: DEMO.butler }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const before = await h.snapshot();
    expect(await h.call('workbench', 'event', { eventId: 'nev_missing' }, { as: DEMO.butler })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it('follows the community’s cadence setting (settings.reminders.notificationEvent)', async () => {
    const { settings, settingsVersion } = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(settings.reminders?.notificationEvent).toEqual({ beforeWorkingDays: 2, repeatEveryWorkingDays: 1 });
    const reminders = { ...settings.reminders, notificationEvent: { beforeWorkingDays: 0, repeatEveryWorkingDays: 1 } };
    await h.ok('admin', 'updateSettings', { communityId: 'c_demo', settings: { ...settings, reminders }, expectedVersion: settingsVersion }, DEMO.head);
    await record();
    h.advance(18 * 3600_000); // Fri 20: no reminder before under this setting
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toEqual([]);
    h.advance(5 * DAY);
    await h.timer();
    expect(await eventAlerts(DEMO.butler)).toEqual(['需通报事项已逾期|after-1']);
  });
});

describe('settings this issue owns', () => {
  it('the quarterly fund report day is a validated community setting that moves the open duty', async () => {
    const fundsQ1 = 'ob:c_demo:funds:2027-Q1';
    await h.ok('workbench', 'generate', {}, DEMO.head);
    expect(await h.rt.store.get('obligations', fundsQ1)).toMatchObject({ dueDate: '2027-01-15' });
    const { settings, settingsVersion } = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(settings.fundReportDay).toBe(15);
    for (const bad of [0, 31, 7.5])
      expect(
        await h.call(
          'admin',
          'updateSettings',
          { communityId: 'c_demo', settings: { ...settings, fundReportDay: bad }, expectedVersion: settingsVersion },
          { as: DEMO.head },
        ),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await h.ok('admin', 'updateSettings', { communityId: 'c_demo', settings: { ...settings, fundReportDay: 10 }, expectedVersion: settingsVersion }, DEMO.head);
    const duty = (await benchItems(DEMO.head)).find((i) => i.id === fundsQ1);
    expect(duty).toMatchObject({ dueDate: '2027-01-10' });
    expect(duty?.ruleText).toContain('每季度首月10日前');
    expect((await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head)).settings.fundReportDay).toBe(10);
  });

  it('bill reminders run on the bill cadence: a community’s 3 days instead of 7', async () => {
    const { settings, settingsVersion } = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(settings.reminders?.bill).toEqual({ repeatEveryDays: 7 });
    const mismatch = { ...settings, reminders: { ...settings.reminders, bill: { repeatEveryDays: 3 } } };
    expect(
      await h.call('admin', 'updateSettings', { communityId: 'c_demo', settings: mismatch, expectedVersion: settingsVersion }, { as: DEMO.head }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', message: '缴费提醒间隔前后不一致' },
    });
    const every3 = { ...mismatch, feePolicy: { ...settings.feePolicy, repeatEveryDays: 3 } };
    await h.ok('admin', 'updateSettings', { communityId: 'c_demo', settings: every3, expectedVersion: settingsVersion }, DEMO.head);

    h.setNow('2026-11-20T10:00:00+08:00');
    await h.timer();
    const count = await h.rt.store.count('reminders', { byId: 'system' });
    expect(count).toBeGreaterThan(0);
    h.advance(3 * DAY);
    await h.timer();
    // Accounts refreshed before the setting keep their first date; every room reminded since follows it.
    expect(await h.rt.store.count('reminders', { byId: 'system' })).toBe(2 * count);
  });
});
