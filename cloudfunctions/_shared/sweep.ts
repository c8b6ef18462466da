import type { EpochMs, StoredRecord } from '@domain/model';
import { AppError } from '@domain/errors';
import { isBuffered } from './ops/buffered-store';
import { runOperation } from './ops/operation';
import type { Runtime } from './runtime';
import type { RecordOf } from './storage/collections';
import { rawStorage, type Page } from './storage/port';

export interface SweepResult {
  alertsCreated: number;
  escalated: number;
}

/**
 * A sweep looks for deadlines that are near or past and raises alerts / escalates. Each must be
 * idempotent: the timer runs them every hour, and running twice changes nothing more.
 * A feature writes its sweep against this type and adds it to SWEEPS in `alerts/sweeps.ts`.
 */
export type Sweep = (rt: Runtime, now: EpochMs) => Promise<SweepResult>;

/** One hourly run handles at most this many records of a sweep, or runs this long, whichever first. */
export const SWEEP_BATCH = 500;
export const SWEEP_BUDGET_MS = 10_000;
const SWEEP_PAGE = 100;

type Swept = 'inquiries' | 'documents' | 'obligations' | 'deliveries' | 'notificationEvents';

/**
 * Hands each record whose stored `nextActionAt` has come to `visit`, earliest first, a page at a
 * time (an indexed range: what is not due is never read), and stops after SWEEP_BATCH records or
 * SWEEP_BUDGET_MS. `visit` moves the record's `nextActionAt` past now, or to null, so the record
 * leaves the range: what is left is exactly where the next run starts, and a run started twice
 * meets each record's alerts under the same fixed keys. Returns whether anything was left.
 */
export async function sweepDue<C extends Swept>(
  rt: Runtime,
  collection: C,
  now: EpochMs,
  visit: (record: RecordOf<C>, rt: Runtime) => Promise<void>,
): Promise<{ visited: number; more: boolean }> {
  const store = rawStorage(rt.store);
  const started = performance.now();
  let visited = 0;
  let after: string | null = null;
  while (visited < SWEEP_BATCH) {
    const page: Page<RecordOf<C>> = await store.page<RecordOf<C>>(
      collection,
      { nextActionAt: { $lte: now } },
      { sort: [['nextActionAt', 1]], limit: Math.min(SWEEP_PAGE, SWEEP_BATCH - visited), after },
    );
    for (const record of page.items) {
      // Each visit's writes (a flag, its thread line, alerts, the next action) are one operation, so
      // a run that dies mid-visit leaves a pending operation the next run's repair sweep finishes.
      // Inside a staff-run sweep the whole run already is one operation: no operation within it.
      if (isBuffered(rt.store)) await visit(record, rt);
      else {
        const request = { fn: 'timer', action: `sweep.${collection}`, identity: 'system', requestId: `${record._id}@${record.version}`, payload: null, now };
        try {
          await runOperation(rt, request, (opRt) => visit(record, opRt));
        } catch (e) {
          // Another run of the timer is visiting this record right now: it is theirs.
          if (!(e instanceof AppError && e.code === 'REQUEST_IN_PROGRESS')) throw e;
        }
      }
      visited++;
      if (performance.now() - started > SWEEP_BUDGET_MS) return { visited, more: true };
    }
    if (!page.next) return { visited, more: false };
    after = page.next;
  }
  return { visited, more: true };
}

/** Stores a record's next action moment when the visit changed it; a lost race means a newer write set it. */
export async function setNextAction(
  rt: Runtime,
  collection: Swept,
  record: { _id: string; version: number; nextActionAt?: EpochMs | null },
  next: EpochMs | null,
): Promise<void> {
  if (record.nextActionAt !== next)
    await rawStorage(rt.store).update<StoredRecord & { nextActionAt?: EpochMs | null }>(collection, record._id, record.version, { nextActionAt: next });
}
