/**
 * The WeChat nudge of an alert, against a fake sender: what each answer does to the person's
 * one-time consents and to the alert's record, and that the hourly sweeps send each alert once.
 */
import { TEMPLATE_KEYS, templateDataProblems } from '@domain/alerts/templates';
import { raiseAlert, type Alert } from '../../cloudfunctions/_shared/alerts';
import { saveTemplateIds } from '../../cloudfunctions/_shared/template-ids';
import { createFakeWechat, wxError, type FakeWechat } from '../helpers/fake-wechat';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

let h: Harness;
let wx: FakeWechat;

beforeEach(async () => {
  wx = createFakeWechat();
  h = await createHarness({ wechat: wx });
  await saveTemplateIds(h.rt.store, Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, `tpl-${k}`])), h.now());
});

const consents = async (n: number, as: string = DEMO.member): Promise<void> => {
  for (let i = 0; i < n; i++) await h.ok('alerts', 'consent', { templateKey: 'deadline', accepted: true }, as);
};
const remaining = async (as: string = DEMO.member): Promise<number> => (await h.rt.store.get('subscriptions', `sub:${as}:deadline`))?.remaining ?? 0;
let seq = 0;
const alertFor = (personId: string = DEMO.member): Alert => ({
  key: `test-alert:${++seq}`,
  personId,
  communityId: null,
  title: '测试提醒',
  body: '测试',
  link: '/pages/todo/index',
  templateKey: 'deadline',
  templateValues: {
    thing1: '关于1栋电梯大修使用本体维修基金的申报材料',
    time2: Date.parse('2019-10-01T15:01:00+08:00'),
    phrase3: '即将到期',
    thing4: '请签收',
  },
});
const raise = async (personId?: string): Promise<Alert> => {
  const alert = alertFor(personId);
  expect(await raiseAlert(h.rt, h.now(), alert)).toBe(true);
  return alert;
};
const stored = (a: Alert) => h.rt.store.get('alerts', a.key);

describe('the WeChat nudge of an alert', () => {
  it('success: sends formatted data to the person, spends one consent, records the subscribe message as the channel', async () => {
    await consents(2);
    const a = await raise();
    expect(wx.sent).toHaveLength(1);
    const [msg] = wx.sent;
    expect(msg).toMatchObject({ touser: `dev-openid-${DEMO.member}`, templateId: 'tpl-deadline', page: 'pages/todo/index' });
    expect(msg!.data.time2!.value).toBe('2019年10月1日 15:01');
    expect(msg!.data.thing1!.value).toHaveLength(20);
    expect(templateDataProblems('deadline', msg!.data)).toEqual([]);
    expect(await remaining()).toBe(1);
    expect(await stored(a)).toMatchObject({ channel: 'subscribe_message', nudge: { outcome: 'sent' } });
  });

  it('43101: WeChat holds no consent, so the count is reset to 0 and the alert is in the message centre only', async () => {
    await consents(3);
    wx.answer(wxError(43101));
    const a = await raise();
    expect(await remaining()).toBe(0);
    expect(await stored(a)).toMatchObject({ channel: 'inbox', nudge: { outcome: 'refused', errcode: 43101 } });
    expect(await h.rt.store.get('inbox', `inbox:${a.key}`)).toMatchObject({ personId: DEMO.member });
  });

  it.each([47003, 41030, 40037])('%i: the request was refused, the consent is given back and the failure is logged', async (code) => {
    await consents(1);
    wx.answer(wxError(code));
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const a = await raise();
    expect(log).toHaveBeenCalledWith(
      '[alerts] subscribe message not delivered',
      expect.stringMatching(new RegExp(`"errcode":${code}.*"templateKey":"deadline".*"templateId":"tpl-deadline".*"data":`)),
    );
    log.mockRestore();
    expect(await remaining()).toBe(1);
    expect(await stored(a)).toMatchObject({ channel: 'inbox', nudge: { outcome: 'rejected', errcode: code } });
  });

  it('no answer (network): not retried, the consent counts as spent', async () => {
    await consents(2);
    wx.answer('throw');
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const a = await raise();
    log.mockRestore();
    expect(wx.sent).toHaveLength(1);
    expect(await remaining()).toBe(1);
    expect(await stored(a)).toMatchObject({ channel: 'inbox', nudge: { outcome: 'failed' } });
  });

  it('without a consent nothing is sent and the record says why', async () => {
    const a = await raise();
    expect(wx.sent).toHaveLength(0);
    expect(await stored(a)).toMatchObject({ channel: 'inbox', nudge: { outcome: 'no_consent' } });
  });

  it('raising the same alert twice sends it once', async () => {
    await consents(2);
    const a = alertFor();
    expect(await raiseAlert(h.rt, h.now(), a)).toBe(true);
    expect(await raiseAlert(h.rt, h.now(), a)).toBe(false);
    expect(wx.sent).toHaveLength(1);
    expect(await remaining()).toBe(1);
  });
});

describe('two concurrent sweeps', () => {
  it('send every alert once, each with data WeChat accepts', async () => {
    for (const p of Object.values(DEMO)) await consents(20, p);
    h.setNow('2026-11-03T09:00:00+08:00');
    await h.ok('workbench', 'generate', {}, DEMO.head);
    h.setNow('2026-12-08T09:00:00+08:00');
    const [a, b] = await Promise.all([h.timer(), h.timer()]);
    expect(a.ok && b.ok).toBe(true);
    const alerts = await h.rt.store.find('alerts', {});
    const nudged = alerts.filter((x) => x.channel === 'subscribe_message');
    expect(nudged.length).toBeGreaterThan(0);
    expect(wx.sent).toHaveLength(nudged.length);
    for (const m of wx.sent)
      expect(
        templateDataProblems(
          TEMPLATE_KEYS.find((k) => m.templateId === `tpl-${k}`)!,
          m.data,
        ),
      ).toEqual([]);
    expect(await h.timer()).toMatchObject({ ok: true, data: { alertsCreated: 0 } });
    expect(wx.sent).toHaveLength(nudged.length);
  });
});
