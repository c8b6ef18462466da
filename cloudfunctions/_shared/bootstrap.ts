import { createHash, randomBytes } from 'crypto';
import type { EpochMs } from '@domain/model';
import { CODE_ALPHABET } from '@domain/onboarding';
import type { Storage } from './storage/port';

/**
 * Production starts empty: the first company administrator redeems a one-time code that the init
 * script (or `DEMO_SEED=0 npm start` locally) prints. Only its hash is stored; it dies once an
 * administrator exists, when it is redeemed, or after BOOTSTRAP_VALID_MS.
 */
export const BOOTSTRAP_ID = 'first-admin';
export const BOOTSTRAP_VALID_MS = 7 * 86_400_000;
export const hashCode = (code: string): string => createHash('sha256').update(code.trim().toUpperCase(), 'utf8').digest('hex');

export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Issues (or re-issues) the code while no administrator exists; null once one does. Written directly: a script, not a request. */
export async function issueBootstrapCode(store: Storage, now: EpochMs): Promise<string | null> {
  if ((await store.count('people', { admin: true })) > 0) return null;
  const existing = await store.get('bootstrap', BOOTSTRAP_ID);
  if (existing?.redeemedBy) return null;
  const code = randomCode(16);
  const fields = { codeHash: hashCode(code), issuedAt: now, expiresAt: now + BOOTSTRAP_VALID_MS };
  const ok = existing
    ? await store.update('bootstrap', BOOTSTRAP_ID, existing.version, fields)
    : await store.insertIfAbsent('bootstrap', { _id: BOOTSTRAP_ID, ...fields });
  return ok ? code : null;
}
