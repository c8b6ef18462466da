/**
 * Anchors (存证摘要): the head of a community's archive chain — how many entries it has and the hash of
 * the newest — taken once a month and handed to every committee member in forms they keep outside our
 * database (the WeChat subscribe message, a chat card, the printed page the chair signs). Whoever runs
 * the database can rewrite it, hashes and all; they cannot rewrite what members hold. So:
 * - an entry edited and every later hash recomputed (a re-seal) passes the chain walk but no longer
 *   has the hash a member holds for that count;
 * - deleting the newest entries leaves a chain shorter than a count a member holds.
 * What no anchor can show: a rewrite of entries newer than the newest anchor a member holds.
 * Pure: the monthly record, the short code for humans, and the comparison of a held anchor with the
 * stored chain.
 */
import { BREAK_LABELS, type BreakReason, type ChainTail, type VerifyResult } from './archive';
import type { EpochMs, Id, StoredRecord } from './model';
import type { YearMonth } from './time';

export interface ArchiveAnchor extends StoredRecord {
  communityId: Id;
  month: YearMonth;
  /** Number of entries in the community's chain when the anchor was taken (= seq of the newest). */
  seq: number;
  hash: string;
  code: string;
  at: EpochMs;
  /** Set once every member of the committee has been sent it. */
  notifiedAt?: EpochMs;
}

/** One anchor per community and month, so two sweeps in the same month store one. */
export const anchorId = (communityId: Id, month: YearMonth): Id => `anchor_${communityId}_${month}`;

/** Hex digits in the code a person reads out, copies or types: 64 bits, in groups of four. */
export const CODE_HEX = 16;

export function digestCode(hash: string): string {
  return (hash.slice(0, CODE_HEX).match(/.{1,4}/g) ?? []).join('-');
}

export function anchorFor(communityId: Id, month: YearMonth, head: ChainTail, at: EpochMs): Omit<ArchiveAnchor, 'version'> {
  return { _id: anchorId(communityId, month), communityId, month, seq: head.seq, hash: head.hash, code: digestCode(head.hash), at };
}

/** What a member holds and types back in: the count, and the full hash or the 16-digit code. */
export interface HeldAnchor {
  seq: number;
  digest: string;
}

/** Hex digits only, lower case, whatever separators were typed; null unless a whole hash or a code. */
export function normalizeDigest(text: string): string | null {
  // Letters other than a–f mean a typo or some other text, not a separator.
  if (/[g-z]/i.test(text)) return null;
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 64 || hex.length === CODE_HEX ? hex : null;
}

/** A held digest matches a stored hash when it is that hash, or its leading code. */
export const digestMatches = (digest: string, hash: string): boolean => {
  const d = normalizeDigest(digest);
  return d !== null && (d.length === 64 ? d === hash : hash.startsWith(d));
};

export type AnchorResult = 'match' | 'mismatch' | 'deleted';

export interface AnchorCheck {
  /** `held`: typed in by a member; `monthly`: an anchor record in our database (weaker: we hold it). */
  source: 'held' | 'monthly';
  month?: YearMonth;
  seq: number;
  code: string;
  result: AnchorResult;
  text: string;
}

/**
 * One anchor against the stored chain. `storedCount` is the highest seq stored now; `storedHash` the
 * hash stored at the anchor's seq (null when that entry is gone).
 */
export function checkAnchor(anchor: HeldAnchor, storedCount: number, storedHash: string | null): { result: AnchorResult; text: string } {
  const n = anchor.seq;
  if (n > storedCount) {
    return { result: 'deleted', text: `摘要记录了 ${n} 条，存档现只有 ${storedCount} 条：最新的 ${n - storedCount} 条记录被删除` };
  }
  if (storedHash === null) return { result: 'deleted', text: `存档中缺少第 ${n} 条记录（被删除）` };
  if (!digestMatches(anchor.digest, storedHash)) {
    return {
      result: 'mismatch',
      text: `第 ${n} 条的摘要与所持摘要不符：第 ${n} 条及以前的记录在摘要生成后被改动过（即使链条本身完整，也说明摘要被重新计算过）`,
    };
  }
  return { result: 'match', text: `与所持摘要一致：前 ${n} 条记录自摘要生成后未被改动、删除或调换` };
}

export interface ArchiveJudgement {
  ok: boolean;
  checked: number;
  broken?: { at: number; reason: BreakReason; label: string };
  anchors: AnchorCheck[];
}

/**
 * The whole answer of a verification: the chain walk, then every anchor (the member's first, then the
 * monthly records, newest first). `hashAt` holds the stored hash at each anchor's seq.
 */
export function judgeArchive(
  chain: VerifyResult,
  storedCount: number,
  anchors: ReadonlyArray<{ source: AnchorCheck['source']; month?: YearMonth; anchor: HeldAnchor }>,
  hashAt: ReadonlyMap<number, string>,
): ArchiveJudgement {
  const checks = anchors.map(({ source, month, anchor }): AnchorCheck => {
    const normal = normalizeDigest(anchor.digest) ?? '';
    return { source, month, seq: anchor.seq, code: digestCode(normal), ...checkAnchor(anchor, storedCount, hashAt.get(anchor.seq) ?? null) };
  });
  const broken = chain.ok ? undefined : { at: chain.brokenAt, reason: chain.reason, label: BREAK_LABELS[chain.reason] };
  return { ok: chain.ok && checks.every((c) => c.result === 'match'), checked: chain.checked, broken, anchors: checks };
}
