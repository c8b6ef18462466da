/**
 * What happened to an alert's WeChat nudge. The in-app message centre always has the alert (it is
 * the primary channel: a property mini-program only gets one-time consents); the subscribe message
 * is sent only while the person has a consent left for its template.
 */
export type NudgeOutcome =
  /** WeChat accepted it: one consent spent. */
  | 'sent'
  /** No consent left for that template: nothing sent. */
  | 'no_consent'
  /** The environment has no id for the template, or the person no openid: nothing sent. */
  | 'not_configured'
  /** The runtime cannot send (local runs): nothing sent. */
  | 'unavailable'
  /** 43101: WeChat says the user has no consent (any more); our count is reset to 0. */
  | 'refused'
  /** 47003 / 41030 / 40037 and other WeChat refusals of the request itself: consent given back. */
  | 'rejected'
  /** No answer (network, timeout, platform error): not retried, the consent counts as spent. */
  | 'failed';

export const NUDGE_LABELS: Record<NudgeOutcome, string> = {
  sent: '已通过微信订阅消息提醒',
  no_consent: '仅站内消息：未开启微信提醒',
  not_configured: '仅站内消息：微信提醒未配置',
  unavailable: '仅站内消息',
  refused: '仅站内消息：微信提醒授权已用完',
  rejected: '仅站内消息：微信提醒发送失败',
  failed: '微信提醒结果未知（不重发）',
};

/** WeChat's errcode for a send refused because the user has no consent for that template. */
export const WX_NO_CONSENT = 43101;
/** Refusals of the request itself (bad data, bad page, bad template): the user's consent is untouched. */
export const WX_REQUEST_REFUSALS: readonly number[] = [47003, 41030, 40037];

/** What WeChat said to one send, as the sender reports it. */
export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string } | { ok: false; network: string };

/** How a send's result changes the person's count of consents (one was taken before sending). */
export type ConsentEffect = 'spent' | 'reset' | 'returned';

export function classifySend(result: SendResult): { outcome: NudgeOutcome; consent: ConsentEffect } {
  if (result.ok) return { outcome: 'sent', consent: 'spent' };
  if ('network' in result) return { outcome: 'failed', consent: 'spent' };
  if (result.errcode === WX_NO_CONSENT) return { outcome: 'refused', consent: 'reset' };
  // -1 is WeChat's "system busy": whether it sent is unknown, so like no answer it is not retried.
  if (result.errcode < 0) return { outcome: 'failed', consent: 'spent' };
  // Any other WeChat errcode refused the request before using the consent (documented for the three
  // in WX_REQUEST_REFUSALS; others such as 40003 bad openid behave alike): give it back.
  return { outcome: 'rejected', consent: 'returned' };
}
