import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook } from 'exceljs';
import type { ImportView } from '@domain/api/admin';
import { addMonths } from '@domain/time';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { expectTotalsReconcile } from '../helpers/fee-totals';

/**
 * Bills and payments through the one import mechanism (admin.importStart / importStep) on the demo
 * community (阳光花园: rooms 1栋-101 … 2栋-504, bills for 2026-09…11, some unpaid).
 */
let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fee-import-'));
  h = await createHarness({ filesDir: dir, now: '2026-11-20T10:00:00+08:00' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const COMMUNITY = 'c_demo';
const BILL_HEADER = '楼栋,单元,房号,月份,收费项目,金额';
const PAY_HEADER = '楼栋,单元,房号,月份,金额,缴费日期,缴费渠道,流水号';

function upload(name: string, bytes: Buffer | string): { fileId: string; name: string } {
  const id = `${Math.random().toString(36).slice(2, 10)}${path.extname(name)}`;
  fs.writeFileSync(path.join(dir, id), bytes);
  return { fileId: `local:${id}`, name };
}

async function runImport(
  kind: 'bills' | 'payments',
  file: { fileId: string; name: string },
  as: string = DEMO.head,
): Promise<{ view: ImportView; calls: number }> {
  let view = await h.ok('admin', 'importStart', { communityId: COMMUNITY, file, kind }, as);
  let calls = 1;
  while (view.status !== 'committed') {
    view = await h.ok('admin', 'importStep', { importId: view.importId }, as);
    calls++;
  }
  return { view, calls };
}

/** The fee records an import may touch, in full (versions included): equal means nothing was written. */
async function feeState(): Promise<unknown> {
  const s = h.rt.store;
  const all = await Promise.all(
    (['bills', 'payments', 'feeTotals', 'feeAccounts', 'unmatchedPayments'] as const).map(async (c) =>
      (await s.find(c, {})).sort((a, b) => a._id.localeCompare(b._id)),
    ),
  );
  return all;
}

it('uses the demo community', async () => {
  expect((await h.rt.store.get('communities', COMMUNITY))?.name).toBe('阳光花园');
});

describe('bills import', () => {
  it('stores each row as a bill in exact fen, keeps a month the run already billed, and the totals reconcile', async () => {
    const csv = [
      BILL_HEADER,
      '1栋,,101,2026-12,,256.80',
      '1栋,,102,2026/12,物业费,"1,200.5"',
      '1栋,,101,2026年12月,停车费,¥300',
      '2栋,,504,2026-11,物业费,999.99',
    ].join('\r\n');
    const { view } = await runImport('bills', upload('bills.csv', csv));
    expect(view).toMatchObject({ kind: 'bills', status: 'committed', total: 4, counts: { created: 3, updated: 0, unchanged: 1 } });
    expect((await h.rt.store.get('bills', 'bill_r_1_101_2026-12'))?.amountFen).toBe(25680);
    expect((await h.rt.store.get('bills', 'bill_r_1_102_2026-12'))?.amountFen).toBe(120050);
    const parking = await h.rt.store.find('bills', { roomId: 'r_1_101', month: '2026-12' });
    expect(parking.map((b) => [b.item ?? '物业费', b.amountFen]).sort()).toEqual([
      ['停车费', 30000],
      ['物业费', 25680],
    ]);
    // 2栋-504's November bill came from the monthly run: the imported row found it and changed nothing.
    const nov = await h.rt.store.get('bills', 'bill_r_2_504_2026-11');
    expect(nov?.amountFen).not.toBe(99999);
    expect((await h.rt.store.get('feeAccounts', 'r_1_101'))?.unpaidCount).toBe(5);
    await expectTotalsReconcile(h.rt.store);
    expect(await h.rt.store.count('audit', { type: 'import.committed' })).toBe(1);
  });

  it('lists every bad row in Chinese and stores nothing (bad room, negative amount, duplicate row, bad month, three decimals)', async () => {
    const before = await h.snapshot();
    const state = await feeState();
    const csv = [
      BILL_HEADER,
      '1栋,,101,2026-12,,256.80',
      '9栋,,101,2026-12,,100',
      '1栋,,102,2026-12,,-5',
      '1栋,,101,2026-12,物业费,256.80',
      '1栋,,103,2026-13,,100',
      '1栋,,104,2026-12,,1.005',
    ].join('\n');
    const env = await h.call('admin', 'importStart', { communityId: COMMUNITY, file: upload('bad.csv', csv), kind: 'bills' }, { as: DEMO.head });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('IMPORT_INVALID');
    expect(env.error.message).toContain('5处错误');
    expect(env.error.details).toEqual([
      { line: 3, message: '第3行：房号 9栋-101 不在本小区' },
      { line: 4, message: '第4行：金额应大于0' },
      { line: 5, message: '第5行：账单 1栋-101 2026-12 物业费 与第2行重复' },
      { line: 6, message: '第6行：月份应为 YYYY-MM，如 2026-11' },
      { line: 7, message: '第7行：金额应为以元计的数字，最多两位小数' },
    ]);
    expect(await h.snapshot()).toEqual(before);
    expect(await feeState()).toEqual(state);
  });

  it('a missing column is one error for the file', async () => {
    const env = await h.call(
      'admin',
      'importStart',
      { communityId: COMMUNITY, file: upload('x.csv', '楼栋,房号,金额\n1栋,101,5'), kind: 'bills' },
      { as: DEMO.head },
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', details: [{ line: 1, message: '表头缺少列：月份' }] } });
  });

  it('is the head’s: a butler may not import', async () => {
    const env = await h.call(
      'admin',
      'importStart',
      { communityId: COMMUNITY, file: upload('b.csv', `${BILL_HEADER}\n1栋,,101,2026-12,,1`), kind: 'bills' },
      { as: DEMO.butler },
    );
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('payments import', () => {
  // 1栋-101 (r_1_101) owes 2026-09, -10 and -11; 1栋-102 owes nothing.
  const FILE = [
    PAY_HEADER,
    '1栋,,101,2026-09,200.00,2026-11-18,银行转账,BK001',
    '1栋,,101,,100.5,2026/11/19,,BK002',
    '9栋,,101,,88.00,2026-11-19,微信支付,WX777',
    '1栋,,102,,50,2026-11-19,支付宝,ZF900',
  ].join('\n');

  it('pays matched rows, holds the rest as unmatched; re-importing changes nothing; staff assign or set aside what was held', async () => {
    const owing = (await h.rt.store.get('feeAccounts', 'r_1_101'))!.owingFen;
    const sep = (await h.rt.store.get('bills', 'bill_r_1_101_2026-09'))!;
    const { view } = await runImport('payments', upload('bank.csv', FILE));
    expect(view.counts).toEqual({ created: 2, updated: 0, unchanged: 0, unmatched: 2 });
    expect((await h.rt.store.get('feeAccounts', 'r_1_101'))!.owingFen).toBe(owing - 20000 - 10050);
    // The row for 2026-09 paid only September; the one without a month paid the oldest bill still owing.
    expect((await h.rt.store.get('bills', 'bill_r_1_101_2026-09'))!.paidFen).toBe(Math.min(sep.amountFen, 20000 + 10050));
    await expectTotalsReconcile(h.rt.store);

    const held = await h.ok('fees', 'unmatchedPayments', {}, DEMO.butler);
    held.items.sort((a, b) => a.line - b.line);
    expect(held.items.map((u) => [u.line, u.roomLabel, u.amountFen, u.reason])).toEqual([
      [4, '9栋-101', 8800, '房号不在本小区'],
      [5, '1栋-102', 5000, '该房屋（该月）没有未缴账单'],
    ]);

    // The same file again: nothing paid twice, nothing held twice.
    const state = await feeState();
    const again = await runImport('payments', upload('bank-again.csv', FILE));
    expect(again.view.counts).toEqual({ created: 0, updated: 0, unchanged: 2, unmatched: 2 });
    expect(await feeState()).toEqual(state);

    // The butler assigns the mistyped room; the head sets the other aside with a reason.
    const wrongRoom = held.items[0];
    const resolved = await h.ok('fees', 'resolveUnmatched', { unmatchedId: wrongRoom.unmatchedId, roomLabel: '1栋-101' }, DEMO.butler);
    expect(resolved.status).toBe('resolved');
    expect(resolved.payment?.amountFen).toBe(8800);
    expect(await h.call('fees', 'resolveUnmatched', { unmatchedId: wrongRoom.unmatchedId, roomLabel: '1栋-101' }, { as: DEMO.butler })).toMatchObject({
      ok: false,
      error: { code: 'UNMATCHED_DECIDED' },
    });
    const noReason = await h.call('fees', 'resolveUnmatched', { unmatchedId: held.items[1].unmatchedId }, { as: DEMO.head });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await h.ok('fees', 'resolveUnmatched', { unmatchedId: held.items[1].unmatchedId, note: '已原路退款' }, DEMO.head);
    expect((await h.ok('fees', 'unmatchedPayments', {}, DEMO.butler)).items).toEqual([]);
    expect((await h.rt.store.get('feeAccounts', 'r_1_101'))!.owingFen).toBe(owing - 20000 - 10050 - 8800);
    expect(await h.rt.store.count('audit', { type: 'unmatchedPayment.resolved' })).toBe(1);
    expect(await h.rt.store.count('audit', { type: 'unmatchedPayment.set_aside' })).toBe(1);
    await expectTotalsReconcile(h.rt.store);

    // A third import of the same file: the assigned payment is not paid again, nothing is held again.
    const paymentsBefore = await h.rt.store.count('payments');
    const third = await runImport('payments', upload('bank-third.csv', FILE));
    expect(third.view.counts).toEqual({ created: 0, updated: 0, unchanged: 4, unmatched: 0 });
    expect(await h.rt.store.count('payments')).toBe(paymentsBefore);
  });

  it('a butler of another building cannot assign a held payment to a room there', async () => {
    await runImport('payments', upload('bank.csv', FILE));
    const [first] = (await h.ok('fees', 'unmatchedPayments', {}, DEMO.butler2)).items;
    const env = await h.call('fees', 'resolveUnmatched', { unmatchedId: first.unmatchedId, roomLabel: '1栋-101' }, { as: DEMO.butler2 });
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('malformed rows stop the import with Chinese errors and store nothing', async () => {
    const state = await feeState();
    const csv = [
      PAY_HEADER,
      '1栋,,101,,200,2026-11-18,,BK001',
      '1栋,,101,,abc,2026-11-18,,BK003',
      '1栋,,101,,200,2026-11-31,,BK004',
      '1栋,,101,,200,2026-11-18,现金,BK005',
      '1栋,,101,,200,2026-11-18,,BK001',
      '1栋,,101,,200,2026-12-01,,',
    ].join('\n');
    const env = await h.call('admin', 'importStart', { communityId: COMMUNITY, file: upload('bad.csv', csv), kind: 'payments' }, { as: DEMO.head });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.details).toEqual([
      { line: 3, message: '第3行：金额应为以元计的数字，最多两位小数' },
      { line: 4, message: '第4行：缴费日期应为 YYYY-MM-DD' },
      { line: 5, message: expect.stringMatching(/^第5行：缴费渠道应为：银行转账、/) },
      { line: 6, message: '第6行：房号与流水号 1栋-101 BK001 与第2行重复' },
      { line: 7, message: '第7行：缴费日期不能晚于今天；流水号不能为空' },
    ]);
    expect(await feeState()).toEqual(state);
    expect(await h.rt.store.count('imports')).toBe(0);
  });
});

describe('a large file', () => {
  async function workbook(name: string, header: string[], rows: Array<Array<string | number>>): Promise<Buffer> {
    const book = new Workbook();
    const sheet = book.addWorksheet(name);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('imports 2,000 bills and then 2,000 payments from .xlsx in 250-row calls (prints rows/s)', async () => {
    const rooms = await h.rt.store.find('rooms', { communityId: COMMUNITY }, { sort: [['_id', 1]] });
    const months = Array.from({ length: 50 }, (_, i) => addMonths('2022-07', i)); // 2022-07 … 2026-08, before the seed's months
    const billRows = rooms.flatMap((r) => months.map((m) => [r.label.split('-')[0], '', r.label.split('-')[1], m, '', (r.areaM2 * 2.5).toFixed(2)]));
    expect(billRows.length).toBe(2000);
    let started = Date.now();
    const bills = await runImport('bills', upload('bills-2000.xlsx', await workbook('账单', BILL_HEADER.split(','), billRows)));
    const billMs = Date.now() - started;
    // 1 start + 8 staging + 1 commit + 8 settling calls.
    expect(bills.calls).toBe(18);
    expect(bills.view.counts).toMatchObject({ created: 2000, unchanged: 0 });

    const payRows = (await h.rt.store.find('bills', { communityId: COMMUNITY, status: 'unpaid' }, { sort: [['_id', 1]] })).slice(0, 2000).map((b, i) => {
      const label = rooms.find((r) => r._id === b.roomId)!.label.split('-');
      return [label[0], '', label[1], b.month, (b.amountFen / 100).toFixed(2), '2026-11-19', '银行转账', `BK${String(i).padStart(6, '0')}`];
    });
    expect(payRows.length).toBe(2000);
    started = Date.now();
    const pays = await runImport('payments', upload('bank-2000.xlsx', await workbook('流水', PAY_HEADER.split(','), payRows)));
    const payMs = Date.now() - started;
    expect(pays.view.counts).toMatchObject({ created: 2000, unmatched: 0 });
    console.log(
      `[fee-import] 2,000 bills in ${billMs} ms (${Math.round(2000 / (billMs / 1000))} rows/s, ${bills.calls} calls); ` +
        `2,000 payments in ${payMs} ms (${Math.round(2000 / (payMs / 1000))} rows/s, ${pays.calls} calls) (embedded store)`,
    );
    await expectTotalsReconcile(h.rt.store);
  }, 300_000);
});

describe('resuming', () => {
  it('a chunk sent twice with one request id is applied once, and the next call resumes at the stored cursor', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `1栋,,101,${addMonths('2001-01', i)},,1.01`);
    const start = await h.ok(
      'admin',
      'importStart',
      { communityId: COMMUNITY, file: upload('bills.csv', [BILL_HEADER, ...rows].join('\n')), kind: 'bills' },
      DEMO.head,
    );
    let view = start;
    while (view.status === 'staging') view = await h.ok('admin', 'importStep', { importId: start.importId }, DEMO.head);
    // The commit write: nothing of the file is a bill yet.
    view = await h.ok('admin', 'importStep', { importId: start.importId }, DEMO.head);
    expect(view).toMatchObject({ status: 'settling', counts: { created: 0 } });
    expect(await h.rt.store.count('bills', { roomId: 'r_1_101', month: { $lt: '2026-01' } })).toBe(0);
    const a = await h.raw('admin', { action: 'importStep', payload: { importId: start.importId }, requestId: 'req-fee-apply-1' }, { as: DEMO.head });
    const b = await h.raw('admin', { action: 'importStep', payload: { importId: start.importId }, requestId: 'req-fee-apply-1' }, { as: DEMO.head });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, data: { status: 'settling', applied: 250, counts: { created: 250 } } });
    // Written rows are bills, but no reader of the community sees them until the last one is.
    expect(await h.rt.store.count('bills', { roomId: 'r_1_101', month: { $lt: '2026-01' } })).toBe(250);
    expect(await h.call('fees', 'myBills', {}, { as: 'p_owner_01' })).toMatchObject({ ok: false, error: { code: 'FEES_SETTLING' } });
    view = await h.ok('admin', 'importStep', { importId: start.importId }, DEMO.head);
    expect(view).toMatchObject({ status: 'committed', applied: 300, percent: 100, counts: { created: 300, unchanged: 0 } });
    expect(await h.rt.store.count('bills', { roomId: 'r_1_101', month: { $lt: '2026-01' } })).toBe(300);
    await expectTotalsReconcile(h.rt.store);
  });
});

describe("the owner's bills", () => {
  it('page by cursor, unpaid first and newest month first, with what is owed summed over every page', async () => {
    // 1栋-101 owes three months; two more imported make its owner's list longer than one page.
    await runImport('bills', upload('b.csv', [BILL_HEADER, '1栋,,101,2026-12,,10', '1栋,,101,2026-12,停车费,20.5'].join('\n')));
    const owner = 'p_owner_01';
    const seen: Array<{ month: string; status: string; owingFen: number }> = [];
    let after: string | undefined;
    let pages = 0;
    let owing: number | undefined;
    do {
      const page = await h.ok('fees', 'myBills', { limit: 2, after }, owner);
      seen.push(...page.items);
      owing = page.owing.fen;
      after = page.next ?? undefined;
      pages++;
    } while (after);
    const all = await h.rt.store.find('bills', { roomId: 'r_1_101' });
    expect(seen.length).toBe(all.length);
    expect(pages).toBe(Math.ceil(all.length / 2));
    const order = seen.map((b) => `${b.status === 'unpaid' ? 0 : 1}${b.month}`);
    expect(order).toEqual([...order].sort((x, y) => x[0].localeCompare(y[0]) || y.slice(1).localeCompare(x.slice(1))));
    expect(owing).toBe(all.filter((b) => b.status === 'unpaid').reduce((s, b) => s + b.amountFen - (b.paidFen ?? 0), 0));
    expect(seen.some((b) => 'item' in b && b.item === '停车费')).toBe(true);
  });
});

describe('the sample workbooks (test/fixtures, scripts/make-fee-fixture.ts)', () => {
  it('bill the demo community for December, then the bank file pays 30 rooms and holds the stray row', async () => {
    h.setNow('2026-12-20T10:00:00+08:00');
    const read = (name: string) => upload(name, fs.readFileSync(path.resolve(__dirname, '../fixtures', name)));
    const bills = await runImport('bills', read('bills-2026-12.xlsx'));
    expect(bills.view.counts).toMatchObject({ created: 40, unchanged: 0 });
    const pays = await runImport('payments', read('payments-2026-12.xlsx'));
    expect(pays.view.counts).toEqual({ created: 30, updated: 0, unchanged: 0, unmatched: 1 });
    expect(await h.rt.store.count('bills', { month: '2026-12', status: 'paid' })).toBe(30);
    const [held] = (await h.ok('fees', 'unmatchedPayments', {}, DEMO.head)).items;
    expect(held).toMatchObject({ roomLabel: '3栋-101', amountFen: 20000, reason: '房号不在本小区' });
    await expectTotalsReconcile(h.rt.store);
  });
});
