/**
 * Collection figures by month and building, kept as running totals: every write that changes money
 * or reminders adds its delta to the totals record of its (community, building, month) in the same
 * operation, and the dashboard only reads those records. `totalsFromRecords` recomputes them from
 * the raw bills, payments and reminders with the same delta functions, so a test can prove the
 * stored figures reconcile to the fen.
 *
 * The rule book's rates, for a month M:
 *  - 收缴率 = fen paid (to date) on bills of M ÷ fen billed for M
 *  - 户收费率 = bills of M fully paid ÷ bills of M (one bill per room and month, so rooms)
 *  - 清缴率 = fen recovered during M on bills of earlier months ÷ arrears at the start of M
 * A payment counts in the month of its date, never before its bill's own month (`effectiveMonth`).
 */
import type { Fen, Id } from './model';
import { REMINDER_CHANNELS, type ReminderChannel } from './fees';
import type { YearMonth } from './time';

export type ChannelCounts = { [K in ReminderChannel as `contacts_${K}`]: number };

export interface TotalsFigures extends ChannelCounts {
  billedFen: Fen;
  billCount: number;
  /** Paid on this month's bills, whenever paid. */
  paidForMonthFen: Fen;
  fullyPaidCount: number;
  /** Everything settled in this month (by effective month), whichever bill it went to. */
  settledFen: Fen;
  /** The part of `settledFen` that went to bills of earlier months. */
  recoveredOldFen: Fen;
}

export type TotalsDelta = Partial<TotalsFigures>;

export const CHANNEL_FIELDS = Object.keys(REMINDER_CHANNELS).map((c) => `contacts_${c}`) as Array<keyof ChannelCounts>;

export const ZERO_TOTALS: TotalsFigures = {
  billedFen: 0,
  billCount: 0,
  paidForMonthFen: 0,
  fullyPaidCount: 0,
  settledFen: 0,
  recoveredOldFen: 0,
  ...(Object.fromEntries(CHANNEL_FIELDS.map((f) => [f, 0])) as ChannelCounts),
};

export const totalsId = (communityId: Id, buildingId: Id, month: YearMonth): Id => `${communityId}:${buildingId}:${month}`;

export interface TotalsChange {
  buildingId: Id;
  month: YearMonth;
  delta: TotalsDelta;
}

export function billCreated(bill: { buildingId: Id; month: YearMonth; amountFen: Fen }): TotalsChange[] {
  return [{ buildingId: bill.buildingId, month: bill.month, delta: { billedFen: bill.amountFen, billCount: 1 } }];
}

/** One allocation of a payment to a bill: credited to the bill's month and to the month it was settled in. */
export function allocationApplied(a: { buildingId: Id; billMonth: YearMonth; effectiveMonth: YearMonth; fen: Fen; settles: boolean }): TotalsChange[] {
  const forBill: TotalsDelta = { paidForMonthFen: a.fen };
  if (a.settles) forBill.fullyPaidCount = 1;
  const inMonth: TotalsDelta = { settledFen: a.fen };
  if (a.billMonth < a.effectiveMonth) inMonth.recoveredOldFen = a.fen;
  return [
    { buildingId: a.buildingId, month: a.billMonth, delta: forBill },
    { buildingId: a.buildingId, month: a.effectiveMonth, delta: inMonth },
  ];
}

/** A contact counts once, whatever number of bills it covered. */
export function contactMade(c: { buildingId: Id; month: YearMonth; channel: ReminderChannel }): TotalsChange[] {
  return [{ buildingId: c.buildingId, month: c.month, delta: { [`contacts_${c.channel}`]: 1 } as TotalsDelta }];
}

/** Folds changes into one delta per (building, month): a handler writes each totals record once. */
export function mergeChanges(changes: TotalsChange[]): TotalsChange[] {
  const out = new Map<string, TotalsChange>();
  for (const c of changes) {
    const key = `${c.buildingId}:${c.month}`;
    const prev = out.get(key) ?? { buildingId: c.buildingId, month: c.month, delta: {} };
    for (const [k, v] of Object.entries(c.delta) as Array<[keyof TotalsFigures, number]>) prev.delta[k] = (prev.delta[k] ?? 0) + v;
    out.set(key, prev);
  }
  return [...out.values()];
}

export interface TotalsRow extends TotalsFigures {
  buildingId: Id;
  month: YearMonth;
}

export function addFigures(a: TotalsFigures, b: TotalsDelta): TotalsFigures {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof TotalsFigures, number]>) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** The totals the raw records imply, with the same deltas the writes apply. */
export function totalsFromRecords(
  bills: Array<{ buildingId: Id; month: YearMonth; amountFen: Fen }>,
  allocations: Array<{ buildingId: Id; billMonth: YearMonth; effectiveMonth: YearMonth; fen: Fen; settles: boolean }>,
  contacts: Array<{ buildingId: Id; month: YearMonth; channel: ReminderChannel }>,
): TotalsRow[] {
  const changes = mergeChanges([...bills.flatMap(billCreated), ...allocations.flatMap(allocationApplied), ...contacts.flatMap(contactMade)]);
  return changes.map((c) => ({ ...addFigures(ZERO_TOTALS, c.delta), buildingId: c.buildingId, month: c.month }));
}

/** A ratio in basis points (1/10000), rounded half up; null when there is nothing to divide by. */
export function ratioBp(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.floor((2 * numerator * 10000 + denominator) / (2 * denominator));
}

export interface MonthRates {
  month: YearMonth;
  billedFen: Fen;
  paidForMonthFen: Fen;
  owingForMonthFen: Fen;
  arrearsAtStartFen: Fen;
  recoveredOldFen: Fen;
  /** 收缴率, 户收费率, 清缴率 in basis points. */
  collectionBp: number | null;
  householdBp: number | null;
  clearanceBp: number | null;
  contacts: ChannelCounts;
}

/**
 * Rates for each month from the totals of one scope (a building, or the community summed). Arrears at
 * the start of M are everything billed before M less everything settled before M.
 */
export function monthRates(rows: TotalsFigures[] & Array<{ month: YearMonth }>): MonthRates[] {
  const byMonth = new Map<YearMonth, TotalsFigures>();
  for (const r of rows) byMonth.set(r.month, addFigures(byMonth.get(r.month) ?? ZERO_TOTALS, r));
  const months = [...byMonth.keys()].sort();
  let billedBefore = 0;
  let settledBefore = 0;
  return months.map((month) => {
    const t = byMonth.get(month) ?? ZERO_TOTALS;
    const arrearsAtStartFen = billedBefore - settledBefore;
    billedBefore += t.billedFen;
    settledBefore += t.settledFen;
    const contacts = Object.fromEntries(CHANNEL_FIELDS.map((f) => [f, t[f]])) as ChannelCounts;
    return {
      month,
      billedFen: t.billedFen,
      paidForMonthFen: t.paidForMonthFen,
      owingForMonthFen: t.billedFen - t.paidForMonthFen,
      arrearsAtStartFen,
      recoveredOldFen: t.recoveredOldFen,
      collectionBp: ratioBp(t.paidForMonthFen, t.billedFen),
      householdBp: ratioBp(t.fullyPaidCount, t.billCount),
      clearanceBp: ratioBp(t.recoveredOldFen, arrearsAtStartFen),
      contacts,
    };
  });
}

/** '87.50%' from basis points; '—' when undefined. */
export function percentText(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}
