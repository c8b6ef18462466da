import { TEMPLATES, type TemplateKey } from '@domain/alerts/templates';
import type { StoredRecord } from '@domain/model';
import { updateWithRetry } from './guards';
import type { Storage } from './storage/port';

/**
 * Subscribe-message template ids are configuration of the environment, not of a build: they live in
 * one `settings` record, written by `scripts/init-cloudbase.ts` from WX_TEMPLATE_*. Redeploying the
 * functions (which replaces every function env variable with cloudbaserc.json's list) or building
 * on another machine cannot lose them. An env variable set on a function still wins, for a quick
 * override from the console until the next deploy.
 */
export const TEMPLATE_SETTINGS_ID = 'templates';

export interface TemplateSettings extends StoredRecord {
  ids: Partial<Record<TemplateKey, string>>;
  updatedAt: number;
}

export async function templateIdOf(store: Storage, key: TemplateKey, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const fromEnv = (env[TEMPLATES[key].envVar] ?? '').trim();
  if (fromEnv) return fromEnv;
  // One read per message sent: far cheaper than the WeChat call it precedes, and never stale.
  const settings = await store.get('settings', TEMPLATE_SETTINGS_ID);
  return settings?.ids[key]?.trim() || undefined;
}

/** Stores the ids given (unset keys keep their stored value); returns what is stored afterwards. */
export async function saveTemplateIds(store: Storage, ids: Partial<Record<TemplateKey, string>>, now: number): Promise<TemplateSettings['ids']> {
  const given = Object.fromEntries(
    Object.entries(ids)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, v!.trim()]),
  );
  await store.insertIfAbsent('settings', { _id: TEMPLATE_SETTINGS_ID, ids: {}, updatedAt: now });
  const saved = await updateWithRetry(store, 'settings', TEMPLATE_SETTINGS_ID, (cur) => ({ ids: { ...cur.ids, ...given }, updatedAt: now }));
  return saved.ids;
}

/** The ids present in an environment (WX_TEMPLATE_* by the names in TEMPLATES). */
export function templateIdsFromEnv(env: NodeJS.ProcessEnv): Partial<Record<TemplateKey, string>> {
  return Object.fromEntries(
    (Object.keys(TEMPLATES) as TemplateKey[]).map((k) => [k, (env[TEMPLATES[k].envVar] ?? '').trim()] as const).filter(([, v]) => v !== ''),
  );
}
