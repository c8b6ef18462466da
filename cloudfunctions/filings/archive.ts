import { createHash } from 'crypto';
import { chainEntry, verifyChain, type ArchiveContent, type ArchiveEntry, type ChainTail, type HashFn, type VerifyResult } from '@domain/archive';
import { AppError } from '@domain/errors';
import { isBuffered } from '../_shared/ops/buffered-store';
import { registerCustomStep } from '../_shared/ops/operation';
import type { Storage } from '../_shared/storage/port';

export const sha256: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

async function readTail(store: Storage): Promise<ChainTail | null> {
  const [last] = await store.find<ArchiveEntry>('archive', {}, { sort: [['seq', -1]], limit: 1 });
  return last ? { seq: last.seq, hash: last.hash } : null;
}

/**
 * Appends one entry to the global chain. Each sequence number has a fixed id, so of two writers that
 * read the same tail only one insert lands; the other gets DUPLICATE, chains onto the entry that won
 * and tries the next number. The chain therefore never forks and never skips a number.
 */
export async function appendArchive(store: Storage, content: ArchiveContent): Promise<void> {
  // Inside an operation the append is a step of its plan: its number is taken when the plan is applied.
  if (isBuffered(store)) store.custom(ARCHIVE_STEP, content);
  else await appendNow(store, content);
}

async function appendNow(store: Storage, content: ArchiveContent, opKey?: string, attempts = 500): Promise<ArchiveEntry> {
  let tail = await readTail(store);
  for (let i = 0; i < attempts; i++) {
    const entry = chainEntry(tail, content, sha256);
    try {
      // opKey is outside the hashed body: it only lets a resumed operation see that this append happened.
      return await store.insert<ArchiveEntry>('archive', opKey ? { ...entry, opKey } : entry);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'DUPLICATE')) throw e;
      const taken = await store.get<ArchiveEntry>('archive', entry._id);
      tail = taken ? { seq: taken.seq, hash: taken.hash } : await readTail(store);
    }
  }
  throw new AppError('CONFLICT', '档案写入繁忙，请稍后重试');
}

const ARCHIVE_STEP = 'archive.append';
registerCustomStep(ARCHIVE_STEP, async (store, content, { key, resuming }) => {
  if (resuming && (await store.count('archive', { opKey: key })) > 0) return;
  await appendNow(store, content as ArchiveContent, key);
});

const PAGE = 500;

/** Walks the whole chain in pages; stops at the first broken link. */
export async function verifyArchive(store: Storage): Promise<VerifyResult> {
  let previous: ChainTail | null = null;
  let checked = 0;
  for (;;) {
    const page = await store.find<ArchiveEntry>('archive', previous ? { seq: { $gt: previous.seq } } : {}, { sort: [['seq', 1]], limit: PAGE });
    const result = verifyChain(page, sha256, previous);
    if (!result.ok) return { ...result, checked: checked + result.checked };
    checked += result.checked;
    previous = result.head;
    if (page.length < PAGE) return { ok: true, checked, head: previous };
  }
}
