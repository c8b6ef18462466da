/**
 * The invitation's mini-program code through wx-server-sdk's real cloud call (wxacode.getUnlimited),
 * bundled as deployed and run in a plain node, answered by the local stand-in of the endpoint.
 */
import { functionSpec } from '../../scripts/build-functions';
import { bundledWechat, WechatStandin } from './wechat-standin';

jest.setTimeout(120_000);

const standin = new WechatStandin();
const { runInNode } = bundledWechat(standin, 'wuye-minicode-');

const makeInNode = () =>
  runInNode(`require('./wechat.js').createMiniCodeMaker({ env: 'standin-env', secretId: 'sid', secretKey: 'skey' })
    ({ scene: 'ABCDEFGHJK', page: 'packages/admin/join/index', link: '/packages/admin/join/index?code=ABCDEFGHJK' })`) as Promise<{
    ok: boolean;
    kind?: string;
    dataUrl?: string;
    reason?: string;
  }>;

describe('wxacode.getUnlimited through wx-server-sdk, bundled', () => {
  it('goes out as the cloud call with the scene and the page, and the image comes back as a data URL', async () => {
    standin.calls = [];
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    standin.images.push({ bytes: png, contentType: 'image/png' });
    expect(await makeInNode()).toEqual({ ok: true, kind: 'wxacode', dataUrl: `data:image/png;base64,${png.toString('base64')}` });
    const [call] = standin.calls;
    expect(call!.fields).toMatchObject({ action: 'wx.openApi', apiName: 'wxacode.getUnlimited', envName: 'standin-env' });
    expect(call!.data).toEqual({ scene: 'ABCDEFGHJK', page: 'packages/admin/join/index', check_path: false, env_version: 'release', width: 430 });
  });

  it('a refusal (41030: the page is not released) is a reason, not an image', async () => {
    standin.answers.push({ errcode: 41030, errmsg: 'invalid page' });
    const r = await makeInNode();
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('41030');
  });

  it('the admin function is deployed with the cloud-call permission', () => {
    expect(functionSpec('admin').openapi).toContain('wxacode.getUnlimited');
  });
});
