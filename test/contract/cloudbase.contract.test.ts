/**
 * The storage contract against the production CloudBase adapter, on every run: the adapter talks
 * through the unmodified @cloudbase/node-sdk over HTTP to a local stand-in of CloudBase's database
 * endpoint (./cloudbase-standin/server.ts says what it emulates and what the SDK sends).
 *
 * With credentials the same contract also runs against a real CloudBase environment, e.g.
 *
 *   TCB_ENV=test-xxxx TCB_SECRET_ID=... TCB_SECRET_KEY=... npx jest --selectProjects functions -- test/contract
 *
 * Use a test environment: CloudBase has no delete in this app's port, so the probe records stay
 * (they live in `counters` under ids and a `run` tag no app query ever matches).
 */
import * as fs from 'fs';
import * as tcb from '@cloudbase/node-sdk';
import { AppError } from '@domain/errors';
import type { StoredRecord } from '@domain/model';
import { createCloudbaseApp } from '../../cloudfunctions/_shared/cloudbase';
import { createCloudbaseStorage, isDuplicateWrite, type CloudbaseDb } from '../../cloudfunctions/_shared/storage/cloudbase';
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { rawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';
import { CloudbaseStandin, DEFAULT_LIMIT, MAX_LIMIT } from './cloudbase-standin/server';
import { describePagingContract } from './paging.contract';
import { describeStorageContract } from './storage.contract';

const REQUIRED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;
const PROBE_COLLECTION: CollectionName = 'counters';
const SDK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string }).version;

export function missingCloudbaseEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return REQUIRED.filter((k) => (env[k] ?? '').trim() === '');
}

// ---- through the SDK to the stand-in ----------------------------------------------------------

const STANDIN_ENV = 'standin-1a2b3c';
const standin = new CloudbaseStandin({ env: STANDIN_ENV, collections: COLLECTIONS });
let serviceUrl = '';

