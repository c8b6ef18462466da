import fc from 'fast-check';
import {
  archiveId,
  canonicalJson,
  chainEntry,
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ArchiveContent,
  type ArchiveEntry,
  type HashFn,
} from '@domain/archive';

/** A toy hash, enough to show the chain logic works whatever the function (the server uses sha256). */
const toyHash: HashFn = (text) => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(64, '0');
};

const content = (i: number, communityId = 'c_demo'): ArchiveContent => ({
  type: i % 2 ? 'delivery_event' : 'document_version',
  communityId,
  at: 1_700_000_000_000 + i,
  subject: { kind: 'document', id: `doc_${i}` },
  documentId: `doc_${i}`,
  documentKind: 'notification',
  category: 'other',
  title: `通报 ${i}`,
  text: `第 ${i} 条`,
  payload: { n: i, nested: { b: 2, a: [1, 'x', null] }, gone: undefined },
});

function chain(n: number): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  for (let i = 0; i < n; i++) {
    const prev = out[out.length - 1];
    out.push({ ...chainEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, content(i), toyHash), version: 1 });
  }
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is the same whatever order fields were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(obj);
      }),
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('the chain', () => {
  it('starts at seq 1 from the genesis hash and links each entry to the previous one', () => {
    const entries = chain(4);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[3]!._id).toBe('arc_c_demo_000000004');
    expect(verifyChain(entries, toyHash)).toEqual({ ok: true, checked: 4, head: { seq: 4, hash: entries[3]!.hash } });
  });

  it('stores what it hashed: undefined members are gone before sealing', () => {
    const [e] = chain(1);
    expect('gone' in (e!.payload as object)).toBe(false);
    expect(entryHash(e!, toyHash)).toBe(e!.hash);
  });

  it('ignores storage bookkeeping (_id, version) but nothing else', () => {
    const [e] = chain(1);
    expect(entryHash({ ...e!, version: 7 }, toyHash)).toBe(e!.hash);
    expect(entryHash({ ...e!, title: '改过' }, toyHash)).not.toBe(e!.hash);
  });

  it('reports a changed field at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, payload: { ...entries[2]!.payload, n: 99 } };
    expect(verifyChain(entries, toyHash)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('reports a resealed entry (hash recomputed by the forger) at the next link', () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, text: '伪造' };
    entries[1] = { ...forged, hash: entryHash(forged, toyHash) };
    expect(verifyChain(entries, toyHash)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
  });

  it('reports a removed entry as a gap and a swapped pair as a broken link', () => {
    const entries = chain(5);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)], toyHash)).toMatchObject({ ok: false, brokenAt: 3, reason: 'seq_gap' });
    const swapped = chain(5);
    const a = swapped[1]!;
    swapped[1] = { ...swapped[2]!, seq: 2 };
    swapped[2] = { ...a, seq: 3 };
    expect(verifyChain(swapped, toyHash)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('is one chain per community: each counts from 1 and verifies without the other', () => {
    const tails = new Map<string, { seq: number; hash: string }>();
    const all: ArchiveEntry[] = [];
    // Two communities appending in turn, as they would on a shared database.
    for (let i = 0; i < 6; i++) {
      const community = i % 3 === 0 ? 'c_b' : 'c_a';
      const e = { ...chainEntry(tails.get(community) ?? null, content(i, community), toyHash), version: 1 };
      tails.set(community, { seq: e.seq, hash: e.hash });
      all.push(e);
    }
    const a = all.filter((e) => e.communityId === 'c_a');
    const b = all.filter((e) => e.communityId === 'c_b');
    expect(a.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(b.map((e) => e._id)).toEqual([archiveId('c_b', 1), archiveId('c_b', 2)]);
    expect(archiveId('c_a', 1)).not.toBe(archiveId('c_b', 1));
    expect(verifyChain(a, toyHash)).toMatchObject({ ok: true, checked: 4 });
    expect(verifyChain(b, toyHash)).toMatchObject({ ok: true, checked: 2 });
    // An entry moved into another community's chain changes what was hashed.
    const moved = { ...b[1]!, communityId: 'c_a', seq: 5, prevHash: a[3]!.hash };
    expect(verifyChain([...a, moved], toyHash)).toMatchObject({ ok: false, brokenAt: 5, reason: 'hash_mismatch' });
  });

  it('verifies page by page from a known previous entry', () => {
    const entries = chain(6);
    const first = verifyChain(entries.slice(0, 3), toyHash);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(entries.slice(3), toyHash, first.head)).toMatchObject({ ok: true, checked: 3, head: { seq: 6 } });
    expect(verifyChain(entries.slice(3), toyHash, null)).toMatchObject({ ok: false, brokenAt: 1, reason: 'seq_gap' });
  });
});
