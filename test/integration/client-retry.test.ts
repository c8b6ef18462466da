/**
 * A dropped reply followed by the app's own retry stores one record: the H5 transport of
 * `src/api/client.ts` against the real functions, with the first reply lost after the server acted.
 */
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

interface Sent {
  url: string;
  header: Record<string, string>;
  data: { action: string; payload: unknown; requestId: string };
}
const sent: Sent[] = [];
let server: (req: Sent) => Promise<{ statusCode: number; data: unknown }>;

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => (key === 'wy.devToken' ? 'dev-openid-p_owner_02' : ''),
    request: (req: Sent) => {
      sent.push(req);
      return server(req);
    },
  },
}));

// Imported after the mock is declared (jest hoists jest.mock above the imports anyway).
import { call } from '@/api/client';

let h: Harness;
beforeEach(async () => {
  sent.length = 0;
  h = await createHarness();
});

const handle = (req: Sent) => h.raw(req.url.replace('/api/', ''), req.data, { openid: req.header['x-dev-openid'] });

it('the reply of the first attempt is lost after the server stored the inquiry; the retry gets it, nothing twice', async () => {
  expect(devOpenid(DEMO.owner)).toBe('dev-openid-p_owner_02');
  let attempts = 0;
  server = async (req) => {
    const envelope = await handle(req);
    if (attempts++ === 0) throw new Error('request:fail timeout'); // the server acted; the phone never heard
    return { statusCode: 200, data: envelope };
  };
  const asked = await call('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '2单元楼道灯不亮' });
  expect(sent).toHaveLength(2);
  expect(sent[1]!.data.requestId).toBe(sent[0]!.data.requestId);
  expect(sent[0]!.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(await h.rt.store.count('inquiries', { askerId: DEMO.owner })).toBe(1);
  expect(await h.rt.store.count('inquiryEvents', {})).toBe(1);
  expect((await h.rt.store.find('inquiries', { askerId: DEMO.owner }))[0]!._id).toBe(asked.inquiryId);
});

it('each user action gets its own request id', async () => {
  server = async (req) => ({ statusCode: 200, data: await handle(req) });
  await call('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '一' });
  await call('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '一' });
  expect(sent[0]!.data.requestId).not.toBe(sent[1]!.data.requestId);
  expect(await h.rt.store.count('inquiries', { askerId: DEMO.owner })).toBe(2);
});
