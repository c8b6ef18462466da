import { createHash } from 'crypto';
import { judgeArchive, type ArchiveAnchor, type ArchiveJudgement, type HeldAnchor } from '@domain/anchor';
import { chainEntry, verifyChain, type ArchiveContent, type ArchiveEntry, type ChainTail, type HashFn, type VerifyResult } from '@domain/archive';
import type { ArchivedDeliveryEvent } from '@domain/archived-delivery';
import { AppError } from '@domain/errors';
import { isBuffered } from '../_shared/ops/buffered-store';
import { registerCustomStep } from '../_shared/ops/operation';
import type { Id } from '@domain/model';
import { typedStorage, type Query, type Storage } from '../_shared/storage/port';

export const sha256: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The newest stored entry of a community's chain (null: nothing archived yet). */
export async function readTail(store: Storage, communityId: Id): Promise<ChainTail | null> {
  const [last] = await store.find('archive', { communityId }, { sort: [['seq', -1]], limit: 1 });
  return last ? { seq: last.seq, hash: last.hash } : null;
}

/**
 * Appends one entry to its community's chain. Each (community, sequence number) has a fixed id, so of
 * two writers that read the same tail only one insert lands; the other gets DUPLICATE, chains onto
 * the entry that won and tries the next number. The chain therefore never forks and never skips.
 */
export async function appendArchive(store: Storage, content: ArchiveContent): Promise<void> {
  // Inside an operation the append is a step of its plan: its number is taken when the plan is applied.
  if (isBuffered(store)) store.custom(ARCHIVE_STEP, content);
  else await appendNow(store, content);
}

async function appendNow(store: Storage, content: ArchiveContent, opKey?: string, attempts = 500): Promise<ArchiveEntry> {
  let tail = await readTail(store, content.communityId);
  for (let i = 0; i < attempts; i++) {
    const entry = chainEntry(tail, content, sha256);
    try {
      // opKey is outside the hashed body: it only lets a resumed operation see that this append happened.
      return await store.insert('archive', opKey ? { ...entry, opKey } : entry);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'DUPLICATE')) throw e;
      const taken = await store.get('archive', entry._id);
      tail = taken ? { seq: taken.seq, hash: taken.hash } : await readTail(store, content.communityId);
    }
  }
  throw new AppError('CONFLICT', '档案写入繁忙，请稍后重试');
}

const ARCHIVE_STEP = 'archive.append';
registerCustomStep(ARCHIVE_STEP, async (store, content, { key, resuming }) => {
  if (resuming && (await store.count('archive', { opKey: key })) > 0) return;
  await appendNow(typedStorage(store), content as ArchiveContent, key);
});

const PAGE = 500;

/** Walks one community's chain in pages; stops at the first broken link. */
export async function verifyChainOf(store: Storage, communityId: Id): Promise<VerifyResult> {
  let previous: ChainTail | null = null;
  let checked = 0;
  for (;;) {
    const query: Query = previous ? { communityId, seq: { $gt: previous.seq } } : { communityId };
    const page = await store.find('archive', query, { sort: [['seq', 1]], limit: PAGE });
    const result = verifyChain(page, sha256, previous);
    if (!result.ok) return { ...result, checked: checked + result.checked };
    checked += result.checked;
    previous = result.head;
    if (page.length < PAGE) return { ok: true, checked, head: previous };
  }
}

export async function anchorsOf(store: Storage, communityId: Id, limit = 120): Promise<ArchiveAnchor[]> {
  return store.find('archiveAnchors', { communityId }, { sort: [['month', -1]], limit });
}

/**
 * The chain walk, then the anchor a member typed in and every monthly anchor we stored: a re-seal
 * shows as a mismatch at an anchored count, a deletion of the newest entries as a chain shorter than
 * an anchored count. The stored anchors are only as trustworthy as our database; the held one is not.
 */
export async function verifyCommunityArchive(store: Storage, communityId: Id, held?: HeldAnchor): Promise<ArchiveJudgement & { head: ChainTail | null }> {
  const [chain, head, monthly] = await Promise.all([verifyChainOf(store, communityId), readTail(store, communityId), anchorsOf(store, communityId)]);
  const anchors = [
    ...(held ? [{ source: 'held' as const, anchor: held }] : []),
    ...monthly.map((a) => ({ source: 'monthly' as const, month: a.month, anchor: { seq: a.seq, digest: a.hash } })),
  ];
  const seqs = [...new Set(anchors.map((a) => a.anchor.seq))];
  const stored = seqs.length ? await store.find('archive', { communityId, seq: { $in: seqs } }) : [];
  const hashAt = new Map(stored.map((e) => [e.seq, e.hash]));
  return { ...judgeArchive(chain, head?.seq ?? 0, anchors, hashAt), head };
}

/** The archived delivery events of one document, by delivery, as the approval record compares them. */
export async function archivedDeliveryEvents(store: Storage, communityId: Id, documentId: Id): Promise<Map<Id, ArchivedDeliveryEvent[]>> {
  const entries = await store.find('archive', { communityId, documentId, type: 'delivery_event' }, { sort: [['seq', 1]] });
  const out = new Map<Id, ArchivedDeliveryEvent[]>();
  for (const e of entries) {
    const p = e.payload as { deliveryId: Id; n: number; type: ArchivedDeliveryEvent['type']; actorId: Id; text?: string; data?: Record<string, unknown> };
    out.set(p.deliveryId, [...(out.get(p.deliveryId) ?? []), { n: p.n, type: p.type, at: e.at, actorId: p.actorId, text: p.text, data: p.data }]);
  }
  return out;
}