describe('CloudBase through the SDK to the stand-in', () => {
  const outsideTencentCloud = process.env.TENCENTCLOUD;
  beforeAll(async () => {
    // Outside Tencent Cloud the SDK probes http://metadata.tencentyun.com before every request
    // (30 ms timeout, never cached on failure); where that name does not resolve quickly the DNS
    // lookups pile up and keep jest alive for minutes. TENCENTCLOUD=true is the SDK's own switch
    // that skips the probe; with serviceUrl set it changes nothing else about the requests.
    process.env.TENCENTCLOUD = 'true';
    serviceUrl = await standin.start();
  });
  afterAll(async () => {
    if (outsideTencentCloud === undefined) delete process.env.TENCENTCLOUD;
    else process.env.TENCENTCLOUD = outsideTencentCloud;
    await standin.stop();
  });

  /** The SDK as production configures it, except for where it sends requests. */
  const standinDb = (): ReturnType<ReturnType<typeof tcb.init>['database']> =>
    tcb.init({ env: STANDIN_ENV, secretId: 'standin-secret-id', secretKey: 'standin-secret-key', serviceUrl }).database();
  const standinStorage = (): Storage => createCloudbaseStorage(standinDb() as unknown as CloudbaseDb);

  describeStorageContract(`CloudBase adapter via @cloudbase/node-sdk ${SDK_VERSION} over HTTP to the local stand-in`, standinStorage);
  describePagingContract(`CloudBase adapter via @cloudbase/node-sdk ${SDK_VERSION} over HTTP to the local stand-in`, standinStorage);

  describe('CloudBase adapter on the stand-in: beyond the shared contract', () => {
    interface PersonLike extends StoredRecord {
      openid: string;
    }
    interface DeliveryLike extends StoredRecord {
      documentId: string;
      memberId: string;
    }
    const uid = (): string => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

    it('went over HTTP for every storage operation', () => {
      // Runs after the contract above: proves the suite did not pass without reaching the endpoint.
      expect(standin.served['database.insertDocument']).toBeGreaterThan(2500);
      expect(standin.served['database.getDocument']).toBeGreaterThan(10);
      expect(standin.served['database.calculateDocument']).toBeGreaterThan(5);
      expect(standin.served['database.modifyDocument']).toBeGreaterThan(20);
    });

    it('turns a declared unique-index violation into AppError DUPLICATE', async () => {
      const store = rawStorage(standinStorage());
      const openid = uid();
      await store.insert<PersonLike>('people', { _id: uid(), openid });
      await expect(store.insert<PersonLike>('people', { _id: uid(), openid })).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect(await store.count('people', { openid })).toBe(1);
      // A compound key collides only on all of its fields.
      const documentId = uid();
      await store.insert<DeliveryLike>('deliveries', { _id: uid(), documentId, memberId: 'm1' });
      await store.insert<DeliveryLike>('deliveries', { _id: uid(), documentId, memberId: 'm2' });
      const third = store.insert<DeliveryLike>('deliveries', { _id: uid(), documentId, memberId: 'm1' });
      await expect(third).rejects.toBeInstanceOf(AppError);
      await expect(third).rejects.toMatchObject({ code: 'DUPLICATE' });
    });

    it('sees the SDK error CloudBase sends for a duplicate: code DATABASE_DUPLICATE_WRITE and a requestId', async () => {
      const db = standinDb();
      const _id = uid();
      await db.collection('counters').add({ _id });
      const error = await db
        .collection('counters')
        .add({ _id })
        .then(
          () => null,
          (e: unknown) => e as { code?: string; requestId?: string },
        );
      expect(error).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE', requestId: expect.stringMatching(/\S/) });
      expect(isDuplicateWrite(error)).toBe(true);
    });

    it('refuses a where-update that would break a unique index, changing nothing', async () => {
      const db = standinDb();
      const [a, b] = [uid(), uid()];
      await db.collection('people').add({ _id: a, openid: a });
      await db.collection('people').add({ _id: b, openid: b });
      await expect(db.collection('people').where({ _id: b }).update({ openid: a })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
      expect((await db.collection('people').where({ _id: b }).get()).data).toMatchObject([{ openid: b }]);
    });

    it('answers an undeclared collection with DATABASE_COLLECTION_NOT_EXIST', async () => {
      const store = standinStorage();
      await expect(store.get('nosuch' as CollectionName, 'x')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    });

    it('keeps MongoDB semantics where a naive fake would not', async () => {
      const db = standinDb();
      const _ = db.command;
      const tag = uid();
      await db.collection('counters').add({ _id: `${tag}_num`, tag, v: 5 });
      await db.collection('counters').add({ _id: `${tag}_str`, tag, v: '5' });
      await db.collection('counters').add({ _id: `${tag}_null`, tag, v: null });
      await db.collection('counters').add({ _id: `${tag}_none`, tag });
      const idsOf = async (q: object): Promise<string[]> =>
        (
          (
            await db
              .collection('counters')
              .where({ tag, ...q })
              .orderBy('_id', 'asc')
              .get()
          ).data as Array<{ _id: string }>
        ).map((d) => d._id.slice(tag.length + 1));
      expect(await idsOf({ v: _.gt(1) })).toEqual(['num']); // comparisons stay within one type
      expect(await idsOf({ v: _.lt('9') })).toEqual(['str']);
      expect(await idsOf({ v: null })).toEqual(['none', 'null']); // null also matches a missing field
      expect(await idsOf({ v: _.neq(5) })).toEqual(['none', 'null', 'str']); // $ne matches a missing field
      expect(await idsOf({ v: _.exists(true) })).toEqual(['null', 'num', 'str']);
      // Mixed types sort by type: missing/null, then numbers, then strings.
      const sorted = (await db.collection('counters').where({ tag }).orderBy('v', 'desc').orderBy('_id', 'asc').get()).data as Array<{ _id: string }>;
      expect(sorted.map((d) => d._id.slice(tag.length + 1))).toEqual(['str', 'num', 'none', 'null']);
    });

    describe('read limits', () => {
      const tag = uid();
      beforeAll(async () => {
        const db = standinDb();
        for (let i = 0; i < 1100; i += 100) {
          await Promise.all(Array.from({ length: 100 }, (_, k) => db.collection('counters').add({ _id: `${tag}_${i + k}`, tag })));
        }
      }, 60_000);

      it(`returns ${DEFAULT_LIMIT} records without a limit and at most ${MAX_LIMIT} with one`, async () => {
        const db = standinDb();
        expect((await db.collection('counters').where({ tag }).get()).data).toHaveLength(DEFAULT_LIMIT);
        expect((await db.collection('counters').where({ tag }).limit(5000).get()).data).toHaveLength(MAX_LIMIT);
        expect((await db.collection('counters').where({ tag }).count()).total).toBe(1100);
      });

      it('caps a raw request that asks for more, as CloudBase does', async () => {
        const res = await fetch(`${serviceUrl}?env=${STANDIN_ENV}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'TC3-HMAC-SHA256 Credential=x' },
          body: JSON.stringify({
            action: 'database.getDocument',
            envName: STANDIN_ENV,
            collectionName: 'counters',
            query: JSON.stringify({ tag }),
            limit: 5000,
          }),
        });
        const body = (await res.json()) as { data: { list: string[] } };
        expect(body.data.list).toHaveLength(MAX_LIMIT);
      });

      it('refuses an unsigned request and one for another env', async () => {
        const post = async (headers: Record<string, string>, env: string): Promise<{ code?: string }> =>
          (await fetch(`${serviceUrl}?env=${env}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ action: 'database.calculateDocument', envName: env, collectionName: 'counters' }),
          }).then((r) => r.json())) as { code?: string };
        expect(await post({}, STANDIN_ENV)).toMatchObject({ code: 'STANDIN_UNSIGNED' });
        expect(await post({ authorization: 'TC3-HMAC-SHA256 Credential=x' }, 'other-env')).toMatchObject({ code: 'INVALID_ENV' });
        expect(await post({ authorization: 'TC3-HMAC-SHA256 Credential=x' }, STANDIN_ENV)).not.toHaveProperty('code');
      });
    });
  });
});

describe('isDuplicateWrite', () => {
  it("trusts CloudBase's code and MongoDB's marker, not the word 'duplicate'", () => {
    expect(isDuplicateWrite({ code: 'DATABASE_DUPLICATE_WRITE', message: 'anything' })).toBe(true);
    expect(isDuplicateWrite({ code: 11000 })).toBe(true);
    expect(isDuplicateWrite(new Error('E11000 duplicate key error collection: x index: _id_'))).toBe(true);
    expect(isDuplicateWrite(new Error('duplicate request suppressed'))).toBe(false);
    expect(isDuplicateWrite({ code: 'DATABASE_REQUEST_FAILED', message: 'timeout' })).toBe(false);
    expect(isDuplicateWrite('DATABASE_DUPLICATE_WRITE')).toBe(false);
  });
});

// ---- a real environment, with credentials ------------------------------------------------------

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
  describe('Storage contract: CloudBase (real environment)', () => {
    it('runs only with credentials; the stand-in suite above covers the adapter meanwhile', () => {
      console.log(`Real-CloudBase contract not run: set ${missing.join(', ')} to run it against a test environment`);
      expect(missingCloudbaseEnv({ TCB_ENV: 'e', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k' })).toEqual([]);
      expect(missingCloudbaseEnv({ TCB_ENV: 'e', TCB_SECRET_ID: ' ', TCB_SECRET_KEY: 'k' })).toEqual(['TCB_SECRET_ID']);
    });
  });
}
