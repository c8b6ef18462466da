import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { HANDOVER_BATCH } from '../../cloudfunctions/admin/retire';

/** Appointing the general manager by invitation, and retiring anyone with their open work handed over. */
const C = 'c_demo';
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
const roles = async (as: string) => (await h.ok('session', 'me', {}, as)).roles;
const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const env = await p;
  return env.ok ? 'ok' : env.error!.code;
};

it('only the company administrator invites a general manager; the one who redeems it is the GM everywhere, until retired', async () => {
  expect(await codeOf(h.call('admin', 'createInvitation', { communityId: C, role: 'general_manager' }, { as: DEMO.head }))).toBe('INVITATION_ROLE_FORBIDDEN');
  expect(await codeOf(h.call('admin', 'createInvitation', { communityId: C, role: 'general_manager' }, { as: DEMO.gm }))).toBe('INVITATION_ROLE_FORBIDDEN');
  const inv = await h.ok('admin', 'createInvitation', { communityId: C, role: 'general_manager' }, DEMO.admin);
  expect(inv.roleLabel).toBe('总经理');
  const joined = await h.call('admin', 'redeemInvitation', { code: inv.code!, name: '周新' }, { openid: 'wx-new-gm' });
  expect(joined).toMatchObject({ ok: true, data: { communityId: C, role: 'general_manager' } });
  const me = await h.call('session', 'me', {}, { openid: 'wx-new-gm' });
  if (!me.ok) throw new Error(me.error.code);
  expect(me.data.roles).toEqual(['general_manager']);
  expect((await h.call('admin', 'dashboard', {}, { openid: 'wx-new-gm' })).ok).toBe(true);

  // A head may not retire the GM; the administrator may, and it counts from the GM's next request.
  const gmId = me.data.personId;
  expect(await codeOf(h.call('admin', 'deactivateStaff', { communityId: C, personId: gmId }, { as: DEMO.head }))).toBe('INVITATION_ROLE_FORBIDDEN');
  expect(await h.ok('admin', 'deactivateStaff', { communityId: C, personId: gmId, reason: '调任' }, DEMO.admin)).toMatchObject({ deactivated: true });
  const after = await h.call('session', 'me', {}, { openid: 'wx-new-gm' });
  expect(after.ok && after.data.roles).toEqual(['visitor']);
  expect(await codeOf(h.call('admin', 'dashboard', {}, { openid: 'wx-new-gm' }))).toBe('FORBIDDEN');
  expect((await h.rt.store.get('people', gmId))?.staffRole).toBe('general_manager'); // the record stays
});

it('a retired butler’s open inquiries go to a colleague, each thread saying who to whom and why', async () => {
  const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '楼道灯不亮' }, DEMO.owner);
  await h.ok('inquiries', 'assign', { inquiryId: asked.inquiryId, assigneeId: DEMO.butler }, DEMO.head);
  const prompt = await h.ok('admin', 'deactivateStaff', { communityId: C, personId: DEMO.butler }, DEMO.head);
  expect(prompt).toMatchObject({ deactivated: false, reassigned: 0 });
  expect(prompt.openWork).toBeGreaterThan(0);
  const done = await h.ok('admin', 'deactivateStaff', { communityId: C, personId: DEMO.butler, reassignTo: DEMO.butler2, reason: '离职' }, DEMO.head);
  expect(done).toMatchObject({ deactivated: true, reassigned: prompt.openWork });
  const detail = await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.head);
  const [butler, butler2] = await Promise.all([h.rt.store.get('people', DEMO.butler), h.rt.store.get('people', DEMO.butler2)]);
  const line = detail.thread[detail.thread.length - 1];
  expect(line.text).toBe(`交接：${butler!.name} → ${butler2!.name}（离职）`);
  expect(line.actorName).toBe((await h.rt.store.get('people', DEMO.head))!.name);
  expect((await h.rt.store.get('inquiries', asked.inquiryId))!.assigneeId).toBe(DEMO.butler2);
  expect(await codeOf(h.call('inquiries', 'queue', {}, { as: DEMO.butler }))).toBe('FORBIDDEN');
});

it('a retired committee member loses committee access on the next request; the day still counts in the roster', async () => {
  expect(await roles(DEMO.member)).toContain('committee');
  await h.ok('admin', 'deactivateStaff', { communityId: C, personId: DEMO.member, reason: '辞去委员' }, DEMO.head);
  expect(await roles(DEMO.member)).not.toContain('committee');
  const today = (await h.ok('admin', 'roster', { communityId: C }, DEMO.head)).seats.map((s) => s.personId);
  expect(today).toContain(DEMO.member);
  h.advance(86_400_000);
  expect((await h.ok('admin', 'roster', { communityId: C }, DEMO.head)).seats.map((s) => s.personId)).not.toContain(DEMO.member);
  const archive = await h.rt.store.find('archive', { communityId: C, type: 'committee_roster' });
  expect(archive.some((a) => a.title.startsWith('委员离任'))).toBe(true);
});

