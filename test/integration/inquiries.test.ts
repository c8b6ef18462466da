import type { InquiryDetailView } from '@domain/api/inquiries';
import { inquirySweep } from '../../cloudfunctions/inquiries/sweep';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { routeUrl, ROUTES } from '@domain/routes';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Fri 2026-11-20 10:00 Shanghai
});

const photo = { fileId: 'local:2026/leak.png', name: 'leak.png' };
const ask = (as: string, text = '2单元楼道灯不亮，晚上回家很不方便', extra: Record<string, unknown> = {}) =>
  h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text, ...extra }, as);
const inboxOf = (personId: string) => h.rt.store.find('inbox', { personId });

describe('an owner asks, a butler answers, the owner rates', () => {
  it('runs end to end with the thread, the alerts and the todos', async () => {
    const asked = await ask(DEMO.owner, '2单元楼道灯不亮，晚上回家很不方便', { photos: [photo] });
    expect(asked).toMatchObject({
      status: 'received',
      statusLabel: '待受理',
      kindLabel: '要求',
      dueDate: '2026-11-25',
      dueProvisional: false,
      roomLabel: '1栋-102',
      photos: [photo],
    });
    expect(asked.thread).toEqual([expect.objectContaining({ type: 'ask', label: '提出要求', actorRole: '业主', photos: [photo] })]);

    expect((await h.ok('session', 'todos', {}, DEMO.owner)).find((t) => t.key === 'inquiry-waiting')).toMatchObject({
      count: 1,
      link: '/packages/owner/inquiries/index',
    });
    expect((await h.ok('inquiries', 'queue', {}, DEMO.butler)).items.map((i) => i.inquiryId)).toContain(asked.inquiryId);
    expect((await h.ok('inquiries', 'queue', {}, DEMO.butler2)).items.map((i) => i.inquiryId)).not.toContain(asked.inquiryId);
    expect((await h.ok('session', 'todos', {}, DEMO.butler)).map((t) => t.key)).toContain('inquiry-queue');

    const early = await h.call('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已修好' }, { as: DEMO.butler });
    expect(early).toMatchObject({ ok: false, error: { code: 'INQUIRY_NOT_CLASSIFIED' } });

    const classified = await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, DEMO.butler);
    expect(classified).toMatchObject({ status: 'in_progress', assigneeName: '陈晓东', can: { answer: true, classify: false } });
    h.advance(3 * 3600_000);
    const answered = await h.ok(
      'inquiries',
      'answer',
      { inquiryId: asked.inquiryId, text: '已更换灯泡，请查看', photos: [{ fileId: 'local:2026/fixed.png', name: 'fixed.png' }] },
      DEMO.butler,
    );
    expect(answered).toMatchObject({ status: 'answered', awaitingRating: true });

    const inbox = await inboxOf(DEMO.owner);
    expect(inbox.find((i) => i.title === '您的提问已有答复')).toMatchObject({ link: `/packages/owner/inquiry/index?id=${asked.inquiryId}` });
    const ownerTodos = await h.ok('session', 'todos', {}, DEMO.owner);
    expect(ownerTodos.find((t) => t.key === 'inquiry-rate')).toMatchObject({ count: 1, link: `/packages/owner/inquiry/index?id=${asked.inquiryId}` });
    expect(ownerTodos.map((t) => t.key)).not.toContain('inquiry-waiting');

    const seen = await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.owner);
    expect(seen.thread.map((t) => t.type)).toEqual(['ask', 'classify_reasonable', 'answer']);
    expect(seen.thread[2]).toMatchObject({
      actorName: '陈晓东',
      actorRole: '管家',
      text: '已更换灯泡，请查看',
      photos: [{ fileId: 'local:2026/fixed.png', name: 'fixed.png' }],
    });
    expect(seen.can).toMatchObject({ rate: true, reopen: false, followUp: false, answer: false });

    const rated = await h.ok('inquiries', 'rate', { inquiryId: asked.inquiryId, satisfied: true }, DEMO.owner);
    expect(rated).toMatchObject({ status: 'accepted', rating: 'satisfied', can: { rate: false, reopen: false } });
    expect((await h.ok('session', 'todos', {}, DEMO.owner)).map((t) => t.key)).not.toContain('inquiry-rate');
    expect(await h.rt.store.count('audit', { 'subject.id': asked.inquiryId })).toBe(4);
  });

  it('another owner reading it is FORBIDDEN; another community NOT_FOUND', async () => {
    const asked = await ask(DEMO.owner);
    expect(await h.call('inquiries', 'get', { inquiryId: asked.inquiryId }, { as: DEMO.owner2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('inquiries', 'followUp', { inquiryId: asked.inquiryId, text: '我也是' }, { as: DEMO.owner2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('inquiries', 'get', { inquiryId: asked.inquiryId }, { as: DEMO.chair })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await h.rt.store.insert('communities', {
      _id: 'c_other',
      name: '翠湖苑',
      city: '深圳',
      companyAccount: { bank: 'x', accountName: 'y', accountNo: 'z' },
      createdAt: 0,
    } as never);
    await h.rt.store.insert('people', {
      _id: 'p_other_head',
      openid: 'dev-openid-p_other_head',
      name: '他区负责人',
      communityId: 'c_other',
      staffRole: 'head',
      createdAt: 0,
    } as never);
    expect(await h.call('inquiries', 'get', { inquiryId: asked.inquiryId }, { as: 'p_other_head' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.ok('inquiries', 'queue', { scope: 'open' }, 'p_other_head')).toMatchObject({ items: [], next: null });
    expect(await h.ok('inquiries', 'mine', {}, DEMO.owner2)).toMatchObject({ items: [], next: null });
  });

  it('shows the owner’s phone in full only to the assigned staff member', async () => {
    const asked = await ask(DEMO.owner);
    await h.ok('inquiries', 'assign', { inquiryId: asked.inquiryId, assigneeId: DEMO.butler }, DEMO.head);
    const full = /^1\d{10}$/;
    const masked = /^\d{3}\*{4}\d{4}$/;
    expect((await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.butler)).askerPhone).toMatch(full);
    expect((await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.head)).askerPhone).toMatch(masked);
    expect((await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.butler2)).askerPhone).toMatch(masked);
    expect((await inboxOf(DEMO.butler)).map((i) => i.title)).toContain('您有新的提问待处理');
  });
});

describe('classification', () => {
  it('unreasonable needs an explanation; unsatisfied may reopen within 7 days, not after', async () => {
    const asked = await ask(DEMO.owner, '要求物业免除我家三年物业费');
    const before = await h.snapshot();
    const bare = await h.call('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'unreasonable' }, { as: DEMO.butler });
    expect(bare).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写耐心细致的解释说明' } });
    expect(await h.snapshot()).toEqual(before);

    const explanation = '您好，物业费依据物业服务合同收取，减免需业主大会决议。我们理解您的诉求，可协助您向业委会提出建议。';
    const explained = await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'unreasonable', text: explanation }, DEMO.butler);
    expect(explained).toMatchObject({ status: 'explained', classification: 'unreasonable', awaitingRating: true });
    expect(explained.thread.at(-1)).toMatchObject({ type: 'explain', text: explanation });

    await h.ok('inquiries', 'rate', { inquiryId: asked.inquiryId, satisfied: false }, DEMO.owner);
    h.setNow('2026-11-27T23:00:00+08:00');
    const reopened = await h.ok('inquiries', 'reopen', { inquiryId: asked.inquiryId, reason: '仍然不理解' }, DEMO.owner);
    expect(reopened).toMatchObject({ status: 'reopened', dueDate: '2026-12-02' });

    // The second time round: explained again, rated unsatisfied, and the window is missed.
    await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'unreasonable', text: explanation }, DEMO.butler);
    await h.ok('inquiries', 'rate', { inquiryId: asked.inquiryId, satisfied: false }, DEMO.owner);
    h.setNow('2026-12-05T00:00:01+08:00');
    expect(await h.call('inquiries', 'reopen', { inquiryId: asked.inquiryId, reason: '再次' }, { as: DEMO.owner })).toMatchObject({
      ok: false,
      error: { code: 'REOPEN_WINDOW_CLOSED', message: '已超过7天，不能重新打开' },
    });
  });

  it('cannot resolve: escalated to the general manager, who owns it', async () => {
    const asked = await ask(DEMO.owner, '地下车库渗水，开发商保修期内一直未处理');
    const escalated = await h.ok(
      'inquiries',
      'classify',
      { inquiryId: asked.inquiryId, classification: 'cannot_resolve', text: '涉及开发商保修责任，需公司层面协调' },
      DEMO.head,
    );
    expect(escalated).toMatchObject({ status: 'escalated', escalated: true, assigneeName: '高国庆' });
    expect((await inboxOf(DEMO.gm)).map((i) => i.title)).toContain('有事项上报总经理');
    expect((await inboxOf(DEMO.head)).map((i) => i.title)).toContain('有事项上报总经理');

    const gmQueue = await h.ok('inquiries', 'queue', {}, DEMO.gm);
    expect(gmQueue.items.map((i) => i.inquiryId)).toEqual([asked.inquiryId]);
    expect((await h.ok('session', 'todos', {}, DEMO.gm)).map((t) => t.key)).toContain('inquiry-queue');
    expect(await h.call('inquiries', 'answer', { inquiryId: asked.inquiryId, text: 'x' }, { as: DEMO.head })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const answered = await h.ok('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已约开发商下周一现场处理' }, DEMO.gm);
    expect(answered.thread.map((t) => `${t.type}:${t.actorRole}`)).toEqual(['ask:业主', 'escalate:服务中心负责人', 'answer:总经理']);

    // The general manager sees escalations only, not the rest of the community.
    const other = await ask(DEMO.owner2);
    expect(await h.call('inquiries', 'get', { inquiryId: other.inquiryId }, { as: DEMO.gm })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('two staff answering at once: one answer lands, the other is refused', async () => {
    const asked = await ask(DEMO.owner);
    await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, DEMO.head);
    const [a, b] = await Promise.all([
      h.call('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '答复一' }, { as: DEMO.head }),
      h.call('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '答复二' }, { as: DEMO.supervisor }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((e) => !e.ok)).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    expect(await h.rt.store.count('inquiryEvents', { inquiryId: asked.inquiryId, type: 'answer' })).toBe(1);
  });
});

describe('the committee', () => {
  it('formal 质询 is visible to the whole committee and staff, not to owners', async () => {
    const q = await h.ok('inquiries', 'ask', { channel: 'committee', kind: 'query', text: '请说明10月公共收益的使用情况' }, DEMO.member);
    expect(q).toMatchObject({ kindLabel: '质询', channel: 'committee' });
    expect(q.thread[0]).toMatchObject({ actorRole: '业委会委员' });
    expect((await h.ok('inquiries', 'committeeList', {}, DEMO.chair)).items.map((i) => i.inquiryId)).toEqual([q.inquiryId]);
    expect((await h.ok('inquiries', 'get', { inquiryId: q.inquiryId }, DEMO.viceChair)).can).toMatchObject({ rate: false, followUp: false });
    expect(await h.call('inquiries', 'get', { inquiryId: q.inquiryId }, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('inquiries', 'committeeList', {}, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await h.ok('inquiries', 'queue', {}, DEMO.supervisor)).items.map((i) => i.inquiryId)).toContain(q.inquiryId);
    expect(await h.call('inquiries', 'ask', { channel: 'committee', kind: 'query', text: 'x' }, { as: DEMO.owner })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('an audit request is scheduled only inside the 10th–15th window', async () => {
    const outside = await h.call(
      'inquiries',
      'ask',
      { channel: 'committee', kind: 'audit', text: '查阅11月物业费收支账目', auditDate: '2026-12-18' },
      { as: DEMO.chair },
    );
    expect(outside).toMatchObject({ ok: false, error: { code: 'AUDIT_OUTSIDE_WINDOW', message: '查账只能安排在每月10日至15日之间' } });
    const inside = await h.ok('inquiries', 'ask', { channel: 'committee', kind: 'audit', text: '查阅11月物业费收支账目', auditDate: '2026-12-10' }, DEMO.chair);
    expect(inside).toMatchObject({ kind: 'audit', kindLabel: '查账', auditDate: '2026-12-10' });
  });
});

describe('the overdue sweep over 200 inquiries from the 40 demo owners', () => {
  jest.setTimeout(60_000);

  it('escalates exactly the overdue reasonable ones, and a second run nothing more', async () => {
    const owners = Array.from({ length: 40 }, (_, k) => `p_owner_${String(k + 1).padStart(2, '0')}`);
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
    const made: Array<{ id: string; day: string; plan: number }> = [];
    for (const [j, day] of days.entries()) {
      h.setNow(`${day}T09:00:00+08:00`);
      for (const [k, owner] of owners.entries()) {
        const i = k * 5 + j;
        const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'consult', text: `第${i}号咨询` }, owner);
        made.push({ id: asked.inquiryId, day, plan: i % 4 });
      }
      h.setNow(`${day}T14:00:00+08:00`);
      for (const m of made.filter((x) => x.day === day)) {
        if (m.plan === 0 || m.plan === 1) await h.ok('inquiries', 'classify', { inquiryId: m.id, classification: 'reasonable' }, DEMO.head);
        if (m.plan === 1) await h.ok('inquiries', 'answer', { inquiryId: m.id, text: '已答复' }, DEMO.head);
        if (m.plan === 2) await h.ok('inquiries', 'classify', { inquiryId: m.id, classification: 'unreasonable', text: '耐心解释' }, DEMO.head);
      }
    }
    expect(made).toHaveLength(200);
    const byDay = Object.fromEntries((await h.rt.store.find('inquiries', {})).map((i) => [i._id, i.dueDate]));
    expect(new Set(Object.values(byDay))).toEqual(new Set(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25']));

    // Counted on this sweep alone, so another feature's sweep cannot blur the numbers.
    const sweepAt = async (iso: string) => {
      h.setNow(iso);
      const t0 = performance.now();
      const r = await inquirySweep(h.rt, h.now());
      return { ...r, ms: performance.now() - t0 };
    };
    const flaggedIds = async () => (await h.rt.store.find('inquiries', { overdueAt: { $exists: true } })).map((i) => i._id).sort();

    // Tue 24 Nov 09:00: due dates 19, 20 and 23 Nov have passed.
    const first = await sweepAt('2026-11-24T09:00:00+08:00');
    const expectedFirst = made
      .filter((m) => m.plan === 0 && m.day <= '2026-11-18')
      .map((m) => m.id)
      .sort();
    expect(first.escalated).toBe(expectedFirst.length);
    expect(await flaggedIds()).toEqual(expectedFirst);
    const again = await sweepAt('2026-11-24T10:00:00+08:00');
    expect(again).toMatchObject({ escalated: 0, alertsCreated: 0 });

    // A week later every deadline has passed.
    const later = await sweepAt('2026-12-01T09:00:00+08:00');
    const expectedAll = made
      .filter((m) => m.plan === 0)
      .map((m) => m.id)
      .sort();
    expect(later.escalated).toBe(expectedAll.length - expectedFirst.length);
    expect(await flaggedIds()).toEqual(expectedAll);
    expect(await sweepAt('2026-12-01T10:00:00+08:00')).toMatchObject({ escalated: 0, alertsCreated: 0 });

    expect(await h.rt.store.count('inquiryEvents', { type: 'flag_overdue' })).toBe(50);
    expect(await h.rt.store.count('audit', { type: 'inquiry.flagged_overdue' })).toBe(50);
    const headAlerts = (await inboxOf(DEMO.head)).filter((i) => i.title === '提问已逾期未答复');
    // The 50 reasonable ones and the 50 never classified, once each.
    expect(headAlerts).toHaveLength(100);
    const flagged = await h.ok('inquiries', 'get', { inquiryId: expectedAll[0]! }, DEMO.head);
    expect(flagged.thread.at(-1)).toMatchObject({ type: 'flag_overdue', actorName: '系统', label: '已逾期未答复，已上报服务中心负责人' });

    const stats = await h.ok('inquiries', 'stats', { month: '2026-11' }, DEMO.head);
    expect(stats).toMatchObject({ received: 200, answeredOnTime: 100, overdue: 100, escalated: 0, communityName: '阳光花园' });
    console.log(`[inquiries] sweep over 200 inquiries: first ${first.ms.toFixed(0)} ms, repeat ${again.ms.toFixed(0)} ms, later ${later.ms.toFixed(0)} ms`);
  });

  it('alerts the assignee one working day before the due day, the head while unassigned', async () => {
    const a = await ask(DEMO.owner); // due Wed 25 Nov
    const b = await ask(DEMO.owner2);
    await h.ok('inquiries', 'classify', { inquiryId: a.inquiryId, classification: 'reasonable' }, DEMO.butler);
    h.setNow('2026-11-23T09:00:00+08:00'); // Mon: two working days left
    expect((await inquirySweep(h.rt, h.now())).alertsCreated).toBe(0);
    h.setNow('2026-11-24T09:00:00+08:00'); // Tue: one working day left
    // Through the alerts function, as the hourly timer and the local "sweep now" run it.
    await h.ok('alerts', 'sweep', {}, DEMO.head);
    expect((await inboxOf(DEMO.butler)).map((i) => i.link)).toContain(routeUrl(ROUTES.staff.inquiry, { id: a.inquiryId }));
    expect((await inboxOf(DEMO.head)).filter((i) => i.title === '提问即将到期').map((i) => i.link)).toEqual([
      routeUrl(ROUTES.staff.inquiry, { id: b.inquiryId }),
    ]);
    expect((await inquirySweep(h.rt, h.now())).alertsCreated).toBe(0);
    expect(
      await h.rt.store.count('alerts', {
        _id: { $in: [`inq-due-soon:${a.inquiryId}:${a.due}:${DEMO.butler}`, `inq-due-soon:${b.inquiryId}:${b.due}:${DEMO.head}`] },
      }),
    ).toBe(2);
  });
});

describe('monthly stats', () => {
  it('counts satisfaction and escalations', async () => {
    const ids: InquiryDetailView[] = [];
    for (const who of [DEMO.owner, DEMO.owner2, 'p_owner_04']) ids.push(await ask(who));
    for (const i of ids.slice(0, 2)) {
      await h.ok('inquiries', 'classify', { inquiryId: i.inquiryId, classification: 'reasonable' }, DEMO.head);
      await h.ok('inquiries', 'answer', { inquiryId: i.inquiryId, text: '已处理' }, DEMO.head);
    }
    await h.ok('inquiries', 'rate', { inquiryId: ids[0]!.inquiryId, satisfied: true }, DEMO.owner);
    await h.ok('inquiries', 'rate', { inquiryId: ids[1]!.inquiryId, satisfied: false }, DEMO.owner2);
    await h.ok('inquiries', 'classify', { inquiryId: ids[2]!.inquiryId, classification: 'cannot_resolve', text: '需公司协调' }, DEMO.head);
    const s = await h.ok('inquiries', 'stats', { month: '2026-11' }, DEMO.head);
    expect(s).toMatchObject({ received: 3, answeredOnTime: 2, overdue: 0, escalated: 1, satisfied: 1, unsatisfied: 1, satisfactionRate: 0.5, open: 1 });
    expect((await h.ok('inquiries', 'stats', { month: '2026-10' }, DEMO.head)).received).toBe(0);
    expect(await h.call('inquiries', 'stats', { month: '2026-11' }, { as: DEMO.butler })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const events = await h.rt.store.find('inquiryEvents', { inquiryId: ids[0]!.inquiryId }, { sort: [['_id', 1]] });
    expect(events.map((e) => e.type)).toEqual(['ask', 'classify_reasonable', 'answer', 'rate_satisfied']);
  });
});
