/**
 * The real send, bundled the way a function is deployed and run in a plain node outside the repo:
 * wx-server-sdk's own HTTP call, answered by a local stand-in (./wechat-standin.ts), so the fake
 * sender of the other tests cannot hide a wrong route, a wrong body or a misread answer.
 */
import { bundledWechat, WechatStandin } from './wechat-standin';

jest.setTimeout(120_000);

const standin = new WechatStandin();
const { runInNode } = bundledWechat(standin, 'wuye-wechat-');

const MESSAGE = {
  touser: 'o-member-openid',
  templateId: 'tpl-deadline',
  page: 'packages/committee/document/index?id=d1',
  data: {
    thing1: { value: '2026年第三季度维修基金申报' },
    time2: { value: '2026年11月20日 10:00' },
    phrase3: { value: '即将到期' },
    thing4: { value: '请签收' },
  },
};

/** Runs one send in a fresh node, the platform pointing the SDK at the stand-in. */
const sendInNode = () =>
  runInNode(`require('./wechat.js').createWechatSender({ env: 'standin-env', secretId: 'sid', secretKey: 'skey' }).send(${JSON.stringify(MESSAGE)})`);

describe('subscribeMessage.send through wx-server-sdk, bundled', () => {
  it('goes out as the cloud call wx.openApi subscribeMessage.send with the documented body, and reads success', async () => {
    standin.calls = [];
    expect(await sendInNode()).toEqual({ ok: true });
    expect(standin.calls).toHaveLength(1);
    const [call] = standin.calls;
    expect(call!.url).toMatch(/\/admin\?env=standin-env&/);
    expect(call!.fields).toMatchObject({ action: 'wx.openApi', apiName: 'subscribeMessage.send', envName: 'standin-env' });
    expect(call!.apiType).toBe(0); // CommApiData.ApiType.OPEN_API
    expect(call!.data).toEqual({
      touser: MESSAGE.touser,
      template_id: MESSAGE.templateId,
      page: MESSAGE.page,
      data: MESSAGE.data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it.each([43101, 47003, 41030, 40037])('reads WeChat errcode %i from the answer', async (errcode) => {
    standin.answers.push({ errcode, errmsg: 'refused' });
    expect(await sendInNode()).toMatchObject({ ok: false, errcode });
  });

  it('a platform refusal is no answer from WeChat (counts as spent, never retried)', async () => {
    await standin.stop();
    const result = (await sendInNode()) as { ok: boolean; network?: string };
    expect(result.ok).toBe(false);
    expect(result.network).toBeDefined();
    await standin.start(); // running again for afterAll
  });
});
