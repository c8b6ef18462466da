import { chainEntry, type ArchiveEntry } from '@domain/archive';
import type { CommitteeDocument } from '@domain/documents';
import type { Inquiry } from '@domain/inquiry';
import { deliveryId, type Delivery } from '@domain/signoff';
import { localDateOf } from '@domain/time';
import { backfill } from '../../cloudfunctions/_shared/backfill';
import { SWEEP_BATCH } from '../../cloudfunctions/_shared/sweep';
import { rawStorage } from '../../cloudfunctions/_shared/storage/port';
import { readTail, sha256 } from '../../cloudfunctions/filings/archive';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * Records written before the stored next-action moments, search terms and delivery flags existed:
 * the sweeps, the todos and the archive search select by those fields, so without them an old
 * record is invisible. The hourly backfill fills them in with the write paths' own domain functions.
 */
const DAY = 86_400_000;
let h: Harness;

/** A copy of `record` under a new id, as a version before these fields would have stored it. */
function oldShaped<T extends object>(record: T, changes: Partial<T>, drop: string[]): T {
  const copy = { ...record, ...changes } as Record<string, unknown>;
  for (const f of ['version', ...drop]) delete copy[f];
  return copy as T;
}

async function seedOld(): Promise<void> {
  const raw = rawStorage(h.rt.store);
  const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '旧记录：北门路灯不亮' }, DEMO.owner);
  const inq = (await h.rt.store.get('inquiries', asked.inquiryId))!;
  await raw.insert('inquiries', oldShaped<Inquiry>(inq, { _id: 'old_inq', text: '旧记录：地库积水严重' }, ['nextActionAt', 'words']));

  const draft = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title: '旧通报', body: '旧内容', eventDate: localDateOf(h.now()) },
    DEMO.head,
  );
  await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
  const doc = (await h.rt.store.get('documents', draft.documentId))!;
  await raw.insert('documents', oldShaped<CommitteeDocument>(doc, { _id: 'old_doc', seriesId: 'old_doc' }, ['nextActionAt']));
  const [dlv] = await h.rt.store.find('deliveries', { documentId: doc._id, memberId: DEMO.member });
  await raw.insert(
    'deliveries',
    oldShaped<Delivery>(dlv!, { _id: deliveryId('old_doc', DEMO.member), documentId: 'old_doc' }, ['nextActionAt', 'awaitingMember', 'pending']),
  );

  const tail = await readTail(h.rt.store, 'c_demo');
  const entry = chainEntry(
    tail,
    {
      type: 'delivery_event',
      communityId: 'c_demo',
      at: h.now(),
      subject: { kind: 'delivery', id: 'old' },
      documentId: 'old_doc',
      documentKind: 'notification',
      title: '旧档案',
      text: '地库积水整改记录',
      payload: {},
    },
    sha256,
  ) as ArchiveEntry;
  await raw.insert('archive', oldShaped<ArchiveEntry>(entry, {}, ['words']));
}

beforeEach(async () => {
  h = await createHarness();
  await seedOld();
});

const toSign = async (): Promise<number> => (await h.ok('session', 'todos', {}, DEMO.member)).find((t) => t.key === 'filing-sign')?.count ?? 0;
const archiveHits = async (): Promise<number[]> => (await h.ok('filings', 'archiveSearch', { text: '地库积水' }, DEMO.head)).entries.map((e) => e.seq);

