import { execFileSync } from 'child_process';
import * as path from 'path';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { expectTotalsReconcile as expectTotalsOf } from '../helpers/fee-totals';

const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

const arrearsOf = async (as: string = DEMO.butler, input = {}) => (await h.ok('fees', 'arrears', { limit: 100, ...input }, as)).items;
const rowOf = async (roomId: string, as: string = DEMO.butler) => (await arrearsOf(as)).find((r) => r.roomId === roomId);

/** The stored totals against the totals the raw bills, payments and reminders imply, to the fen. */
const expectTotalsReconcile = () => expectTotalsOf(h.rt.store);

describe('bills in', () => {
  it('generates a month once: a second run and a resumed chunk create nothing', async () => {
    h.setNow('2026-12-01T09:00:00+08:00');
    let next: string | null | undefined;
    let created = 0;
    do {
      const r = await h.ok('fees', 'generateBills', { month: '2026-12', limit: 15, after: next ?? undefined }, DEMO.head);
      created += r.created;
      next = r.next;
    } while (next);
    expect(created).toBe(40);
    expect((await h.ok('fees', 'generateBills', { month: '2026-12', limit: 100 }, DEMO.head)).created).toBe(0);
    expect(await h.rt.store.count('bills', { month: '2026-12' })).toBe(40);
    await expectTotalsReconcile();
  });

  it('bills a room taken over mid-month from the next month, or pro rata when the schedule says so', async () => {
    h.setNow('2026-12-01T09:00:00+08:00');
    const room = await h.rt.store.get('rooms', 'r_1_102');
    await h.rt.store.update('rooms', 'r_1_102', room!.version, { activeFrom: '2026-12-17' });
    await h.ok('fees', 'generateBills', { month: '2026-12', limit: 100 }, DEMO.head);
    expect(await h.rt.store.get('bills', 'bill_r_1_102_2026-12')).toBeNull();
    await h.ok('fees', 'setSchedule', { rate: { kind: 'area', fenPerM2: 250 }, proRata: true }, DEMO.head);
    await h.ok('fees', 'generateBills', { month: '2026-12', limit: 100 }, DEMO.head);
    // 15 of 31 days of 80 m² × 2.50 元 = 20000 fen × 15/31 = 9677.4 → 9677
    expect((await h.rt.store.get('bills', 'bill_r_1_102_2026-12'))?.amountFen).toBe(Math.round((room!.areaM2 * 250 * 15) / 31));
  });

  it('the hourly timer bills the month from the 1st, bounded per run and resumed', async () => {
    h.setNow('2026-12-01T01:00:00+08:00');
    await h.timer();
    expect(await h.rt.store.count('bills', { month: '2026-12' })).toBe(40);
    expect(await h.rt.store.get('feeRuns', 'c_demo:2026-12')).toMatchObject({ done: true, created: 40 });
    await h.timer();
    expect(await h.rt.store.count('bills', { month: '2026-12' })).toBe(40);
    await expectTotalsReconcile();
  });
});

