import { inQueueOf, type Inquiry } from '@domain/inquiry';
import type { InboxItem } from '@domain/model';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { loadCaller } from '../../cloudfunctions/_shared/caller';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * Every list action pages by cursor: a bounded first page, a cursor while more follow, no record twice
 * or lost across pages even when the sort keys tie, null at the end, and the access filter on every
 * page. Records are written straight into the store (many, with tied sort keys) to keep this fast.
 */
jest.setTimeout(60_000);

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

type Paged<T> = { items: T[]; next: string | null };

/** Reads every page of a list; checks each page's size and that the last one says so. */
async function walk<T>(read: (after?: string) => Promise<Paged<T>>, limit: number): Promise<{ items: T[]; pages: number[] }> {
  const items: T[] = [];
  const pages: number[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = await read(after);
    pages.push(page.items.length);
    items.push(...page.items);
    if (page.next === null) return { items, pages };
    expect(page.items.length).toBe(limit);
    after = page.next;
  }
  throw new Error('no last page');
}

const DAY = 86_400_000;
const OPEN = ['received', 'in_progress', 'reopened', 'escalated'] as const;
const CLOSED = ['answered', 'explained', 'accepted', 'unsatisfied'] as const;

/** n inquiries with only a few distinct receivedAt and due values, so sort keys tie across pages. */
async function seedInquiries(n: number, make: (k: number) => Partial<Inquiry> = () => ({})): Promise<Inquiry[]> {
  const now = h.now();
  const out: Inquiry[] = [];
  for (let k = 0; k < n; k++) {
    const due = now + ((k % 5) - 2) * DAY; // two of five overdue
    const rec: Inquiry = {
      _id: `inq_t_${String(k).padStart(5, '0')}`,
      version: 1,
      communityId: 'c_demo',
      channel: 'owner',
      kind: 'consult',
      askerId: DEMO.owner,
      text: `第${k}号咨询：楼道灯不亮，请尽快维修。\n详细情况如下……`.repeat(3),
      photos: [],
      status: k % 3 === 0 ? CLOSED[k % 4]! : OPEN[k % 4]!,
      receivedAt: now - (k % 3) * DAY,
      due,
      dueDate: '2026-11-20',
      dueProvisional: false,
      firstDue: due,
      reopenCount: 0,
      ...make(k),
    };
    await h.rt.store.insertIfAbsent('inquiries', rec);
    out.push(rec);
  }
  return out;
}

const ids = (xs: Array<{ inquiryId: string }>) => xs.map((x) => x.inquiryId);
const unique = (xs: string[]) => new Set(xs).size === xs.length;

