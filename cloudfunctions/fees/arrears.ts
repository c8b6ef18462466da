import type { ArrearsRow } from '@domain/api/fees';
import { DEFAULT_REMINDER_POLICY, ESCALATION_LABELS, escalationStep, limitationWarning, reminderDue, type ReminderPolicy } from '@domain/fees';
import type { Bill, EpochMs, FeeReminder, Room } from '@domain/model';

/**
 * One room's arrears as the butler sees them, every judgement made by the domain's fee rules:
 * whether a reminder is due (from the 15th, on the policy's cadence), the suggested escalation step,
 * and the bill whose limitation period is closest to running out.
 */
export function arrearsRows(
  bills: Bill[],
  reminders: FeeReminder[],
  rooms: Map<string, Room>,
  now: EpochMs,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): ArrearsRow[] {
  const byBill = new Map<string, FeeReminder[]>();
  for (const r of reminders) byBill.set(r.billId, [...(byBill.get(r.billId) ?? []), r]);
  const byRoom = new Map<string, Bill[]>();
  for (const b of bills) byRoom.set(b.roomId, [...(byRoom.get(b.roomId) ?? []), b]);

  return [...byRoom.entries()].map(([roomId, roomBills]): ArrearsRow => {
    const sorted = [...roomBills].sort((a, b) => a.month.localeCompare(b.month));
    const roomReminders = sorted.flatMap((b) => byBill.get(b._id) ?? []).sort((a, b) => a.at - b.at);
    const last = roomReminders[roomReminders.length - 1];
    const lastAt = (b: Bill): EpochMs | null => {
      const times = (byBill.get(b._id) ?? []).map((r) => r.at);
      return times.length ? Math.max(...times) : null;
    };
    const due = sorted.map((b) => reminderDue(b, lastAt(b), now, policy));
    const nextDates = due
      .map((d) => d.nextDate)
      .filter((d): d is string => d !== null)
      .sort();
    const totalFen = sorted.reduce((s, b) => s + b.amountFen, 0);
    const step = escalationStep({ totalFen, oldestUnpaidMonth: sorted[0].month }, now, policy);
    const limits = sorted
      .map((b) => {
        const written = (byBill.get(b._id) ?? []).filter((r) => r.written).map((r) => r.at);
        return { bill: b, w: limitationWarning(written.length ? Math.max(...written) : b.dueDate, now, policy) };
      })
      .filter(({ w }) => w.warn)
      .sort((a, b) => a.w.daysLeft - b.w.daysLeft);
    const worst = limits[0];
    return {
      roomId,
      roomLabel: rooms.get(roomId)?.label ?? '',
      unpaidMonths: sorted.map((b) => b.month),
      bills: sorted.map((b) => ({ billId: b._id, month: b.month, amountFen: b.amountFen })),
      amountFen: totalFen,
      reminderCount: roomReminders.length,
      lastReminderAt: last?.at,
      reachable: last ? last.reachable : true,
      reminderDueNow: due.some((d) => d.due),
      nextReminderDate: nextDates[0] ?? null,
      escalation: step,
      escalationLabel: ESCALATION_LABELS[step],
      limitation: worst && {
        billId: worst.bill._id,
        month: worst.bill.month,
        expiresOn: worst.w.expiresOn,
        daysLeft: worst.w.daysLeft,
        expired: worst.w.expired,
      },
    };
  });
}
