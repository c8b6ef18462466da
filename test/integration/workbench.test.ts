/**
 * The obligations workbench and calendar administration, through the deployed handlers on the
 * embedded store. Expected ids and dates come from the pure domain functions, not from literals,
 * wherever the domain decides them.
 */
import type { WorkbenchItemView, WorkbenchView } from '@domain/api/workbench';
import { createCalendar } from '@domain/calendar';
import type { CalendarOverrideRecord, InboxItem } from '@domain/model';
import { generateObligations } from '@domain/obligations';
import { localDateOf } from '@domain/time';
import { GENERATE_MONTHS, type WorkbenchSection } from '@domain/workbench';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { ROUTES } from '@domain/routes';

const COMMUNITY = 'c_demo';
// Tuesday of a week whose Thursday is the 5th: the October P&L statement is due this week.
const TUESDAY = '2026-11-03T09:00:00+08:00';
const PL_OCT = `ob:${COMMUNITY}:pl:2026-10`;
const AUDIT_NOV = `ob:${COMMUNITY}:audit:2026-11`;

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: TUESDAY });
});

const expectedIds = (now: number): string[] =>
  generateObligations({ communityId: COMMUNITY, from: localDateOf(now), months: GENERATE_MONTHS, calendar: createCalendar() }).map((t) => t._id);
const storedIds = async (): Promise<string[]> => (await h.rt.store.find('obligations', {})).map((t) => t._id).sort();
/** Every open and recently done item as one person sees them, by section (each read in full). */
interface Sectioned {
  scope: WorkbenchView['scope'];
  today: string;
  counts: WorkbenchView['counts'];
  sections: Record<WorkbenchSection, WorkbenchItemView[]>;
}
async function sectioned(as: string): Promise<Sectioned> {
  const open = await h.ok('workbench', 'list', { limit: 100 }, as);
  const done = await h.ok('workbench', 'list', { done: true, limit: 100 }, as);
  expect([open.next, done.next]).toEqual([null, null]);
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, [...open.items, ...done.items].filter((i) => i.section === s)]));
  return { scope: open.scope, today: open.today, counts: open.counts, sections: sections as Sectioned['sections'] };
}
const SECTIONS: WorkbenchSection[] = ['overdue', 'thisWeek', 'thisMonth', 'later', 'done'];
const allItems = (v: Sectioned): WorkbenchItemView[] => Object.values(v.sections).flat();
const itemIn = (v: Sectioned, id: string): WorkbenchItemView | undefined => allItems(v).find((i) => i.id === id);
const timer = () => h.timer();
const obligationAlerts = async (): Promise<InboxItem[]> =>
  (await h.rt.store.find('inbox', {})).filter((i) => i.alertKey?.startsWith('ob-')).sort((a, b) => (a.alertKey! < b.alertKey! ? -1 : 1));

