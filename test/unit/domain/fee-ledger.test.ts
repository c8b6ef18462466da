import { allocatePayment, divRound, effectiveMonth, monthlyFen, owingFen, parseYuan, planBill, yuan, type FeeSchedule } from '@domain/fee-ledger';
import {
  billCreated,
  monthRates,
  mergeChanges,
  percentText,
  ratioBp,
  totalsFromRecords,
  ZERO_TOTALS,
  addFigures,
  allocationApplied,
  contactMade,
} from '@domain/fee-totals';
import { billsAtRisk, interruptsLimitation, nextReminderOn, policyOf, proofAccepted, provenAt, DEFAULT_REMINDER_POLICY, escalationStep } from '@domain/fees';

const at = (iso: string) => Date.parse(iso);
const room = { _id: 'r1', communityId: 'c', buildingId: 'b', areaM2: 89.37 };
const schedule: FeeSchedule = { rate: { kind: 'area', fenPerM2: 250 }, proRata: false };

describe('money in fen', () => {
  it('area × unit price without floating-point drift, halves rounded up', () => {
    expect(monthlyFen({ kind: 'area', fenPerM2: 250 }, 89.37)).toBe(22343); // 22342.5 → 22343
    expect(monthlyFen({ kind: 'area', fenPerM2: 185 }, 0.3)).toBe(56); // 55.5 → 56, not 55.49999
    expect(monthlyFen({ kind: 'fixed', amountFen: 15000 }, 120)).toBe(15000);
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(4, 3)).toBe(1);
  });

  it('reads and writes yuan exactly', () => {
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(yuan(123405)).toBe('1234.05');
    expect(yuan(7)).toBe('0.07');
  });

  it('a partial payment pays the oldest bill first and leaves the rest owing', () => {
    const open = [
      { billId: 'b3', month: '2026-03', owingFen: 300 },
      { billId: 'b1', month: '2026-01', owingFen: 100 },
      { billId: 'b2', month: '2026-02', owingFen: 200 },
    ];
    expect(allocatePayment(open, 250)).toEqual([
      { billId: 'b1', month: '2026-01', fen: 100, settles: true },
      { billId: 'b2', month: '2026-02', fen: 150, settles: false },
    ]);
    expect(() => allocatePayment(open, 601)).toThrow(/OVERPAID/);
    expect(() => allocatePayment(open, 0)).toThrow(/INVALID_AMOUNT/);
    expect(() => allocatePayment(open, 1.5)).toThrow(/INVALID_AMOUNT/);
    expect(owingFen({ amountFen: 300, paidFen: 120, status: 'unpaid' })).toBe(180);
    expect(owingFen({ amountFen: 300, status: 'paid' })).toBe(0);
  });
});

describe('bill planning', () => {
  it('one id per room and month; mid-month rooms from next month unless pro rata', () => {
    expect(planBill(room, schedule, '2026-12')).toMatchObject({ _id: 'bill_r1_2026-12', amountFen: 22343, dueDate: '2026-12-15' });
    expect(planBill({ ...room, activeFrom: '2026-12-01' }, schedule, '2026-12')?.amountFen).toBe(22343);
    expect(planBill({ ...room, activeFrom: '2026-12-17' }, schedule, '2026-12')).toBeNull();
    expect(planBill({ ...room, activeFrom: '2026-12-17' }, schedule, '2027-01')?.amountFen).toBe(22343);
    expect(planBill({ ...room, activeFrom: '2026-12-17' }, { ...schedule, proRata: true }, '2026-12')?.amountFen).toBe(divRound(22343 * 15, 31));
    expect(planBill(room, { ...schedule, rooms: { r1: { kind: 'fixed', amountFen: 9900 } } }, '2026-12')?.amountFen).toBe(9900);
  });

  it('a payment counts in its own month, never before its bill’s', () => {
    expect(effectiveMonth('2026-11-30', '2026-12')).toBe('2026-12');
    expect(effectiveMonth('2027-02-03', '2026-12')).toBe('2027-02');
  });
});

