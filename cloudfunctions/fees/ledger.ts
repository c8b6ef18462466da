import { allocatePayment, effectiveMonth, owingFen, planBill, type FeeSchedule, type PlannedBill } from '@domain/fee-ledger';
import { NEVER, type FeeAccount, type Payment } from '@domain/fee-records';
import { allocationApplied, billCreated, contactMade, mergeChanges, totalsId, ZERO_TOTALS, type TotalsChange } from '@domain/fee-totals';
import { nextReminderOn, policyOf, type ReminderChannel, type ReminderPolicy } from '@domain/fees';
import type { Bill, EpochMs, Id, Room } from '@domain/model';
import { monthOf, localDateOf, startOfLocalDay, type YearMonth } from '@domain/time';
import type { Storage } from '../_shared/storage/port';

/**
 * The writes of the fee ledger, each keeping the room's account and the running totals in step in
 * the same operation. Handlers, the monthly sweep and the fee imports (`admin/fee-imports.ts`) call
 * these: an import of bills calls `insertBill` per row, an import of payments `applyPayment` per row
 * with a deterministic payment id, each applying the chunk's totals once.
 */

export async function scheduleOf(store: Storage, communityId: Id): Promise<FeeSchedule | null> {
  return store.get('feeSchedules', communityId);
}

export async function feePolicy(store: Storage, communityId: Id): Promise<ReminderPolicy> {
  return policyOf(await store.get('communities', communityId));
}

export async function applyTotals(store: Storage, communityId: Id, changes: TotalsChange[]): Promise<void> {
  for (const c of mergeChanges(changes)) {
    const id = totalsId(communityId, c.buildingId, c.month);
    await store.insertIfAbsent('feeTotals', { _id: id, communityId, buildingId: c.buildingId, month: c.month, ...ZERO_TOTALS });
    await store.increment('feeTotals', id, c.delta);
  }
}

/** Recomputes a room's account from its unpaid bills and the given contact facts; creates it when missing. */
export async function refreshAccount(
  store: Storage,
  room: Pick<Room, '_id' | 'communityId' | 'buildingId' | 'label'>,
  now: EpochMs,
  policy: ReminderPolicy,
  contact?: { at: EpochMs; auto: boolean; reachable: boolean },
): Promise<FeeAccount> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [unpaid, current] = await Promise.all([
      store.find('bills', { roomId: room._id, status: 'unpaid' }, { sort: [['month', 1]] }),
      store.get('feeAccounts', room._id),
    ]);
    const base: Omit<FeeAccount, 'version'> = current ?? {
      _id: room._id,
      communityId: room.communityId,
      buildingId: room.buildingId,
      roomId: room._id,
      roomLabel: room.label,
      owingFen: 0,
      unpaidCount: 0,
      oldestUnpaidMonth: null,
      contacts: 0,
      lastContactAt: null,
      lastStaffContactAt: null,
      lastAutoAt: null,
      failedInRow: 0,
      nextStaffAt: NEVER,
      nextAutoAt: NEVER,
      altContacts: [],
      updatedAt: now,
    };
    const next = { ...base };
    if (contact) {
      next.contacts += 1;
      next.lastContactAt = Math.max(base.lastContactAt ?? 0, contact.at);
      if (contact.auto) next.lastAutoAt = contact.at;
      else {
        next.lastStaffContactAt = contact.at;
        next.failedInRow = contact.reachable ? 0 : base.failedInRow + 1;
      }
    }
    const open = unpaid.filter((b) => owingFen(b) > 0);
    next.owingFen = open.reduce((s, b) => s + owingFen(b), 0);
    next.unpaidCount = open.length;
    next.oldestUnpaidMonth = open[0]?.month ?? null;
    const at = (d: string | null): EpochMs => (d === null ? NEVER : startOfLocalDay(d));
    next.nextStaffAt = at(nextReminderOn(next.oldestUnpaidMonth, next.lastStaffContactAt, now, policy));
    next.nextAutoAt = at(nextReminderOn(next.oldestUnpaidMonth, next.lastAutoAt, now, policy));
    if (next.owingFen === 0) next.failedInRow = 0;
    next.updatedAt = now;
    if (!current) {
      if (await store.insertIfAbsent('feeAccounts', next)) return { ...next, version: 1 };
      continue;
    }
    const { _id, version, ...patch } = next as FeeAccount;
    if (await store.update('feeAccounts', _id, version, patch)) return { ...(next as FeeAccount), version: version + 1 };
  }
  throw new Error(`feeAccounts ${room._id}: too many concurrent changes`);
}

/**
 * Bills a set of rooms for a month. Ids are per room and month and inserted only if absent, so a
 * second run (or a resumed one) creates nothing and adds nothing to the totals.
 */
export async function generateForRooms(
  store: Storage,
  rooms: Room[],
  schedule: FeeSchedule,
  month: YearMonth,
  now: EpochMs,
  policy: ReminderPolicy,
): Promise<number> {
  let created = 0;
  const changes: TotalsChange[] = [];
  for (const room of rooms) {
    const plan = planBill(room, schedule, month, policy);
    if (plan && (await insertBill(store, room, plan, now, policy, changes))) created += 1;
  }
  if (rooms.length) await applyTotals(store, rooms[0].communityId, changes);
  return created;
}

