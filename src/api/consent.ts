import Taro from '@tarojs/taro';
import { TEMPLATES, type TemplateKey } from '@domain/alerts/templates';
import { call, isWeapp } from './client';

/**
 * Asks for a one-time subscribe-message consent at a natural moment (after asking a question,
 * opening a bill, signing a document) and records the answer, so the server knows it may send
 * exactly one message of that template. Never throws: an alert without consent still reaches the
 * in-app inbox, so a refusal or an error here costs the user nothing.
 */
export async function askConsent(templateKey: TemplateKey): Promise<void> {
  const templateId = WX_TEMPLATE_IDS[TEMPLATES[templateKey].envVar];
  // H5 (the local run) has no subscribe messages, and a build without template ids cannot ask.
  if (!isWeapp || !templateId) return;
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as unknown as Record<string, string>;
    await call('alerts', 'consent', { templateKey, accepted: res[templateId] === 'accept' });
  } catch {
    // The user closed the dialog or the client is too old: nothing to record.
  }
}