describe('generate → remind → pay → arrears shrink', () => {
  it('one contact per room, a partial payment pays the oldest bill first', async () => {
    const before = await arrearsOf();
    const row = before.find((r) => r.unpaidMonths.length >= 2)!;
    expect(JSON.stringify(before)).not.toMatch(/王|李|张|刘/);
    // One call about three unpaid months is one contact.
    await h.ok('fees', 'recordReminder', { roomId: row.roomId, channel: 'phone', outcome: '已电话提醒' }, DEMO.butler);
    const reminded = await rowOf(row.roomId);
    expect(reminded).toMatchObject({ reminderCount: row.reminderCount + 1, reminderDueNow: false, nextReminderDate: '2026-11-27' });
    const history = await h.ok('fees', 'roomReminders', { roomId: row.roomId }, DEMO.head);
    expect(history.items[0]).toMatchObject({ channel: 'phone', byName: '陈晓东', months: row.unpaidMonths, interrupts: false });

    const bills = (await h.ok('fees', 'roomFees', { roomId: row.roomId }, DEMO.butler)).bills;
    const firstFen = bills[0].owingFen;
    const p = await h.ok(
      'fees',
      'recordPayment',
      { roomId: row.roomId, amountFen: firstFen + 100, paidOn: '2026-11-20', channel: 'bank_transfer', receiptNo: 'R-001' },
      DEMO.butler,
    );
    expect(p.months).toEqual([
      { month: bills[0].month, fen: firstFen },
      { month: bills[1].month, fen: 100 },
    ]);
    const after = await rowOf(row.roomId);
    expect(after?.amountFen).toBe(row.amountFen - firstFen - 100);
    expect(after?.unpaidMonths).toEqual(row.unpaidMonths.slice(1));
    // Overpaying is refused: no credit balance.
    const over = await h.call(
      'fees',
      'recordPayment',
      { roomId: row.roomId, amountFen: after!.amountFen + 1, paidOn: '2026-11-20', channel: 'pos', receiptNo: 'R-002' },
      { as: DEMO.butler },
    );
    expect(over).toMatchObject({ ok: false, error: { code: 'OVERPAID' } });
    await h.ok(
      'fees',
      'recordPayment',
      { roomId: row.roomId, amountFen: after!.amountFen, paidOn: '2026-11-20', channel: 'pos', receiptNo: 'R-002' },
      DEMO.butler,
    );
    expect(await rowOf(row.roomId)).toBeUndefined();
    await expectTotalsReconcile();
    const dash = await h.ok('fees', 'dashboard', {}, DEMO.head);
    const nov = dash.months.find((m) => m.month === '2026-11')!;
    expect(nov.contacts.contacts_phone).toBe(1);
    expect(nov.collectionBp).toBeGreaterThan(0);
  });

  it('a batch records every picked room once and filters narrow the list', async () => {
    const rows = await arrearsOf();
    const picked = rows.slice(0, 3).map((r) => r.roomId);
    expect(await h.ok('fees', 'reminderBatch', { roomIds: picked, channel: 'in_person', outcome: '上门提醒' }, DEMO.butler)).toEqual({
      recorded: 3,
      skipped: 0,
    });
    const due = await arrearsOf(DEMO.butler, { dueToday: true });
    expect(due.map((r) => r.roomId)).not.toContain(picked[0]);
    const three = await arrearsOf(DEMO.head, { minMonths: 3 });
    expect(three.length).toBeGreaterThan(0);
    expect(three.every((r) => r.unpaidMonths.length >= 3)).toBe(true);
    const b2 = await arrearsOf(DEMO.head, { buildingId: 'b_demo_2' });
    expect(b2.every((r) => r.roomLabel.startsWith('2栋'))).toBe(true);
    // Another building's room is not the butler's.
    const other = await h.call('fees', 'reminderBatch', { roomIds: [b2[0].roomId], channel: 'phone', outcome: 'x' }, { as: DEMO.butler });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pages a long list by cursor without repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await h.ok('fees', 'arrears', { limit: 4, after }, DEMO.head);
      seen.push(...page.items.map((r) => r.roomId));
      after = page.next ?? undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await arrearsOf(DEMO.head)).length);
  });
});

describe('owner reports "我已缴费"', () => {
  it('staff confirm it into a payment or reject it with a reason the owner sees; both sides are alerted', async () => {
    const me = await h.ok('session', 'me', {}, DEMO.owner);
    const roomId = me.rooms?.[0]?.roomId ?? (await h.rt.store.find('roomBindings', { personId: DEMO.owner, status: 'approved' }))[0].roomId;
    // A new month's bills, so the owner owes something whatever the demo left.
    h.setNow('2026-12-01T09:00:00+08:00');
    await h.ok('fees', 'generateBills', { month: '2026-12', limit: 100 }, DEMO.head);
    const shot = { fileId: 'local:shot.png', name: '转账截图.png' };
    const rejected = await h.ok('fees', 'reportPaid', { roomId, amountFen: 100, paidOn: '2026-11-30', screenshot: shot }, DEMO.owner);
    const staffInbox = await h.ok('alerts', 'inbox', {}, DEMO.butler);
    expect(JSON.stringify(staffInbox)).toContain('业主申报已缴费');
    const pending = await h.ok('fees', 'paymentReports', {}, DEMO.butler);
    expect(pending.items.map((r) => r.reportId)).toContain(rejected.reportId);
    await h.ok('fees', 'decideReport', { reportId: rejected.reportId, confirm: false, reason: '未查到到账记录' }, DEMO.butler);
    const mine = await h.ok('fees', 'myPayments', {}, DEMO.owner);
    expect(mine.items[0]).toMatchObject({ status: 'rejected', reason: '未查到到账记录' });
    expect(JSON.stringify(await h.ok('alerts', 'inbox', {}, DEMO.owner))).toContain('未查到到账记录');

    const ok = await h.ok('fees', 'reportPaid', { roomId, amountFen: 100, paidOn: '2026-11-19', screenshot: shot }, DEMO.owner);
    await h.ok('fees', 'decideReport', { reportId: ok.reportId, confirm: true }, DEMO.butler);
    const again = await h.call('fees', 'decideReport', { reportId: ok.reportId, confirm: true }, { as: DEMO.butler });
    expect(again).toMatchObject({ ok: false, error: { code: 'REPORT_DECIDED' } });
    const history = await h.ok('fees', 'myPayments', {}, DEMO.owner);
    expect(history.items.some((i) => 'paymentId' in i && i.amountFen === 100)).toBe(true);
    await expectTotalsReconcile();
  });
});