it('an invitation’s image: locally a QR of the join link, for a manager of its community only, while the code is open', async () => {
  const inv = await h.ok('admin', 'createInvitation', { communityId: C, role: 'butler' }, DEMO.head);
  const qr = await h.ok('admin', 'invitationQr', { code: inv.code! }, DEMO.head);
  expect(qr).toMatchObject({ kind: 'local', link: `/packages/admin/join/index?code=${inv.code}` });
  expect(qr.image).toMatch(/^data:image\/gif;base64,R0lGOD/);
  expect(await codeOf(h.call('admin', 'invitationQr', { code: inv.code! }, { as: DEMO.butler }))).toBe('FORBIDDEN');
  await h.call('admin', 'redeemInvitation', { code: inv.code!, name: '新管家' }, { openid: 'wx-new-butler' });
  expect(await codeOf(h.call('admin', 'invitationQr', { code: inv.code! }, { as: DEMO.head }))).toBe('INVITATION_USED');
});

describe('retiring the general manager', () => {
  const duty = (id: string, communityId: string) =>
    h.rt.store.insert('obligations', {
      _id: id,
      communityId,
      kind: 'monthly_pl',
      title: '月度损益表',
      period: '2026-11',
      due: h.now() + 86_400_000,
      dueDate: '2026-11-21',
      dueProvisional: false,
      assigneeId: DEMO.gm,
      createdAt: h.now(),
    } as never);

  it('the administrator sees the GM in the staff list (a head does not), and the GM’s open work moves in every community', async () => {
    const listed = await h.ok('admin', 'staff', { communityId: C }, DEMO.admin);
    expect(listed.find((s) => s.personId === DEMO.gm)).toMatchObject({ role: 'general_manager', roleLabel: '总经理', active: true });
    expect((await h.ok('admin', 'staff', { communityId: C }, DEMO.head)).some((s) => s.personId === DEMO.gm)).toBe(false);

    const other = await h.ok(
      'admin',
      'createCommunity',
      { name: '翠湖花园', city: '深圳', companyAccount: { bank: '招商银行', accountName: '安居物业', accountNo: '7559 0000 1111' } },
      DEMO.admin,
    );
    await duty('ob_gm_1', C);
    await duty('ob_gm_2', other.communityId);
    const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '电梯异响' }, DEMO.owner);
    await h.rt.store.update('inquiries', asked.inquiryId, (await h.rt.store.get('inquiries', asked.inquiryId))!.version, { assigneeId: DEMO.gm });

    const prompt = await h.ok('admin', 'deactivateStaff', { communityId: C, personId: DEMO.gm }, DEMO.admin);
    expect(prompt).toEqual({ openWork: 3, reassigned: 0, deactivated: false });
    // The head serves only this community: the other community's duty would have nobody.
    expect(await codeOf(h.call('admin', 'deactivateStaff', { communityId: C, personId: DEMO.gm, reassignTo: DEMO.head }, { as: DEMO.admin }))).toBe(
      'ASSIGNEE_NOT_STAFF',
    );
    expect((await h.rt.store.get('obligations', 'ob_gm_1'))!.assigneeId).toBe(DEMO.gm);

    // A new general manager serves every community and takes it all.
    const inv = await h.ok('admin', 'createInvitation', { communityId: C, role: 'general_manager' }, DEMO.admin);
    const joined = await h.call('admin', 'redeemInvitation', { code: inv.code!, name: '周新' }, { openid: 'wx-new-gm' });
    expect(joined.ok).toBe(true);
    const newGm = (await h.rt.store.find('people', { openid: 'wx-new-gm' }))[0]._id;
    const done = await h.ok('admin', 'deactivateStaff', { communityId: C, personId: DEMO.gm, reassignTo: newGm, reason: '调任' }, DEMO.admin);
    expect(done).toEqual({ openWork: 3, reassigned: 3, deactivated: true });
    expect((await h.rt.store.get('obligations', 'ob_gm_1'))!.assigneeId).toBe(newGm);
    expect((await h.rt.store.get('obligations', 'ob_gm_2'))!.assigneeId).toBe(newGm);
    expect((await h.rt.store.get('inquiries', asked.inquiryId))!.assigneeId).toBe(newGm);
    expect(await roles(DEMO.gm)).toEqual(['visitor']);
    const after = await h.ok('admin', 'staff', { communityId: C }, DEMO.admin);
    expect(after.find((s) => s.personId === DEMO.gm)?.active).toBe(false);
  });

  it('more open work than one batch is handed over call by call; the role goes with the last batch', async () => {
    for (let i = 0; i < HANDOVER_BATCH + 1; i++) await duty(`ob_many_${String(i).padStart(3, '0')}`, C);
    const inv = await h.ok('admin', 'createInvitation', { communityId: C, role: 'general_manager' }, DEMO.admin);
    await h.call('admin', 'redeemInvitation', { code: inv.code!, name: '周新' }, { openid: 'wx-new-gm' });
    const newGm = (await h.rt.store.find('people', { openid: 'wx-new-gm' }))[0]._id;
    const input = { communityId: C, personId: DEMO.gm, reassignTo: newGm };
    expect(await h.ok('admin', 'deactivateStaff', input, DEMO.admin)).toEqual({ openWork: HANDOVER_BATCH + 1, reassigned: HANDOVER_BATCH, deactivated: false });
    expect(await roles(DEMO.gm)).toContain('general_manager');
    expect(await h.ok('admin', 'deactivateStaff', input, DEMO.admin)).toEqual({ openWork: 1, reassigned: 1, deactivated: true });
    expect(await h.rt.store.count('obligations', { assigneeId: DEMO.gm })).toBe(0);
  });
});
