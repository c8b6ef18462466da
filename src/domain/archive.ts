/**
 * The long-term archive (归档): every sent document version and every delivery event, appended to a
 * hash chain per community. Entry n carries the hash of entry n−1 and its own hash over a canonical
 * JSON of all its other fields, so changing, removing or reordering a stored entry breaks the chain at
 * that point — unless whoever changed it also recomputed every later hash. That re-seal, and the
 * deletion of the newest entries, only show against a head (count + hash) kept outside our database:
 * the monthly anchors in `./anchor.ts`. One chain per community lets each committee check its own
 * archive without seeing or trusting another community's.
 * Pure: the hash function is injected (sha256 on the server, anything in tests).
 */
import type { DocumentKind } from './documents';
import type { EpochMs, Id, StoredRecord } from './model';
import { searchTerms } from './search';

export type HashFn = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

export type ArchiveEntryType = 'document_version' | 'delivery_event' | 'filing_outcome' | 'published' | 'meeting_record' | 'committee_roster';
export const ARCHIVE_TYPE_LABELS: Record<ArchiveEntryType, string> = {
  document_version: '文件版本',
  delivery_event: '送达与签收',
  filing_outcome: '申报结果',
  published: '向业主公开',
  meeting_record: '会议、决议与用章',
  committee_roster: '业委会名单变更',
};

/** What a feature hands over to be archived; the chain adds seq, prevHash and hash. */
export interface ArchiveContent {
  type: ArchiveEntryType;
  communityId: Id;
  at: EpochMs;
  subject: { kind: string; id: Id };
  documentId: Id;
  documentKind: DocumentKind;
  category?: string;
  title: string;
  /** Searchable words: the document text, or who did what and what they wrote. */
  text: string;
  payload: Record<string, unknown>;
}

export interface ArchiveEntry extends StoredRecord, ArchiveContent {
  seq: number;
  prevHash: string;
  hash: string;
  /** Not hashed: which operation step appended it, so a resumed operation appends once. */
  opKey?: string;
  /** Not hashed (derived from title and text): the terms the archive search looks up (`searchTerms`). */
  words?: string[];
}

/** One entry per community and sequence number: the id is derived from both, so two writers cannot both take it. */
export const archiveId = (communityId: Id, seq: number): Id => `arc_${communityId}_${String(seq).padStart(9, '0')}`;

/**
 * JSON with object keys sorted at every level and undefined members dropped, so the same data always
 * serialises to the same text whatever order its fields were written or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson: cannot serialise ${typeof value}`);
  }
}

/** Storage bookkeeping (`_id`, `version`, `opKey`, `ops`) and the hash itself are outside what the hash covers. */
const NOT_HASHED = new Set(['_id', 'version', 'hash', 'opKey', 'ops', 'words']);

export function entryHash(
  entry: Omit<ArchiveEntry, '_id' | 'version' | 'hash'> & Partial<Pick<ArchiveEntry, '_id' | 'version' | 'hash'>>,
  hash: HashFn,
): string {
  const body = Object.fromEntries(Object.entries(entry).filter(([k]) => !NOT_HASHED.has(k)));
  return hash(canonicalJson(body));
}

export interface ChainTail {
  seq: number;
  hash: string;
}

/** The entry that follows `tail` in the content's community (null: that community's first entry). */
export function chainEntry(tail: ChainTail | null, content: ArchiveContent, hash: HashFn): Omit<ArchiveEntry, 'version'> {
  const seq = tail ? tail.seq + 1 : 1;
  // Stored exactly as hashed: undefined members dropped here, not by whichever database stores it.
  const plain = JSON.parse(canonicalJson(content)) as ArchiveContent;
  const unsealed = { ...plain, seq, prevHash: tail ? tail.hash : GENESIS_HASH };
  return { _id: archiveId(plain.communityId, seq), ...unsealed, hash: entryHash(unsealed, hash), words: searchTerms(`${plain.title}\n${plain.text}`) };
}

export type BreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap';
export const BREAK_LABELS: Record<BreakReason, string> = {
  hash_mismatch: '内容与存档时的摘要不符（记录被改动）',
  prev_hash_mismatch: '与前一条记录的链接断开（前一条被改动、替换或删除）',
  seq_gap: '序号不连续（有记录缺失）',
};

export type VerifyResult = { ok: true; checked: number; head: ChainTail | null } | { ok: false; checked: number; brokenAt: number; reason: BreakReason };

/**
 * Checks a run of entries in sequence order. `previous` is the entry just before the run (null when
 * the run starts the archive), so a long archive can be verified page by page.
 */
export function verifyChain(entries: readonly ArchiveEntry[], hash: HashFn, previous: ChainTail | null = null): VerifyResult {
  let prev = previous;
  let checked = 0;
  for (const e of entries) {
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, reason: 'seq_gap' };
    if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { ok: false, checked, brokenAt: e.seq, reason: 'prev_hash_mismatch' };
    if (entryHash(e, hash) !== e.hash) return { ok: false, checked, brokenAt: e.seq, reason: 'hash_mismatch' };
    checked += 1;
    prev = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, checked, head: prev };
}
