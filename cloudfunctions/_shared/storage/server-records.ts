import type { NudgeOutcome } from '@domain/alerts/delivery';
import type { TemplateKey, TemplateMessage } from '@domain/alerts/templates';
import type { EpochMs, StoredRecord } from '@domain/model';

/**
 * Records only the functions use (no page shows them as such). Kept apart from the code that
 * writes them so the collection declaration can name their types without importing that code.
 */

/** An alert: who must act, about what, by when. Raised by any feature; delivered by `raiseAlert`. */
export type Alert = {
  /** Deterministic key so raising the same alert twice (e.g. sweeps) delivers it once. */
  key: string;
  personId: string;
  communityId: string | null;
  title: string;
  body: string;
  link?: string;
} & TemplateMessage;

/** What the WeChat nudge did: the outcome, WeChat's errcode if any, and when. */
export interface NudgeRecord {
  outcome: NudgeOutcome;
  errcode?: number;
  at: EpochMs;
}

export type StoredAlert = Alert &
  StoredRecord & {
    createdAt: EpochMs;
    /** The channel that actually delivered it: the message centre always, WeChat too when `nudge` says sent. */
    channel: 'subscribe_message' | 'inbox';
    /** Why it went (or did not go) out as a subscribe message; absent until the send was tried. */
    nudge?: NudgeRecord;
  };

/** A field value an increment step may set (the storage port's Scalar). */
type StepScalar = string | number | boolean | null;
/**
 * One planned write of an operation. Stored in the operation record, applied in order. Collection
 * names are plain strings here (this file is imported by the collection declaration itself); the
 * operation code narrows them to `Step<CollectionName>`.
 */
export type Step<CollectionName extends string = string> =
  | { kind: 'update'; collection: CollectionName; id: string; expectedVersion: number; patch: Record<string, unknown> }
  | { kind: 'insert'; collection: CollectionName; record: Record<string, unknown>; ifAbsent: boolean }
  | { kind: 'increment'; collection: CollectionName; id: string; deltas: Record<string, number>; set?: Record<string, StepScalar> }
  | { kind: 'custom'; type: string; payload: unknown };

/** One user action's writes, stored before any of them is applied (ops/operation.ts). */
export interface OperationRecord extends StoredRecord {
  status: 'pending' | 'done' | 'aborted';
  fn: string;
  action: string;
  payloadHash: string;
  attempt: number;
  steps: Step[];
  result: unknown;
  now: EpochMs;
  leaseUntil: EpochMs;
  createdAt: EpochMs;
  doneAt?: EpochMs;
}

/** Configuration of the environment (subscribe-message template ids). */
export interface TemplateSettings extends StoredRecord {
  ids: Partial<Record<TemplateKey, string>>;
  updatedAt: number;
}

/** The storage contract suite's probe records; nothing in the app reads the collection. */
export interface ProbeRecord extends StoredRecord {
  [field: string]: unknown;
}

/**
 * A derived field the hourly backfill has filled in every record of a collection (`_id` is
 * `<collection>.<field>`): kept with the data, so a store restored from before the fill has none and
 * is filled again, and a store that has it is not searched for records missing the field each hour.
 */
export interface BackfillMark extends StoredRecord {
  doneAt: EpochMs;
}
