import { chainEntry, type ArchiveEntry } from '@domain/archive';
import type { CommitteeDocument } from '@domain/documents';
import type { Inquiry } from '@domain/inquiry';
import type { Bill, InboxItem } from '@domain/model';
import { deliveryId, type Delivery } from '@domain/signoff';
import { addCalendarDays, localDateOf } from '@domain/time';
import type { ObligationRecord } from '@domain/workbench';
import type { Envelope } from '@domain/envelope';
import { FUNCTIONS } from '../../cloudfunctions/_shared/registry';
import type { Runtime } from '../../cloudfunctions/_shared/runtime';
import { createLocalRuntime } from '../../cloudfunctions/_shared/local';
import { devOpenid, seedDemo } from '../../cloudfunctions/_shared/seed/demo';
import { rawStorage, type Storage } from '../../cloudfunctions/_shared/storage/port';
import type { CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { readTail, sha256 } from '../../cloudfunctions/filings/archive';
import { handle as timerHandle } from '../../cloudfunctions/timer';
import { derive } from './derive';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The moment every bench figure is taken at. */
export const BENCH_NOW = Date.parse('2026-11-20T10:00:00+08:00');

/**
 * A local runtime on `store`, its clock at BENCH_NOW, seeded as the bench measures: the demo
 * community, the fixed due set (made through the API over the days before) and `size` bulk records.
 */
export async function seededRuntime(store: Storage, size: number): Promise<Runtime> {
  let now = BENCH_NOW;
  const rt = createLocalRuntime({ store, clock: { now: () => now } });
  await seedDemo(rt.store, BENCH_NOW - 20 * DAY);
  await seedDue(rt, (t) => (now = t), BENCH_NOW);
  await seedBulk(rt.store, size, BENCH_NOW);
  return rt;
}

export const MEMBERS = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];
const OWNERS = Array.from({ length: 40 }, (_, i) => `p_owner_${String(i + 1).padStart(2, '0')}`);
const WORDS = ['电梯', '漏水', '停车', '绿化', '噪音', '门禁', '保洁', '维修', '消防', '垃圾', '路灯', '监控', '快递', '宠物', '装修'];
const words = (i: number): string => `${WORDS[i % WORDS.length]}${WORDS[(i * 7 + 3) % WORDS.length]}问题第${i}号`;

export type Call = (fn: string, action: string, payload: unknown, as?: string) => Promise<Envelope<unknown>>;

