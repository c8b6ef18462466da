/**
 * The storage contract against a real CloudBase environment. It runs only when credentials are
 * given, e.g.
 *
 *   TCB_ENV=test-xxxx TCB_SECRET_ID=... TCB_SECRET_KEY=... npx jest --selectProjects functions -- test/contract
 *
 * Use a test environment: CloudBase has no delete in this app's port, so the probe records stay
 * (they live in `counters` under ids and a `run` tag no app query ever matches).
 */
import { createCloudbaseApp } from '../../cloudfunctions/_shared/cloudbase';
import { createCloudbaseStorage, type CloudbaseDb } from '../../cloudfunctions/_shared/storage/cloudbase';
import type { CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { describeStorageContract } from './storage.contract';

const REQUIRED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;
const PROBE_COLLECTION: CollectionName = 'counters';

export function missingCloudbaseEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return REQUIRED.filter((k) => (env[k] ?? '').trim() === '');
}

const missing = missingCloudbaseEnv();

if (missing.length === 0) {
  describeStorageContract(
    `CloudBase (${process.env.TCB_ENV})`,
    async () => {
      const app = createCloudbaseApp();
      const db = app.database();
      // A fresh test environment may not have the collection yet; creating an existing one fails harmlessly.
      await Promise.resolve(db.createCollection(PROBE_COLLECTION)).catch(() => undefined);
      return createCloudbaseStorage(db as unknown as CloudbaseDb);
    },
    { collection: PROBE_COLLECTION, timeoutMs: 30_000 },
  );
} else {
  describe('Storage contract: CloudBase', () => {
    beforeAll(() => {
      console.log('CloudBase contract suite skipped: set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run it against a real environment');
    });

    it('is skipped only because credentials are missing', () => {
      const unset = REQUIRED.filter((k) => !/\S/.test(process.env[k] ?? ''));
      expect(unset.length).toBeGreaterThan(0);
      expect(missing).toEqual(unset);
      // The detection itself, on a complete and an incomplete environment.
      expect(missingCloudbaseEnv({ TCB_ENV: 'e', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k' })).toEqual([]);
      expect(missingCloudbaseEnv({ TCB_ENV: 'e', TCB_SECRET_ID: ' ', TCB_SECRET_KEY: 'k' })).toEqual(['TCB_SECRET_ID']);
    });
  });
}
