import { effectiveMonth } from '@domain/fee-ledger';
import { totalsFromRecords, type TotalsRow } from '@domain/fee-totals';
import type { ReminderChannel } from '@domain/fees';
import type { Storage } from '../../cloudfunctions/_shared/storage/port';

/** The stored running totals against those the raw bills, payments and reminders imply, to the fen. */
export async function expectTotalsReconcile(s: Storage): Promise<void> {
  const [bills, payments, reminders, stored] = await Promise.all([
    s.find('bills', {}),
    s.find('payments', {}),
    s.find('reminders', {}),
    s.find('feeTotals', {}),
  ]);
  const building = new Map(bills.map((b) => [b._id, b.buildingId]));
  const recomputed = totalsFromRecords(
    bills,
    payments.flatMap((p) =>
      p.allocations.map((a) => ({
        buildingId: building.get(a.billId) as string,
        billMonth: a.month,
        effectiveMonth: effectiveMonth(p.paidOn, a.month),
        fen: a.fen,
        settles: a.settles,
      })),
    ),
    reminders.map((r) => ({
      buildingId: r.buildingId ?? '',
      month: new Date(r.at + 8 * 3600_000).toISOString().slice(0, 7),
      channel: r.channel as ReminderChannel,
    })),
  );
  const strip = ({ buildingId, month, ...f }: TotalsRow) => ({ key: `${buildingId}:${month}`, ...f });
  const storedRows = stored
    .map(({ _id: _i, version: _v, ops: _o, communityId: _c, ...rest }) => strip(rest as TotalsRow))
    .filter((r) => Object.entries(r).some(([k, v]) => k !== 'key' && v !== 0))
    .sort((a, b) => a.key.localeCompare(b.key));
  expect(storedRows).toEqual(recomputed.map(strip).sort((a, b) => a.key.localeCompare(b.key)));
}
