import type { ArrearsRow, ReminderView } from '@domain/api/fees';
import { owingFen } from '@domain/fee-ledger';
import type { FeeAccount } from '@domain/fee-records';
import {
  billsAtRisk,
  ESCALATION_LABELS,
  escalationStep,
  interruptsLimitation,
  isWrittenReminder,
  REMINDER_CHANNELS,
  UNREACHABLE_AFTER_FAILURES,
  type ReminderChannel,
  type ReminderPolicy,
} from '@domain/fees';
import type { Bill, EpochMs, FeeReminder } from '@domain/model';
import { endOfLocalDay, localDateOf } from '@domain/time';
import type { Storage } from '../_shared/storage/port';

/**
 * One room's arrears as the butler sees them, from its account (kept by every write) and its unpaid
 * bills: months and amount owing, contacts counted once each, whether a reminder is due today, the
 * suggested escalation and the bill whose limitation period ends soonest.
 */
export function arrearsRow(account: FeeAccount, unpaid: Bill[], now: EpochMs, policy: ReminderPolicy): ArrearsRow {
  const open = unpaid.filter((b) => owingFen(b) > 0).sort((a, b) => a.month.localeCompare(b.month));
  const step = account.oldestUnpaidMonth ? escalationStep({ totalFen: account.owingFen, oldestUnpaidMonth: account.oldestUnpaidMonth }, now, policy) : 'none';
  const risks = billsAtRisk(
    open.map((b) => ({ billId: b._id, month: b.month, dueDate: b.dueDate, lastProvenAt: b.lastProvenAt })),
    now,
    policy,
  );
  return {
    roomId: account.roomId,
    buildingId: account.buildingId,
    roomLabel: account.roomLabel,
    unpaidMonths: open.map((b) => b.month),
    amountFen: account.owingFen,
    reminderCount: account.contacts,
    lastReminderAt: account.lastContactAt,
    reachable: account.failedInRow < UNREACHABLE_AFTER_FAILURES,
    reminderDueNow: account.nextStaffAt <= endOfLocalDay(localDateOf(now)),
    nextReminderDate: account.owingFen > 0 ? localDateOf(account.nextStaffAt) : null,
    escalation: step,
    escalationLabel: ESCALATION_LABELS[step],
    ...(risks[0] ? { limitation: risks[0] } : {}),
  };
}

export async function arrearsRows(store: Storage, accounts: FeeAccount[], now: EpochMs, policy: ReminderPolicy): Promise<ArrearsRow[]> {
  if (accounts.length === 0) return [];
  const bills = await store.find('bills', { roomId: { $in: accounts.map((a) => a.roomId) }, status: 'unpaid' });
  return accounts.map((a) =>
    arrearsRow(
      a,
      bills.filter((b) => b.roomId === a.roomId),
      now,
      policy,
    ),
  );
}

export function reminderView(r: FeeReminder, byName: string, months: Map<string, string>): ReminderView {
  const channel = r.channel as ReminderChannel;
  const billIds = r.billIds ?? [r.billId];
  return {
    reminderId: r._id,
    billIds,
    months: billIds.map((id) => months.get(id) ?? '').filter(Boolean),
    channel,
    channelLabel: REMINDER_CHANNELS[channel] ?? r.channel,
    byName: r.byId === 'system' ? '系统自动提醒' : byName,
    at: r.at,
    outcome: r.outcome,
    reachable: r.reachable,
    written: r.written,
    ...(r.proof ? { proof: r.proof } : {}),
    interrupts: interruptsLimitation({ channel, proof: r.proof }),
    canAddProof: isWrittenReminder(channel) && !r.proof,
  };
}
