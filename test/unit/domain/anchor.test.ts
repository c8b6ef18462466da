import { createHash } from 'crypto';
import { anchorFor, anchorId, checkAnchor, digestCode, digestMatches, judgeArchive, normalizeDigest } from '@domain/anchor';
import { chainEntry, entryHash, verifyChain, type ArchiveContent, type ArchiveEntry, type HashFn } from '@domain/archive';

const sha256: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const content = (i: number): ArchiveContent => ({
  type: 'delivery_event',
  communityId: 'c_demo',
  at: 1_790_000_000_000 + i,
  subject: { kind: 'deliveryEvent', id: `e_${i}` },
  documentId: 'doc_1',
  documentKind: 'notification',
  title: '东门封闭通报',
  text: `委员${i} 签收`,
  payload: { n: i },
});

function chain(n: number): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const prev = out[out.length - 1];
    out.push({ ...chainEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, content(i), sha256), version: 1 });
  }
  return out;
}

/** What an operator with database access does: edit entry `at` and recompute every later hash. */
function reseal(entries: ArchiveEntry[], at: number, text: string): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  for (const e of entries) {
    const prev = out[out.length - 1];
    const body = { ...e, text: e.seq === at ? text : e.text, prevHash: prev ? prev.hash : e.prevHash };
    out.push({ ...body, hash: entryHash(body, sha256) });
  }
  return out;
}

const hashes = (entries: ArchiveEntry[]) => new Map(entries.map((e) => [e.seq, e.hash]));
const head = (entries: ArchiveEntry[]) => ({ seq: entries[entries.length - 1]!.seq, hash: entries[entries.length - 1]!.hash });

describe('the monthly anchor', () => {
  it('records count, head hash and a 16-digit code in groups of four, one id per community and month', () => {
    const entries = chain(3);
    const a = anchorFor('c_demo', '2026-11', head(entries), 1_790_000_000_000);
    expect(a).toMatchObject({ _id: 'anchor_c_demo_2026-11', communityId: 'c_demo', month: '2026-11', seq: 3, hash: entries[2]!.hash });
    expect(a.code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(a.code.replace(/-/g, '')).toBe(entries[2]!.hash.slice(0, 16));
    expect(anchorId('c_demo', '2026-12')).not.toBe(a._id);
    expect(digestCode('0123456789abcdef' + 'f'.repeat(48))).toBe('0123-4567-89ab-cdef');
  });

  it('accepts a held digest as the full hash or the code, typed with any separators or case', () => {
    const hash = chain(1)[0]!.hash;
    const code = digestCode(hash);
    expect(normalizeDigest(code.toUpperCase().replace(/-/g, ' '))).toBe(hash.slice(0, 16));
    expect(normalizeDigest(hash)).toBe(hash);
    expect(digestMatches(code, hash)).toBe(true);
    expect(digestMatches(hash, hash)).toBe(true);
    expect(digestMatches(code.replace(/^./, code[0] === 'a' ? 'b' : 'a'), hash)).toBe(false);
    expect(normalizeDigest('1234-5678')).toBeNull(); // too short to mean anything
    expect(normalizeDigest('zzzz-5678-9abc-def0')).toBeNull(); // not hex
  });
});

describe('checking the chain against anchors', () => {
  it('an intact chain matches every anchor it ever had', () => {
    const entries = chain(6);
    const early = { seq: 3, digest: digestCode(entries[2]!.hash) };
    expect(checkAnchor(early, 6, entries[2]!.hash)).toMatchObject({ result: 'match' });
    const j = judgeArchive(verifyChain(entries, sha256), 6, [{ source: 'held', anchor: early }], hashes(entries));
    expect(j).toMatchObject({ ok: true, checked: 6, anchors: [{ source: 'held', seq: 3, result: 'match' }] });
  });

  it('a re-seal (edit + every later hash recomputed) passes the chain walk but not the anchor a member holds', () => {
    const entries = chain(6);
    const held = { seq: 5, digest: digestCode(entries[4]!.hash) };
    const forged = reseal(entries, 2, '委员2 拒签');
    const walk = verifyChain(forged, sha256);
    expect(walk).toMatchObject({ ok: true, checked: 6 }); // the walk alone cannot see it
    const j = judgeArchive(walk, 6, [{ source: 'held', anchor: held }], hashes(forged));
    expect(j.ok).toBe(false);
    expect(j.anchors[0]).toMatchObject({ result: 'mismatch', seq: 5, text: expect.stringContaining('不符') });
    // An anchor older than the edit still matches: it says the first entry is as it was.
    const before = judgeArchive(walk, 6, [{ source: 'held', anchor: { seq: 1, digest: entries[0]!.hash } }], hashes(forged));
    expect(before).toMatchObject({ ok: true, anchors: [{ result: 'match' }] });
  });

  it('deleting the newest entries leaves a chain shorter than an anchored count', () => {
    const entries = chain(6);
    const monthly = { source: 'monthly' as const, month: '2026-11', anchor: { seq: 6, digest: entries[5]!.hash } };
    const truncated = entries.slice(0, 4);
    const walk = verifyChain(truncated, sha256);
    expect(walk.ok).toBe(true); // a shorter chain is still a valid chain
    const j = judgeArchive(walk, 4, [monthly], hashes(truncated));
    expect(j).toMatchObject({
      ok: false,
      anchors: [{ source: 'monthly', month: '2026-11', seq: 6, result: 'deleted', text: expect.stringContaining('最新的 2 条记录被删除') }],
    });
  });

  it('a broken chain is reported with its first break, next to the anchor results', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, text: '改过' };
    const j = judgeArchive(verifyChain(entries, sha256), 4, [{ source: 'held', anchor: { seq: 4, digest: entries[3]!.hash } }], hashes(entries));
    expect(j).toMatchObject({ ok: false, checked: 1, broken: { at: 2, reason: 'hash_mismatch' }, anchors: [{ result: 'match' }] });
  });

  it('an entry missing at the anchored count (a gap) counts as deleted', () => {
    expect(checkAnchor({ seq: 3, digest: 'a'.repeat(16) }, 5, null)).toMatchObject({ result: 'deleted' });
  });
});
