import type { FeeSchedule } from '@domain/fee-ledger';
import { allocationApplied, billCreated, type TotalsChange } from '@domain/fee-totals';
import { DEFAULT_REMINDER_POLICY } from '@domain/fees';
import type { Bill, Room } from '@domain/model';
import { localDateOf } from '@domain/time';
import type { Storage } from '../_shared/storage/port';
import { applyTotals, refreshAccount } from './ledger';

/** The demo's bills are 2.50 元 per m² per month. */
const FEE_SCHEDULE_DEMO: FeeSchedule = { rate: { kind: 'area', fenPerM2: 250 }, proRata: false };

/**
 * The demo's bills come as records; this gives them what the ledger's writes would have: a payment
 * for each paid bill, the running totals and every room's account, plus the schedule they follow.
 * Idempotent (ids are per bill; totals are only added when the schedule record is first written).
 */
export async function seedFeeLedger(store: Storage, data: { rooms: Room[]; bills: Bill[] }, now: number): Promise<void> {
  const communityId = data.rooms[0]?.communityId;
  if (!communityId) return;
  const first = await store.insertIfAbsent('feeSchedules', { _id: communityId, communityId, ...FEE_SCHEDULE_DEMO, updatedAt: now, updatedBy: 'seed' });
  const changes: TotalsChange[] = [];
  for (const b of data.bills) {
    changes.push(...billCreated(b));
    if (b.status !== 'paid' || b.paidAt === undefined) continue;
    const paidOn = localDateOf(b.paidAt);
    const allocation = { billId: b._id, month: b.month, fen: b.amountFen, settles: true };
    await store.insertIfAbsent('payments', {
      _id: `payment_seed_${b._id}`,
      communityId: b.communityId,
      buildingId: b.buildingId,
      roomId: b.roomId,
      amountFen: b.amountFen,
      paidOn,
      channel: 'billing_system',
      receiptNo: `SEED-${b._id}`,
      allocations: [allocation],
      source: 'import',
      byId: 'seed',
      at: b.paidAt,
    });
    const effective = paidOn.slice(0, 7) > b.month ? paidOn.slice(0, 7) : b.month;
    changes.push(...allocationApplied({ buildingId: b.buildingId, billMonth: b.month, effectiveMonth: effective, fen: b.amountFen, settles: true }));
  }
  if (first) await applyTotals(store, communityId, changes);
  for (const room of data.rooms) await refreshAccount(store, room, now, DEFAULT_REMINDER_POLICY);
}