it('fills old records from the domain functions, so todos, search and sweeps find them; again, nothing changes', async () => {
  const signBefore = await toSign();
  expect(await archiveHits()).toEqual([]);
  expect((await h.rt.store.get('inquiries', 'old_inq'))!.nextActionAt).toBeUndefined();

  await h.timer();

  const inq = (await h.rt.store.get('inquiries', 'old_inq'))!;
  expect(inq.words).toContain('积水');
  expect(typeof inq.nextActionAt).toBe('number');
  expect(await h.rt.store.get('deliveries', deliveryId('old_doc', DEMO.member))).toMatchObject({ awaitingMember: true, pending: true });
  expect((await h.rt.store.get('documents', 'old_doc'))!.nextActionAt).toBeNull();
  expect(await toSign()).toBe(signBefore + 1);
  expect((await archiveHits()).length).toBe(1);

  // Idempotent: a second pass finds nothing left and changes no record.
  const before = await h.rt.store.get('inquiries', 'old_inq');
  expect(await backfill(h.rt, h.now())).toEqual({ filled: 0, more: false });
  expect(await h.rt.store.get('inquiries', 'old_inq')).toEqual(before);
  // That pass found every field filled and marked it so: later runs no longer look for missing ones.
  expect((await h.rt.store.find('backfills', {})).map((m) => m._id).sort()).toEqual(
    [
      'archive.words',
      'deliveries.nextActionAt',
      'documents.nextActionAt',
      'documents.words',
      'inquiries.nextActionAt',
      'inquiries.words',
      'obligations.nextActionAt',
    ].sort(),
  );

  // The inquiry sweep now meets the old inquiry when it falls overdue, as it meets a new one.
  h.advance(10 * DAY);
  await h.timer();
  const alerts = await h.rt.store.find('alerts', { personId: DEMO.head });
  expect(alerts.some((a) => a.key.startsWith('inq-overdue:old_inq:'))).toBe(true);
});

it("fills an old document's search terms and category, so the list's text and category filters find it", async () => {
  const raw = rawStorage(h.rt.store);
  const doc = (await h.rt.store.get('documents', 'old_doc'))!;
  await raw.insert(
    'documents',
    oldShaped<CommitteeDocument>(
      doc,
      { _id: 'older_doc', seriesId: 'older_doc', content: { ...doc.content, title: '旧通报：电梯更换', body: '三号楼电梯整体更换' } },
      ['nextActionAt', 'words', 'category'],
    ),
  );
  const found = async (filter: { text?: string; category?: 'major_change' }): Promise<string[]> =>
    (await h.ok('filings', 'list', filter, DEMO.head)).items.map((d) => d.documentId).filter((id) => id === 'older_doc');
  expect(await found({ text: '电梯更换' })).toEqual([]);
  expect(await found({ category: 'major_change' })).toEqual([]);

  await h.timer();

  expect(await h.rt.store.get('documents', 'older_doc')).toMatchObject({ category: 'major_change', nextActionAt: null });
  expect(await found({ text: '电梯更换' })).toEqual(['older_doc']);
  expect(await found({ category: 'major_change' })).toEqual(['older_doc']);
  expect(await found({ text: '电梯更换', category: 'major_change' })).toEqual(['older_doc']);
  expect(await backfill(h.rt, h.now())).toEqual({ filled: 0, more: false });
});

it('fills a document that has its next-action moment but no search terms (written between the two changes)', async () => {
  const raw = rawStorage(h.rt.store);
  const doc = (await h.rt.store.get('documents', 'old_doc'))!;
  await raw.insert('documents', oldShaped<CommitteeDocument>({ ...doc, nextActionAt: null }, { _id: 'mid_doc', seriesId: 'mid_doc' }, ['words', 'category']));
  expect(await backfill(h.rt, h.now())).toMatchObject({ more: false });
  expect(await h.rt.store.get('documents', 'mid_doc')).toMatchObject({ category: 'major_change', words: expect.arrayContaining(['通报']) });
});

it('stops after a batch and resumes where it stopped', async () => {
  const raw = rawStorage(h.rt.store);
  const inq = (await h.rt.store.get('inquiries', 'old_inq'))!;
  for (let i = 0; i < SWEEP_BATCH + 20; i++) await raw.insert('inquiries', oldShaped<Inquiry>(inq, { _id: `old_inq_${i}` }, ['nextActionAt', 'words']));
  const first = await backfill(h.rt, h.now());
  expect(first).toEqual({ filled: SWEEP_BATCH, more: true });
  const second = await backfill(h.rt, h.now());
  expect(second.more).toBe(false);
  expect(second.filled).toBeGreaterThanOrEqual(21);
  expect(await h.rt.store.count('inquiries', { nextActionAt: { $exists: false } })).toBe(0);
});
