import { createHash } from 'crypto';
import { AppError } from '@domain/errors';
import type { EpochMs, StoredRecord } from '@domain/model';
import type { Runtime } from '../runtime';
import { OPS_KEPT, rawStorage, typedStorage, type RawStorage, type Storage } from '../storage/port';
import type { CollectionName } from '../storage/collections';
import type { OperationRecord, Step } from '../storage/server-records';
import { BufferedStore } from './buffered-store';

/**
 * The one mechanism for multi-record writes (docs/architecture.md, "Operations"):
 *  1. the handler runs against a BufferedStore: it reads, decides and plans, writing nothing;
 *  2. the plan (every insert, update and archive append) and the reply are stored in ONE operation
 *     record, keyed by the caller and the request id: that single-document write is the commit point;
 *  3. the steps are applied in order, each idempotent (records carry the ids of the operations that
 *     wrote them), then the operation is marked done.
 * A crash after 2 leaves a pending operation: a retry of the same request, or the repair sweep once
 * its lease has run out, applies the rest. A retry of a finished request returns the stored reply.
 */
export type { OperationRecord };

/** Longer than any function may run (20 s; alerts 60 s): a pending operation older than this was abandoned. */
export const LEASE_MS = 90_000;
/** How many times a plan whose first update met a concurrent writer is re-planned. */
const REPLANS = 30;

export type CustomStepApplier = (store: RawStorage, payload: unknown, ctx: { key: string; resuming: boolean }) => Promise<void>;
const customSteps = new Map<string, CustomStepApplier>();
export function registerCustomStep(type: string, apply: CustomStepApplier): void {
  customSteps.set(type, apply);
}

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
export const hashPayload = (payload: unknown) => sha(JSON.stringify(payload ?? null));
export const operationId = (fn: string, identity: string, requestId: string) => `op_${sha(`${fn}\u0000${identity}\u0000${requestId}`).slice(0, 32)}`;

