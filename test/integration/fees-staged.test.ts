import { execFileSync } from 'child_process';
import * as path from 'path';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * Fee readers see rooms as an import leaves them (`@domain/import-staging`): the old values while
 * the import is open, the new ones from its commit — before they are folded into the room — and a
 * room the import creates not at all until then.
 */
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

const IMPORT_ID = 'imp_staged_test';

async function openImport(): Promise<void> {
  await h.rt.store.insert('imports', {
    _id: IMPORT_ID,
    communityId: 'c_demo',
    kind: 'rooms',
    file: { fileId: 'local:x.csv', name: 'x.csv' },
    fileHash: 'x',
    total: 2,
    staged: 2,
    applied: 2,
    status: 'applying',
    counts: { created: 1, updated: 1, unchanged: 0 },
    missing: [],
    createdBy: DEMO.head,
    createdAt: h.now(),
  });
}

/** What an import's apply step writes: new values beside the current ones, and a room born staged. */
async function stage(roomId: string, newLabel: string): Promise<void> {
  const room = (await h.rt.store.get('rooms', roomId))!;
  const { _id, version: _v, communityId: _c, staged: _s, ...current } = room;
  await h.rt.store.update('rooms', _id, room.version, { staged: { importId: IMPORT_ID, created: false, values: { ...current, label: newLabel } } });
  const values = { ...current, label: '1栋-9901' };
  await h.rt.store.insert('rooms', { _id: 'r_staged_new', communityId: 'c_demo', ...values, staged: { importId: IMPORT_ID, created: true, values } });
}

const slipText = async (input: { roomId: string } | { buildingId: string }): Promise<string> => {
  const slip = await h.ok('fees', 'reminderSlips', input, DEMO.butler);
  const bytes = Buffer.from(slip.base64, 'base64');
  return (JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs')], { input: bytes }).toString()) as string[]).join('\n');
};

describe('fee readers and a rooms import in flight', () => {
  it('a slip shows the old label until the commit and the new one from it, before the values are folded in', async () => {
    const [row] = (await h.ok('fees', 'arrears', { limit: 1 }, DEMO.butler)).items;
    const room = (await h.rt.store.get('rooms', row.roomId))!;
    await openImport();
    await stage(row.roomId, `${room.label}A`);

    const before = await slipText({ roomId: row.roomId });
    expect(before).toContain(`房号：${room.label}\n`);
    expect(before).not.toContain(`房号：${room.label}A`);
    // The arrears list keeps the label of the room in force as well.
    expect((await h.ok('fees', 'arrears', { limit: 1 }, DEMO.butler)).items[0].roomLabel).toBe(room.label);

    // The commit point: one write of the import; the room record itself still holds the old label.
    const job = (await h.rt.store.get('imports', IMPORT_ID))!;
    await h.rt.store.update('imports', IMPORT_ID, job.version, { status: 'settling', committedAt: h.now(), settled: 0 });
    expect((await h.rt.store.get('rooms', row.roomId))!.label).toBe(room.label);
    expect(await slipText({ roomId: row.roomId })).toContain(`房号：${room.label}A`);
    expect(await slipText({ buildingId: room.buildingId })).toContain(`房号：${room.label}A`);
  }, 30_000); // three PDFs with their font subsets

  it('a room an uncommitted import creates is not found by fee actions', async () => {
    const [row] = (await h.ok('fees', 'arrears', { limit: 1 }, DEMO.butler)).items;
    await openImport();
    await stage(row.roomId, 'unused');
    const refused = await h.call('fees', 'roomReminders', { roomId: 'r_staged_new' }, { as: DEMO.butler });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const pay = await h.call(
      'fees',
      'recordPayment',
      { roomId: 'r_staged_new', amountFen: 100, paidOn: '2026-11-20', channel: 'bank_transfer', receiptNo: 'R1' },
      { as: DEMO.butler },
    );
    expect(pay).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The room already in force is still worked on.
    expect(await h.call('fees', 'roomReminders', { roomId: row.roomId }, { as: DEMO.butler })).toMatchObject({ ok: true });
  });
});
