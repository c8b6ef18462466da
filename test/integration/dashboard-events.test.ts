/** The general manager's dashboard counts 需通报事项 past their deadline, by one indexed count per community. */
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { queryLog, uncovered, type LoggedQuery } from '../helpers/query-log';

let h: Harness;
let log: LoggedQuery[];
beforeEach(async () => {
  let logged!: ReturnType<typeof queryLog>;
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00', wrapStore: (s) => (logged = queryLog(s)).storage });
  log = logged.log;
});

const record = (description: string, occurredOn: string) => h.ok('workbench', 'recordEvent', { category: 'major_change', occurredOn, description }, DEMO.head);
const overdueEventsOf = async (communityId: string): Promise<number> =>
  (await h.ok('admin', 'dashboard', {}, DEMO.gm)).find((r) => r.communityId === communityId)!.figures.overdueEvents;

it('counts open events past their deadline: not the ones still in time, not the notified ones', async () => {
  const other = await h.ok(
    'admin',
    'createCommunity',
    { name: '翠湖花园', city: '深圳', companyAccount: { bank: '招商银行', accountName: '安居物业', accountNo: '7559 8888 1234' } },
    DEMO.gm,
  );
  const late = await record('电梯停运检修', '2026-11-10');
  const notified = await record('东门封闭', '2026-11-10');
  await record('新增监控点位', '2026-11-20');
  expect(late.deadline.dueDate < '2026-11-20').toBe(true);
  const draft = await h.ok(
    'filings',
    'saveDraft',
    { eventId: notified.eventId, kind: 'notification', category: 'major_change', title: '东门封闭', body: '东门封闭。', eventDate: '2026-11-10' },
    DEMO.head,
  );
  await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);

  log.length = 0;
  expect(await overdueEventsOf('c_demo')).toBe(1);
  expect(await overdueEventsOf(other.communityId)).toBe(0);
  const counts = log.filter((q) => q.collection === 'notificationEvents');
  expect(counts.map((q) => q.method)).toEqual(['count', 'count', 'count', 'count']);
  expect(counts.map(uncovered)).toEqual([null, null, null, null]);
  expect(counts[0]!.fields.sort()).toEqual(['communityId', 'due', 'status']);

  // Past the newest one's 3rd working day it is overdue too.
  h.setNow('2026-12-10T10:00:00+08:00');
  expect(await overdueEventsOf('c_demo')).toBe(2);
});
