import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * Refusals a handler makes itself (past the permission row) say who can act, so the person asks
 * them instead of retrying: the generic "您没有权限执行此操作" alone is never the whole answer.
 */
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function refusal(call: Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<string> {
  const env = await call;
  expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  return env.error!.message;
}

it('an inquiry assigned to another butler names the assignee and the leads', async () => {
  const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '北门路灯不亮' }, DEMO.owner);
  await h.ok('inquiries', 'assign', { inquiryId: asked.inquiryId, assigneeId: DEMO.butler }, DEMO.head);
  const msg = await refusal(h.call('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, { as: DEMO.butler2 }));
  expect(msg).toBe('您没有权限执行此操作，可由被指派的工作人员、服务中心负责人、管家主管办理');
});

it("an owner rating someone else's inquiry is told only the asker can", async () => {
  const asked = await h.ok('inquiries', 'ask', { channel: 'committee', kind: 'query', text: '维修基金使用情况' }, DEMO.member);
  await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, DEMO.head);
  await h.ok('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已公示' }, DEMO.head);
  const msg = await refusal(h.call('inquiries', 'rate', { inquiryId: asked.inquiryId, satisfied: true }, { as: DEMO.chair }));
  expect(msg).toBe('您没有权限执行此操作，可由提问人本人办理');
});

it("a committee member changing another member's notice is told the submitter's name", async () => {
  const p = await h.ok('meetings', 'submitPosting', { title: '楼道清理', body: '请清理楼道杂物。', attachments: [] }, DEMO.member);
  const submitter = (await h.rt.store.get('people', DEMO.member))!.name;
  const msg = await refusal(h.call('meetings', 'submitPosting', { postingId: p._id, title: '改', body: '改', attachments: [] }, { as: DEMO.chair }));
  expect(msg).toBe(`您没有权限执行此操作，可由提交人${submitter}办理`);
});

it("a draft for another community names that community's staff and the general manager", async () => {
  const input = { communityId: 'c_other', kind: 'notification', category: 'major_change', title: '通报', body: '内容' } as const;
  const msg = await refusal(h.call('filings', 'saveDraft', input, { as: DEMO.head }));
  expect(msg).toBe('您没有权限执行此操作，可由该小区的工作人员、总经理办理');
});

it("an owner opening a neighbour's inquiry is told who sees it", async () => {
  const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '北门路灯不亮' }, DEMO.owner);
  const msg = await refusal(h.call('inquiries', 'get', { inquiryId: asked.inquiryId }, { as: DEMO.owner2 }));
  expect(msg).toBe('您没有权限执行此操作，可由提问人本人、管家、管家主管、服务中心负责人办理');
});