/** Ids made inside an operation are a function of the operation, so a re-planned attempt reuses them. */
export function operationIds(opId: string, now: EpochMs): (prefix: string) => string {
  const seed = sha(opId).slice(0, 10);
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${now.toString(36)}${seed}${n.toString(36)}`;
  };
}

class Conflict extends Error {}

const opsOf = (doc: unknown): string[] => ((doc as { ops?: unknown })?.ops instanceof Array ? (doc as { ops: string[] }).ops : []);

/** Applies one plan. Throws Conflict when a concurrent writer won before any step of ours landed. */
async function applySteps(store: RawStorage, opId: string, planned: Step[], resuming: boolean): Promise<void> {
  const steps = planned as Array<Step<CollectionName>>;
  let applied = false;
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'update') {
      const current = await store.get(step.collection, step.id);
      if (!current) throw new AppError('NOT_FOUND');
      const ops = opsOf(current);
      if (ops.includes(opId)) {
        applied = true;
        continue;
      }
      let version = step.expectedVersion;
      if (current.version !== version) {
        if (!applied) throw new Conflict();
        // Our earlier steps are in: finishing beats leaving half an operation. Logged for review.
        console.warn(`[ops] ${opId}: ${step.collection}/${step.id} changed under a partly applied operation; applying on top`);
        version = current.version;
      }
      const patch = { ...step.patch, ops: [...ops.slice(-(OPS_KEPT - 1)), opId] };
      if (!(await store.update(step.collection, step.id, version, patch))) {
        if (!applied) throw new Conflict();
        const again = await store.get(step.collection, step.id);
        if (!again || !(await store.update(step.collection, step.id, again.version, patch))) throw new AppError('CONFLICT');
      }
      applied = true;
    } else if (step.kind === 'insert') {
      const record = { ...step.record, ops: [opId] } as StoredRecord;
      try {
        await store.insert(step.collection, record);
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'DUPLICATE')) throw e;
        const existing = await store.get(step.collection, record._id);
        if (!step.ifAbsent && !opsOf(existing).includes(opId)) {
          if (!applied) throw new Conflict();
          console.warn(`[ops] ${opId}: ${step.collection}/${record._id} already existed; kept the existing record`);
        }
      }
      applied = true;
    } else if (step.kind === 'increment') {
      // Marked with the step, not the operation: this operation's own insert of the record (a first
      // consent) already carries the operation id, and a crash between the two must not skip the increment.
      const mark = `${opId}:${i}`;
      if (resuming && opsOf(await store.get(step.collection, step.id)).includes(mark)) continue;
      await store.increment(step.collection, step.id, step.deltas, step.set, mark);
      applied = true;
    } else {
      const apply = customSteps.get(step.type);
      if (!apply) throw new Error(`no applier for step ${step.type}`);
      await apply(store, step.payload, { key: `${opId}:${i}`, resuming });
      applied = true;
    }
  }
}

async function finish(store: Storage, op: OperationRecord, now: EpochMs): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const current = await store.get('ops', op._id);
    if (!current || current.status === 'done') return;
    if (await store.update('ops', op._id, current.version, { status: 'done', doneAt: now })) return;
  }
}

/** Takes over an abandoned pending operation (its lease ran out) and applies what is left. */
export async function resumeOperation(rt: Runtime, op: OperationRecord, now: EpochMs): Promise<'done' | 'busy' | 'aborted'> {
  if (op.status === 'done') return 'done';
  if (op.status === 'pending' && op.leaseUntil > now) return 'busy';
  if (op.status === 'aborted') return 'aborted';
  if (!(await rt.store.update('ops', op._id, op.version, { leaseUntil: now + LEASE_MS }))) return 'busy';
  try {
    await applySteps(rawStorage(rt.store), op._id, op.steps, true);
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    const current = await rt.store.get('ops', op._id);
    if (current) await rt.store.update('ops', op._id, current.version, { status: 'aborted' });
    return 'aborted';
  }
  await finish(rt.store, op, now);
  return 'done';
}

export interface OperationRequest {
  fn: string;
  action: string;
  identity: string;
  requestId: string;
  payload: unknown;
  now: EpochMs;
  /** The id was made by the server for this request alone: no earlier run can exist to look up. */
  fresh?: boolean;
}

/**
 * Runs a handler as an operation. `run` gets a buffered runtime and must not write to `rt.store`
 * itself. Returns the handler's reply, or the stored reply of an earlier run of the same request.
 */
export async function runOperation<R>(rt: Runtime, req: OperationRequest, run: (opRt: Runtime) => Promise<R>): Promise<R> {
  const opId = operationId(req.fn, req.identity, req.requestId);
  const payloadHash = hashPayload(req.payload);
  for (let attempt = 0; attempt < REPLANS; attempt++) {
    const existing = req.fresh && attempt === 0 ? null : await rt.store.get('ops', opId);
    if (existing) {
      if (existing.payloadHash !== payloadHash || existing.fn !== req.fn || existing.action !== req.action) throw new AppError('REQUEST_ID_REUSED');
      if (existing.status === 'done') return existing.result as R;
      const outcome = await resumeOperation(rt, existing, req.now);
      if (outcome === 'done') return existing.result as R;
      if (outcome === 'busy') throw new AppError('REQUEST_IN_PROGRESS');
    }

    const buffer = new BufferedStore(rawStorage(rt.store));
    const result = await run({ ...rt, store: typedStorage(buffer), newId: operationIds(`${opId}#${existing?.attempt ?? 0}`, req.now) });
    const steps = buffer.steps;
    if (steps.length === 0) return result;

    const op: Omit<OperationRecord, 'version'> = {
      _id: opId,
      status: 'pending',
      fn: req.fn,
      action: req.action,
      payloadHash,
      attempt: (existing?.attempt ?? 0) + 1,
      steps,
      result: result ?? null,
      now: req.now,
      leaseUntil: req.now + LEASE_MS,
      createdAt: req.now,
    };
    const committed = existing ? await rt.store.update('ops', opId, existing.version, op) : await rt.store.insertIfAbsent('ops', op);
    if (!committed) continue; // a concurrent run of the same request committed first: read its outcome

    try {
      await applySteps(rawStorage(rt.store), opId, steps, false);
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
      const current = await rt.store.get('ops', opId);
      if (current) await rt.store.update('ops', opId, current.version, { status: 'aborted' });
      continue;
    }
    await finish(rt.store, { ...op, version: 1 }, req.now);
    for (const effect of buffer.effects) {
      try {
        await effect(rt);
      } catch (e) {
        // A nudge outside our database (a WeChat message) failing never undoes what was stored.
        console.error(`[ops] ${opId}: after-commit effect failed`, e);
      }
    }
    return result;
  }
  throw new AppError('CONFLICT');
}

/** The repair sweep: finishes operations whose runner died (lease expired), a bounded batch per run. */
export async function repairOperations(rt: Runtime, now: EpochMs, batch = 100): Promise<{ repaired: number; aborted: number }> {
  const stale = await rt.store.find('ops', { status: 'pending', leaseUntil: { $lt: now } }, { sort: [['leaseUntil', 1]], limit: batch });
  let repaired = 0;
  let aborted = 0;
  for (const op of stale) {
    const outcome = await resumeOperation(rt, op, now);
    if (outcome === 'done') repaired++;
    if (outcome === 'aborted') aborted++;
  }
  return { repaired, aborted };
}