describe('generation', () => {
  it('gives the same task set however often and from wherever it runs', async () => {
    const first = await h.ok('workbench', 'generate', {}, DEMO.head);
    const expected = expectedIds(h.now()).sort();
    expect(first).toEqual({ created: expected.length, total: expected.length });
    expect(await h.ok('workbench', 'generate', {}, DEMO.head)).toEqual({ created: 0, total: expected.length });
    await h.ok('workbench', 'list', {}, DEMO.head);
    // Generated once: every task still at its first version (the sweep below only moves `nextActionAt`).
    expect((await h.rt.store.find('obligations', {})).every((t) => t.version === 1)).toBe(true);
    expect(await timer()).toMatchObject({ ok: true });
    expect(await timer()).toMatchObject({ ok: true });
    expect(await storedIds()).toEqual(expected);
    const audits = await h.rt.store.find('audit', { type: 'obligation.generated' });
    expect(audits).toHaveLength(1);
  });

  it('adds only the new month when the clock crosses a month boundary, and nothing twice', async () => {
    await h.ok('workbench', 'generate', {}, DEMO.head);
    const november = expectedIds(h.now());
    await h.ok('workbench', 'assign', { taskId: `ob:${COMMUNITY}:pl:2026-11`, assigneeId: DEMO.butler }, DEMO.head);

    h.setNow('2026-12-02T09:00:00+08:00');
    await timer();
    await h.ok('workbench', 'generate', {}, DEMO.head);
    await h.ok('workbench', 'list', {}, DEMO.butler);
    const december = expectedIds(h.now());
    const union = [...new Set([...november, ...december])].sort();
    expect(december.some((id) => !november.includes(id))).toBe(true);
    expect(await storedIds()).toEqual(union);
    expect(await h.ok('workbench', 'generate', {}, DEMO.head)).toEqual({ created: 0, total: union.length });
    // A task generated in November kept its assignment: generation never overwrites.
    expect(await h.rt.store.get('obligations', `ob:${COMMUNITY}:pl:2026-11`)).toMatchObject({ assigneeId: DEMO.butler, assignedBy: DEMO.head });
  });

  it('is generated lazily when the workbench opens, with this week’s statement in 本周', async () => {
    const view = await sectioned(DEMO.head);
    expect(view.scope).toBe('community');
    expect(view.today).toBe('2026-11-03');
    const expected = generateObligations({ communityId: COMMUNITY, from: '2026-11-03', months: 1, calendar: createCalendar() });
    const pl = expected.find((t) => t._id === PL_OCT)!;
    expect(view.sections.thisWeek.map((i) => i.id)).toEqual([PL_OCT]);
    expect(view.sections.thisMonth.map((i) => i.id)).toEqual([AUDIT_NOV]);
    expect(view.sections.thisWeek[0]).toMatchObject({
      title: pl.title,
      dueDate: pl.dueDate,
      dueDateText: '2026年11月5日',
      weekdayText: '星期四',
      countdownText: '还剩2个工作日',
      ruleText: pl.ruleText,
      provisional: false,
      status: 'open',
      assigneeId: null,
      assigneeName: '周志强（负责人）',
      canMarkDone: true,
      canAssign: true,
    });
    expect(view.sections.overdue).toEqual([]);
    expect(view.sections.later.length).toBeGreaterThan(0);
    // The counts are the store's and say the same as the items.
    expect(view.counts).toEqual({ overdue: 0, thisWeek: 1, thisMonth: 1, later: view.sections.later.length, done: 0 });
  });
});

