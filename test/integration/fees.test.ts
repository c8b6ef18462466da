import { billSchedule } from '@domain/fees';
import type { Bill } from '@domain/model';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

/** An old unpaid bill for a 1栋 room the demo left fully paid, so the row is this bill alone. */
async function oldBill(month: string, amountFen = 30_000): Promise<Bill> {
  const bill: Omit<Bill, 'version'> = {
    _id: `bill_test_${month}`,
    communityId: 'c_demo',
    buildingId: 'b_demo_1',
    roomId: 'r_1_102',
    month,
    amountFen,
    status: 'unpaid',
    dueDate: `${month}-15`,
    createdAt: 0,
    ...billSchedule({ month, dueDate: `${month}-15` }, null, null),
  };
  await h.rt.store.insertIfAbsent('bills', bill);
  return { ...bill, version: 1 };
}

const rowOf = async (roomId: string) => (await h.ok('fees', 'arrears', { limit: 100 }, DEMO.butler)).items.find((r) => r.roomId === roomId);

describe('arrears follow the fee rules', () => {
  it('a reminder waits for the cadence, then is due again', async () => {
    const [first] = (await h.ok('fees', 'arrears', {}, DEMO.butler)).items;
    expect(first.reminderDueNow).toBe(true);
    await h.ok('fees', 'recordReminder', { billId: first.bills[0].billId, channel: 'phone', outcome: '已电话提醒' }, DEMO.butler);
    // A room with several unpaid months stays due until each bill has been reminded.
    for (const b of first.bills.slice(1)) await h.ok('fees', 'recordReminder', { billId: b.billId, channel: 'phone', outcome: '已电话提醒' }, DEMO.butler);
    const after = await rowOf(first.roomId);
    expect(after).toMatchObject({ reminderDueNow: false, nextReminderDate: '2026-11-27' });
    h.advance(7 * DAY);
    expect((await rowOf(first.roomId))?.reminderDueNow).toBe(true);
  });

  it('suggests a lawyer letter for long arrears and a lawsuit only for large ones', async () => {
    await oldBill('2026-03');
    expect(await rowOf('r_1_102')).toMatchObject({ escalation: 'lawyer_letter', escalationLabel: '建议发送律师函' });
    await oldBill('2025-09', 400_000);
    expect(await rowOf('r_1_102')).toMatchObject({ escalation: 'lawsuit', escalationLabel: '建议起诉' });
  });

  it('flags the limitation period until a written reminder interrupts it', async () => {
    await oldBill('2023-12');
    const before = await rowOf('r_1_102');
    expect(before?.limitation).toMatchObject({ month: '2023-12', expiresOn: '2026-12-15', daysLeft: 25, expired: false });
    expect((await h.ok('session', 'todos', {}, DEMO.butler)).map((t) => t.key)).toContain('fees-limitation');

    // A phone call leaves no written proof; a reminder slip does.
    await h.ok('fees', 'recordReminder', { billId: 'bill_test_2023-12', channel: 'phone', outcome: '电话无人接听', reachable: false }, DEMO.butler);
    expect((await rowOf('r_1_102'))?.limitation).toBeDefined();
    h.advance(60_000); // the slip comes after the call: "last contact" is read in time order
    await h.ok('fees', 'recordReminder', { billId: 'bill_test_2023-12', channel: 'slip', outcome: '催缴单已送达并签收' }, DEMO.butler);
    const after = await rowOf('r_1_102');
    expect(after?.limitation).toBeUndefined();
    expect(after?.reachable).toBe(true);
    expect((await h.ok('session', 'todos', {}, DEMO.butler)).map((t) => t.key)).not.toContain('fees-limitation');
  });

  it('lists a room whose last contact failed as unreachable', async () => {
    const [first] = (await h.ok('fees', 'arrears', {}, DEMO.butler)).items;
    await h.ok('fees', 'recordReminder', { billId: first.bills[0].billId, channel: 'phone', outcome: '空号', reachable: false }, DEMO.butler);
    expect((await rowOf(first.roomId))?.reachable).toBe(false);
  });
});
