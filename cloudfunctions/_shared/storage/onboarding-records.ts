import type { FileRef } from '@domain/files';
import type { EpochMs, Id, StoredRecord } from '@domain/model';
import type { AppointedRole } from '@domain/onboarding';
import type { BillRow, PaymentRow } from '@domain/fee-import';
import type { NumberedRow, RowOutcome } from '@domain/room-import';

/** Records of onboarding and administration that only the functions read as such. */

/**
 * One import of a spreadsheet: validated whole at the start, then staged and applied in bounded
 * chunks, each one call (and one operation), the cursor stored here so a crash resumes where it was.
 */
export interface ImportJob extends StoredRecord {
  communityId: Id;
  kind: ImportKind;
  file: FileRef;
  /** sha256 of the file's bytes: a resumed step re-reads the same file or refuses. */
  fileHash: string;
  total: number;
  staged: number;
  applied: number;
  /** staging → applying → settling (committed: `committedAt` set, rows visible) → committed (folded). */
  status: 'staging' | 'applying' | 'settling' | 'committed';
  /** Bills: created (new) or unchanged (already there). Payments: created (paid), unchanged (paid before), unmatched (held). */
  counts: ImportCounts;
  /** Rooms of the community the file left out, for the head to retire (filled at commit). */
  missing: Array<{ roomId: Id; label: string }>;
  createdBy: Id;
  createdAt: EpochMs;
  /** The commit point: one write of this record makes every row of the import visible at once. */
  committedAt?: EpochMs;
  /** Rows whose staged values are folded into their room after the commit. */
  settled?: number;
  /** The last step's moment: an open import untouched for a while is continued by the timer. */
  updatedAt?: EpochMs;
  /** Why the timer could not continue it (the importer was told). */
  stalled?: { at: EpochMs; reason: string };
}

export type ImportKind = 'rooms' | 'bills' | 'payments';
export type ImportCounts = Record<RowOutcome, number> & { unmatched?: number };
/** A fee row with the id the import derived for it (a payment's from its room and transaction number). */
export type StagedFeeRow = (BillRow & { id: Id }) | (PaymentRow & { id: Id });

/** One staged row of an import; once applied, what it did and what the room was before (its previous version). */
export interface ImportRowRecord extends StoredRecord {
  importId: Id;
  communityId: Id;
  n: number;
  /** The import's kind decides which: rooms stage `NumberedRow`s, fee imports their own rows. */
  row: NumberedRow | StagedFeeRow;
  outcome?: RowOutcome | 'unmatched';
  roomId?: Id;
  before?: Record<string, unknown> | null;
}

/** A one-time staff invitation; its id is derived from the code, so the code is never stored. */
export interface Invitation extends StoredRecord {
  communityId: Id;
  role: AppointedRole;
  buildingIds: Id[];
  createdBy: Id;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  /** The last characters, so the inviter can tell their invitations apart. */
  hint: string;
  usedBy?: Id;
  usedAt?: EpochMs;
  revokedAt?: EpochMs;
}

/** The first administrator's one-time code (`_id` 'first-admin'), issued by the init script. */
export interface BootstrapRecord extends StoredRecord {
  codeHash: string;
  issuedAt: EpochMs;
  expiresAt: EpochMs;
  redeemedBy?: Id;
  redeemedAt?: EpochMs;
}

/** A previous version of a record a change replaced (settings, staff membership): nothing is overwritten unkept. */
export interface Revision extends StoredRecord {
  collection: string;
  recordId: Id;
  communityId: Id | null;
  /** The record's version the values below belonged to. */
  versionNo: number;
  values: Record<string, unknown>;
  replacedAt: EpochMs;
  replacedBy: Id | null;
}
