import { createHarness, DEMO } from '../helpers/harness';
import { queryLog, uncovered, type LoggedQuery } from '../helpers/query-log';
import { requestIdOf, SCENARIO, type Replies } from '../helpers/write-scenario';

/**
 * Every query the functions make uses a declared index: the write scenario (every write action of
 * every function), the lists and todos of each role, and the hourly sweeps, with each find, count and
 * page checked against the declarations in `collections.ts` (which create the indexes in CloudBase
 * and in the embedded store).
 */
const READS: Array<[fn: string, action: string, payload: unknown, as: string]> = [
  ...Object.values(DEMO).map((as): [string, string, unknown, string] => ['session', 'todos', {}, as]),
  ['inquiries', 'mine', {}, DEMO.owner],
  ['inquiries', 'queue', {}, DEMO.butler],
  ['inquiries', 'queue', { scope: 'done' }, DEMO.head],
  ['inquiries', 'committeeList', {}, DEMO.member],
  ['inquiries', 'committeeList', { status: 'received', text: '维修基金' }, DEMO.member],
  ['inquiries', 'committeeList', { mine: true, text: '维修基金' }, DEMO.member],
  ['inquiries', 'stats', {}, DEMO.head],
  ['inquiries', 'trend', { to: '2026-11' }, DEMO.head],
  ['inquiries', 'trend', { to: '2026-11', months: 12 }, DEMO.gm],
  ['filings', 'list', {}, DEMO.head],
  ['filings', 'list', { status: 'draft', category: 'major_change', text: '东门封闭' }, DEMO.head],
  ['filings', 'list', { late: true }, DEMO.head],
  ['inquiries', 'queue', { scope: 'open', buildingId: 'b_demo_1', overdue: true, kind: 'request', text: '楼道灯' }, DEMO.head],
  ['inquiries', 'queue', { assigneeId: 'none', status: 'received' }, DEMO.butler],
  ['inquiries', 'queue', { scope: 'done', text: '楼道灯' }, DEMO.head],
  ['inquiries', 'queueFilters', {}, DEMO.butler],
  ['filings', 'myDeliveries', {}, DEMO.member],
  ['filings', 'myDeliveries', { tab: 'pending', text: '东门封闭' }, DEMO.member],
  ['filings', 'published', {}, DEMO.owner],
  ['filings', 'archiveSearch', {}, DEMO.head],
  ['filings', 'archiveSearch', { text: '东门封闭' }, DEMO.head],
  ['fees', 'myBills', {}, DEMO.owner],
  ['fees', 'arrears', {}, DEMO.butler],
  ['fees', 'unmatchedPayments', {}, DEMO.butler],
  ['alerts', 'inbox', {}, DEMO.owner],
  ['workbench', 'list', {}, DEMO.head],
];

let log: LoggedQuery[] = [];

beforeAll(async () => {
  let logged!: ReturnType<typeof queryLog>;
  const h = await createHarness({ wrapStore: (s) => (logged = queryLog(s)).storage });
  logged.log.length = 0; // the seed is not a request
  const start = h.now();
  const replies: Replies = {};
  for (const [index, step] of SCENARIO.entries()) {
    h.setNow(start + step.at * 60_000);
    const env = await h.raw(
      step.fn,
      { action: step.action, payload: await step.payload(replies, h.rt.store), requestId: requestIdOf(index) },
      { as: step.as, openid: step.openid },
    );
    if (env.ok) replies[step.name] = env.data;
  }
  for (const [fn, action, payload, as] of READS) await h.raw(fn, { action, payload }, { as });
  h.advance(5 * 86_400_000);
  await h.timer();
  log = logged.log;
});

it('sees the queries of the scenario, the lists and the sweeps', () => {
  expect(log.length).toBeGreaterThan(100);
  expect(new Set(log.map((q) => q.collection)).size).toBeGreaterThan(10);
  expect(log.some((q) => q.collection === 'inquiries' && q.fields.includes('nextActionAt'))).toBe(true);
});

it('makes no query that a declared index does not cover', () => {
  const problems = [
    ...new Set(
      log
        .map((q) => [q, uncovered(q)] as const)
        .filter(([, why]) => why)
        .map(([q, why]) => `${q.method} ${q.collection} {${q.fields.join(', ')}} sort [${q.sort.join(', ')}]: ${why}`),
    ),
  ];
  expect(problems).toEqual([]);
});

it('calls a query on an undeclared field uncovered, and an indexed one covered', () => {
  expect(uncovered({ method: 'find', collection: 'bills', fields: ['amountFen'], sort: [] })).toMatch(/no declared index/);
  expect(uncovered({ method: 'page', collection: 'documents', fields: ['communityId'], sort: ['createdById'] })).toMatch(/sorts by createdById/);
  expect(uncovered({ method: 'find', collection: 'inquiries', fields: ['nextActionAt'], sort: ['nextActionAt'] })).toBeNull();
});
