import { classifySend, type NudgeOutcome } from '@domain/alerts/delivery';
import { templateData } from '@domain/alerts/templates';
import type { EpochMs } from '@domain/model';
import { afterCommit } from './ops/buffered-store';
import type { Runtime } from './runtime';
import type { Alert, StoredAlert } from './storage/server-records';
import { templateIdOf } from './template-ids';

export type { Alert, StoredAlert };

/**
 * Delivers an alert once: always into the message centre (the inbox record, the primary channel),
 * and as a WeChat subscribe message when the person has a one-time consent left for that template.
 * Returns false when the alert had already been raised (deterministic keys: sweeps can run twice).
 */
export async function raiseAlert(rt: Runtime, now: EpochMs, alert: Alert): Promise<boolean> {
  const { store } = rt;
  const inserted = await store.insertIfAbsent('alerts', { ...alert, _id: alert.key, createdAt: now, channel: 'inbox' });
  if (!inserted) return false;
  await store.insertIfAbsent('inbox', {
    _id: `inbox:${alert.key}`,
    personId: alert.personId,
    communityId: alert.communityId,
    title: alert.title,
    body: alert.body,
    link: alert.link,
    createdAt: now,
    alertKey: alert.key,
  });
  // The WeChat nudge goes out only once the alert is stored for good (after the operation commits).
  await afterCommit(rt, async (real) => {
    await sendNudge(real, now, alert);
  });
  return true;
}

/**
 * Takes one consent, sends, and settles the consent by WeChat's answer: kept spent on success and
 * on no answer (at most once: never retried), reset on 43101, given back when WeChat refused the
 * request itself. The alert record keeps the outcome.
 */
export async function sendNudge(rt: Runtime, now: EpochMs, alert: Alert): Promise<NudgeOutcome> {
  const { store } = rt;
  // Without a sender (local runs) there is no nudge to record: the alert stays as raised, in the message centre.
  if (!rt.wechat) return 'unavailable';
  const outcome = await trySend(rt, alert);
  const stored = await store.get('alerts', alert.key);
  if (stored && !stored.nudge) {
    await store.update('alerts', stored._id, stored.version, {
      channel: outcome.outcome === 'sent' ? 'subscribe_message' : 'inbox',
      nudge: { outcome: outcome.outcome, at: now, ...(outcome.errcode !== undefined ? { errcode: outcome.errcode } : {}) },
    });
  }
  return outcome.outcome;
}

async function trySend(rt: Runtime, alert: Alert): Promise<{ outcome: NudgeOutcome; errcode?: number }> {
  const { store } = rt;
  if (!rt.wechat) return { outcome: 'unavailable' };
  const id = `sub:${alert.personId}:${alert.templateKey}`;
  const templateId = await templateIdOf(store, alert.templateKey);
  const person = await store.get('people', alert.personId);
  if (!templateId || !person?.openid) return { outcome: 'not_configured' };

  const left = await takeConsent(rt, id);
  if (left === null) return { outcome: 'no_consent' };
  const data = templateData(alert.templateKey, alert.templateValues);
  const message = { touser: person.openid, templateId, page: alert.link?.replace(/^\//, ''), data };
  let result;
  try {
    result = await rt.wechat.send(message);
  } catch (e) {
    result = { ok: false as const, network: e instanceof Error ? e.message : String(e) };
  }
  const { outcome, consent } = classifySend(result);
  const errcode = !result.ok && 'errcode' in result ? result.errcode : undefined;
  if (consent === 'reset') {
    // WeChat holds no consent: drop what we counted, but keep any consent given since we took ours.
    if (left > 0) await store.increment('subscriptions', id, { remaining: -left }, { updatedAt: rt.clock.now() });
  } else if (consent === 'returned') {
    await store.increment('subscriptions', id, { remaining: 1 }, { updatedAt: rt.clock.now() });
  }
  if (!result.ok) {
    // Logged with the template and the payload, so a wrong field or page can be fixed from the log.
    console.error('[alerts] subscribe message not delivered', JSON.stringify({ outcome, result, templateKey: alert.templateKey, key: alert.key, message }));
  }
  return { outcome, errcode };
}

/** Takes one consent by compare-and-set; returns how many are left after it, or null when none was. */
async function takeConsent(rt: Runtime, id: string): Promise<number | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const quota = await rt.store.get('subscriptions', id);
    if (!quota || quota.remaining <= 0) return null;
    if (await rt.store.update('subscriptions', id, quota.version, { remaining: quota.remaining - 1, updatedAt: rt.clock.now() })) return quota.remaining - 1;
  }
  return null;
}
