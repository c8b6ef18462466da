import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ActionName, Api, FunctionName } from '@domain/api';
import type { ImportView } from '@domain/api/admin';
import type { InputOf } from '@domain/api/contract';
import { issueBootstrapCode } from '../../cloudfunctions/_shared/bootstrap';
import { createHarness, type Harness } from '../helpers/harness';
import { roomRows, writeRoomWorkbook } from '../../scripts/make-room-fixture';

/**
 * "How it is checked": a new company on an EMPTY store (no demo seed), every step through the
 * product's own actions — no record written by hand.
 */
const FIXTURE = path.resolve(__dirname, '../fixtures/rooms-200.xlsx');

let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onboarding-'));
  h = await createHarness({ seed: false, filesDir: dir, now: '2026-11-20T10:00:00+08:00' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** People here are not in the demo: they call by their platform identity. */
const ok = <F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, payload: InputOf<Api[F][A]>) =>
  h.ok(fn, action, payload, { openid });
async function code<F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, payload: InputOf<Api[F][A]>): Promise<string> {
  const env = await h.call(fn, action, payload, { openid });
  return env.ok ? 'ok' : env.error.code;
}

/** Puts a file where the local host keeps uploads and returns its file reference. */
function upload(name: string, bytes: Buffer | string): { fileId: string; name: string } {
  const id = `${Math.random().toString(36).slice(2, 10)}${path.extname(name)}`;
  fs.writeFileSync(path.join(dir, id), bytes);
  return { fileId: `local:${id}`, name };
}

async function runImport(
  openid: string,
  communityId: string,
  file: { fileId: string; name: string },
): Promise<{ view: ImportView; calls: number; percents: number[] }> {
  let view = await ok(openid, 'admin', 'importStart', { communityId, file });
  let calls = 1;
  const percents = [view.percent];
  while (view.status !== 'committed') {
    view = await ok(openid, 'admin', 'importStep', { importId: view.importId });
    percents.push(view.percent);
    calls++;
  }
  return { view, calls, percents };
}

const ACCOUNT = { bank: '招商银行深圳分行', accountName: '安居物业服务有限公司', accountNo: '7559 8888 1234 567' };

async function bootstrapCommunity(): Promise<{ communityId: string }> {
  const first = await issueBootstrapCode(h.rt.store, h.now());
  expect(first).toMatch(/^[A-Z0-9]{16}$/);
  await ok('wx-admin', 'admin', 'bootstrap', { code: first!, name: '何文' });
  const c = await ok('wx-admin', 'admin', 'createCommunity', { name: '翠湖花园', city: '深圳', companyAccount: ACCOUNT });
  return { communityId: c.communityId };
}

