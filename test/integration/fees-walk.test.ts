import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ArrearsRow } from '@domain/api/fees';
import type { ImportView } from '@domain/api/admin';
import { owingFen } from '@domain/fee-ledger';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { expectTotalsReconcile } from '../helpers/fee-totals';

/**
 * The walk, as a butler and the head go through a month of the demo community's 40 rooms
 * (阳光花园, 1栋-101 … 2栋-504, bills for 2026-09…11 from the seed, some unpaid): the timer bills
 * December on the 1st, the bank file (test/fixtures/payments-2026-12.xlsx) is imported, the 15th
 * comes and the product reminds every owner who owes, slips print per building, and the arrears
 * shrink by exactly what each payment paid.
 */
const COMMUNITY = 'c_demo';

let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fees-walk-'));
  h = await createHarness({ filesDir: dir, now: '2026-11-30T22:00:00+08:00' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function allArrears(as: string = DEMO.head): Promise<ArrearsRow[]> {
  const rows: ArrearsRow[] = [];
  let after: string | undefined;
  do {
    const page = await h.ok('fees', 'arrears', { limit: 15, after }, as);
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return rows;
}
const owingOf = (rows: ArrearsRow[]) => rows.reduce((s, r) => s + r.amountFen, 0);

function upload(name: string): { fileId: string; name: string } {
  const id = `${Math.random().toString(36).slice(2, 10)}${path.extname(name)}`;
  fs.copyFileSync(path.resolve(__dirname, '../fixtures', name), path.join(dir, id));
  return { fileId: `local:${id}`, name };
}

async function runImport(kind: 'bills' | 'payments', file: { fileId: string; name: string }): Promise<ImportView> {
  let view = await h.ok('admin', 'importStart', { communityId: COMMUNITY, file, kind }, DEMO.head);
  while (view.status !== 'committed') view = await h.ok('admin', 'importStep', { importId: view.importId }, DEMO.head);
  return view;
}

function pdfText(base64: string): string[] {
  const bytes = Buffer.from(base64, 'base64');
  return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs')], { input: bytes }).toString()) as string[];
}

/** Moves the clock on to `iso` and fires the hourly timer there twice (a repeated run changes nothing). */
async function timerAt(iso: string): Promise<void> {
  h.advance(Date.parse(iso) - h.now());
  for (let i = 0; i < 2; i++) {
    const env = await h.timer();
    expect(env.ok).toBe(true);
  }
}

it('a month of 40 rooms: generate, import payments, the 15th comes, reminders go out, slips print, arrears shrink', async () => {
  const s = h.rt.store;
  expect(await s.count('rooms', { communityId: COMMUNITY })).toBe(40);
  const november = await allArrears();
  const novemberOwing = owingOf(november);

  // The 1st: the hourly timer bills December for every room, once however often it runs.
  await timerAt('2026-12-01T03:00:00+08:00');
  const december = await s.find('bills', { communityId: COMMUNITY, month: '2026-12' });
  expect(december).toHaveLength(40);
  const decFen = december.reduce((t, b) => t + b.amountFen, 0);
  const billed = await allArrears();
  expect(billed).toHaveLength(40);
  expect(owingOf(billed)).toBe(novemberOwing + decFen);
  await expectTotalsReconcile(s);

  // Until the 15th, a room owing December only is not reminded by the product.
  const decOnly = new Set(billed.filter((r) => r.unpaidMonths.length === 1 && r.unpaidMonths[0] === '2026-12').map((r) => r.roomId));
  expect(decOnly.size).toBeGreaterThan(0);
  await timerAt('2026-12-14T23:00:00+08:00');
  const early = await s.find('reminders', { byId: 'system', roomId: { $in: [...decOnly] } });
  expect(early).toEqual([]);

  // The 15th comes: every owing room with an owner is reminded once, in-app (and by subscribe message where consented).
  await timerAt('2026-12-15T10:00:00+08:00');
  const bindings = await s.find('roomBindings', { communityId: COMMUNITY, status: 'approved' });
  const withOwner = new Set(bindings.map((b) => b.roomId));
  const due = [...decOnly].filter((id) => withOwner.has(id));
  expect(due.length).toBeGreaterThan(0);
  const onThe15th = await s.find('reminders', { byId: 'system', roomId: { $in: due } });
  expect(onThe15th.map((r) => r.roomId).sort()).toEqual([...due].sort());
  for (const r of onThe15th) expect(['in_app', 'subscribe_message']).toContain(r.channel);
  const ownerOf = bindings.find((b) => due.includes(b.roomId))!;
  const inbox = await h.ok('alerts', 'inbox', {}, ownerOf.personId);
  expect(JSON.stringify(inbox)).toContain('物业费缴费提醒');
  // Counted once per room, not once per unpaid month.
  const row15 = (await allArrears()).find((r) => r.roomId === due[0])!;
  expect(row15.reminderCount).toBe(1);

  // Slips print for a building: one page per owing room, room and amount and the company account, never a name.
  const building = billed[0].buildingId;
  const owingHere = billed.filter((r) => r.buildingId === building);
  const slips = await h.ok('fees', 'reminderSlips', { buildingId: building }, DEMO.head);
  expect(slips.pages).toBe(owingHere.length);
  const pages = pdfText(slips.base64).map((p) => p.replace(/\s/g, ''));
  expect(pages).toHaveLength(owingHere.length);
  const community = await s.get('communities', COMMUNITY);
  for (const [i, row] of [...owingHere].sort((a, b) => a.roomLabel.localeCompare(b.roomLabel)).entries()) {
    expect(pages[i]).toContain(`房号：${row.roomLabel}`);
    expect(pages[i]).toContain(community!.companyAccount.accountNo.replace(/\s/g, ''));
    expect(pages[i]).toContain(`共${(row.amountFen / 100).toFixed(2)}元`);
  }
  const names = (await s.find('people', {})).map((p) => p.name).filter((n) => n.length >= 2);
  for (const n of names) expect(pages.join('')).not.toContain(n);

  // The 18th: the bank file pays 30 rooms' December bills and holds the row naming no room of ours.
  await timerAt('2026-12-18T16:00:00+08:00');
  const before = await allArrears();
  const imported = await runImport('payments', upload('payments-2026-12.xlsx'));
  expect(imported.counts).toEqual({ created: 30, updated: 0, unchanged: 0, unmatched: 1 });
  const paid = await s.find('payments', { communityId: COMMUNITY, paidOn: '2026-12-18' });
  expect(paid).toHaveLength(30);
  const paidFen = paid.reduce((t, p) => t + p.amountFen, 0);
  const afterImport = await allArrears();
  expect(owingOf(afterImport)).toBe(owingOf(before) - paidFen);
  // A room that owed only December and paid it has left the list.
  const paidRooms = new Set(paid.map((p) => p.roomId));
  const cleared = [...decOnly].filter((id) => paidRooms.has(id));
  expect(cleared.length).toBeGreaterThan(0);
  for (const id of cleared) expect(afterImport.find((r) => r.roomId === id)).toBeUndefined();
  const held = (await h.ok('fees', 'unmatchedPayments', {}, DEMO.head)).items;
  expect(held).toHaveLength(1);
  expect(held[0]).toMatchObject({ roomLabel: '3栋-101', reason: '房号不在本小区' });

  // The same file again changes nothing.
  const again = await runImport('payments', upload('payments-2026-12.xlsx'));
  expect(again.counts).toMatchObject({ created: 0, unchanged: 30 });
  expect(owingOf(await allArrears())).toBe(owingOf(afterImport));

  // The 20th: a butler records a partial payment at the counter; the oldest bill is paid first.
  await timerAt('2026-12-20T10:00:00+08:00');
  const debtor = afterImport.find((r) => r.unpaidMonths.length >= 2)!;
  const bills = (await h.ok('fees', 'roomFees', { roomId: debtor.roomId }, DEMO.head)).bills;
  const part = bills[0].owingFen + 1;
  await h.ok('fees', 'recordPayment', { roomId: debtor.roomId, amountFen: part, paidOn: '2026-12-20', channel: 'pos', receiptNo: 'SJ-20261220-1' }, DEMO.head);
  const afterCounter = await allArrears();
  expect(owingOf(afterCounter)).toBe(owingOf(afterImport) - part);
  expect(afterCounter.find((r) => r.roomId === debtor.roomId)?.unpaidMonths).toEqual(debtor.unpaidMonths.slice(1));

  // The head's dashboard: December billed in full, collected for 30 of 40 rooms; totals match the raw records to the fen.
  const dash = await h.ok('fees', 'dashboard', { from: '2026-12', to: '2026-12' }, DEMO.head);
  const dec = dash.months.find((m) => m.month === '2026-12')!;
  expect(dec.billedFen).toBe(decFen);
  const decPaid = (await s.find('bills', { communityId: COMMUNITY, month: '2026-12' })).reduce((t, b) => t + (b.amountFen - owingFen(b)), 0);
  expect(dec.paidForMonthFen).toBe(decPaid);
  expect(dash.owingFen).toBe(owingOf(afterCounter));
  await expectTotalsReconcile(s);
}, 60_000);
