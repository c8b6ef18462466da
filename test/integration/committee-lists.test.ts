import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** The committee's own lists filter by status and search text, as the staff queue and document list do. */
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const ask = (text: string, as: string = DEMO.member) => h.ok('inquiries', 'ask', { channel: 'committee', kind: 'query', text }, as);
const ids = async (filter: { status?: 'received' | 'answered'; text?: string; mine?: boolean }, as: string = DEMO.chair) =>
  (await h.ok('inquiries', 'committeeList', filter, as)).items.map((i) => i.inquiryId).sort();

it('filters the committee list by status and by a word of the text', async () => {
  const fund = await ask('请说明维修基金今年的使用情况');
  const lift = await ask('电梯维保合同何时续签');
  const mine = await ask('维修基金账户利息去向', DEMO.chair);
  await h.ok('inquiries', 'classify', { inquiryId: lift.inquiryId, classification: 'reasonable' }, DEMO.head);
  await h.ok('inquiries', 'answer', { inquiryId: lift.inquiryId, text: '下月续签' }, DEMO.head);

  expect(await ids({})).toEqual([fund.inquiryId, lift.inquiryId, mine.inquiryId].sort());
  expect(await ids({ status: 'answered' })).toEqual([lift.inquiryId]);
  expect(await ids({ status: 'received' })).toEqual([fund.inquiryId, mine.inquiryId].sort());
  expect(await ids({ text: '维修基金' })).toEqual([fund.inquiryId, mine.inquiryId].sort());
  expect(await ids({ text: '维修基金', mine: true })).toEqual([mine.inquiryId]);
  expect(await ids({ text: '维修基金', status: 'answered' })).toEqual([]);
  // Every term present, but not as one phrase: the exact check leaves it out.
  expect(await ids({ text: '基金维修' })).toEqual([]);
  expect(await ids({ text: '停车' })).toEqual([]);
});

it("searches a member's documents by a word of the title or body, within the tab", async () => {
  const send = async (title: string, body: string) => {
    const d = await h.ok('filings', 'saveDraft', { kind: 'notification', category: 'major_change', title, body, eventDate: '2026-11-20' }, DEMO.head);
    await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    return d.documentId;
  };
  const water = await send('12月停水通知', '因市政管网检修全小区停水');
  const gate = await send('东门封闭', '东门改造期间临时封闭');
  const titles = async (filter: { tab?: 'pending' | 'done'; text?: string }) =>
    (await h.ok('filings', 'myDeliveries', filter, DEMO.member)).items.map((i) => i.document.documentId);

  expect(await titles({ text: '停水' })).toEqual([water]);
  expect(await titles({ text: '改造期间' })).toEqual([gate]);
  expect(await titles({ tab: 'pending', text: '停水' })).toEqual([water]);
  await h.ok('filings', 'sign', { deliveryId: deliveryId(water, DEMO.member) }, DEMO.member);
  expect(await titles({ tab: 'pending', text: '停水' })).toEqual([]);
  expect(await titles({ tab: 'done', text: '停水' })).toEqual([water]);
  expect(await titles({ text: '停车' })).toEqual([]);
});
