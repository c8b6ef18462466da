/**
 * Bills and payments in integer fen. Every amount the product stores or shows comes out of these
 * functions, so the totals reconcile with the records to the fen: no floating-point money anywhere.
 * An import (the onboarding issue's mechanism) calls `planBill` and `allocatePayment` row by row,
 * exactly as the monthly run and the staff's "mark paid" do.
 */
import { AppError } from './errors';
import type { Fen, Id, LocalDate } from './model';
import { ownValue } from './own';
import { calendarDaysBetween, dateInMonth, lastDayOfMonth, monthOf, type YearMonth } from './time';
import { DEFAULT_REMINDER_POLICY, reminderStartDate, type ReminderPolicy } from './fees';

/** A room's monthly fee: building area × unit price (fen per m² per month), or a fixed amount. */
export type FeeRate = { kind: 'area'; fenPerM2: Fen } | { kind: 'fixed'; amountFen: Fen };

export interface FeeSchedule {
  /** The rate of every room without one of its own. */
  rate: FeeRate;
  /** Per-room rates (shops, parking spaces, a room with an agreed price). */
  rooms?: Record<Id, FeeRate>;
  /** A room taken over mid-month pays for the days left; otherwise it is billed from the next month. */
  proRata: boolean;
}

export const isFen = (n: unknown): n is Fen => typeof n === 'number' && Number.isSafeInteger(n);

/** Integer division rounding halves up (amounts are never negative here). */
export function divRound(numerator: number, denominator: number): Fen {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Areas come with two decimals (89.37 m²): scaled to hundredths before multiplying, so 0.1 + 0.2 never enters. */
export function monthlyFen(rate: FeeRate, areaM2: number): Fen {
  if (rate.kind === 'fixed') return rate.amountFen;
  return divRound(Math.round(areaM2 * 100) * rate.fenPerM2, 100);
}

export function rateOf(schedule: FeeSchedule, roomId: Id): FeeRate {
  return (schedule.rooms && ownValue(schedule.rooms, roomId)) ?? schedule.rate;
}

export interface RoomForBilling {
  _id: Id;
  communityId: Id;
  buildingId: Id;
  areaM2: number;
  /** The day the company took the room on (a new building, a room added later); absent → always billed. */
  activeFrom?: LocalDate;
}

export interface PlannedBill {
  _id: Id;
  communityId: Id;
  buildingId: Id;
  roomId: Id;
  month: YearMonth;
  amountFen: Fen;
  dueDate: LocalDate;
  /** An imported bill's fee item other than the property fee. */
  item?: string;
}

/** One id per room and month: generating a month twice (or importing it) finds the bill already there. */
export const billId = (roomId: Id, month: YearMonth): Id => `bill_${roomId}_${month}`;

/**
 * The bill a room owes for a month, or null when it owes none: a room that became active during the
 * month is billed from the next month, unless the schedule is pro rata (then for the days left,
 * the first day included).
 */
export function planBill(room: RoomForBilling, schedule: FeeSchedule, month: YearMonth, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): PlannedBill | null {
  const full = monthlyFen(rateOf(schedule, room._id), room.areaM2);
  let amountFen = full;
  const first = dateInMonth(month, 1);
  const last = lastDayOfMonth(month);
  if (room.activeFrom && room.activeFrom > first) {
    if (room.activeFrom > last || !schedule.proRata) return null;
    const days = calendarDaysBetween(first, last) + 1;
    const active = calendarDaysBetween(room.activeFrom, last) + 1;
    amountFen = divRound(full * active, days);
  }
  if (amountFen <= 0) return null;
  return {
    _id: billId(room._id, month),
    communityId: room.communityId,
    buildingId: room.buildingId,
    roomId: room._id,
    month,
    amountFen,
    dueDate: reminderStartDate(month, policy),
  };
}

/** What is still owed on a bill (bills from before partial payments carry no paidFen). */
export function owingFen(bill: { amountFen: Fen; paidFen?: Fen; status: 'unpaid' | 'paid' }): Fen {
  if (bill.status === 'paid') return 0;
  return bill.amountFen - (bill.paidFen ?? 0);
}

export interface OpenBill {
  billId: Id;
  month: YearMonth;
  owingFen: Fen;
}

export interface Allocation {
  billId: Id;
  month: YearMonth;
  fen: Fen;
  /** This allocation settles the bill. */
  settles: boolean;
}

/**
 * Splits a payment over a room's open bills, oldest month first; whatever it does not cover stays
 * owing on the newer bills. Paying more than is owed is refused: the product keeps no credit balance,
 * and an overpayment is for staff to refund or to record against next month's bill once it exists.
 */
export function allocatePayment(open: OpenBill[], amountFen: Fen): Allocation[] {
  if (!isFen(amountFen) || amountFen <= 0) throw new AppError('INVALID_AMOUNT');
  const sorted = [...open].filter((b) => b.owingFen > 0).sort((a, b) => a.month.localeCompare(b.month) || a.billId.localeCompare(b.billId));
  const total = sorted.reduce((s, b) => s + b.owingFen, 0);
  if (total === 0) throw new AppError('NOTHING_OWING');
  if (amountFen > total) throw new AppError('OVERPAID', `缴费金额超过欠费合计 ${yuan(total)} 元`);
  const out: Allocation[] = [];
  let left = amountFen;
  for (const b of sorted) {
    if (left === 0) break;
    const fen = Math.min(left, b.owingFen);
    out.push({ billId: b.billId, month: b.month, fen, settles: fen === b.owingFen });
    left -= fen;
  }
  return out;
}

/** Fen as yuan for display: always two decimals, no floating-point division. */
export function yuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** '1234.5' / '1234.56' / '1234' → fen; anything else (three decimals, signs, letters) → null. */
export function parseYuan(text: string): Fen | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The month a payment counts in for the totals: its date's, but never before the bill's own month. */
export function effectiveMonth(paidOn: LocalDate, billMonth: YearMonth): YearMonth {
  const m = monthOf(paidOn);
  return m > billMonth ? m : billMonth;
}
