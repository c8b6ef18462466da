import type { DocumentView } from '@domain/api/filings';
import { digestCode } from '@domain/anchor';
import { entryHash, type ArchiveEntry } from '@domain/archive';
import type { StoredRecord } from '@domain/model';
import { deliveryId } from '@domain/signoff';
import { COLLECTION_NAMES, type CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { rawStorage } from '../../cloudfunctions/_shared/storage/port';
import { sha256 } from '../../cloudfunctions/filings/archive';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { routeUrl, ROUTES } from '@domain/routes';

/**
 * Tamper evidence against whoever runs the database: each case below is something an operator can do
 * with direct access (no app action), and what verification or the approval record then shows.
 */
const MEMBERS = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];
const C = 'c_demo';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

async function sendNotification(title = '小区东门改造期间临时封闭'): Promise<DocumentView> {
  const draft = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title, body: '东门将于下周一起封闭施工，请从南门出入。', eventDate: '2026-11-19' },
    DEMO.head,
  );
  return h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
}

const dlv = (doc: { documentId: string }, member: string) => deliveryId(doc.documentId, member);
const chainOf = () => h.rt.store.find('archive', { communityId: C }, { sort: [['seq', 1]] });
/** The hourly sweep, counting only the anchor alerts (other sweeps, e.g. the quarter's meeting duty, alert too). */
const sweep = async () => {
  const before = await anchorAlerts();
  await h.ok('alerts', 'sweep', {}, DEMO.head);
  return { alertsCreated: (await anchorAlerts()) - before };
};
const anchorAlerts = async () => (await h.rt.store.find('alerts', {})).filter((a) => a.key.startsWith('archive-anchor:')).length;

/** The port has no delete, so deleting is what an operator does underneath: the store rebuilt without those rows. */
async function operatorDeletes(drop: (collection: CollectionName, record: StoredRecord & Record<string, unknown>) => boolean): Promise<void> {
  const rebuilt = createNedbStorage();
  for (const c of COLLECTION_NAMES) {
    for (const r of await rawStorage(h.rt.store).find<StoredRecord & Record<string, unknown>>(c, {})) if (!drop(c, r)) await rawStorage(rebuilt).insert(c, r);
  }
  Object.assign(h.rt.store, rebuilt);
}

/** Edits entry `seq` and recomputes its hash and every later link and hash: a chain that walks clean. */
async function operatorReseals(seq: number, patch: Partial<ArchiveEntry>): Promise<void> {
  let prevHash: string | null = null;
  for (const e of await chainOf()) {
    if (e.seq < seq) continue;
    const body = { ...e, ...(e.seq === seq ? patch : {}), prevHash: prevHash ?? e.prevHash };
    const hash = entryHash(body, sha256);
    const { _id, version, ...fields } = body;
    expect(await h.rt.store.update('archive', _id, version, { ...fields, hash })).toBe(true);
    prevHash = hash;
  }
}

/** The anchor a member kept, read back from the message they were sent (title carries count and code). */
async function heldAnchorOf(member: string): Promise<{ seq: number; digest: string }> {
  const [msg] = await h.rt.store.find(
    'inbox',
    { personId: member, alertKey: { $gt: 'archive-anchor:', $lt: 'archive-anchor;' } },
    { sort: [['createdAt', -1]], limit: 1 },
  );
  const m = /共 (\d+) 条，简码 ([0-9a-f-]{19})/.exec(msg!.title);
  return { seq: Number(m![1]), digest: m![2]! };
}

describe('the monthly anchor', () => {
  it('is taken once per community and month and sent once to every committee member, in the subscribe-message form too', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    const chain = await chainOf();
    expect(chain).toHaveLength(7); // the version, 5 deliveries, 1 signature

    const first = await sweep();
    const second = await sweep();
    expect(first.alertsCreated).toBe(MEMBERS.length);
    expect(second.alertsCreated).toBe(0);
    const anchors = await h.rt.store.find('archiveAnchors', {});
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({
      _id: 'anchor_c_demo_2026-11',
      month: '2026-11',
      seq: 7,
      hash: chain[6]!.hash,
      code: digestCode(chain[6]!.hash),
      notifiedAt: h.now(),
    });
    for (const m of MEMBERS) {
      const alerts = await h.rt.store.find('alerts', { personId: m, key: `archive-anchor:c_demo:2026-11:${m}` });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.templateValues).toMatchObject({ thing1: '档案存证·共7条', thing4: anchors[0]!.code });
      expect(alerts[0]!.body).toContain(chain[6]!.hash);
      expect(alerts[0]!.link).toBe(routeUrl(ROUTES.staff.archive, { seq: 7, digest: anchors[0]!.code }));
      expect(await h.rt.store.count('inbox', { personId: m, alertKey: alerts[0]!.key })).toBe(1);
    }
    // Staff are not sent it: the point is a copy in the committee's hands.
    expect(await h.rt.store.count('alerts', { personId: DEMO.head, key: { $gt: 'archive-anchor:', $lt: 'archive-anchor;' } })).toBe(0);

    const view = await h.ok('filings', 'archiveAnchors', {}, DEMO.member);
    expect(view).toMatchObject({
      communityName: '阳光花园',
      current: { seq: 7, hash: chain[6]!.hash },
      anchors: [{ month: '2026-11', seq: 7, code: anchors[0]!.code }],
    });

    // Next month: a new anchor, a new message; the old one stays.
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.member) }, DEMO.member);
    h.setNow('2026-12-01T01:00:00+08:00');
    expect((await sweep()).alertsCreated).toBeGreaterThanOrEqual(MEMBERS.length);
    expect((await h.rt.store.find('archiveAnchors', {}, { sort: [['month', 1]] })).map((a) => [a.month, a.seq])).toEqual([
      ['2026-11', 7],
      ['2026-12', 8],
    ]);
  });

  it('a community with nothing archived gets no anchor and sends nothing', async () => {
    expect((await sweep()).alertsCreated).toBe(0);
    expect(await h.rt.store.count('archiveAnchors', {})).toBe(0);
  });
});

