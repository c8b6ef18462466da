/**
 * Issue 9: every multi-record write completes or is completed, and every write is idempotent by
 * request id. The crash points come from the write log of a clean run, not from a hand-kept list.
 */
import type { Envelope } from '@domain/envelope';
import { LEASE_MS, operationId, repairOperations } from '../../cloudfunctions/_shared/ops/operation';
import { verifyChainOf } from '../../cloudfunctions/filings/archive';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { createHarness, DEMO, type Harness } from '../helpers/harness';
import { RecordingStore, type WriteEntry } from '../helpers/recording-store';
import { dumpStore, loadStore, type StoreDump } from '../helpers/store-dump';
import { requestIdOf, SCENARIO, type Replies, type ScenarioStep } from '../helpers/write-scenario';

jest.setTimeout(120_000);

const code = (env: Envelope<unknown>) => (env.ok ? 'OK' : env.error.code);
const identityOf = (step: ScenarioStep) => step.openid ?? devOpenid(step.as!);

interface CleanStep {
  index: number;
  step: ScenarioStep;
  payload: unknown;
  at: number;
  reply: unknown;
  writes: WriteEntry[];
  /** The whole store before and after the step, operation records included. */
  before: StoreDump;
  after: StoreDump;
}

function event(c: CleanStep) {
  return { action: c.step.action, payload: c.payload, requestId: requestIdOf(c.index) };
}
const callStep = (h: Harness, c: CleanStep) => h.raw(c.step.fn, event(c), { as: c.step.as, openid: c.step.openid });

/** Mutes the dispatcher's log of the injected crash (it logs every unexpected error, as it should). */
function quietly<T>(run: () => Promise<T>): Promise<T> {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  return run().finally(() => {
    spy.mockRestore();
    warn.mockRestore();
  });
}

const withoutOps = (d: StoreDump): StoreDump => Object.fromEntries(Object.entries(d).filter(([c]) => c !== 'ops'));

const clean: CleanStep[] = [];
let start = 0;

beforeAll(async () => {
  let rec!: RecordingStore;
  const h = await createHarness({ wrapStore: (s) => (rec = new RecordingStore(s)).storage });
  start = h.now();
  const replies: Replies = {};
  let before = await dumpStore(h.rt.store);
  for (const [index, step] of SCENARIO.entries()) {
    const at = start + step.at * 60_000;
    h.setNow(at);
    const payload = await step.payload(replies, h.rt.store);
    const mark = rec.log.length;
    const env = await h.raw(step.fn, { action: step.action, payload, requestId: requestIdOf(index) }, { as: step.as, openid: step.openid });
    if (!env.ok) throw new Error(`clean run: ${step.name} answered ${env.error.code} ${env.error.message}`);
    replies[step.name] = env.data;
    const after = await dumpStore(h.rt.store);
    clean.push({ index, step, payload, at, reply: env.data, writes: rec.since(mark), before, after });
    before = after;
  }
});

/**
 * Steps that make more than one write besides their operation record, by the log: two writes to one
 * record (a consent's insert, then its increment) can be torn apart by a crash as well as two records.
 */
const multiWrite = () => clean.filter((c) => c.writes.filter((w) => w.collection !== 'ops').length > 1);

describe('the clean run', () => {
  it('covers every function, and every action writes through one operation record', async () => {
    expect(new Set(clean.map((c) => c.step.fn))).toEqual(new Set(['session', 'filings', 'inquiries', 'workbench', 'alerts', 'fees']));
    const multi = multiWrite();
    const opWrites = clean.reduce((n, c) => n + c.writes.filter((w) => w.collection === 'ops').length, 0);
    const domainWrites = clean.reduce((n, c) => n + c.writes.filter((w) => w.collection !== 'ops').length, 0);
    console.log(
      [
        `${clean.length} write actions in the scenario, ${multi.length} make more than one domain write (crash points = all writes of the step):`,
        ...multi.map(
          (c) =>
            `  ${c.step.name}: ${c.writes.length} writes (${c.writes.filter((w) => w.collection !== 'ops').length} domain + ${c.writes.filter((w) => w.collection === 'ops').length} operation record)`,
        ),
        `operation-record writes ${opWrites} vs domain writes ${domainWrites} (${(opWrites / clean.length).toFixed(1)} per operation, +${((100 * opWrites) / domainWrites).toFixed(0)}%)`,
      ].join('\n'),
    );
    for (const c of clean) {
      // The commit point is the first write, done is the last, and nothing else touches `ops`.
      expect(c.writes[0]).toMatchObject({ collection: 'ops', id: operationId(c.step.fn, identityOf(c.step), requestIdOf(c.index)) });
      expect(c.writes.at(-1)).toMatchObject({ collection: 'ops', kind: 'update' });
      expect(c.writes.filter((w) => w.collection === 'ops')).toHaveLength(2);
    }
    expect(multi.length).toBeGreaterThan(30);
  });
});