/**
 * Stores one bill unless its room and month already has one, and keeps the room's account; the
 * totals change goes into `changes` for the caller to apply once per operation (`applyTotals`).
 * The import of bills from a billing system calls this per row with the row's own amount
 * (`{ ...planBill(...), amountFen }` or a `PlannedBill` built from the row).
 */
export async function insertBill(
  store: Storage,
  room: Room,
  plan: PlannedBill,
  now: EpochMs,
  policy: ReminderPolicy,
  changes: TotalsChange[],
): Promise<boolean> {
  const inserted = await store.insertIfAbsent('bills', { ...plan, status: 'unpaid', paidFen: 0, createdAt: now });
  if (!inserted) return false;
  changes.push(...billCreated(plan));
  await refreshAccount(store, room, now, policy);
  return true;
}

export interface PaymentInput {
  /** Deterministic for imports (e.g. from the bank's transaction number): a row applied twice is applied once. */
  paymentId: Id;
  room: Room;
  amountFen: number;
  paidOn: string;
  channel: Payment['channel'];
  receiptNo: string;
  source: Payment['source'];
  byId: Id;
  reportId?: Id;
  /** An import row "matched by room and month" pays only those months' bills (oldest first among them). */
  onlyMonths?: string[];
}

/**
 * Records a payment against a room: oldest bill first, the rest left owing. Returns the stored
 * payment, or the one already stored under the same id (nothing applied twice). Refuses before any
 * write when nothing (of those months) is owed or the amount is more. An import passes `totals` and
 * applies them once per chunk, as `recordContact` does.
 */
export async function applyPayment(store: Storage, input: PaymentInput, now: EpochMs, policy: ReminderPolicy, totals?: TotalsChange[]): Promise<Payment> {
  const existing = await store.get('payments', input.paymentId);
  if (existing) return existing;
  const unpaid = (await store.find('bills', { roomId: input.room._id, status: 'unpaid' }, { sort: [['month', 1]] })).filter(
    (b) => !input.onlyMonths || input.onlyMonths.includes(b.month),
  );
  const allocations = allocatePayment(
    unpaid.map((b) => ({ billId: b._id, month: b.month, owingFen: owingFen(b) })),
    input.amountFen,
  );
  const byId = new Map(unpaid.map((b) => [b._id, b]));
  const changes: TotalsChange[] = [];
  for (const a of allocations) {
    const bill = byId.get(a.billId) as Bill;
    const paidFen = (bill.paidFen ?? 0) + a.fen;
    const patch: Partial<Bill> = a.settles ? { paidFen, status: 'paid', paidAt: startOfLocalDay(input.paidOn) } : { paidFen };
    if (!(await store.update('bills', bill._id, bill.version, patch))) throw new Error(`bill ${bill._id} changed meanwhile`);
    changes.push(
      ...allocationApplied({
        buildingId: bill.buildingId,
        billMonth: bill.month,
        effectiveMonth: effectiveMonth(input.paidOn, bill.month),
        fen: a.fen,
        settles: a.settles,
      }),
    );
  }
  const payment = await store.insert('payments', {
    _id: input.paymentId,
    communityId: input.room.communityId,
    buildingId: input.room.buildingId,
    roomId: input.room._id,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    channel: input.channel,
    receiptNo: input.receiptNo,
    allocations,
    source: input.source,
    byId: input.byId,
    at: now,
    ...(input.reportId ? { reportId: input.reportId } : {}),
  });
  if (totals) totals.push(...changes);
  else await applyTotals(store, input.room.communityId, changes);
  await refreshAccount(store, input.room, now, policy);
  return payment;
}

export interface ContactInput {
  reminderId: Id;
  room: Room;
  channel: ReminderChannel;
  written: boolean;
  outcome: string;
  reachable: boolean;
  byId: Id;
  auto: boolean;
  alertKey?: string;
}

/**
 * One contact with a room about all its unpaid bills: one reminder record, counted once. A caller
 * recording many contacts in one operation passes `totals` and applies them once at the end
 * (`applyTotals`): a record remembers only its last few increments (OPS_KEPT), so many increments
 * into one totals record within one operation could be applied twice when a crash resumes it.
 */
export async function recordContact(
  store: Storage,
  input: ContactInput,
  now: EpochMs,
  policy: ReminderPolicy,
  totals?: TotalsChange[],
): Promise<{ created: boolean; billIds: Id[] }> {
  const unpaid = (await store.find('bills', { roomId: input.room._id, status: 'unpaid' }, { sort: [['month', 1]] })).filter((b) => owingFen(b) > 0);
  if (unpaid.length === 0) return { created: false, billIds: [] };
  const billIds = unpaid.map((b) => b._id);
  const inserted = await store.insertIfAbsent('reminders', {
    _id: input.reminderId,
    communityId: input.room.communityId,
    buildingId: input.room.buildingId,
    billId: billIds[0],
    billIds,
    roomId: input.room._id,
    channel: input.channel,
    byId: input.byId,
    at: now,
    outcome: input.outcome,
    written: input.written,
    reachable: input.reachable,
    ...(input.alertKey ? { alertKey: input.alertKey } : {}),
  });
  if (!inserted) return { created: false, billIds };
  const change = contactMade({ buildingId: input.room.buildingId, month: monthOf(localDateOf(now)), channel: input.channel });
  if (totals) totals.push(...change);
  else await applyTotals(store, input.room.communityId, change);
  await refreshAccount(store, input.room, now, policy, { at: now, auto: input.auto, reachable: input.reachable });
  return { created: true, billIds };
}
