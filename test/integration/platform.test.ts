import { API, FUNCTION_NAMES, type FunctionName } from '@domain/api';
import { PERMISSIONS } from '@domain/permissions';
import type { Access } from '@domain/api/contract';
import { createHarness, DEMO, PERSON_FOR_ROLE, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const callerFor = (access: Access): string | undefined =>
  access === 'public' ? undefined : access === 'identified' || access === 'signedIn' ? DEMO.owner : PERSON_FOR_ROLE[access[0]];

describe('every action', () => {
  const all = FUNCTION_NAMES.flatMap((fn) => Object.keys(API[fn]).map((action) => [fn, action] as [FunctionName, string]));

  it.each(all)('%s.%s has a permission row', (fn, action) => {
    expect((PERMISSIONS[fn] as Record<string, Access>)[action]).toBeDefined();
  });

  it.each(all)('%s.%s rejects a malformed payload with INVALID_INPUT and stores nothing', async (fn, action) => {
    const access = (PERMISSIONS[fn] as Record<string, Access>)[action];
    const before = await h.snapshot();
    // A forged identity field must be refused, never read: every schema is strict.
    const forged = await h.raw(fn, { action, payload: { openid: 'someone-else', personId: DEMO.head } }, { as: callerFor(access) });
    const wrongType = await h.raw(fn, { action, payload: 'not an object' }, { as: callerFor(access) });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it.each(all.filter(([fn, a]) => (PERMISSIONS[fn] as Record<string, Access>)[a] !== 'public'))('%s.%s refuses a call without identity', async (fn, action) => {
    const before = await h.snapshot();
    const env = await h.raw(fn, { action, payload: {} });
    expect(env).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('dispatch', () => {
  it('answers an unknown action and a missing action clearly', async () => {
    expect(await h.raw('session', { action: 'dropDatabase', payload: {} }, { as: DEMO.head })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(await h.raw('session', { payload: {} }, { as: DEMO.head })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.raw('session', null, { as: DEMO.head })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('gives details per field in Chinese', async () => {
    const env = await h.call('session', 'updateProfile', { name: '', phone: '123' }, { as: DEMO.owner });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('INVALID_INPUT');
    const fields = (env.error.details as Array<{ path: string; message: string }>).map((d) => d.path).sort();
    expect(fields).toEqual(['name', 'phone']);
    expect(env.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('hides an unexpected exception behind a generic message', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const original = h.rt.store.find;
    h.rt.store.find = () => Promise.reject(new Error('disk on fire at /secret/path'));
    const env = await h.call('session', 'me', {}, { as: DEMO.owner });
    h.rt.store.find = original;
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses a role not in the permission table and changes nothing', async () => {
    const before = await h.snapshot();
    const env = await h.call('session', 'decideBinding', { bindingId: 'bind_p_visitor_1', approve: true }, { as: DEMO.owner });
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.snapshot()).toEqual(before);
    expect((await h.rt.store.get('roomBindings', 'bind_p_visitor_1'))?.status).toBe('requested');
  });
});

describe('session', () => {
  it('registers a first-time WeChat user as a visitor', async () => {
    const me = await h.call('session', 'me', {}, { openid: 'wx-openid-new' });
    expect(me).toMatchObject({ ok: true, data: { name: '微信用户', roles: ['visitor'], area: 'visitor', communityId: null } });
    const again = await h.call('session', 'me', {}, { openid: 'wx-openid-new' });
    expect(again.ok && again.data.personId).toBe(me.ok && me.data.personId);
    expect(await h.rt.store.count('people', { openid: 'wx-openid-new' })).toBe(1);
  });

  it('resolves roles from the roster', async () => {
    expect(await h.ok('session', 'me', {}, DEMO.chair)).toMatchObject({
      roles: ['committee', 'owner'],
      area: 'committee',
      committeePosition: 'chair',
      communityName: '阳光花园',
    });
    expect(await h.ok('session', 'me', {}, DEMO.head)).toMatchObject({ roles: ['head'], area: 'staff' });
    expect(await h.ok('session', 'me', {}, DEMO.owner)).toMatchObject({ roles: ['owner'], area: 'owner', localMode: true });
  });

  it('dev login lists demo people and logs in as one', async () => {
    const people = await h.ok('session', 'devPeople', {}, DEMO.owner);
    expect(people.length).toBeGreaterThanOrEqual(47);
    expect(people.find((p) => p.personId === DEMO.head)).toMatchObject({ roleLabel: '服务中心负责人', area: 'staff' });
    const login = await h.call('session', 'devLogin', { personId: DEMO.butler });
    expect(login).toMatchObject({ ok: true, data: { token: 'dev-openid-p_butler_1', me: { area: 'staff', staffRole: 'butler' } } });
  });

  it('dev login is refused outside local mode', async () => {
    const cloudLike = { ...h.rt, mode: 'cloudbase' as const };
    const { FUNCTIONS } = await import('../../cloudfunctions/_shared/registry');
    const env = await FUNCTIONS.session(cloudLike, { action: 'devLogin', payload: { personId: DEMO.head } }, {});
    expect(env).toMatchObject({ ok: false, error: { code: 'DEV_LOGIN_DISABLED' } });
  });

  it('room binding: requested by the owner, approved by staff, then the owner sees bills', async () => {
    const visitor = DEMO.visitor;
    expect(await h.call('fees', 'myBills', {}, { as: visitor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const pending = await h.ok('session', 'pendingBindings', {}, DEMO.butler);
    const mine = pending.items.find((b) => b.personName === '孙丽');
    expect(mine).toBeDefined();
    expect(mine!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    await h.ok('session', 'decideBinding', { bindingId: mine!.bindingId, approve: true }, DEMO.butler);
    const again = await h.call('session', 'decideBinding', { bindingId: mine!.bindingId, approve: false }, { as: DEMO.butler });
    expect(again).toMatchObject({ ok: false, error: { code: 'BINDING_NOT_PENDING' } });
    const bills = await h.ok('fees', 'myBills', {}, visitor);
    expect([...bills.unpaid!, ...bills.items].length).toBe(3);
    // Paid bills page by month, newest first, and together with the unpaid ones are every bill.
    const paged = [...bills.unpaid!];
    let after: string | undefined;
    do {
      const page = await h.ok('fees', 'myBills', { limit: 1, after }, visitor);
      expect(page.items.length).toBeLessThanOrEqual(1);
      expect(page.items.every((b) => b.status === 'paid')).toBe(true);
      paged.push(...page.items);
      after = page.next ?? undefined;
    } while (after);
    expect(paged.map((b) => b.billId).sort()).toEqual([...bills.unpaid!, ...bills.items].map((b) => b.billId).sort());
    expect(bills.account!.accountName).toBe('阳光物业服务有限公司');
    expect(await h.rt.store.count('audit', { type: 'binding.approved' })).toBe(1);
  });

  it('a visitor requests a room once; a second request is refused', async () => {
    const me = await h.ok('session', 'me', {}, DEMO.visitor);
    expect(me.rooms[0].status).toBe('requested');
    const env = await h.call('session', 'requestBinding', { roomId: me.rooms[0].roomId }, { as: DEMO.visitor });
    expect(env).toMatchObject({ ok: false, error: { code: 'ROOM_ALREADY_BOUND' } });
  });

  it('home todos differ by role', async () => {
    const visitorTodos = await h.ok('session', 'todos', {}, DEMO.visitor);
    expect(visitorTodos.map((t) => t.key)).toContain('binding-wait');
    const butlerTodos = await h.ok('session', 'todos', {}, DEMO.butler);
    expect(butlerTodos.map((t) => t.key)).toEqual(expect.arrayContaining(['binding-review', 'fees-remind']));
    const owner = await h.ok('session', 'todos', {}, 'p_owner_01');
    expect(owner.map((t) => t.key)).toContain('fees-unpaid');
  });
});

describe('communities are separate', () => {
  it('staff of another community cannot see or decide this one', async () => {
    await h.rt.store.insert('communities', {
      _id: 'c_other',
      name: '翠湖苑',
      city: '深圳',
      companyAccount: { bank: 'x', accountName: 'y', accountNo: 'z' },
      createdAt: 0,
    });
    await h.rt.store.insert('people', {
      _id: 'p_other_head',
      openid: 'dev-openid-p_other_head',
      name: '他区负责人',
      communityId: 'c_other',
      staffRole: 'head',
      createdAt: 0,
    });
    expect(await h.ok('session', 'pendingBindings', {}, 'p_other_head')).toMatchObject({ items: [], next: null, total: 0 });
    const env = await h.call('session', 'decideBinding', { bindingId: 'bind_p_visitor_1', approve: true }, { as: 'p_other_head' });
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.ok('fees', 'arrears', {}, 'p_other_head')).items).toEqual([]);
  });
});

describe('fees', () => {
  it('arrears list rooms, never names, and a butler sees only their buildings', async () => {
    const rows = (await h.ok('fees', 'arrears', { limit: 100 }, DEMO.butler)).items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.roomLabel.startsWith('1栋'))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/王|李|张/);
    const all = (await h.ok('fees', 'arrears', { limit: 100 }, DEMO.head)).items;
    expect(all.length).toBeGreaterThan(rows.length);
  });

  it('records a reminder with channel, who, when and outcome', async () => {
    const [row] = (await h.ok('fees', 'arrears', {}, DEMO.butler)).items;
    const r = await h.ok('fees', 'recordReminder', { roomId: row.roomId, channel: 'slip', outcome: '已送达催缴单' }, DEMO.butler);
    expect(r).toMatchObject({ channel: 'slip', byName: '陈晓东', at: h.now() });
    const list = await h.ok('fees', 'roomReminders', { roomId: row.roomId }, DEMO.head);
    expect(list.items).toHaveLength(1);
    const after = (await h.ok('fees', 'arrears', { limit: 100 }, DEMO.butler)).items;
    expect(after.find((x) => x.roomId === row.roomId)?.reminderCount).toBe(1);
  });
});

describe('alerts inbox and consent', () => {
  it('counts one-time consents', async () => {
    expect(await h.ok('alerts', 'consent', { templateKey: 'deadline', accepted: true }, DEMO.member)).toEqual({ remaining: 1 });
    expect(await h.ok('alerts', 'consent', { templateKey: 'deadline', accepted: true }, DEMO.member)).toEqual({ remaining: 2 });
    expect(await h.ok('alerts', 'consent', { templateKey: 'deadline', accepted: false }, DEMO.member)).toEqual({ remaining: 2 });
  });
});
