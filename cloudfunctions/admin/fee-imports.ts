import { createHash } from 'crypto';
import { AppError } from '@domain/errors';
import {
  DEFAULT_FEE_ITEM,
  readBillTable,
  readPaymentTable,
  type BillRow,
  type FeeImportKind,
  type FeeTable,
  type PaymentRow,
  type UnmatchedReason,
} from '@domain/fee-import';
import { billId, type PlannedBill } from '@domain/fee-ledger';
import type { TotalsChange } from '@domain/fee-totals';
import { reminderStartDate } from '@domain/fees';
import type { Id, Room } from '@domain/model';
import { localDateOf } from '@domain/time';
import type { StepContext } from './step-context';
import type { ImportCounts, ImportJob, ImportRowRecord, StagedFeeRow } from '../_shared/storage/onboarding-records';
import { applyPayment, applyTotals, feePolicy, insertBill } from '../fees/ledger';

/**
 * The fee kinds of the one import mechanism (`imports.ts`): how a bill or payment file is read and
 * how a chunk of its staged rows is applied. Every row gets its id when read, from what it is (the
 * room, month and fee item of a bill; the room and transaction number of a payment), so the same file
 * imported twice, or a chunk applied twice, stores nothing new and pays nothing twice.
 */

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The property fee keeps the monthly run's id (importing a month the run billed finds it there); other items get their own. */
export const importedBillId = (roomId: Id, month: string, item: string): Id =>
  item === DEFAULT_FEE_ITEM ? billId(roomId, month) : `${billId(roomId, month)}_${sha(item).slice(0, 8)}`;
/** The same bank transaction for the same room is one payment, whichever file it arrives in. */
export const importedPaymentId = (communityId: Id, label: string, receiptNo: string): Id =>
  `pay_i_${sha(`${communityId}\u0000${label}\u0000${receiptNo}`).slice(0, 24)}`;
export const unmatchedId = (paymentId: Id): Id => `unm_${paymentId}`;

export async function readFeeTable(ctx: StepContext, kind: FeeImportKind, communityId: Id, table: unknown[][]): Promise<FeeTable<StagedFeeRow>> {
  if (kind === 'payments') {
    const read = readPaymentTable(table, localDateOf(ctx.now));
    return { ...read, rows: read.rows.map((r) => ({ ...r, id: importedPaymentId(communityId, r.label, r.receiptNo) })) };
  }
  const rooms = (await ctx.store.find('rooms', { communityId })).filter((r) => r.retiredAt === undefined);
  const ids = new Map(rooms.map((r) => [r.label, r._id]));
  const read = readBillTable(table, new Set(ids.keys()));
  return { ...read, rows: read.rows.map((r) => ({ ...r, id: importedBillId(ids.get(r.label) ?? '', r.month, r.item) })) };
}

type Staged<R> = ImportRowRecord & { row: R & { id: Id } };

async function roomsByLabel(ctx: StepContext, communityId: Id, labels: string[]): Promise<Map<string, Room>> {
  const rooms = await ctx.store.find('rooms', { communityId, label: { $in: [...new Set(labels)] } });
  return new Map(rooms.map((r) => [r.label, r]));
}

async function markRow(ctx: StepContext, s: ImportRowRecord, outcome: ImportRowRecord['outcome'], roomId?: Id): Promise<void> {
  if (!(await ctx.store.update('importRows', s._id, s.version, { outcome, ...(roomId ? { roomId } : {}) }))) throw new AppError('CONFLICT');
}

/** What a chunk of either kind is applied against: its rooms by number, and the community's fee policy. */
async function chunkBasis(ctx: StepContext, job: ImportJob, staged: Array<Staged<{ label: string }>>) {
  const [rooms, policy] = await Promise.all([
    roomsByLabel(
      ctx,
      job.communityId,
      staged.map((s) => s.row.label),
    ),
    feePolicy(ctx.store, job.communityId),
  ]);
  return { rooms, policy };
}

