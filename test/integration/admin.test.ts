import { DEFAULT_QUORUM_RULE } from '@domain/quorum';
import { deliveryId } from '@domain/signoff';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** Administration on the demo community: the roster over time, settings, the GM's comparison, the switcher. */
const MEMBERS = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];
const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

const elect = (members: string[], termStart: string, termEnd: string) =>
  h.ok(
    'admin',
    'recordElection',
    {
      communityId: 'c_demo',
      termStart,
      termEnd,
      members: members.map((personId, i) => ({ personId, position: i === 0 ? ('chair' as const) : ('member' as const) })),
    },
    DEMO.head,
  );

describe('the committee roster', () => {
  it('a term ends at midnight Shanghai time: committee access lasts through the last day and is gone the next', async () => {
    await elect(MEMBERS, '2026-11-21', '2026-12-31');
    h.setNow('2026-12-31T23:59:59.999+08:00');
    expect((await h.ok('session', 'me', {}, 'p_owner_01')).roles).toContain('committee');
    expect(code(await h.call('filings', 'myDeliveries', { tab: 'all' }, { as: 'p_owner_01' }))).not.toBe('FORBIDDEN');
    h.setNow('2027-01-01T00:00:00.000+08:00');
    expect((await h.ok('session', 'me', {}, 'p_owner_01')).roles).not.toContain('committee');
    expect(code(await h.call('filings', 'myDeliveries', { tab: 'all' }, { as: 'p_owner_01' }))).toBe('FORBIDDEN');
  });

  it('the approval record counts the roster of its own day, not today’s; the roster of any day can be shown', async () => {
    const draft = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'notification', category: 'major_change', title: '东门封闭施工', body: '东门下周封闭。', eventDate: '2026-11-19' },
      DEMO.head,
    );
    const sent = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
    // From tomorrow a new, smaller committee: the old seats end today and are kept.
    await elect(MEMBERS.slice(0, 3), '2026-11-21', '2031-11-20');
    h.setNow('2026-11-25T10:00:00+08:00');
    const record = await h.ok('filings', 'record', { documentId: sent.documentId }, DEMO.head);
    expect(record.rosterSize).toBe(5);
    expect((await h.ok('admin', 'roster', { communityId: 'c_demo', day: '2026-11-20' }, DEMO.head)).seats).toHaveLength(5);
    expect((await h.ok('admin', 'roster', { communityId: 'c_demo' }, DEMO.head)).seats.map((s) => s.personId)).toEqual(MEMBERS.slice(0, 3));
    expect((await h.ok('session', 'me', {}, 'p_owner_29')).roles).not.toContain('committee');
    // Both changes are links of the archive chain.
    expect((await h.rt.store.find('archive', { communityId: 'c_demo', type: 'committee_roster' })).length).toBe(1);
  });

  it('only owners with a verified room in the community can be elected, with exactly one chair', async () => {
    expect(
      code(
        await h.call(
          'admin',
          'recordElection',
          { communityId: 'c_demo', termStart: '2026-11-21', termEnd: '2031-11-20', members: [{ personId: DEMO.visitor, position: 'chair' }] },
          { as: DEMO.head },
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      code(
        await h.call(
          'admin',
          'recordElection',
          { communityId: 'c_demo', termStart: '2026-11-21', termEnd: '2031-11-20', members: [{ personId: MEMBERS[0], position: 'member' }] },
          { as: DEMO.head },
        ),
      ),
    ).toBe('INVALID_INPUT');
  });
});