describe('a crash after every write of every multi-record action, then a retry or the repair', () => {
  it('ends in the clean run’s store, the same reply, and an intact chain', async () => {
    const started = performance.now();
    let points = 0;
    let inProgress = 0;
    let repaired = 0;
    for (const c of multiWrite()) {
      const opId = operationId(c.step.fn, identityOf(c.step), requestIdOf(c.index));
      const expected = withoutOps(c.after);
      const chainLength = (c.after.archive ?? []).filter((a) => (a as { communityId?: string }).communityId === 'c_demo').length;
      for (let k = 1; k <= c.writes.length; k++) {
        const where = `${c.step.name}, crash after write ${k}/${c.writes.length} (${c.writes[k - 1]!.kind} ${c.writes[k - 1]!.collection})`;
        const rec = new RecordingStore(await loadStore(c.before));
        const h = await createHarness({ store: rec.storage, now: c.at });
        rec.arm(k);
        const crashed = await quietly(() => callStep(h, c));
        expect({ where, crashed: code(crashed), dead: rec.crashed }).toEqual({ where, crashed: 'INTERNAL', dead: true });
        rec.disarm();

        const op = await h.rt.store.get('ops', opId);
        expect({ where, status: op?.status }).toEqual({ where, status: k === c.writes.length ? 'done' : 'pending' });
        if (op?.status === 'pending') {
          // Another attempt still holds the lease: the retry must wait, not act twice.
          const mark = rec.log.length;
          expect({ where, retry: code(await callStep(h, c)) }).toEqual({ where, retry: 'REQUEST_IN_PROGRESS' });
          expect(rec.since(mark)).toEqual([]);
          inProgress++;
          h.advance(LEASE_MS + 1);
          if (k % 2 === 0) {
            expect(await quietly(() => repairOperations(h.rt, h.now()))).toEqual({ repaired: 1, aborted: 0 });
            repaired++;
          }
        }
        const retry = await quietly(() => callStep(h, c));
        expect({ where, retry }).toEqual({ where, retry: { ok: true, data: c.reply } });

        expect({ where, store: withoutOps(await dumpStore(h.rt.store)) }).toEqual({ where, store: expected });
        expect(await h.rt.store.count('ops', { status: { $ne: 'done' } })).toBe(0);
        const chain = await verifyChainOf(h.rt.store, 'c_demo');
        expect({ where, ok: chain.ok, checked: chain.checked }).toEqual({ where, ok: true, checked: chainLength });
        points++;
      }
    }
    const ms = performance.now() - started;
    console.log(
      `${points} crash points over ${multiWrite().length} actions in ${(ms / 1000).toFixed(1)} s: ${inProgress} retries answered REQUEST_IN_PROGRESS, ${repaired} finished by the repair sweep, the rest by the retry`,
    );
    expect(points).toBe(multiWrite().reduce((n, c) => n + c.writes.length, 0));
  });
});

describe('request-id replay', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  const ask = (requestId: string, text = '2单元楼道灯不亮') =>
    h.raw('inquiries', { action: 'ask', payload: { channel: 'owner', kind: 'request', text }, requestId }, { as: DEMO.owner });

  it('the same write twice with one request id stores one record and answers the same', async () => {
    const first = await ask('replay-0000001');
    h.advance(5_000);
    const second = await ask('replay-0000001');
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await h.rt.store.count('inquiries', { askerId: DEMO.owner })).toBe(1);
    expect(await h.rt.store.count('inquiryEvents', {})).toBe(1);
    // Another request id is another action.
    expect((await ask('replay-0000002')).ok).toBe(true);
    expect(await h.rt.store.count('inquiries', { askerId: DEMO.owner })).toBe(2);
  });

  it('the same id with another payload is REQUEST_ID_REUSED and stores nothing', async () => {
    await ask('replay-0000003');
    const before = await dumpStore(h.rt.store);
    expect(code(await ask('replay-0000003', '另一件事'))).toBe('REQUEST_ID_REUSED');
    expect(await dumpStore(h.rt.store)).toEqual(before);
  });

  it('one person’s request id is not another’s', async () => {
    const mine = await ask('replay-0000004');
    const theirs = await h.raw(
      'inquiries',
      { action: 'ask', payload: { channel: 'owner', kind: 'request', text: '2单元楼道灯不亮' }, requestId: 'replay-0000004' },
      { as: DEMO.owner2 },
    );
    const idOf = (e: Envelope<unknown>) => (e.ok ? (e.data as { inquiryId: string }).inquiryId : null);
    expect(idOf(theirs)).toEqual(expect.any(String));
    expect(idOf(theirs)).not.toBe(idOf(mine));
    expect(await h.rt.store.count('inquiries', {})).toBe(2);
  });

  it('two concurrent calls with one request id store one record; the other gets the result or REQUEST_IN_PROGRESS', async () => {
    const both = await Promise.all([ask('replay-0000005'), ask('replay-0000005')]);
    expect(both.map(code).sort()).toEqual(expect.arrayContaining(['OK']));
    for (const env of both) expect(['OK', 'REQUEST_IN_PROGRESS']).toContain(code(env));
    const ok = both.filter((e) => e.ok);
    expect(new Set(ok.map((e) => JSON.stringify(e)))).toHaveProperty('size', 1);
    expect(await h.rt.store.count('inquiries', { askerId: DEMO.owner })).toBe(1);
    // Once the first is done, a late retry gets the reply.
    expect(await ask('replay-0000005')).toEqual(ok[0]);
  });
});