async function applyBills(ctx: StepContext, job: ImportJob, staged: Array<Staged<BillRow>>, counts: ImportCounts): Promise<void> {
  const { rooms, policy } = await chunkBasis(ctx, job, staged);
  const changes: TotalsChange[] = [];
  for (const s of staged) {
    const { row } = s;
    const room = rooms.get(row.label);
    if (!room) throw new AppError('CONFLICT', `第${row.line}行：房号 ${row.label} 已不在本小区，请重新导入`);
    const plan: PlannedBill = {
      _id: row.id,
      communityId: job.communityId,
      buildingId: room.buildingId,
      roomId: room._id,
      month: row.month,
      amountFen: row.amountFen,
      dueDate: reminderStartDate(row.month, policy),
      ...(row.item !== DEFAULT_FEE_ITEM ? { item: row.item } : {}),
    };
    const outcome = (await insertBill(ctx.store, room, plan, ctx.now, policy, changes)) ? 'created' : 'unchanged';
    counts[outcome]++;
    await markRow(ctx, s, outcome, room._id);
  }
  // Once per chunk: a totals record remembers only its last few increments (see `recordContact`).
  await applyTotals(ctx.store, job.communityId, changes);
}

const HELD: Record<string, UnmatchedReason> = { NOTHING_OWING: 'nothing_owing', OVERPAID: 'overpaid' };

async function applyPayments(ctx: StepContext, job: ImportJob, staged: Array<Staged<PaymentRow>>, counts: ImportCounts): Promise<void> {
  const { rooms, policy } = await chunkBasis(ctx, job, staged);
  // Read once per chunk, not per row: each read is a round trip to the database on CloudBase.
  const ids = staged.map((s) => s.row.id);
  const [paid, heldBefore] = await Promise.all([
    ctx.store.find('payments', { _id: { $in: ids } }),
    ctx.store.find('unmatchedPayments', { _id: { $in: ids.map(unmatchedId) } }),
  ]);
  const paidIds = new Set(paid.map((p) => p._id));
  const held = new Map(heldBefore.map((u) => [u._id, u]));
  const totals: TotalsChange[] = [];
  for (const s of staged) {
    const { id, ...row } = s.row;
    const room = rooms.get(row.label);
    let reason: UnmatchedReason | null = room ? null : 'no_room';
    let outcome: 'created' | 'unchanged' | 'unmatched' = 'unmatched';
    if (room && paidIds.has(id)) outcome = 'unchanged';
    else if (room) {
      try {
        await applyPayment(
          ctx.store,
          {
            paymentId: id,
            room,
            amountFen: row.amountFen,
            paidOn: row.paidOn,
            channel: row.channel,
            receiptNo: row.receiptNo,
            source: 'import',
            byId: job.createdBy,
            ...(row.months.length ? { onlyMonths: row.months } : {}),
          },
          ctx.now,
          policy,
          totals,
        );
        outcome = 'created';
      } catch (e) {
        // applyPayment refuses before writing anything, so holding the row leaves no half-paid bill.
        const held = e instanceof AppError ? HELD[e.code] : undefined;
        if (!held) throw e;
        reason = held;
      }
    }
    const heldId = unmatchedId(id);
    const earlier = held.get(heldId);
    // Held before and since assigned or set aside by staff: importing the row again changes nothing.
    if (reason && earlier && earlier.status !== 'open') outcome = 'unchanged';
    else if (reason) {
      await ctx.store.insertIfAbsent('unmatchedPayments', {
        _id: heldId,
        communityId: job.communityId,
        importId: job._id,
        row,
        paymentId: id,
        reason,
        status: 'open',
        at: ctx.now,
      });
    } else if (outcome === 'created') {
      // Held by an earlier import and matched now (its bills came since): it is no longer open.
      if (earlier?.status === 'open' && room) {
        const patch = { status: 'resolved' as const, roomId: room._id, resolvedBy: job.createdBy, resolvedAt: ctx.now };
        if (!(await ctx.store.update('unmatchedPayments', heldId, earlier.version, patch))) throw new AppError('CONFLICT');
      }
    }
    if (outcome === 'unmatched') counts.unmatched = (counts.unmatched ?? 0) + 1;
    else counts[outcome]++;
    await markRow(ctx, s, outcome, room?._id);
  }
  await applyTotals(ctx.store, job.communityId, totals);
}

/** Applies a chunk of a fee import's staged rows; `counts` is the job's, added to in place. */
export async function applyFeeRows(ctx: StepContext, job: ImportJob, staged: ImportRowRecord[], counts: ImportCounts): Promise<void> {
  if (job.kind === 'bills') await applyBills(ctx, job, staged as Array<Staged<BillRow>>, counts);
  else await applyPayments(ctx, job, staged as Array<Staged<PaymentRow>>, counts);
}
