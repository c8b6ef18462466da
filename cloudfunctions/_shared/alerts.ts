import type { EpochMs } from '@domain/model';
import { afterCommit } from './ops/buffered-store';
import type { Runtime } from './runtime';
import type { Alert, StoredAlert } from './storage/server-records';

export type { Alert, StoredAlert };

/**
 * Delivers an alert once: always into the in-app inbox (the record), and as a WeChat subscribe
 * message when the person has a one-time consent left for that template, which the send spends.
 * Returns false when the alert had already been raised.
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
  await afterCommit(rt, (real) => sendNudge(real, now, alert));
  return true;
}

/** Spends one consent and sends the subscribe message; at most once (a failed send is not retried). */
async function sendNudge(rt: Runtime, now: EpochMs, alert: Alert): Promise<void> {
  const { store } = rt;
  if (!rt.sendSubscribeMessage) return;
  const [quota] = await store.find('subscriptions', { personId: alert.personId, templateKey: alert.templateKey }, { limit: 1 });
  if (!quota || quota.remaining <= 0) return;
  const spent = await store.update('subscriptions', quota._id, quota.version, { remaining: quota.remaining - 1, updatedAt: now });
  if (spent && (await rt.sendSubscribeMessage(alert))) {
    const stored = await store.get('alerts', alert.key);
    if (stored) await store.update('alerts', stored._id, stored.version, { channel: 'subscribe_message' });
  }
}