describe('inquiries', () => {
  it('mine: pages of the asker’s own, newest first, counts on the first page only', async () => {
    const mine = await seedInquiries(45);
    await seedInquiries(1, () => ({ _id: 'inq_other', askerId: DEMO.owner2 }));
    const first = await h.ok('inquiries', 'mine', {}, DEMO.owner);
    expect(first.items).toHaveLength(20);
    expect(first.next).not.toBeNull();
    expect(first.counts).toEqual({ total: 45, open: mine.filter((i) => !['accepted', 'unsatisfied'].includes(i.status)).length });
    const second = await h.ok('inquiries', 'mine', { after: first.next! }, DEMO.owner);
    expect(second.counts).toBeUndefined();

    const { items, pages } = await walk((after) => h.ok('inquiries', 'mine', { limit: 20, after }, DEMO.owner), 20);
    expect(pages).toEqual([20, 20, 5]);
    expect(unique(ids(items))).toBe(true);
    expect(new Set(ids(items))).toEqual(new Set(mine.map((i) => i._id)));
    expect(items.map((i) => i.receivedAt)).toEqual([...items.map((i) => i.receivedAt)].sort((a, b) => b - a));
    // A countdown only for what is still open.
    expect(items.filter((i) => i.workingDaysLeft !== undefined).every((i) => OPEN.includes(i.status as never))).toBe(true);
    expect(items.filter((i) => (CLOSED as readonly string[]).includes(i.status)).every((i) => i.workingDaysLeft === undefined)).toBe(true);
  });

  it('refuses a page size over the bound and a forged cursor', async () => {
    expect(await h.call('inquiries', 'mine', { limit: 101 }, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('inquiries', 'mine', { after: 'bm90IGEgY3Vyc29y' }, { as: DEMO.owner })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('committeeList: only the committee’s, on every page; mine narrows to the caller’s', async () => {
    await seedInquiries(30, (k): Partial<Inquiry> => ({
      channel: k % 2 ? 'committee' : 'owner',
      askerId: k % 4 === 1 ? DEMO.chair : DEMO.member,
      kind: k % 2 ? 'query' : 'consult',
    }));
    const all = await walk((after) => h.ok('inquiries', 'committeeList', { limit: 4, after }, DEMO.chair), 4);
    expect(all.items).toHaveLength(15);
    expect(all.items.every((i) => i.channel === 'committee')).toBe(true);
    expect(unique(ids(all.items))).toBe(true);
    const mine = await walk((after) => h.ok('inquiries', 'committeeList', { mine: true, limit: 4, after }, DEMO.chair), 4);
    expect(mine.items.length).toBe(8);
    expect(mine.items.every((i) => i.askedByMe)).toBe(true);
    expect((await h.ok('inquiries', 'committeeList', { mine: true }, DEMO.chair)).counts).toEqual({ total: 8 });
  });

  it('queue: each person’s pages are exactly inQueueOf, due first (overdue on top), and the todo counts them', async () => {
    const assignees = [undefined, DEMO.butler, DEMO.butler2, 'p_supervisor', DEMO.head];
    const buildings = [undefined, 'b_demo_1', 'b_demo_2'];
    const all = await seedInquiries(240, (k) => ({
      assigneeId: assignees[k % 5],
      buildingId: buildings[k % 3],
      ...(k % 11 === 0 ? { escalatedAt: h.now() - DAY } : {}),
    }));
    for (const who of [DEMO.butler, DEMO.butler2, DEMO.supervisor, DEMO.head, DEMO.gm]) {
      const { caller } = (await loadCaller(h.rt.store, devOpenid(who), h.now()))!;
      const expected = all
        .filter((i) => inQueueOf(caller, i, h.now()))
        .sort((a, b) => a.due - b.due || (a._id < b._id ? -1 : 1))
        .map((i) => i._id);
      expect(expected.length).toBeGreaterThan(0);
      const got = await walk((after) => h.ok('inquiries', 'queue', { scope: 'mine', limit: 7, after }, who), 7);
      expect(ids(got.items)).toEqual(expected);
      const first = await h.ok('inquiries', 'queue', { scope: 'mine', limit: 7 }, who);
      const overdue = all.filter((i) => expected.includes(i._id) && i.due < h.now()).length;
      expect(first.counts).toEqual({ total: expected.length, overdue });
      const todo = (await h.ok('session', 'todos', {}, who)).find((t) => t.key === 'inquiry-queue');
      expect(todo).toMatchObject({ count: expected.length, overdue: overdue > 0 });
    }
  });

  it('queue open and done: the community’s (the general manager: the escalated), paged', async () => {
    const all = await seedInquiries(60, (k) => (k % 4 === 0 ? { escalatedAt: h.now() - DAY } : {}));
    await seedInquiries(5, (k) => ({ _id: `inq_elsewhere_${k}`, communityId: 'c_other' }));
    const open = await walk((after) => h.ok('inquiries', 'queue', { scope: 'open', limit: 9, after }, DEMO.head), 9);
    expect(new Set(ids(open.items))).toEqual(new Set(all.filter((i) => (OPEN as readonly string[]).includes(i.status)).map((i) => i._id)));
    const done = await walk((after) => h.ok('inquiries', 'queue', { scope: 'done', limit: 9, after }, DEMO.gm), 9);
    expect(new Set(ids(done.items))).toEqual(new Set(all.filter((i) => i.escalatedAt && (CLOSED as readonly string[]).includes(i.status)).map((i) => i._id)));
  });

  it('2,500 past inquiries: the first page is a small fraction of the whole list (figures logged)', async () => {
    await seedInquiries(2500);
    const t0 = performance.now();
    const first = await h.ok('inquiries', 'mine', {}, DEMO.owner);
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const whole = await walk((after) => h.ok('inquiries', 'mine', { limit: 100, after }, DEMO.owner), 100);
    const wholeMs = performance.now() - t1;
    const firstBytes = Buffer.byteLength(JSON.stringify(first));
    const wholeBytes = Buffer.byteLength(JSON.stringify(whole.items));
    expect(whole.items).toHaveLength(2500);
    expect(firstBytes).toBeLessThan(20_000);
    expect(firstBytes * 50).toBeLessThan(wholeBytes);
    console.log(
      `[paging] 2,500 inquiries: first page ${first.items.length} items ${firstBytes} B in ${ms.toFixed(0)} ms; all items ${wholeBytes} B in ${whole.pages.length} pages, ${wholeMs.toFixed(0)} ms`,
    );
  });
});

describe('filings, alerts, session', () => {
  it('myDeliveries: tabs are stored flags, so each page is full; a corrected version leaves pending', async () => {
    for (let k = 0; k < 7; k++) {
      const d = await h.ok(
        'filings',
        'saveDraft',
        { kind: 'notification', category: 'major_change', title: `通报${k}`, body: '正文', eventDate: '2026-11-19' },
        DEMO.head,
      );
      await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    }
    const sent = (await h.ok('filings', 'myDeliveries', { tab: 'pending', limit: 100 }, DEMO.member)).items;
    for (const d of sent.slice(0, 3)) await h.ok('filings', 'sign', { deliveryId: d.delivery.deliveryId }, DEMO.member);
    const pending = await walk((after) => h.ok('filings', 'myDeliveries', { tab: 'pending', limit: 2, after }, DEMO.member), 2);
    const done = await walk((after) => h.ok('filings', 'myDeliveries', { tab: 'done', limit: 2, after }, DEMO.member), 2);
    expect(pending.pages).toEqual([2, 2]);
    expect(done.pages).toEqual([2, 1]);
    expect(pending.items.every((i) => i.delivery.state === 'PENDING')).toBe(true);
    expect(done.items.every((i) => i.delivery.state === 'SIGNED')).toBe(true);
    // List lines carry no objection threads or opinions.
    expect(Object.keys(pending.items[0]!.delivery)).not.toContain('objections');
    const todo = (await h.ok('session', 'todos', {}, DEMO.member)).find((t) => t.key === 'filing-sign');
    expect(todo?.count).toBe(4);

    // Correcting a pending one: the old version's delivery leaves 待签收 for every member, the new one enters.
    const old = pending.items[0]!.document.documentId;
    const v2 = await h.ok('filings', 'revise', { documentId: old }, DEMO.head);
    await h.ok('filings', 'send', { documentId: v2.documentId }, DEMO.head);
    const now = (await h.ok('filings', 'myDeliveries', { tab: 'pending', limit: 100 }, DEMO.chair)).items.map((i) => i.document.documentId);
    expect(now).toContain(v2.documentId);
    expect(now).not.toContain(old);
    expect(await h.rt.store.count('deliveries', { documentId: old, pending: true })).toBe(0);
  });

  it('inbox: pages newest first with the unread count on each', async () => {
    for (let k = 0; k < 25; k++) {
      const item: Omit<InboxItem, 'version'> = {
        _id: `inbox_t_${k}`,
        personId: DEMO.member,
        communityId: 'c_demo',
        title: `消息${k}`,
        body: '内容',
        createdAt: h.now() - (k % 2),
      };
      await h.rt.store.insertIfAbsent('inbox', item);
    }
    await h.rt.store.insertIfAbsent('inbox', {
      _id: 'inbox_other',
      personId: DEMO.owner,
      communityId: 'c_demo',
      title: '别人的',
      body: '',
      createdAt: h.now(),
    });
    const unread = await h.rt.store.count('inbox', { personId: DEMO.member, readAt: { $exists: false } });
    const { items, pages } = await walk(async (after) => {
      const page = await h.ok('alerts', 'inbox', { limit: 10, after }, DEMO.member);
      expect(page.unread).toBe(unread);
      return page;
    }, 10);
    expect(pages.slice(0, 2)).toEqual([10, 10]);
    expect(items.map((i) => i.inboxId)).not.toContain('inbox_other');
    expect(unique(items.map((i) => i.inboxId))).toBe(true);
  });

  it('pendingBindings and listRooms page; bindings carry their total on the first page', async () => {
    const first = await h.ok('session', 'pendingBindings', { limit: 1 }, DEMO.butler);
    const total = await h.rt.store.count('roomBindings', { communityId: 'c_demo', status: 'requested' });
    expect(first).toMatchObject({ total });
    const all = await walk((after) => h.ok('session', 'pendingBindings', { limit: 1, after }, DEMO.butler), 1);
    expect(all.items).toHaveLength(total);
    const rooms = await walk((after) => h.ok('session', 'listRooms', { communityId: 'c_demo', limit: 15, after }, DEMO.visitor), 15);
    expect(rooms.pages).toEqual([15, 15, 10]);
    expect(unique(rooms.items.map((r) => r.roomId))).toBe(true);
  });
});