describe('a new company on an empty store', () => {
  it('bootstraps, creates a community, imports 200 rooms, invites a head and a butler, records a committee, and an owner binds a room and is told', async () => {
    expect(await h.rt.store.count('communities')).toBe(0);
    expect(await h.rt.store.count('people')).toBe(0);

    // 1. The first administrator, with the code the init script printed; the code works once.
    const { communityId } = await bootstrapCommunity();
    expect(await issueBootstrapCode(h.rt.store, h.now())).toBeNull();
    const me = await ok('wx-admin', 'session', 'me', {});
    expect(me.roles).toContain('admin');
    expect(me.area).toBe('admin');

    // 2. Rooms and owners from the sample workbook, chunk by chunk, progress rising to 100.
    const { view, calls, percents } = await runImport('wx-admin', communityId, upload('rooms.xlsx', fs.readFileSync(FIXTURE)));
    expect(view.counts).toEqual({ created: 200, updated: 0, unchanged: 0 });
    expect(view.missing).toEqual([]);
    expect(calls).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(await h.rt.store.count('rooms', { communityId })).toBe(200);
    const buildings = await ok('wx-admin', 'admin', 'buildings', { communityId });
    expect(buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋']);

    // 3. The administrator invites the head; the head invites a butler for 1栋; each joins with their code.
    const headInv = await ok('wx-admin', 'admin', 'createInvitation', { communityId, role: 'head' });
    expect(headInv.code).toMatch(/^[A-Z0-9]{10}$/);
    expect(headInv.link).toContain('/packages/admin/join/index?code=');
    expect(await ok('wx-head', 'admin', 'redeemInvitation', { code: headInv.code!, name: '周志强' })).toEqual({ communityId, role: 'head' });
    expect((await ok('wx-head', 'session', 'me', {})).roles).toEqual(['head']);
    expect(await code('wx-head', 'admin', 'createInvitation', { communityId, role: 'head' })).toBe('INVITATION_ROLE_FORBIDDEN');
    const butlerInv = await ok('wx-head', 'admin', 'createInvitation', { communityId, role: 'butler', buildingIds: [buildings[0].buildingId] });
    await ok('wx-butler', 'admin', 'redeemInvitation', { code: butlerInv.code!, name: '陈晓东' });
    expect(await code('wx-someone', 'admin', 'redeemInvitation', { code: butlerInv.code!, name: '冒用者' })).toBe('INVITATION_USED');
    const staff = await ok('wx-head', 'admin', 'staff', { communityId });
    expect(staff.map((s) => [s.name, s.role, s.buildingIds.length])).toEqual([
      ['周志强', 'head', 0],
      ['陈晓东', 'butler', 1],
    ]);

    // 4. Five owners bind their rooms; staff see the registered owner in full; one mismatch is flagged.
    const rows = roomRows(200);
    await ok('wx-owner-0', 'session', 'me', {});
    const rooms: Array<{ roomId: string; label: string }> = [];
    for (let after: string | undefined, page; (page = await ok('wx-owner-0', 'session', 'listRooms', { communityId, limit: 100, after }));) {
      rooms.push(...page.items);
      if (!page.next) break;
      after = page.next;
    }
    expect(rooms).toHaveLength(200);
    const owners = [0, 1, 2, 3, 4].map((i) => ({ openid: `wx-owner-${i}`, row: rows[i * 3] }));
    for (const [i, o] of owners.entries()) {
      await ok(o.openid, 'session', 'me', {});
      // The last one applies under another name: the register says otherwise, and staff see it.
      await ok(o.openid, 'session', 'updateProfile', { name: i === 4 ? '李四' : o.row[4], phone: o.row[5] });
      const label = `${o.row[0]}-${o.row[1]}-${o.row[2]}`;
      await ok(o.openid, 'session', 'requestBinding', { roomId: rooms.find((r) => r.label === label)!.roomId });
    }
    const { items: pending } = await ok('wx-butler', 'session', 'pendingBindings', {});
    expect(pending).toHaveLength(5);
    const first = pending.find((p) => p.personName === owners[0].row[4])!;
    expect(first).toMatchObject({ registeredName: owners[0].row[4], registeredPhone: owners[0].row[5], applicantPhone: owners[0].row[5], mismatch: '' });
    expect(pending.find((p) => p.personName === '李四')!.mismatch).toBe('姓名与登记业主不一致');
    for (const p of pending) await ok('wx-butler', 'session', 'decideBinding', { bindingId: p.bindingId, approve: true });
    const inbox = await ok('wx-owner-0', 'alerts', 'inbox', {});
    expect(JSON.stringify(inbox)).toContain(`房屋绑定已通过：${owners[0].row[0]}-${owners[0].row[1]}-${owners[0].row[2]}`);
    expect((await ok('wx-owner-0', 'session', 'me', {})).roles).toEqual(['owner']);
    expect((await ok('wx-butler', 'session', 'me', {})).roles).toEqual(['butler']);
    // One more applicant under a name the register does not know: refused, and told why.
    const stranger = rows[15];
    await ok('wx-owner-5', 'session', 'me', {});
    await ok('wx-owner-5', 'session', 'updateProfile', { name: '王五', phone: '13912345678' });
    await ok('wx-owner-5', 'session', 'requestBinding', { roomId: rooms.find((r) => r.label === `${stranger[0]}-${stranger[1]}-${stranger[2]}`)!.roomId });
    const [odd] = (await ok('wx-butler', 'session', 'pendingBindings', {})).items;
    expect(odd).toMatchObject({ personName: '王五', registeredName: stranger[4], mismatch: expect.stringContaining('姓名与登记业主不一致') });
    const why = '与登记业主不符，请业主本人携房产证到服务中心办理';
    await ok('wx-butler', 'session', 'decideBinding', { bindingId: odd.bindingId, approve: false, note: why });
    expect(JSON.stringify(await ok('wx-owner-5', 'alerts', 'inbox', {}))).toContain(`原因：${why}`);
    expect((await ok('wx-owner-5', 'session', 'me', {})).roles).toEqual(['visitor']);

    // 5. The head records the election: five members with positions, term and filing number.
    const candidates = await ok('wx-head', 'admin', 'candidates', { communityId });
    expect(candidates).toHaveLength(5);
    const positions = ['chair', 'vice_chair', 'member', 'member', 'member'] as const;
    const seats = await ok('wx-head', 'admin', 'recordElection', {
      communityId,
      termStart: '2026-11-20',
      termEnd: '2031-11-19',
      filingNo: '南山街道备字〔2026〕12号',
      members: candidates.map((c, i) => ({ personId: c.personId, position: positions[i] })),
    });
    expect(seats.map((s) => s.positionLabel)).toEqual(['主任', '副主任', '委员', '委员', '委员']);
    const chairOpenid = owners.find((o) => o.row[4] === candidates[0].name)?.openid ?? 'wx-owner-4';
    expect((await ok(chairOpenid, 'session', 'me', {})).roles).toEqual(['committee', 'owner']);
    const archive = await h.rt.store.find('archive', { communityId });
    expect(archive.map((a) => a.type)).toEqual(['committee_roster']);
  });
});

describe('the import', () => {
  it('reports every bad row in Chinese and stores nothing', async () => {
    const { communityId } = await bootstrapCommunity();
    const before = await h.snapshot();
    const csv = [
      '楼栋,单元,房号,建筑面积,业主姓名,业主手机',
      '1栋,1单元,101,89.5,王伟,13800000001',
      '1栋,1单元,102,abc,李芳,13800000002',
      '1栋,1单元,103,90,,1380000',
      '',
      '1栋,1单元,101,70,张三,13800000003',
    ].join('\r\n');
    const env = await h.call('admin', 'importStart', { communityId, file: upload('rooms.csv', csv) }, { openid: 'wx-admin' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('IMPORT_INVALID');
    expect(env.error.message).toContain('3处错误');
    expect(env.error.details).toEqual([
      { line: 3, message: '第3行：建筑面积应为数字（平方米）' },
      { line: 4, message: '第4行：业主姓名不能为空；业主手机应为11位手机号' },
      { line: 6, message: '第6行：房号 1栋-1单元-101 与第2行重复' },
    ]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a corrected re-import updates rooms in place by number and lists the missing ones for the head to retire', async () => {
    const { communityId } = await bootstrapCommunity();
    const header = '楼栋,单元,房号,建筑面积,业主姓名,业主手机';
    await runImport(
      'wx-admin',
      communityId,
      upload('a.csv', [header, '1栋,,101,80,王伟,13800000001', '1栋,,102,80,李芳,13800000002', '1栋,,103,80,张敏,13800000003'].join('\n')),
    );
    const ids = new Map((await h.rt.store.find('rooms', { communityId })).map((r) => [r.label, r._id]));
    const { view } = await runImport(
      'wx-admin',
      communityId,
      upload('b.csv', [header, '1栋,,101,85.5,王伟,13800000001', '1栋,,102,80,李芳,13800000002'].join('\n')),
    );
    expect(view.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(view.missing).toEqual([{ roomId: ids.get('1栋-103'), label: '1栋-103' }]);
    const room = await h.rt.store.get('rooms', ids.get('1栋-101')!);
    expect(room?.areaM2).toBe(85.5);
    // The previous version is kept with the row that changed it.
    const changed = await h.rt.store.find('importRows', { importId: view.importId, n: 0 });
    expect(changed[0].before).toMatchObject({ areaM2: 80 });
    // Nothing was removed: the head retires the missing room, which then takes no new binding.
    expect(await h.rt.store.count('rooms', { communityId })).toBe(3);
    expect(await ok('wx-admin', 'admin', 'retireRooms', { communityId, roomIds: [ids.get('1栋-103')!] })).toEqual({ retired: 1 });
    await ok('wx-visitor', 'session', 'me', {});
    expect((await ok('wx-visitor', 'session', 'listRooms', { communityId })).items.map((r) => r.label)).toEqual(['1栋-101', '1栋-102']);
    expect(await code('wx-visitor', 'session', 'requestBinding', { roomId: ids.get('1栋-103')! })).toBe('ROOM_RETIRED');
  });

  it('resumes from the stored cursor after a crashed call, and a retried chunk is done once', async () => {
    const { communityId } = await bootstrapCommunity();
    const file = path.join(dir, 'big.xlsx');
    await writeRoomWorkbook(file, 600);
    const start = await ok('wx-admin', 'admin', 'importStart', { communityId, file: upload('big.xlsx', fs.readFileSync(file)) });
    // The same request sent twice (a lost reply): one chunk staged, not two.
    const a = await h.raw('admin', { action: 'importStep', payload: { importId: start.importId }, requestId: 'req-step-0001' }, { openid: 'wx-admin' });
    const b = await h.raw('admin', { action: 'importStep', payload: { importId: start.importId }, requestId: 'req-step-0001' }, { openid: 'wx-admin' });
    expect(a).toEqual(b);
    expect(await h.rt.store.count('importRows', { importId: start.importId })).toBe(250);
    // Rows are not rooms until applied: nothing of the import is in the community yet.
    expect(await h.rt.store.count('rooms', { communityId })).toBe(0);
    let view = (await ok('wx-admin', 'admin', 'imports', { communityId }))[0];
    expect(view).toMatchObject({ status: 'staging', staged: 250, applied: 0 });
    while (view.status !== 'committed') view = await ok('wx-admin', 'admin', 'importStep', { importId: start.importId });
    expect(await h.rt.store.count('rooms', { communityId })).toBe(600);
    expect(view.counts.created).toBe(600);
  });

  it('imports 2,000 rooms within the chunk budget (prints the time)', async () => {
    const { communityId } = await bootstrapCommunity();
    const file = path.join(dir, 'rooms-2000.xlsx');
    await writeRoomWorkbook(file, 2000);
    const started = Date.now();
    const { view, calls } = await runImport('wx-admin', communityId, upload('rooms-2000.xlsx', fs.readFileSync(file)));
    const ms = Date.now() - started;
    console.log(`[onboarding] 2,000 rooms imported in ${ms} ms over ${calls} calls (embedded store)`);
    expect(view.counts.created).toBe(2000);
    expect(await h.rt.store.count('rooms', { communityId })).toBe(2000);
  }, 120_000);
});

describe('staff by invitation', () => {
  it('an invitation expires, and works once', async () => {
    const { communityId } = await bootstrapCommunity();
    const inv = await ok('wx-admin', 'admin', 'createInvitation', { communityId, role: 'butler_supervisor', validDays: 2 });
    h.advance(2 * 86_400_000 + 1);
    expect(await code('wx-late', 'admin', 'redeemInvitation', { code: inv.code!, name: '迟到者' })).toBe('INVITATION_EXPIRED');
    expect(await code('wx-late', 'admin', 'redeemInvitation', { code: 'ABCDEFGHJK', name: '猜码者' })).toBe('INVITATION_INVALID');
    const list = await ok('wx-admin', 'admin', 'invitations', { communityId });
    expect(list[0]).toMatchObject({ status: 'expired', hint: inv.code!.slice(-3) });
    expect(list[0].code).toBeUndefined();
  });

  it('a deactivated butler is refused at once; open work is handed over with a prompt', async () => {
    const { communityId } = await bootstrapCommunity();
    const a = await ok('wx-admin', 'admin', 'createInvitation', { communityId, role: 'butler' });
    const b = await ok('wx-admin', 'admin', 'createInvitation', { communityId, role: 'butler' });
    await ok('wx-b1', 'admin', 'redeemInvitation', { code: a.code!, name: '甲' });
    await ok('wx-b2', 'admin', 'redeemInvitation', { code: b.code!, name: '乙' });
    const list = await ok('wx-admin', 'admin', 'staff', { communityId });
    const b1 = list.find((s) => s.name === '甲')!;
    const b2 = list.find((s) => s.name === '乙')!;
    // A duty assigned to the first butler: open work.
    await h.rt.store.insert('obligations', {
      _id: 'ob_1',
      communityId,
      kind: 'monthly_pl',
      title: '月度损益表',
      period: '2026-11',
      due: h.now() + 86_400_000,
      dueDate: '2026-11-21',
      dueProvisional: false,
      assigneeId: b1.personId,
      createdAt: h.now(),
    } as never);
    expect(await code('wx-b1', 'session', 'pendingBindings', {})).toBe('ok');
    expect(await ok('wx-admin', 'admin', 'deactivateStaff', { communityId, personId: b1.personId })).toEqual({
      openWork: 1,
      reassigned: 0,
      deactivated: false,
    });
    expect(await code('wx-b1', 'session', 'pendingBindings', {})).toBe('ok');
    expect(await ok('wx-admin', 'admin', 'deactivateStaff', { communityId, personId: b1.personId, reassignTo: b2.personId })).toEqual({
      openWork: 1,
      reassigned: 1,
      deactivated: true,
    });
    expect(await code('wx-b1', 'session', 'pendingBindings', {})).toBe('FORBIDDEN');
    expect((await h.rt.store.get('obligations', 'ob_1'))?.assigneeId).toBe(b2.personId);
    // Records stay: the person and the membership, marked inactive.
    expect((await ok('wx-admin', 'admin', 'staff', { communityId })).find((s) => s.personId === b1.personId)?.active).toBe(false);
  });
});