describe('marking done', () => {
  it('pages the open items by due moment, each page continuing where the last stopped', async () => {
    const whole = await h.ok('workbench', 'list', { limit: 100 }, DEMO.head);
    const paged: WorkbenchItemView[] = [];
    let after: string | undefined;
    do {
      const page = await h.ok('workbench', 'list', { limit: 3, after }, DEMO.head);
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items);
      after = page.next ?? undefined;
    } while (after);
    expect(whole.items.length).toBeGreaterThan(6);
    expect(paged.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(paged.map((i) => i.due)).toEqual([...paged.map((i) => i.due)].sort((a, b) => a - b));
  });

  it('records who and with which document, once; twice is a clear error', async () => {
    await h.ok('workbench', 'list', {}, DEMO.head);
    h.advance(60_000);
    const file = { fileId: 'local:pl-2026-10.pdf', name: '2026年10月损益表.pdf' };
    const done = await h.ok('workbench', 'markDone', { taskId: PL_OCT, note: '已书面送达各委员', file }, DEMO.head);
    expect(done).toMatchObject({
      status: 'done',
      section: 'done',
      countdownText: '已完成',
      canMarkDone: false,
      done: { byName: '周志强', note: '已书面送达各委员', file, at: h.now() },
    });

    const again = await h.call('workbench', 'markDone', { taskId: PL_OCT }, { as: DEMO.head });
    expect(again).toMatchObject({ ok: false, error: { code: 'OBLIGATION_ALREADY_DONE', message: '该事项已标记完成，不能重复办理' } });
    const stored = await h.rt.store.get('obligations', PL_OCT);
    expect(stored).toMatchObject({ version: 2, doneAt: done.done!.at, done: { byId: DEMO.head, note: '已书面送达各委员' } });
    expect(await h.rt.store.find('audit', { type: 'obligation.done', 'subject.id': PL_OCT })).toHaveLength(1);

    const view = await sectioned(DEMO.head);
    expect(view.sections.done.map((i) => i.id)).toEqual([PL_OCT]);
    expect(view.sections.thisWeek).toEqual([]);
  });

  it('refuses a link to a document that does not exist, and stores nothing', async () => {
    await h.ok('workbench', 'list', {}, DEMO.head);
    const before = await h.snapshot();
    const env = await h.call('workbench', 'markDone', { taskId: PL_OCT, documentId: 'doc_nope' }, { as: DEMO.head });
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.snapshot()).toEqual(before);
    expect((await h.rt.store.get('obligations', PL_OCT))?.done).toBeUndefined();
  });

  it('is overdue from the moment after the due day ends', async () => {
    await h.ok('workbench', 'list', {}, DEMO.head);
    const pl = (await h.rt.store.get('obligations', PL_OCT))!;
    h.setNow(pl.due);
    expect(itemIn(await sectioned(DEMO.head), PL_OCT)).toMatchObject({ status: 'open', section: 'thisWeek', countdownText: '今天到期' });
    h.setNow(pl.due + 1);
    const late = itemIn(await sectioned(DEMO.head), PL_OCT);
    expect(late).toMatchObject({ status: 'overdue', section: 'overdue', countdownText: '已逾期1个工作日', canMarkDone: true });
    h.setNow('2026-11-10T09:00:00+08:00');
    expect(itemIn(await sectioned(DEMO.head), PL_OCT)).toMatchObject({ status: 'overdue', countdownText: '已逾期3个工作日' });
  });
});