describe('reminders out, proof and limitation', () => {
  it('from the 15th the timer messages each owner once per cadence and records it as a contact', async () => {
    h.setNow('2026-11-20T10:00:00+08:00');
    await h.timer();
    const auto = await h.rt.store.find('reminders', { byId: 'system' });
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.every((r) => r.channel === 'in_app')).toBe(true);
    const count = auto.length;
    await h.timer();
    expect(await h.rt.store.count('reminders', { byId: 'system' })).toBe(count);
    h.advance(7 * DAY);
    await h.timer();
    expect(await h.rt.store.count('reminders', { byId: 'system' })).toBe(2 * count);
    await expectTotalsReconcile();
  });

  it('only a written reminder with a fitting proof interrupts the limitation period', async () => {
    await h.rt.store.insert('bills', {
      _id: 'bill_r_1_102_2023-12',
      communityId: 'c_demo',
      buildingId: 'b_demo_1',
      roomId: 'r_1_102',
      month: '2023-12',
      amountFen: 30_000,
      status: 'unpaid',
      dueDate: '2023-12-15',
      createdAt: 0,
    });
    await h.ok('fees', 'recordReminder', { roomId: 'r_1_102', channel: 'phone', outcome: '无人接听', reachable: false }, DEMO.butler);
    const risky = await h.ok('fees', 'roomFees', { roomId: 'r_1_102' }, DEMO.butler);
    expect(risky.atRisk[0]).toMatchObject({ month: '2023-12', since: '2023-12-15', expiresOn: '2026-12-15', daysLeft: 25 });
    const slip = await h.ok('fees', 'recordReminder', { roomId: 'r_1_102', channel: 'slip', outcome: '催缴单已送达' }, DEMO.butler);
    expect((await h.ok('fees', 'roomFees', { roomId: 'r_1_102' }, DEMO.butler)).atRisk).toHaveLength(1);
    const wrong = await h.call('fees', 'addProof', { reminderId: slip.reminderId, kind: 'read_receipt' }, { as: DEMO.butler });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PROOF_NOT_ACCEPTED' } });
    const proven = await h.ok('fees', 'addProof', { reminderId: slip.reminderId, kind: 'registered_mail', trackingNo: 'EMS1234567890' }, DEMO.butler);
    expect(proven.interrupts).toBe(true);
    expect((await h.ok('fees', 'roomFees', { roomId: 'r_1_102' }, DEMO.butler)).atRisk).toEqual([]);
    const audit = await h.rt.store.find('audit', { 'subject.id': slip.reminderId });
    expect(audit.map((a) => a.type)).toContain('reminder.proof_added');
  });
});

