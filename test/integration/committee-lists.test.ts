import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** The committee's own list of its inquiries filters by status and searches text, as the staff queue does. */
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