describe('cadence, proof and thresholds', () => {
  it('reminders from the 15th, then every N days from the last attempt', () => {
    const now = at('2026-11-10T10:00:00+08:00');
    expect(nextReminderOn('2026-11', null, now)).toBe('2026-11-15');
    expect(nextReminderOn('2026-10', at('2026-11-03T10:00:00+08:00'), now)).toBe('2026-11-10');
    expect(nextReminderOn(null, null, now)).toBeNull();
    expect(nextReminderOn('2026-10', at('2026-11-03T10:00:00+08:00'), now, policyOf({ feePolicy: { repeatEveryDays: 3 } }))).toBe('2026-11-06');
  });

  it('community fee policy: missing or malformed fields fall back to the defaults', () => {
    expect(policyOf(null)).toEqual(DEFAULT_REMINDER_POLICY);
    expect(policyOf({ feePolicy: { repeatEveryDays: 'x', lawyerLetterAfterMonths: 3, startDay: 1 } })).toEqual({
      ...DEFAULT_REMINDER_POLICY,
      lawyerLetterAfterMonths: 3,
    });
    const policy = policyOf({ feePolicy: { lawyerLetterAfterMonths: 3 } });
    expect(escalationStep({ totalFen: 100, oldestUnpaidMonth: '2026-07' }, at('2026-11-20T10:00:00+08:00'), policy)).toBe('lawyer_letter');
    expect(escalationStep({ totalFen: 100, oldestUnpaidMonth: '2026-07' }, at('2026-11-20T10:00:00+08:00'))).toBe('repeat_reminders');
  });

  it('only a written reminder with a fitting proof interrupts the limitation period', () => {
    const by = { at: 1, byId: 'p' };
    expect(interruptsLimitation({ channel: 'slip' })).toBe(false);
    expect(interruptsLimitation({ channel: 'phone', proof: { kind: 'registered_mail', trackingNo: 'EMS1', ...by } })).toBe(false);
    expect(interruptsLimitation({ channel: 'slip', proof: { kind: 'registered_mail', trackingNo: 'EMS1', ...by } })).toBe(true);
    expect(proofAccepted('slip', 'read_receipt')).toBe(false);
    expect(proofAccepted('in_app', 'read_receipt')).toBe(true);
    expect(proofAccepted('sms', 'slip_photo')).toBe(false);
    expect(provenAt({ channel: 'in_app', at: 10, proof: { kind: 'read_receipt', readAt: 99, ...by } })).toBe(99);
  });

  it('bills at risk say from when the period counts and when it ends', () => {
    const now = at('2026-11-20T10:00:00+08:00');
    const risks = billsAtRisk(
      [
        { billId: 'a', month: '2023-12', dueDate: '2023-12-15' },
        { billId: 'b', month: '2023-11', dueDate: '2023-11-15', lastProvenAt: at('2025-01-10T10:00:00+08:00') },
        { billId: 'c', month: '2023-10', dueDate: '2023-10-15' },
      ],
      now,
    );
    expect(risks).toEqual([
      { billId: 'c', month: '2023-10', since: '2023-10-15', expiresOn: '2026-10-15', daysLeft: -36, expired: true },
      { billId: 'a', month: '2023-12', since: '2023-12-15', expiresOn: '2026-12-15', daysLeft: 25, expired: false },
    ]);
  });
});

describe('totals and rates', () => {
  it('收缴率, 户收费率 and 清缴率 from running totals, recomputable from the records', () => {
    const bills = [
      { buildingId: 'b', month: '2026-10', amountFen: 1000 },
      { buildingId: 'b', month: '2026-10', amountFen: 1000 },
      { buildingId: 'b', month: '2026-11', amountFen: 1000 },
      { buildingId: 'b', month: '2026-11', amountFen: 1000 },
    ];
    const allocations = [
      { buildingId: 'b', billMonth: '2026-10', effectiveMonth: '2026-10', fen: 1000, settles: true },
      // October's second bill: half recovered in November.
      { buildingId: 'b', billMonth: '2026-10', effectiveMonth: '2026-11', fen: 500, settles: false },
      { buildingId: 'b', billMonth: '2026-11', effectiveMonth: '2026-11', fen: 1000, settles: true },
    ];
    const contacts = [
      { buildingId: 'b', month: '2026-11', channel: 'phone' as const },
      { buildingId: 'b', month: '2026-11', channel: 'phone' as const },
    ];
    const rows = totalsFromRecords(bills, allocations, contacts);
    const [oct, nov] = monthRates(rows);
    expect(oct).toMatchObject({ billedFen: 2000, paidForMonthFen: 1500, collectionBp: 7500, householdBp: 5000, arrearsAtStartFen: 0, clearanceBp: null });
    expect(nov).toMatchObject({
      billedFen: 2000,
      paidForMonthFen: 1000,
      collectionBp: 5000,
      householdBp: 5000,
      arrearsAtStartFen: 1000,
      recoveredOldFen: 500,
      clearanceBp: 5000,
    });
    expect(nov.contacts.contacts_phone).toBe(2);
    // Incremental writes reach the same figures as the recomputation.
    const incremental = mergeChanges([...bills.flatMap(billCreated), ...allocations.flatMap(allocationApplied), ...contacts.flatMap(contactMade)]);
    expect(incremental.map((c) => ({ ...addFigures(ZERO_TOTALS, c.delta), buildingId: c.buildingId, month: c.month }))).toEqual(rows);
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(percentText(6667)).toBe('66.67%');
    expect(percentText(null)).toBe('—');
  });
});