describe('concurrency', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('10 concurrent first visits of one new openid: one person, no error', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => h.call('session', 'me', {}, { openid: 'wx-openid-burst' })));
    expect(all.map(code)).toEqual(Array(10).fill('OK'));
    expect(new Set(all.map((e) => e.ok && e.data.personId)).size).toBe(1);
    expect(await h.rt.store.count('people', { openid: 'wx-openid-burst' })).toBe(1);
  });

  it('50 concurrent consents: remaining 50', async () => {
    const all = await Promise.all(
      Array.from({ length: 50 }, () => h.call('alerts', 'consent', { templateKey: 'deadline', accepted: true }, { as: DEMO.member })),
    );
    expect(all.map(code)).toEqual(Array(50).fill('OK'));
    const [quota] = await h.rt.store.find('subscriptions', { personId: DEMO.member, templateKey: 'deadline' });
    expect(quota!.remaining).toBe(50);
  });

  it('two concurrent binding requests for one room: one stored, the other ROOM_ALREADY_BOUND', async () => {
    const newcomer = 'wx-openid-binder';
    const me = await h.call('session', 'me', {}, { openid: newcomer });
    const personId = me.ok ? me.data.personId : '';
    const both = await Promise.all([1, 2].map(() => h.call('session', 'requestBinding', { roomId: 'r_2_203' }, { openid: newcomer })));
    expect(both.map(code).sort()).toEqual(['OK', 'ROOM_ALREADY_BOUND']);
    expect(await h.rt.store.count('roomBindings', { personId, roomId: 'r_2_203' })).toBe(1);
    expect((await h.rt.store.get('people', personId))?.communityId).toBe('c_demo');
    expect((await h.rt.store.find('roomBindings', { personId }))[0]).toMatchObject({ status: 'requested' });
  });
});

describe('the repair sweep', () => {
  async function halfSent(k: number): Promise<{ h: Harness; send: CleanStep }> {
    const send = clean.find((c) => c.step.name === 'filings.send(notification)')!;
    const rec = new RecordingStore(await loadStore(send.before));
    const h = await createHarness({ store: rec.storage, now: send.at });
    rec.arm(k);
    expect(code(await quietly(() => callStep(h, send)))).toBe('INTERNAL');
    rec.disarm();
    expect(await h.rt.store.count('ops', { status: 'pending' })).toBe(1);
    h.advance(LEASE_MS + 1);
    return { h, send };
  }

  async function expectWhole(h: Harness, send: CleanStep): Promise<void> {
    expect(await h.rt.store.count('ops', { status: 'pending' })).toBe(0);
    expect(await h.rt.store.count('deliveries', { documentId: (send.reply as { documentId: string }).documentId })).toBe(5);
    expect((await verifyChainOf(h.rt.store, 'c_demo')).ok).toBe(true);
  }

  it('runs first in the hourly timer and finishes a half-written send', async () => {
    const { h, send } = await halfSent(5);
    expect(await quietly(() => h.timer())).toMatchObject({ ok: true });
    await expectWhole(h, send);
  });

  it('runs when staff start the sweep by hand, itself an operation', async () => {
    const { h, send } = await halfSent(12);
    expect(await quietly(() => h.call('alerts', 'sweep', {}, { as: DEMO.head }))).toMatchObject({ ok: true });
    await expectWhole(h, send);
  });
});
