import { FUNCTION_NAMES } from '@domain/api';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * Input that looks right but is not: days that do not exist, years outside what the product computes,
 * and names every object inherits. Each is refused at the contract, before any handler runs.
 */
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const codeOf = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'ok' : env.error!.code);

/** Posts a raw event and checks the code and that no record was written. */
async function refused(fn: string, action: string, payload: unknown, as: string | undefined, code: string): Promise<void> {
  const before = await h.snapshot();
  const env = await h.raw(fn, { action, payload }, { as });
  expect({ fn, action, payload, code: codeOf(env) }).toEqual({ fn, action, payload, code });
  expect(await h.snapshot()).toEqual(before);
}

describe('impossible and out-of-range dates', () => {
  const filing = { kind: 'filing', category: 'building_fund_repair', title: '外墙维修', body: '……' };

  it.each(['2026-11-31', '2026-02-30', '2027-02-29', '9999-12-31', '2026-1-1', ' 2026-12-01'])(
    'a filing planned to start on %p is refused, not saved without its 15-day rule',
    async (plannedStart) => {
      await refused('filings', 'saveDraft', { ...filing, plannedStart }, DEMO.head, 'INVALID_INPUT');
      await refused('filings', 'previewDue', { kind: 'filing', plannedStart }, DEMO.head, 'INVALID_INPUT');
    },
  );

  it('says which field and why, in Chinese', async () => {
    const res = await h.raw('filings', { action: 'saveDraft', payload: { ...filing, plannedStart: '2026-11-31' } }, { as: DEMO.head });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '日期不存在，请检查月份和日', details: [{ path: 'plannedStart' }] } });
  });

  it('a real leap day is still accepted and keeps its deadline', async () => {
    const preview = await h.ok('filings', 'previewDue', { kind: 'filing', plannedStart: '2028-02-29' }, DEMO.head);
    expect(preview.deadline).not.toBeNull();
  });

  it.each([
    ['inquiries', 'stats', { month: '9999-12' }, DEMO.head],
    ['inquiries', 'stats', { month: '0000-01' }, DEMO.gm],
    ['workbench', 'calendarMonth', { month: '9999-12' }, DEMO.head],
    ['fees', 'arrears', { month: '9999-12' }, DEMO.head],
    ['workbench', 'setCalendarDay', { date: '2026-02-30', kind: 'holiday' }, DEMO.admin],
    ['workbench', 'calendarPreview', { rule: 'notification', day: '2026-11-31' }, DEMO.admin],
    ['workbench', 'setCalendarYear', { year: 9999, holidays: [], workdays: [] }, DEMO.admin],
    ['filings', 'archiveSearch', { from: '2026-02-30' }, DEMO.head],
  ])('%s.%s %j → INVALID_INPUT', async (fn, action, payload, as) => {
    await refused(fn, action, payload, as, 'INVALID_INPUT');
  });

  it('a stats month inside the range still answers', async () => {
    expect((await h.ok('inquiries', 'stats', { month: '2026-11' }, DEMO.head)).communityName).toBeTruthy();
  });
});

describe('inherited names as choices', () => {
  it.each(INHERITED)('category %s → INVALID_INPUT on every action that takes one', async (category) => {
    await refused('filings', 'saveDraft', { kind: 'notification', category, title: '测试', body: 'x', eventDate: '2026-11-20' }, DEMO.head, 'INVALID_INPUT');
    await refused('filings', 'previewDue', { kind: 'filing', category }, DEMO.head, 'INVALID_INPUT');
    await refused('filings', 'archiveSearch', { category }, DEMO.head, 'INVALID_INPUT');
  });

  it.each(INHERITED)('kind, channel and template %s → INVALID_INPUT', async (name) => {
    await refused('filings', 'saveDraft', { kind: name, title: '测试', body: 'x' }, DEMO.head, 'INVALID_INPUT');
    await refused('inquiries', 'ask', { channel: 'owner', kind: name, text: '电梯坏了' }, DEMO.owner, 'INVALID_INPUT');
    await refused('inquiries', 'ask', { channel: name, kind: 'consult', text: '电梯坏了' }, DEMO.owner, 'INVALID_INPUT');
    await refused('fees', 'recordReminder', { billId: 'x', channel: name, outcome: '已电话' }, DEMO.butler, 'INVALID_INPUT');
    await refused('alerts', 'consent', { templateKey: name, accepted: true }, DEMO.owner, 'INVALID_INPUT');
  });

  it('a category of another kind is refused when saved', async () => {
    await refused('filings', 'saveDraft', { kind: 'filing', category: 'owner_penalty', title: '测试', body: 'x' }, DEMO.head, 'INVALID_INPUT');
  });
});

describe('inherited names as actions', () => {
  const cases = FUNCTION_NAMES.flatMap((fn) => INHERITED.map((action) => [fn, action] as const));

  it.each(cases)('%s.%s → UNKNOWN_ACTION, signed in or not', async (fn, action) => {
    for (const as of [DEMO.head, DEMO.owner, undefined]) {
      const env = await h.raw(fn, { action, payload: {} }, { as });
      expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION', message: `不支持的操作：${fn}.${action}` } });
    }
  });
});
