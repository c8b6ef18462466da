/**
 * Writes the sample bill and bank-payment workbooks for the demo community (阳光花园, rooms 1栋-101 …
 * 2栋-504), the files a butler's walk-through imports on the fees page 账单与缴费导入:
 *   npx tsx scripts/make-fee-fixture.ts [month=2026-12] [dir=test/fixtures]
 * bills-<month>.xlsx: every room's property fee for the month (area × 2.50 元, as the demo schedule).
 * payments-<month>.xlsx: 30 rooms pay that month's bill in full by bank transfer, and one row names a
 * room the community does not have (held as unmatched for staff). Deterministic for a month.
 */
import * as path from 'path';
import { Workbook } from 'exceljs';
import { demoData } from '../cloudfunctions/_shared/seed/demo';

const yuanOf = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function feeFixtureRows(month: string): { bills: string[][]; payments: string[][] } {
  const rooms = demoData(Date.parse('2026-11-20T10:00:00+08:00')).rooms;
  const split = (label: string) => label.split('-');
  const fen = (areaM2: number) => Math.round(areaM2 * 250);
  const bills = rooms.map((r) => [split(r.label)[0], '', split(r.label)[1], month, '物业费', yuanOf(fen(r.areaM2))]);
  const paidOn = `${month}-18`;
  const payments = rooms
    .slice(0, 30)
    .map((r, i) => [
      split(r.label)[0],
      '',
      split(r.label)[1],
      month,
      yuanOf(fen(r.areaM2)),
      paidOn,
      '银行转账',
      `BK${month.replace('-', '')}${String(i + 1).padStart(4, '0')}`,
    ]);
  payments.push(['3栋', '', '101', '', '200.00', paidOn, '银行转账', `BK${month.replace('-', '')}9999`]);
  return { bills, payments };
}

async function write(file: string, sheetName: string, header: string[], rows: string[][]): Promise<void> {
  const book = new Workbook();
  book.created = new Date('2026-01-01T00:00:00Z');
  book.modified = book.created;
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  await book.xlsx.writeFile(file);
}

export async function writeFeeFixtures(dir: string, month: string): Promise<{ bills: string; payments: string }> {
  const { bills, payments } = feeFixtureRows(month);
  const out = { bills: path.join(dir, `bills-${month}.xlsx`), payments: path.join(dir, `payments-${month}.xlsx`) };
  await write(out.bills, '账单', ['楼栋', '单元', '房号', '月份', '收费项目', '金额'], bills);
  await write(out.payments, '银行流水', ['楼栋', '单元', '房号', '月份', '金额', '缴费日期', '缴费渠道', '流水号'], payments);
  return out;
}

if (require.main === module) {
  const month = process.argv[2] ?? '2026-12';
  const dir = path.resolve(process.argv[3] ?? 'test/fixtures');
  writeFeeFixtures(dir, month)
    .then((out) => console.log(`wrote ${out.bills} and ${out.payments}`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