/** Calls a function's own `handle` as a demo person, at the runtime clock's time. */
export function caller(rt: Runtime): Call {
  return (fn, action, payload, as) => FUNCTIONS[fn as keyof typeof FUNCTIONS](rt, { action, payload }, { devOpenid: as ? devOpenid(as) : undefined });
}
export const timer = (rt: Runtime): Promise<Envelope<unknown>> => timerHandle(rt, { Type: 'Timer', TriggerName: 'sweep', Time: '' }, { devTimer: true });

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(`bench seed call failed: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

/**
 * The fixed set of things due at `now`, made through the API as users would, days before: overdue and
 * due-soon inquiries, a notification waiting for signatures, an opinion request about to close.
 * The same at every size, so the sweep has the same alerts to raise.
 */
export async function seedDue(rt: Runtime, setNow: (t: number) => void, now: number): Promise<void> {
  const call = caller(rt);
  setNow(now - 12 * DAY);
  await timer(rt); // generates the workbench duties ahead, on a small store
  setNow(now - 6 * DAY);
  for (const as of ['p_owner_02', 'p_owner_03', 'p_owner_04']) {
    const r = await ok<{ inquiryId: string }>(call('inquiries', 'ask', { channel: 'owner', kind: 'request', text: `${as} 东门改造噪音太大` }, as));
    if (as === 'p_owner_02') await ok(call('inquiries', 'classify', { inquiryId: r.inquiryId, classification: 'reasonable' }, 'p_butler_1'));
  }
  setNow(now - 2 * DAY);
  for (const as of ['p_owner_05', 'p_owner_06'])
    await ok(call('inquiries', 'ask', { channel: 'owner', kind: 'request', text: `${as} 东门改造期间出入不便` }, as));
  await ok(call('filings', 'setComposers', { personIds: ['p_butler_1'] }, 'p_head'));
  const draft = await ok<{ documentId: string }>(
    call(
      'filings',
      'saveDraft',
      {
        kind: 'notification',
        category: 'major_change',
        title: '小区东门改造期间临时封闭',
        body: '东门将于下周一起封闭施工。',
        eventDate: localDateOf(now - 3 * DAY),
      },
      'p_head',
    ),
  );
  await ok(call('filings', 'send', { documentId: draft.documentId }, 'p_head'));
  const opinion = await ok<{ documentId: string }>(
    call(
      'filings',
      'saveDraft',
      { kind: 'opinion_request', title: '东门改造方案征求意见', body: '请反馈意见。', responseBy: localDateOf(now + DAY) },
      'p_head',
    ),
  );
  await ok(call('filings', 'send', { documentId: opinion.documentId }, 'p_head'));
  setNow(now);
}

/**
 * `n` records beside the due set, written straight into the store (not through the API), shaped
 * like the API's own (cloned from records it wrote) and none of them due: closed and far-off open
 * inquiries, signed documents and their deliveries, paid bills, done and far-off duties, read
 * inbox items, and archive entries chained on the real ones.
 */
export async function seedBulk(store: Storage, n: number, now: number): Promise<void> {
  const raw = rawStorage(store);
  const put = async (c: CollectionName, r: object): Promise<void> => {
    await raw.insert(c, derive(c, r as never, now - 3_600_000));
  };
  const share = (f: number): number => Math.max(1, Math.round(n * f));

  // A clean base: the due set's inquiries were classified, assigned or escalated since; bulk ones were not.
  const [due] = await store.find('inquiries', {}, { limit: 1 });
  const { classification, assigneeId, escalatedAt, overdueAt, flaggedDue, firstResponseAt, respondedAt, ...inq } = due!;
  void [classification, assigneeId, escalatedAt, overdueAt, flaggedDue, firstResponseAt, respondedAt];
  for (let i = 0; i < share(0.3); i++) {
    const open = i % 6 === 5;
    const receivedAt = open ? now - HOUR : now - 400 * DAY + (i % 390) * DAY;
    const due = open ? now + 40 * DAY : receivedAt + 3 * DAY;
    const rec: Inquiry = {
      ...inq,
      _id: `bench_inq_${i}`,
      version: 1,
      askerId: OWNERS[i % OWNERS.length]!,
      text: words(i),
      status: open ? 'received' : 'accepted',
      receivedAt,
      due,
      firstDue: due,
      dueDate: localDateOf(due),
      ...(open ? {} : { respondedAt: receivedAt + DAY, firstResponseAt: receivedAt + DAY, rating: 'satisfied' as const, ratedAt: receivedAt + 2 * DAY }),
    };
    await put('inquiries', rec);
  }

  const [doc] = await store.find('documents', { kind: 'notification', status: 'sent' }, { limit: 1 });
  const [dlv] = await store.find('deliveries', { documentId: doc!._id }, { limit: 1 });
  for (let i = 0; i < share(0.05); i++) {
    const opinion = i % 10 === 0;
    const sentAt = opinion ? now - 29 * DAY + (i % 28) * DAY : now - 800 * DAY + (i % 790) * DAY;
    const id = `bench_doc_${i}`;
    const rec: CommitteeDocument = {
      ...doc!,
      _id: id,
      version: 1,
      seriesId: id,
      kind: opinion ? 'opinion_request' : 'notification',
      content: { ...doc!.content, title: words(i) },
      createdAt: sentAt,
      updatedAt: sentAt,
      sentAt,
      ...(opinion ? { responseDue: sentAt + 3 * DAY } : {}),
    };
    await put('documents', rec);
    for (const memberId of MEMBERS.slice(0, 3)) {
      const d: Delivery = {
        ...dlv!,
        _id: deliveryId(id, memberId),
        version: 1,
        documentId: id,
        documentKind: rec.kind,
        memberId,
        deliveredAt: sentAt,
        readStatus: 'OPENED',
        openedAt: sentAt + HOUR,
        signStatus: 'SIGNED',
        signedAt: sentAt + HOUR,
        objectionOpen: false,
        ...(opinion ? { responseDue: rec.responseDue } : {}),
      } as Delivery;
      await put('deliveries', d);
    }
  }

  const [bill] = await store.find('bills', {}, { limit: 1 });
  const rooms = await store.find('rooms', {});
  for (let i = 0; i < share(0.2); i++) {
    const room = rooms[i % rooms.length]!;
    const monthsBack = 4 + Math.floor(i / rooms.length);
    const first = addCalendarDays(`${localDateOf(now).slice(0, 7)}-01`, -monthsBack * 31).slice(0, 7);
    const rec: Bill = {
      ...bill!,
      _id: `bench_bill_${i}`,
      version: 1,
      roomId: room._id,
      buildingId: room.buildingId,
      month: first,
      dueDate: `${first}-15`,
      status: 'paid',
      paidAt: now - monthsBack * 30 * DAY,
    };
    await put('bills', rec);
  }

  const [task] = await store.find('obligations', {}, { limit: 1 });
  for (let i = 0; i < share(0.07); i++) {
    const done = i % 7 !== 6;
    const dueDate = done ? addCalendarDays(localDateOf(now), -30 - i) : addCalendarDays(localDateOf(now), 60 + (i % 300));
    const rec: ObligationRecord = {
      ...task!,
      _id: `bench_task_${i}`,
      version: 1,
      period: `bench-${i}`,
      dueDate,
      lastWorkingDate: dueDate,
      due: Date.parse(`${dueDate}T23:59:59.999+08:00`),
      // Done over the last weeks, a minute apart (not all at one moment), within the workbench's 已完成 window.
      ...(done ? { doneAt: now - 30 * DAY - i * 60_000, done: { at: now - 30 * DAY - i * 60_000, byId: 'p_head', note: '已完成' } } : {}),
    } as ObligationRecord;
    await put('obligations', rec);
  }

  const people = [...OWNERS, 'p_butler_1', 'p_butler_2', 'p_supervisor', 'p_head', 'p_gm'];
  for (let i = 0; i < share(0.13); i++) {
    const rec: InboxItem = {
      _id: `bench_inbox_${i}`,
      version: 1,
      personId: people[i % people.length]!,
      communityId: 'c_demo',
      title: words(i),
      body: words(i + 1),
      createdAt: now - 400 * DAY + i * 1000,
      readAt: now - 300 * DAY + i * 1000,
    };
    await put('inbox', rec);
  }

  let tail = await readTail(store, 'c_demo');
  for (let i = 0; i < share(0.1); i++) {
    const e = chainEntry(
      tail,
      {
        type: 'delivery_event',
        communityId: 'c_demo',
        at: now - 800 * DAY + i * 1000,
        subject: { kind: 'delivery', id: `bench_dlv_${i}` },
        documentId: `bench_doc_${i % share(0.05)}`,
        documentKind: 'notification',
        title: words(i),
        text: `${MEMBERS[i % 5]} 签收 ${words(i)}`,
        payload: { n: i },
      },
      sha256,
    ) as ArchiveEntry;
    await put('archive', e);
    tail = { seq: e.seq, hash: e.hash };
  }
}
