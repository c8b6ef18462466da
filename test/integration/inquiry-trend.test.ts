import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** Inquiry figures month by month for the trend chart: each item counts in the month it came in. */
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-09-10T10:00:00+08:00' });
});

const ask = (as: string) => h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '2单元楼道灯不亮，晚上回家很不方便' }, as);

it('returns one row per month, oldest first, with received, on time, overdue, escalated and satisfaction', async () => {
  // September: two asked, one answered on time and rated satisfied, one left to run late.
  const a = await ask(DEMO.owner);
  await ask(DEMO.owner2);
  await h.ok('inquiries', 'classify', { inquiryId: a.inquiryId, classification: 'reasonable' }, DEMO.head);
  await h.ok('inquiries', 'answer', { inquiryId: a.inquiryId, text: '已更换灯泡' }, DEMO.head);
  await h.ok('inquiries', 'rate', { inquiryId: a.inquiryId, satisfied: true }, DEMO.owner);
  // November: one escalated, one answered and rated unsatisfied.
  h.setNow('2026-11-20T10:00:00+08:00');
  const c = await ask(DEMO.owner);
  const d = await ask('p_owner_04');
  await h.ok('inquiries', 'classify', { inquiryId: c.inquiryId, classification: 'cannot_resolve', text: '需公司协调' }, DEMO.head);
  await h.ok('inquiries', 'classify', { inquiryId: d.inquiryId, classification: 'reasonable' }, DEMO.head);
  await h.ok('inquiries', 'answer', { inquiryId: d.inquiryId, text: '已处理' }, DEMO.head);
  await h.ok('inquiries', 'rate', { inquiryId: d.inquiryId, satisfied: false }, 'p_owner_04');

  const t = await h.ok('inquiries', 'trend', { to: '2026-11', months: 4 }, DEMO.head);
  expect(t.partial).toBe(false);
  expect(t.communityName).toBe('阳光花园');
  expect(t.months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  expect(t.months[0]).toMatchObject({ received: 0, satisfactionRate: null });
  expect(t.months[1]).toMatchObject({ received: 2, answeredOnTime: 1, overdue: 1, escalated: 0, satisfactionRate: 1 });
  expect(t.months[2]).toMatchObject({ received: 0 });
  expect(t.months[3]).toMatchObject({ received: 2, answeredOnTime: 1, escalated: 1, satisfied: 0, unsatisfied: 1, satisfactionRate: 0 });
  // The same figures as the one-month view.
  expect(await h.ok('inquiries', 'stats', { month: '2026-09' }, DEMO.head)).toMatchObject(t.months[1]!);

  expect((await h.ok('inquiries', 'trend', { to: '2026-11' }, DEMO.head)).months).toHaveLength(6);
  expect(await h.call('inquiries', 'trend', { to: '2026-11', months: 13 }, { as: DEMO.head })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await h.call('inquiries', 'trend', { to: '2026-11' }, { as: DEMO.butler })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