describe('assignment', () => {
  it('shows a butler only what is assigned to them, and lets only them and the head complete it', async () => {
    await h.ok('workbench', 'list', {}, DEMO.head);
    expect(allItems(await sectioned(DEMO.butler))).toEqual([]);
    const assigned = await h.ok('workbench', 'assign', { taskId: AUDIT_NOV, assigneeId: DEMO.butler }, DEMO.head);
    expect(assigned).toMatchObject({ assigneeId: DEMO.butler, assigneeName: '陈晓东' });

    const mine = await sectioned(DEMO.butler);
    expect(mine.scope).toBe('assigned');
    expect(allItems(mine).map((i) => i.id)).toEqual([AUDIT_NOV]);
    expect(allItems(mine)[0]).toMatchObject({ canMarkDone: true, canAssign: false });
    expect(allItems(await sectioned(DEMO.butler2))).toEqual([]);
    expect(allItems(await sectioned(DEMO.supervisor))).toEqual([]);

    expect(await h.call('workbench', 'markDone', { taskId: AUDIT_NOV }, { as: DEMO.butler2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('workbench', 'markDone', { taskId: PL_OCT }, { as: DEMO.butler })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('workbench', 'assign', { taskId: AUDIT_NOV, assigneeId: DEMO.butler2 }, { as: DEMO.butler })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.ok('workbench', 'markDone', { taskId: AUDIT_NOV }, DEMO.butler)).toMatchObject({ status: 'done', done: { byName: '陈晓东' } });

    // The new assignee heard about it in the inbox.
    expect((await obligationAlerts()).map((i) => [i.personId, i.title])).toEqual([[DEMO.butler, '您有新的事项待办']]);
  });

  it('assigns only to the community’s staff, and can hand a task back to the head', async () => {
    await h.ok('workbench', 'list', {}, DEMO.head);
    const before = await h.snapshot();
    for (const who of [DEMO.owner, DEMO.gm, 'p_nobody']) {
      expect(await h.call('workbench', 'assign', { taskId: PL_OCT, assigneeId: who }, { as: DEMO.head })).toMatchObject({
        ok: false,
        error: { code: 'ASSIGNEE_NOT_STAFF' },
      });
    }
    expect(await h.snapshot()).toEqual(before);
    await h.ok('workbench', 'assign', { taskId: PL_OCT, assigneeId: DEMO.supervisor }, DEMO.head);
    expect(allItems(await sectioned(DEMO.supervisor)).map((i) => i.id)).toEqual([PL_OCT]);
    h.advance(1000); // the trail below is read in time order
    expect(await h.ok('workbench', 'assign', { taskId: PL_OCT, assigneeId: null }, DEMO.head)).toMatchObject({
      assigneeId: null,
      assigneeName: '周志强（负责人）',
    });
    expect(allItems(await sectioned(DEMO.supervisor))).toEqual([]);
    const trail = await h.rt.store.find('audit', { type: 'obligation.assigned', 'subject.id': PL_OCT }, { sort: [['at', 1]] });
    expect(trail.map((e) => e.data)).toEqual([
      { previous: null, assigneeId: DEMO.supervisor },
      { previous: DEMO.supervisor, assigneeId: null },
    ]);
    expect((await h.ok('workbench', 'assignees', {}, DEMO.head)).map((p) => p.personId).sort()).toEqual(
      [DEMO.butler, DEMO.butler2, DEMO.head, DEMO.supervisor].sort(),
    );
  });
});

describe('alerts from the hourly sweep', () => {
  it('alerts the assignee two working days ahead and assignee and head once overdue, each once', async () => {
    h.setNow('2026-11-01T09:00:00+08:00'); // Sunday: the 5th is three working days away
    await timer();
    expect(await obligationAlerts()).toEqual([]);

    h.setNow(TUESDAY);
    await timer();
    await timer();
    let alerts = await obligationAlerts();
    expect(alerts.map((a) => [a.alertKey, a.personId])).toEqual([[`ob-due:${PL_OCT}:2026-11-05:${DEMO.head}`, DEMO.head]]);
    expect(alerts[0]!.body).toContain('还剩2个工作日');

    await h.ok('workbench', 'assign', { taskId: PL_OCT, assigneeId: DEMO.butler }, DEMO.head);
    h.setNow('2026-11-06T09:00:00+08:00');
    await timer();
    await timer();
    alerts = await obligationAlerts();
    const overdue = alerts.filter((a) => a.alertKey!.startsWith('ob-overdue:'));
    expect(overdue.map((a) => a.personId).sort()).toEqual([DEMO.butler, DEMO.head].sort());
    expect(overdue.every((a) => a.title === '事项已逾期' && a.link === ROUTES.staff.workbench)).toBe(true);

    await h.ok('workbench', 'markDone', { taskId: PL_OCT }, DEMO.butler);
    h.advance(3_600_000);
    await timer();
    expect((await obligationAlerts()).length).toBe(alerts.length);
  });
});

describe('home-screen todos', () => {
  it('tells the head what is due this week and what is overdue', async () => {
    const todos = await h.ok('session', 'todos', {}, DEMO.head);
    expect(todos.find((t) => t.key === 'workbench-week')).toMatchObject({ title: '本周到期事项 1 项', link: ROUTES.staff.workbench });
    expect(todos.find((t) => t.key === 'workbench-overdue')).toBeUndefined();
    h.setNow('2026-11-06T09:00:00+08:00');
    const later = await h.ok('session', 'todos', {}, DEMO.head);
    expect(later.find((t) => t.key === 'workbench-overdue')).toMatchObject({ title: '逾期事项 1 项', overdue: true });
    expect(await h.ok('session', 'todos', {}, DEMO.butler)).not.toContainEqual(expect.objectContaining({ kind: 'obligation' }));
  });
});

describe('calendar administration', () => {
  const preview = (as: string = DEMO.admin) => h.ok('workbench', 'calendarPreview', { rule: 'notification', day: '2026-12-31' }, as);

  it('a corrected day moves a notification deadline, and every earlier version stays in the audit log', async () => {
    // 2027 is not published: Fri 1 Jan counts as a working day, so Thu 31 Dec + 3 working days = Tue 5 Jan.
    expect(await preview()).toMatchObject({ dueDate: '2027-01-05', provisional: true, dueDateText: '2027年1月5日', weekdayText: '星期二' });

    const set = await h.ok('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'holiday', name: '元旦调休' }, DEMO.admin);
    expect(set).toMatchObject({ id: 'day:2027-01-04', version: 1, revoked: false, updatedByName: '何文', summary: '2027年1月4日 设为放假（元旦调休）' });
    expect(await preview()).toMatchObject({ dueDate: '2027-01-06' });

    h.advance(60_000);
    const corrected = await h.ok('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'workday' }, DEMO.gm);
    expect(corrected).toMatchObject({ version: 2, kind: 'workday', updatedByName: '高国庆' });
    expect(corrected.history.map((e) => [e.byName, e.change, e.previous])).toEqual([
      ['高国庆', '2027年1月4日 设为上班', '2027年1月4日 设为放假（元旦调休）'],
      ['何文', '2027年1月4日 设为放假（元旦调休）', undefined],
    ]);
    const trail = await h.rt.store.find('audit', { 'subject.id': 'day:2027-01-04' }, { sort: [['at', 1]] });
    expect(trail.map((e) => (e.data.previous as CalendarOverrideRecord | null)?.kind ?? null)).toEqual([null, 'holiday']);
    expect(trail.every((e) => e.communityId === null)).toBe(true);
    expect(await preview()).toMatchObject({ dueDate: '2027-01-05' });

    // Saying the same again writes nothing.
    const before = await h.snapshot();
    expect(await h.ok('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'workday' }, DEMO.admin)).toMatchObject({ version: 2 });
    expect(await h.rt.store.count('audit', { 'subject.id': 'day:2027-01-04' })).toBe(2);
    expect(await h.snapshot()).toEqual(before);
  });

  it('moves a stored duty’s last working day, and revoking keeps the record but stops it counting', async () => {
    h.setNow('2026-12-28T09:00:00+08:00');
    const plDec = `ob:${COMMUNITY}:pl:2026-12`;
    const first = itemIn(await sectioned(DEMO.head), plDec)!;
    expect(first).toMatchObject({ dueDate: '2027-01-05', provisional: true });
    expect(first.lastWorkingDateText).toBeUndefined();

    await h.ok('workbench', 'setCalendarDay', { date: '2027-01-05', kind: 'holiday', name: '停电检修' }, DEMO.admin);
    const moved = itemIn(await sectioned(DEMO.head), plDec)!;
    expect(moved.lastWorkingDateText).toBe('到期日不上班，请在2027年1月4日（星期一）前完成');

    const revoked = await h.ok('workbench', 'revokeCalendarOverride', { id: 'day:2027-01-05' }, DEMO.admin);
    expect(revoked).toMatchObject({ revoked: true, version: 2 });
    expect(revoked.history[0]).toMatchObject({ change: '撤销' });
    expect(itemIn(await sectioned(DEMO.head), plDec)!.lastWorkingDateText).toBeUndefined();
    expect(await h.rt.store.get('calendarOverrides', 'day:2027-01-05')).toMatchObject({ revoked: true, kind: 'holiday' });
    expect(await h.call('workbench', 'revokeCalendarOverride', { id: 'day:2027-01-05' }, { as: DEMO.admin })).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_OVERRIDE_REVOKED' },
    });

    // Set again after a revocation: active once more, as a new version.
    expect(await h.ok('workbench', 'setCalendarDay', { date: '2027-01-05', kind: 'holiday', name: '停电检修' }, DEMO.admin)).toMatchObject({
      revoked: false,
      version: 3,
    });
  });

  it('imports a year and a day; an invalid import stores nothing and says why in Chinese', async () => {
    const year2027 = {
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-02', name: '元旦' },
        { date: '2027-01-03', name: '元旦' },
      ],
      workdays: [{ date: '2027-01-09', name: '元旦' }],
    };
    const before = await h.snapshot();
    const audits = await h.rt.store.count('audit');
    const bad = await h.call(
      'workbench',
      'importCalendar',
      { text: JSON.stringify([year2027, { date: '2027-02-30', kind: 'holiday' }, { date: '2027-03-01', kind: 'rest' }]) },
      { as: DEMO.admin },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'CALENDAR_IMPORT_INVALID', message: '导入的日历数据有2处错误，未保存任何内容' } });
    if (!bad.ok) expect(bad.error.details).toEqual(['第2项：日期无效，格式应为 YYYY-MM-DD', '第3项：类型应为 holiday（放假）或 workday（上班）']);
    const notJson = await h.call('workbench', 'importCalendar', { text: '[{"year": 2027,' }, { as: DEMO.admin });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'CALENDAR_IMPORT_INVALID' } });
    expect(await h.snapshot()).toEqual(before);
    expect(await h.rt.store.count('audit')).toBe(audits);

    const text = JSON.stringify([year2027, { date: '2027-01-04', kind: 'holiday', name: '元旦调休' }]);
    const ok = await h.ok('workbench', 'importCalendar', { text }, DEMO.gm);
    expect(ok.saved.map((s) => s.id)).toEqual(['year:2027', 'day:2027-01-04']);
    expect(ok.unchanged).toBe(0);
    expect(await h.ok('workbench', 'importCalendar', { text }, DEMO.gm)).toEqual({ saved: [], unchanged: 2 });

    const jan = await h.ok('workbench', 'calendarMonth', { month: '2027-01' }, DEMO.head);
    expect(jan).toMatchObject({ provisional: false, yearSource: 'admin' });
    expect(jan.notice).toBeUndefined();
    expect(jan.days.find((d) => d.date === '2027-01-01')).toMatchObject({ working: false, reason: 'holiday', name: '元旦' });
    expect(jan.days.find((d) => d.date === '2027-01-09')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(jan.days.find((d) => d.date === '2027-01-04')).toMatchObject({ working: false, overridden: true });
    // With 1–3 Jan off and 4 Jan off: Thu 31 Dec + 3 working days = Thu 7 Jan, and no longer provisional.
    expect(await preview()).toMatchObject({ dueDate: '2027-01-07', provisional: false });
    expect((await h.ok('workbench', 'calendarOverrides', {}, DEMO.admin)).map((o) => o.id).sort()).toEqual(['day:2027-01-04', 'year:2027']);
  });

  it('shows an unpublished year as provisional and validates a form like an import', async () => {
    const feb = await h.ok('workbench', 'calendarMonth', { month: '2027-02' }, DEMO.butler);
    expect(feb).toMatchObject({ provisional: true, yearSource: 'none', notice: '2027年官方放假安排尚未发布，按周末计算，结果为暂定' });
    expect(await h.ok('workbench', 'calendarMonth', { month: '2026-10' }, DEMO.head)).toMatchObject({ provisional: false, yearSource: 'shipped' });

    const before = await h.snapshot();
    const wrongYear = await h.call(
      'workbench',
      'setCalendarYear',
      { year: 2027, holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] },
      { as: DEMO.admin },
    );
    expect(wrongYear).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '放假日第1条：日期 2028-01-01 不在 2027 年内' } });
    expect(await h.call('workbench', 'setCalendarDay', { date: '2027-02-30', kind: 'holiday' }, { as: DEMO.admin })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'holiday' }, { as: DEMO.butler })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.snapshot()).toEqual(before);
  });
});
