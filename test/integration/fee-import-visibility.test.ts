import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ImportView } from '@domain/api/admin';
import { addMonths } from '@domain/time';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { expectTotalsReconcile } from '../helpers/fee-totals';

/**
 * A bill or payment file shows all at once or not at all: before its commit call nothing of it is
 * stored, and from then until its last row is written every fee reader of the community waits
 * (FEES_SETTLING) instead of showing part of it. Demo community: 40 rooms, bills 2026-09…11.
 */
const COMMUNITY = 'c_demo';
const OWNER = 'p_owner_01'; // 1栋-101
const BILL_HEADER = '楼栋,单元,房号,月份,收费项目,金额';
const PAY_HEADER = '楼栋,单元,房号,月份,金额,缴费日期,缴费渠道,流水号';

let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fee-vis-'));
  h = await createHarness({ filesDir: dir, now: '2026-11-20T10:00:00+08:00' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function upload(name: string, text: string): { fileId: string; name: string } {
  const id = `${Math.random().toString(36).slice(2, 10)}${path.extname(name)}`;
  fs.writeFileSync(path.join(dir, id), text);
  return { fileId: `local:${id}`, name };
}

/** What the butler, the head and an owner see; 'waiting' when a reader asks them to wait. */
async function seen(): Promise<unknown> {
  const reads = await Promise.all([
    (async () => {
      const rows: unknown[] = [];
      let after: string | undefined;
      do {
        const env = await h.call('fees', 'arrears', { limit: 15, after }, { as: DEMO.head });
        if (!env.ok) return env.error.code;
        rows.push(...env.data.items);
        after = env.data.next ?? undefined;
      } while (after);
      return rows;
    })(),
    h.call('fees', 'myBills', { limit: 50 }, { as: OWNER }),
    h.call('fees', 'dashboard', { from: '2025-01', to: '2026-11' }, { as: DEMO.head }),
    h.call('fees', 'unmatchedPayments', {}, { as: DEMO.head }),
    h.call('session', 'todos', {}, { as: DEMO.head }),
    h.call('admin', 'dashboard', {}, { as: DEMO.gm }),
  ]);
  const codes = reads.map((r) => (typeof r === 'string' ? r : Array.isArray(r) ? null : r.ok ? null : r.error.code));
  if (codes.includes('FEES_SETTLING')) {
    expect(codes.filter((c) => c !== null && c !== 'FEES_SETTLING')).toEqual([]);
    // The company's overview shows no rate for the community meanwhile, rather than part of one.
    const overview = reads[5] as { ok: true; data: Array<{ communityId: string; collection: unknown }> };
    expect(overview.data.find((r) => r.communityId === COMMUNITY)?.collection).toEqual({ month: null, bp: null });
    return 'waiting';
  }
  expect(codes).toEqual([null, null, null, null, null, null]);
  return reads.map((r) => (Array.isArray(r) ? r : (r as { ok: true; data: unknown }).data));
}

/** The fee records themselves, versions included: equal means nothing was written. */
async function stored(): Promise<unknown> {
  const s = h.rt.store;
  return Promise.all(
    (['bills', 'payments', 'feeTotals', 'feeAccounts', 'unmatchedPayments', 'reminders'] as const).map(async (c) =>
      (await s.find(c, {})).sort((a, b) => a._id.localeCompare(b._id)),
    ),
  );
}

/** Steps an import to the end, checking what readers see after every call; returns the calls' views. */
async function stepThrough(
  kind: 'bills' | 'payments',
  file: { fileId: string; name: string },
): Promise<{ view: ImportView; before: unknown; after: unknown; waited: number }> {
  const before = await seen();
  const records = await stored();
  let view = await h.ok('admin', 'importStart', { communityId: COMMUNITY, file, kind }, DEMO.head);
  let waited = 0;
  let committed = false;
  const views: unknown[] = [];
  while (view.status !== 'committed') {
    if (!committed) {
      expect(await seen()).toEqual(before);
      expect(await stored()).toEqual(records);
    }
    view = await h.ok('admin', 'importStep', { importId: view.importId }, DEMO.head);
    committed = view.status === 'settling' || view.status === 'committed';
    if (view.status === 'settling') {
      const now = await seen();
      views.push(now);
      if (now === 'waiting') waited++;
    }
  }
  const after = await seen();
  // Between the commit and the last row a reader waits; it never sees part of the file.
  for (const v of views) expect(v).toBe('waiting');
  return { view, before, after, waited };
}

it('a 600-row bill file: nothing shows until its commit, then all of it at once; the same file again changes nothing', async () => {
  const rooms = await h.rt.store.find('rooms', { communityId: COMMUNITY }, { sort: [['_id', 1]] });
  const months = Array.from({ length: 15 }, (_, i) => addMonths('2025-06', i)); // 2025-06 … 2026-08, before the seed's bills
  let sum = 0;
  const lines = rooms.flatMap((r, i) =>
    months.map((m, j) => {
      const fen = 10000 + i * 37 + j * 11;
      sum += fen;
      const [building, no] = r.label.split('-');
      return `${building},,${no},${m},,${(fen / 100).toFixed(2)}`;
    }),
  );
  expect(lines).toHaveLength(600);
  const file = [BILL_HEADER, ...lines].join('\n');
  const { view, before, after, waited } = await stepThrough('bills', upload('bills-600.csv', file));
  expect(view.counts).toMatchObject({ created: 600, unchanged: 0 });
  expect(waited).toBe(3); // after the commit call and after each 250-row chunk but the last
  const [arrearsBefore, billsBefore, dashBefore] = before as [Array<{ amountFen: number }>, { owing: { fen: number } }, { owingFen: number }];
  const [arrearsAfter, billsAfter, dashAfter] = after as [
    Array<{ amountFen: number; unpaidMonths: string[] }>,
    { owing: { fen: number } },
    { owingFen: number; months: Array<{ month: string; billedFen: number }> },
  ];
  // Every room now owes; the whole file shows in the arrears, the owner's bills and the dashboard, to the fen.
  expect(arrearsAfter).toHaveLength(40);
  expect(arrearsAfter.reduce((t, r) => t + r.amountFen, 0)).toBe(arrearsBefore.reduce((t, r) => t + r.amountFen, 0) + sum);
  expect(dashAfter.owingFen).toBe(dashBefore.owingFen + sum);
  const first = lines.slice(0, 15).reduce((t, l) => t + Math.round(Number(l.split(',')[5]) * 100), 0);
  expect(billsAfter.owing.fen).toBe(billsBefore.owing.fen + first);
  expect(dashAfter.months.filter((m) => m.month < '2026-09').reduce((t, m) => t + m.billedFen, 0)).toBe(sum);
  await expectTotalsReconcile(h.rt.store);

  const records = await stored();
  const again = await stepThrough('bills', upload('bills-600-again.csv', file));
  expect(again.view.counts).toMatchObject({ created: 0, unchanged: 600 });
  expect(again.after).toEqual(after);
  expect(await stored()).toEqual(records);
}, 60_000);

it('a payment file: paid bills and held rows show only once every row is written', async () => {
  // Every room pays its November bill where it owes one; one row names a room the community does not have.
  const novUnpaid = await h.rt.store.find('bills', { communityId: COMMUNITY, month: '2026-11', status: 'unpaid' });
  const rooms = new Map((await h.rt.store.find('rooms', { communityId: COMMUNITY })).map((r) => [r._id, r.label]));
  const lines = novUnpaid.map((b, i) => {
    const [building, no] = rooms.get(b.roomId)!.split('-');
    return `${building},,${no},2026-11,${(b.amountFen / 100).toFixed(2)},2026-11-19,银行转账,BKV${String(i).padStart(4, '0')}`;
  });
  lines.push('3栋,,101,,200.00,2026-11-19,银行转账,BKV9999');
  const paid = novUnpaid.reduce((t, b) => t + b.amountFen, 0);
  const { view, before, after } = await stepThrough('payments', upload('pay.csv', [PAY_HEADER, ...lines].join('\n')));
  expect(view.counts).toEqual({ created: novUnpaid.length, updated: 0, unchanged: 0, unmatched: 1 });
  const [arrearsBefore, , , heldBefore] = before as [Array<{ amountFen: number }>, unknown, unknown, { items: unknown[] }];
  const [arrearsAfter, , , heldAfter] = after as [Array<{ amountFen: number }>, unknown, unknown, { items: Array<{ roomLabel: string }> }];
  expect(heldBefore.items).toEqual([]);
  expect(heldAfter.items.map((u) => u.roomLabel)).toEqual(['3栋-101']);
  expect(arrearsAfter.reduce((t, r) => t + r.amountFen, 0)).toBe(arrearsBefore.reduce((t, r) => t + r.amountFen, 0) - paid);
  await expectTotalsReconcile(h.rt.store);
});