describe('phones, unreachable owners and escalation', () => {
  it('the building butler sees the phone in full, others masked', async () => {
    const [row] = await arrearsOf();
    const roomId = (await h.rt.store.find('roomBindings', { communityId: 'c_demo', status: 'approved' })).find((b) => b.roomId.startsWith('r_1_'))!.roomId;
    const mine = await h.ok('fees', 'roomFees', { roomId }, DEMO.butler);
    expect(mine.phones[0]).toMatchObject({ masked: false });
    expect(mine.phones[0].phone).toMatch(/^1\d{10}$/);
    const head = await h.ok('fees', 'roomFees', { roomId }, DEMO.head);
    expect(head.phones[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(row).toBeDefined();
  });

  it('two failed attempts list the room as unreachable until a new number is given', async () => {
    const [row] = await arrearsOf();
    for (let i = 0; i < 2; i++) {
      await h.ok('fees', 'recordReminder', { roomId: row.roomId, channel: 'phone', outcome: '空号', reachable: false }, DEMO.butler);
      h.advance(60_000);
    }
    expect((await h.ok('fees', 'unreachable', {}, DEMO.head)).items.map((r) => r.roomId)).toContain(row.roomId);
    await h.ok('fees', 'updateContact', { roomId: row.roomId, phone: '13800001111', source: '邻居 302 户' }, DEMO.butler);
    expect((await h.ok('fees', 'unreachable', {}, DEMO.butler)).items.map((r) => r.roomId)).not.toContain(row.roomId);
    const audit = await h.rt.store.find('audit', { 'subject.id': row.roomId });
    expect(audit.find((a) => a.type === 'room.contact_added')?.data).toEqual({ phone: '13800001111', source: '邻居 302 户' });
  });

  it('escalation is a manager decision with a reason, never offered to a butler', async () => {
    await h.rt.store.insert('bills', {
      _id: 'bill_r_1_102_2026-03',
      communityId: 'c_demo',
      buildingId: 'b_demo_1',
      roomId: 'r_1_102',
      month: '2026-03',
      amountFen: 30_000,
      status: 'unpaid',
      dueDate: '2026-03-15',
      createdAt: 0,
    });
    await h.ok('fees', 'recordReminder', { roomId: 'r_1_102', channel: 'phone', outcome: '拒缴' }, DEMO.butler);
    const view = await h.ok('fees', 'roomFees', { roomId: 'r_1_102' }, DEMO.head);
    expect(view).toMatchObject({ escalation: 'lawyer_letter', canDecideEscalation: true });
    expect(JSON.stringify(view)).not.toMatch(/停水|停电|断水|断电/);
    const butler = await h.call(
      'fees',
      'decideEscalation',
      { roomId: 'r_1_102', step: 'lawyer_letter', decision: 'defer', reason: '业主承诺月底缴清' },
      { as: DEMO.butler },
    );
    expect(butler).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noLetter = await h.call(
      'fees',
      'decideEscalation',
      { roomId: 'r_1_102', step: 'lawyer_letter', decision: 'decide', reason: '多次催缴无果' },
      { as: DEMO.head },
    );
    expect(noLetter).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await h.ok('fees', 'decideEscalation', { roomId: 'r_1_102', step: 'lawyer_letter', decision: 'defer', reason: '业主承诺月底缴清' }, DEMO.head);
    expect((await h.ok('fees', 'roomFees', { roomId: 'r_1_102' }, DEMO.head)).decisions[0]).toMatchObject({ decision: '暂缓', reason: '业主承诺月底缴清' });
  });
});

describe('reminder slips (催缴单)', () => {
  it('a PDF per room and per building with room, months, amount and the company account, never a name', async () => {
    const [row] = await arrearsOf();
    const one = await h.ok('fees', 'reminderSlips', { roomId: row.roomId }, DEMO.butler);
    const bytes = Buffer.from(one.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [text] = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs')], { input: bytes }).toString()) as string[];
    const community = await h.rt.store.get('communities', 'c_demo');
    expect(text).toContain(`房号：${row.roomLabel}`);
    for (const m of row.unpaidMonths) expect(text).toContain(m);
    expect(text.replace(/\s/g, '')).toContain(`共${(row.amountFen / 100).toFixed(2)}元`);
    expect(text).toContain(community!.companyAccount.accountNo);
    const owners = await h.rt.store.find('people', { communityId: 'c_demo' });
    for (const o of owners) expect(text).not.toContain(o.name);
    const all = await h.ok('fees', 'reminderSlips', { buildingId: 'b_demo_1' }, DEMO.butler);
    expect(all.pages).toBeGreaterThan(1);
    console.log(`slip PDF: one room ${one.bytes} bytes; building of ${all.pages} rooms ${all.bytes} bytes (${Math.round(all.bytes / all.pages)} per slip)`);
    expect(one.bytes).toBeLessThan(150_000);
  });
});