describe('tampering by whoever runs the database', () => {
  it('deleting the newest entries is reported against the latest anchor, and against a member’s newer head', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    await sweep(); // anchor at 7 entries
    h.advance(3_600_000);
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.member) }, DEMO.member);
    // A member checks and writes down the head as it stands now (8 entries).
    const before = await h.ok('filings', 'verifyArchive', {}, DEMO.member);
    expect(before).toMatchObject({ ok: true, checked: 8, head: { seq: 8 }, anchors: [{ source: 'monthly', seq: 7, result: 'match' }] });
    const noted = { seq: before.head!.seq, digest: before.head!.code };

    // The operator deletes the two newest entries: the remaining chain is a valid chain of 6.
    await operatorDeletes((c, r) => c === 'archive' && r.communityId === C && (r.seq as number) > 6);
    const after = await h.ok('filings', 'verifyArchive', { anchor: noted }, DEMO.member);
    expect(after).toMatchObject({ ok: false, checked: 6, head: { seq: 6 } });
    expect(after.broken).toBeUndefined();
    expect(after.anchors).toEqual([
      expect.objectContaining({ source: 'held', seq: 8, result: 'deleted', text: expect.stringContaining('最新的 2 条记录被删除') }),
      expect.objectContaining({ source: 'monthly', month: '2026-11', seq: 7, result: 'deleted', text: expect.stringContaining('最新的 1 条记录被删除') }),
    ]);
  });

  it('an edit with every later hash recomputed (and the stored anchor rewritten) passes alone, fails against the anchor a member holds', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    await sweep();
    const held = await heldAnchorOf(DEMO.viceChair);
    expect(held.seq).toBe(7);
    expect(await h.ok('filings', 'verifyArchive', { anchor: held }, DEMO.viceChair)).toMatchObject({
      ok: true,
      anchors: [
        { source: 'held', result: 'match' },
        { source: 'monthly', result: 'match' },
      ],
    });

    // Entry 7 is the chair's signature: the operator turns it into a refusal and re-seals the chain.
    const [signed] = await h.rt.store.find('archive', { communityId: C, seq: 7 });
    expect(signed!.payload.type).toBe('signed');
    await operatorReseals(7, { text: '王伟 记录拒签：拒绝签收', payload: { ...signed!.payload, type: 'refusal_recorded', text: '拒绝签收' } });
    // With our database rewritten throughout, the anchor we stored is rewritten too.
    const [stored] = await h.rt.store.find('archiveAnchors', {});
    const [forged] = await h.rt.store.find('archive', { communityId: C, seq: 7 });
    await h.rt.store.update('archiveAnchors', stored!._id, stored!.version, { hash: forged!.hash, code: digestCode(forged!.hash) });

    // What verify cannot see on its own: the chain and our own anchor are consistent again.
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.head)).toMatchObject({ ok: true, anchors: [{ source: 'monthly', result: 'match' }] });
    // What the member's copy shows: the 7th entry is not the one they were sent. The code and the full hash both catch it.
    const checked = await h.ok('filings', 'verifyArchive', { anchor: held }, DEMO.viceChair);
    expect(checked).toMatchObject({
      ok: false,
      anchors: [
        { source: 'held', seq: 7, result: 'mismatch' },
        { source: 'monthly', result: 'match' },
      ],
    });
    const full = await h.ok('filings', 'verifyArchive', { anchor: { seq: 7, digest: signed!.hash } }, DEMO.viceChair);
    expect(full.anchors[0]).toMatchObject({ result: 'mismatch', text: expect.stringContaining('不符') });
  });

  it('a refusal written straight into a live delivery is flagged on the approval record and in its CSV', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    const id = dlv(doc, DEMO.member);
    const live = await h.rt.store.get('deliveries', id);
    expect(
      await h.rt.store.update('deliveries', id, live!.version, {
        signStatus: 'REFUSED',
        refusal: { reason: '委员拒绝签收', at: h.now(), recordedById: DEMO.butler, recordedByName: '陈晓东' },
      }),
    ).toBe(true);

    // The archive itself is untouched, so the chain verifies; the record is where the forgery shows.
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.head)).toMatchObject({ ok: true });
    const record = await h.ok('filings', 'record', { documentId: doc.documentId }, DEMO.chair);
    const row = record.rows.find((r) => r.memberId === DEMO.member)!;
    expect(row.stateLabel).toBe('拒签');
    expect(row.archiveDiffs).toEqual(['状态：现为「拒签」，存档为「待签收」', '拒签记录与存档不符']);
    expect(record.rows.filter((r) => r.memberId !== DEMO.member).every((r) => r.archiveDiffs?.length === 0)).toBe(true);
    expect(record.summary.archiveMismatches).toBe(1);
    const { csv } = await h.ok('filings', 'exportRecord', { documentId: doc.documentId }, DEMO.head);
    expect(csv).toContain('与存档不一致：状态：现为「拒签」，存档为「待签收」');
  });
});