describe('community settings', () => {
  const base = {
    companyAccount: { bank: '招商银行', accountName: '阳光物业服务有限公司', accountNo: '7559 0123 4567 890' },
    quorumRule: DEFAULT_QUORUM_RULE,
    noticeDays: 7,
    sealKeeper: '张伟（业委会主任）',
    feePolicy: { repeatEveryDays: 10, lawyerLetterAfterMonths: 6, lawsuitAfterMonths: 12, lawsuitMinAmountFen: 300000 },
  };

  it('validates, keeps every earlier version, and refuses a stale edit', async () => {
    const before = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(before.settings.noticeDays).toBe(5);
    const loose = { ...base, quorumRule: { presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'present' as const } };
    expect(code(await h.call('admin', 'updateSettings', { communityId: 'c_demo', settings: loose, expectedVersion: 1 }, { as: DEMO.head }))).toBe(
      'SETTINGS_INVALID',
    );
    expect(
      code(await h.call('admin', 'updateSettings', { communityId: 'c_demo', settings: { ...base, noticeDays: 3 }, expectedVersion: 1 }, { as: DEMO.head })),
    ).toBe('INVALID_INPUT');
    const after = await h.ok('admin', 'updateSettings', { communityId: 'c_demo', settings: base, expectedVersion: 1 }, DEMO.head);
    expect(after.settingsVersion).toBe(2);
    expect(after.history).toEqual([expect.objectContaining({ versionNo: 1, values: expect.objectContaining({ noticeDays: 5 }), replacedBy: '周志强' })]);
    expect(code(await h.call('admin', 'updateSettings', { communityId: 'c_demo', settings: base, expectedVersion: 1 }, { as: DEMO.head }))).toBe('CONFLICT');
    // The fee policy is read by the arrears list: a repeat of 10 days.
    expect((await h.rt.store.get('communities', 'c_demo'))?.feePolicy?.repeatEveryDays).toBe(10);
  });

  it('a head manages only their own community; the calendar only the company administrator', async () => {
    const other = await h.ok('admin', 'createCommunity', { name: '翠湖花园', city: '深圳', companyAccount: base.companyAccount }, DEMO.admin);
    expect(code(await h.call('admin', 'settings', { communityId: other.communityId }, { as: DEMO.head }))).toBe('NOT_FOUND');
    expect(code(await h.call('admin', 'createCommunity', { name: 'X', city: 'Y', companyAccount: base.companyAccount }, { as: DEMO.head }))).toBe('FORBIDDEN');
    expect(code(await h.call('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'holiday', name: '元旦调休' }, { as: DEMO.head }))).toBe('FORBIDDEN');
    expect(code(await h.call('workbench', 'setCalendarDay', { date: '2027-01-04', kind: 'holiday', name: '元旦调休' }, { as: DEMO.admin }))).toBe('OK');
  });
});

describe('the general manager across communities', () => {
  it('the dashboard’s figures equal a hand count of the records, and bars compare them', async () => {
    const other = await h.ok(
      'admin',
      'createCommunity',
      { name: '翠湖花园', city: '深圳', companyAccount: { bank: '招商银行', accountName: '安居物业', accountNo: '7559 8888 1234' } },
      DEMO.gm,
    );
    await h.ok('workbench', 'generate', {}, DEMO.head);
    await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '电梯经常停运，请尽快检修' }, DEMO.owner);
    const draft = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'notification', category: 'major_change', title: '东门封闭', body: '东门封闭。', eventDate: '2026-11-19' },
      DEMO.head,
    );
    const sent = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
    await h.ok('filings', 'sign', { deliveryId: deliveryId(sent.documentId, 'p_owner_01') }, 'p_owner_01');
    h.setNow('2027-01-20T10:00:00+08:00');
    const now = h.now();
    const rows = await h.ok('admin', 'dashboard', {}, DEMO.gm);

    // The hand count: every record read, filtered here by the plain meaning of each figure.
    const inquiries = await h.rt.store.find('inquiries', {});
    const deliveries = await h.rt.store.find('deliveries', {});
    const obligations = await h.rt.store.find('obligations', {});
    const events = await h.rt.store.find('notificationEvents', {});
    const open = ['received', 'reopened', 'in_progress', 'escalated'];
    const hand = (c: string) => ({
      overdueInquiries: inquiries.filter((i) => i.communityId === c && open.includes(i.status) && i.due < now).length,
      unsignedDeliveries: deliveries.filter((d) => d.communityId === c && d.signStatus !== 'SIGNED' && d.signStatus !== 'REFUSED').length,
      overdueObligations: obligations.filter((o) => o.communityId === c && !o.doneAt && o.due < now).length,
      overdueEvents: events.filter((e) => e.communityId === c && e.status === 'open' && e.due < now).length,
    });
    const demo = rows.find((r) => r.communityId === 'c_demo')!;
    expect(demo.figures).toEqual(hand('c_demo'));
    expect(demo.figures).toEqual({ overdueInquiries: 1, unsignedDeliveries: 4, overdueObligations: expect.any(Number), overdueEvents: 0 });
    expect(demo.figures.overdueObligations).toBeGreaterThan(0);
    expect(rows.find((r) => r.communityId === other.communityId)!.figures).toEqual({
      overdueInquiries: 0,
      unsignedDeliveries: 0,
      overdueObligations: 0,
      overdueEvents: 0,
    });
    expect(demo.bars).toEqual({ overdueInquiries: 100, unsignedDeliveries: 100, overdueObligations: 100, overdueEvents: 0 });
    // 收缴率: the latest billed month's paid over billed, by hand from the bills themselves.
    const bills = (await h.rt.store.find('bills', { communityId: 'c_demo' })).filter((b) => b.month <= '2027-01');
    const month = bills
      .map((b) => b.month)
      .sort()
      .pop()!;
    const ofMonth = bills.filter((b) => b.month === month);
    const billed = ofMonth.reduce((n, b) => n + b.amountFen, 0);
    // Bills from before partial payments carry no paidFen: paid means paid in full.
    const paid = ofMonth.reduce((n, b) => n + (b.paidFen ?? (b.status === 'paid' ? b.amountFen : 0)), 0);
    expect(billed).toBeGreaterThan(0);
    expect(demo.collection).toEqual({ month, bp: Math.floor((2 * paid * 10000 + billed) / (2 * billed)) });
    expect(rows.find((r) => r.communityId === other.communityId)!.collection).toEqual({ month: null, bp: null });
    expect(code(await h.call('admin', 'dashboard', {}, { as: DEMO.head }))).toBe('FORBIDDEN');
  });

  it('a butler serving two communities switches between them and holds each one’s role there', async () => {
    const other = await h.ok(
      'admin',
      'createCommunity',
      { name: '翠湖花园', city: '深圳', companyAccount: { bank: '招商银行', accountName: '安居物业', accountNo: '7559 8888 1234' } },
      DEMO.admin,
    );
    const inv = await h.ok('admin', 'createInvitation', { communityId: other.communityId, role: 'butler_supervisor' }, DEMO.admin);
    await h.call('admin', 'redeemInvitation', { code: inv.code!, name: '陈晓东' }, { openid: devOpenid(DEMO.butler) });
    const there = await h.ok('session', 'me', {}, DEMO.butler);
    expect(there).toMatchObject({ communityId: other.communityId, staffRole: 'butler_supervisor' });
    expect(there.communities.map((c) => c.name).sort()).toEqual(['翠湖花园', '阳光花园'].sort());
    const back = await h.ok('session', 'switchCommunity', { communityId: 'c_demo' }, DEMO.butler);
    expect(back).toMatchObject({ communityId: 'c_demo', staffRole: 'butler' });
    expect(code(await h.call('session', 'switchCommunity', { communityId: other.communityId }, { as: DEMO.owner }))).toBe('NOT_COMMUNITY_MEMBER');
  });
});
