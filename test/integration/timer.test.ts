/**
 * Sweeps run only when the platform timer starts them (issue 9): a timer-shaped body proves nothing,
 * since any caller can send `{"Type":"Timer"}`. Client-callable functions refuse it outright; the
 * timer function checks the invocation context the platform fills, not the body.
 */
import { FUNCTION_NAMES } from '@domain/api';
import { createCloudbaseRuntime } from '../../cloudfunctions/_shared/cloudbase';
import { handle as timer } from '../../cloudfunctions/timer';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

const TIMER_EVENT = { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-20T02:00:00Z' };

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-12-01T09:00:00+08:00' });
});

describe('client-callable functions refuse a timer body', () => {
  it('a forged {"Type":"Timer"} to alerts is refused with TIMER_ONLY and runs nothing', async () => {
    const before = await h.snapshot();
    for (const as of [undefined, DEMO.owner, DEMO.head]) {
      const env = await h.raw('alerts', TIMER_EVENT, { as });
      expect(env).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY', message: expect.stringMatching(/定时/) } });
    }
    // The bare shape from the finding, as a cross-site text/plain body would arrive.
    expect(await h.raw('alerts', JSON.parse('{"Type":"Timer"}'))).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it.each(FUNCTION_NAMES)('%s refuses a timer body with TIMER_ONLY', async (fn) => {
    expect(await h.raw(fn, TIMER_EVENT, { as: DEMO.head })).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY' } });
  });

  it('the on-demand sweep stays a permission-checked staff action', async () => {
    expect(await h.call('alerts', 'sweep', {}, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('alerts', 'sweep', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await h.ok('alerts', 'sweep', {}, DEMO.head)).toMatchObject({ alertsCreated: expect.any(Number) });
  });
});

describe('the timer function', () => {
  it.each([
    ['no context', undefined],
    ['an empty context', {}],
    ['a signed-in caller', { devOpenid: 'dev-openid-p_head' }],
    ['a caller claiming the timer flag as well', { devTimer: true, devOpenid: 'dev-openid-p_head' }],
    ['a string flag', { devTimer: 'true' }],
  ])('refuses a timer body from %s and stores nothing', async (_label, context) => {
    const before = await h.snapshot();
    expect(await timer(h.rt, TIMER_EVENT, context)).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a client action even from a timer context: it has none', async () => {
    expect(await timer(h.rt, { action: 'sweep', payload: {} }, { devTimer: true })).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY' } });
  });

  it('runs every sweep when the platform timer fires, and a second run changes nothing', async () => {
    // The October P&L statement is due on 5 November; on the 6th it is overdue, so the sweep must alert.
    h.setNow('2026-11-03T09:00:00+08:00');
    await h.ok('workbench', 'generate', {}, DEMO.head);
    h.setNow('2026-11-06T09:00:00+08:00');
    const before = await h.snapshot();
    const first = await h.timer();
    expect(first).toMatchObject({ ok: true, data: { alertsCreated: expect.any(Number), escalated: expect.any(Number) } });
    expect((first as { data: { alertsCreated: number } }).data.alertsCreated).toBeGreaterThan(0);
    expect(await h.snapshot()).not.toEqual(before);
    expect(await h.timer()).toMatchObject({ ok: true, data: { alertsCreated: 0, escalated: 0 } });
  });
});

describe('the CloudBase runtime reads the timer from the invocation context', () => {
  const saved = { TRIGGER_SRC: process.env.TRIGGER_SRC, WX_OPENID: process.env.WX_OPENID };
  beforeAll(() => {
    delete process.env.TRIGGER_SRC;
    delete process.env.WX_OPENID;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  });
  const rt = createCloudbaseRuntime();
  const ctx = (environment: Record<string, string>) => ({ request_id: 'r1', function_name: 'timer', environment: JSON.stringify(environment) });

  it('accepts TRIGGER_SRC=timer without a user', () => {
    expect(rt.fromTimer(ctx({ TRIGGER_SRC: 'timer' }))).toBe(true);
  });

  it.each([
    ['a mini-program call', ctx({ TRIGGER_SRC: 'wx_client', WX_OPENID: 'o-abc' })],
    ['a timer source that also carries a user', ctx({ TRIGGER_SRC: 'timer', WX_OPENID: 'o-abc' })],
    ['no trigger source', ctx({})],
    ['an empty context', {}],
    ['no context', undefined],
    ['a forged event passed as context', TIMER_EVENT],
  ])('refuses %s', (_label, context) => {
    expect(rt.fromTimer(context)).toBe(false);
  });
});
