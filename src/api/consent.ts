import Taro from '@tarojs/taro';
import { TEMPLATES, type TemplateKey } from '@domain/alerts/templates';
import type { HomeArea } from '@domain/roles';
import { call, isWeapp } from './client';

/** WeChat shows at most three templates in one consent dialog. */
const MAX_PER_REQUEST = 3;

/** What each area is alerted about, for the 开启提醒 buttons (the message centre has everything anyway). */
export const CONSENT_BY_AREA: Record<HomeArea, TemplateKey[]> = {
  owner: ['answered', 'result', 'bill'],
  committee: ['deadline', 'answered', 'result'],
  staff: ['deadline'],
  visitor: ['result'],
  admin: ['deadline'],
};

/**
 * Asks for one-time subscribe-message consents and records each answer, so the server knows it may
 * send exactly one message of that template per accept. MUST be called straight from a tap handler,
 * before any await: WeChat refuses the dialog on page open or inside another dialog's callback.
 * Never throws: an alert without consent still reaches the message centre, the primary channel.
 */
export async function askConsent(...keys: TemplateKey[]): Promise<number> {
  const wanted = keys.slice(0, MAX_PER_REQUEST).flatMap((key) => {
    const id = WX_TEMPLATE_IDS[TEMPLATES[key].envVar];
    return id ? [{ key, id }] : [];
  });
  // H5 (the local run) has no subscribe messages, and a build without template ids cannot ask.
  if (!isWeapp || wanted.length === 0) return 0;
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: wanted.map((w) => w.id), entityIds: [] })) as unknown as Record<string, string>;
    const accepted = wanted.filter((w) => res[w.id] === 'accept');
    await Promise.all(wanted.map((w) => call('alerts', 'consent', { templateKey: w.key, accepted: res[w.id] === 'accept' })));
    return accepted.length;
  } catch {
    // The user closed the dialog or the client is too old: nothing to record.
    return 0;
  }
}

/** The words every 开启提醒 button shows under it: the message centre first, WeChat as the nudge. */
export const CONSENT_HINT = '所有提醒都会进入“消息”页；开启后，微信会额外推送一条订阅消息（每次授权只推送一条，用完可再次开启）。';
