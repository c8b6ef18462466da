import { inquiryAuditType } from '@domain/audit';
import type { InquiryDetailView } from '@domain/api/inquiries';
import { AppError } from '@domain/errors';
import { assertCanSee, decide, prepareAsk, type Decision, type Inquiry, type InquiryCommand, type InquiryStatus, STATUS_LABELS } from '@domain/inquiry';
import { inquiryStats, inquiryTrend, trendMonths } from '@domain/inquiry-stats';
import { STAFF_ROLE_LABELS } from '@domain/model';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { addMonths, startOfLocalDay } from '@domain/time';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { countUpTo, mapPage, pageOf, pageUnion } from '../_shared/paging';
import type { Page, Query, QueryOf } from '../_shared/storage/port';
import { DONE_STATUSES, narrowBranches, openScope, queueBranches, queueCounts } from './queue';
import { containsText, rarestTerm } from '../_shared/text-search';
import { alertAnswered, alertAssigned, alertEscalated } from './hooks';
import { generalManagers } from '../_shared/people';
import { appendEvent, threadOf, type ThreadEntry } from './thread';
import { detailView, summaryView, viewContext } from './views';

async function loadSeen(ctx: ActionContext, caller: Caller, id: string): Promise<Inquiry> {
  const inq = await ctx.store.get('inquiries', id);
  if (!inq) throw new AppError('NOT_FOUND');
  assertCanSee(caller, inq);
  return inq;
}

async function detail(ctx: ActionContext, caller: Caller, inq: Inquiry): Promise<InquiryDetailView> {
  const [calendar, events] = await Promise.all([ctx.calendar(), threadOf(ctx.store, inq._id)]);
  return detailView(inq, events, await viewContext(ctx.store, caller, ctx.now, calendar, [inq], events));
}

async function list(ctx: ActionContext, caller: Caller, inquiries: Inquiry[]) {
  const vc = await viewContext(ctx.store, caller, ctx.now, await ctx.calendar(), inquiries);
  return inquiries.map((i) => summaryView(i, vc));
}

/** Every change: decided by the domain on the freshest record, stored by CAS, threaded and audited. */
async function apply(
  ctx: ActionContext,
  id: string,
  command: InquiryCommand,
  entry: ThreadEntry = {},
): Promise<{ inq: Inquiry; decision: Decision; view: () => Promise<InquiryDetailView> }> {
  const caller = requireCaller(ctx);
  await loadSeen(ctx, caller, id);
  const calendar = await ctx.calendar();
  let decision: Decision | undefined;
  const inq = await updateWithRetry(ctx.store, 'inquiries', id, (current) => {
    decision = decide(current, command, caller, ctx.now, calendar);
    return decision.patch;
  });
  const d = decision!;
  await appendEvent(ctx.store, inq, d, caller.personId, ctx.now, entry);
  await ctx.audit({
    type: inquiryAuditType(d.event),
    communityId: inq.communityId,
    subject: { kind: 'inquiry', id },
    data: { from: d.from, to: d.to, ...(entry.data ?? {}) },
  });
  return { inq, decision: d, view: () => detail(ctx, caller, inq) };
}

const SORT_NEWEST: Array<[keyof Inquiry & string, 1 | -1]> = [['receivedAt', -1]];
const SORT_DUE: Array<[keyof Inquiry & string, 1 | -1]> = [['due', 1]];
/** Statuses before the asker's last word (accepted or unsatisfied): what 我的提问 counts as 处理中. */
const NOT_CLOSED = (Object.keys(STATUS_LABELS) as InquiryStatus[]).filter((s) => s !== 'accepted' && s !== 'unsatisfied');

export const ask: Handler<'inquiries', 'ask'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const draft = prepareAsk(caller, input, ctx.now, await ctx.calendar());
  const room = draft.roomId ? await ctx.store.get('rooms', draft.roomId) : null;
  const inq = await ctx.store.insert('inquiries', {
    _id: ctx.rt.newId('inq'),
    ...draft,
    ...(room ? { buildingId: room.buildingId } : {}),
  });
  await appendEvent(ctx.store, inq, { event: 'ask', from: null, to: 'received' }, caller.personId, ctx.now, { text: inq.text, photos: inq.photos });
  await ctx.audit({
    type: 'inquiry.asked',
    communityId: inq.communityId,
    subject: { kind: 'inquiry', id: inq._id },
    data: { kind: inq.kind, channel: inq.channel, dueDate: inq.dueDate },
  });
  return detail(ctx, caller, inq);
};

export const mine: Handler<'inquiries', 'mine'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where = { askerId: caller.personId };
  const [page, counts] = await Promise.all([
    pageOf(ctx.store, 'inquiries', where, SORT_NEWEST, input),
    input.after
      ? undefined
      : // Capped like the queue's (the page shows "99+"): a long history costs no more than 100 entries.
        Promise.all([countUpTo(ctx.store, 'inquiries', where), countUpTo(ctx.store, 'inquiries', { ...where, status: { $in: NOT_CLOSED } })]).then(
          ([total, open]) => ({
            total,
            open,
          }),
        ),
  ]);
  return { ...(await mapPage(page, (items) => list(ctx, caller, items))), ...(counts ? { counts } : {}) };
};

export const committeeList: Handler<'inquiries', 'committeeList'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where: QueryOf<Inquiry> = { communityId: caller.communityId, channel: 'committee' };
  if (input.mine) where.askerId = caller.personId;
  if (input.status) where.status = input.status;
  // The queue's text search: the rarest term on the index, then the exact check on the page.
  const query = input.text?.trim();
  if (query) {
    const term = await rarestTerm(query, (t) => ctx.store.count('inquiries', { ...where, words: t }));
    if (!term) return { items: [], next: null };
    where.words = term;
  }
  const [page, total] = await Promise.all([
    pageOf(ctx.store, 'inquiries', where, SORT_NEWEST, input),
    input.after || query ? undefined : ctx.store.count('inquiries', where),
  ]);
  if (query) page.items = page.items.filter((i) => containsText(i.text, query));
  return { ...(await mapPage(page, (items) => list(ctx, caller, items))), ...(total !== undefined ? { counts: { total } } : {}) };
};

export const get: Handler<'inquiries', 'get'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  return detail(ctx, caller, await loadSeen(ctx, caller, input.inquiryId));
};

export const followUp: Handler<'inquiries', 'followUp'> = async (ctx, input) => {
  return (await apply(ctx, input.inquiryId, { type: 'follow_up', text: input.text }, { text: input.text, photos: input.photos })).view();
};

export const rate: Handler<'inquiries', 'rate'> = async (ctx, input) => {
  return (await apply(ctx, input.inquiryId, { type: 'rate', satisfied: input.satisfied })).view();
};

export const reopen: Handler<'inquiries', 'reopen'> = async (ctx, input) => {
  return (await apply(ctx, input.inquiryId, { type: 'reopen' }, { text: input.reason })).view();
};

/**
 * The queue is due-ordered: an open item is overdue exactly when its due moment has passed, so
 * sorting by `due` puts the overdue first (the domain's `queueOrder`) and a page is a slice of it.
 */
export const queue: Handler<'inquiries', 'queue'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const scope = input.scope ?? 'mine';
  const base = openScope(caller);
  const unfiltered = scope === 'done' ? [{ ...base, status: { $in: DONE_STATUSES } }] : scope === 'mine' ? queueBranches(caller, ctx.now) : [base];
  const { text, status, buildingId, assigneeId, overdue, kind } = input;
  const query = text?.trim();
  // The text's rarest term is looked up on the index; the exact check on the page keeps what holds it all.
  const term = query ? await rarestTerm(query, (t) => ctx.store.count('inquiries', { ...unfiltered[0], words: t })) : undefined;
  const branches = query && !term ? [] : narrowBranches(unfiltered, { status, buildingId, assigneeId, overdue, kind, term: term ?? undefined }, ctx.now);
  const sort = scope === 'done' ? SORT_NEWEST : SORT_DUE;
  const [page, counts] = await Promise.all([
    branches.length ? pageUnion(ctx.store, 'inquiries', branches, sort, input) : { items: [], next: null },
    input.after || scope === 'done' ? undefined : queueCounts(ctx.store, branches, ctx.now),
  ]);
  if (query) page.items = page.items.filter((i) => containsText(i.text, query));
  return { ...(await mapPage(page, (items) => list(ctx, caller, items))), ...(counts ? { counts } : {}) };
};

export const assignees: Handler<'inquiries', 'assignees'> = async (ctx) => {
  const caller = requireCaller(ctx);
  if (!caller.communityId) return [];
  const staff = await ctx.store.find('people', { communityId: caller.communityId, staffRole: { $in: [...COMMUNITY_STAFF_ROLES] } }, { sort: [['_id', 1]] });
  return staff.map((p) => ({ personId: p._id, name: p.name, roleLabel: p.staffRole ? STAFF_ROLE_LABELS[p.staffRole] : '' }));
};

export const queueFilters: Handler<'inquiries', 'queueFilters'> = async (ctx) => {
  const caller = requireCaller(ctx);
  if (!caller.communityId) return { buildings: [], staff: [] };
  const [buildings, staff] = await Promise.all([ctx.store.find('buildings', { communityId: caller.communityId }, { sort: [['_id', 1]] }), assignees(ctx, {})]);
  return { buildings: buildings.map((b) => ({ buildingId: b._id, name: b.name })), staff };
};

export const assign: Handler<'inquiries', 'assign'> = async (ctx, input) => {
  const person = await ctx.store.get('people', input.assigneeId);
  if (!person) throw new AppError('NOT_FOUND', '未找到该工作人员');
  const assignee = { personId: person._id, staffRole: person.staffRole, communityId: person.communityId };
  const { inq, view } = await apply(ctx, input.inquiryId, { type: 'assign', assignee }, { data: { assigneeId: person._id } });
  await alertAssigned(ctx.rt, ctx.now, inq);
  return view();
};

export const classify: Handler<'inquiries', 'classify'> = async (ctx, input) => {
  const gm = input.classification === 'cannot_resolve' ? (await generalManagers(ctx.store))[0] : undefined;
  const command: InquiryCommand = { type: 'classify', classification: input.classification, text: input.text, generalManagerId: gm?._id };
  const { inq, decision, view } = await apply(ctx, input.inquiryId, command, { text: input.text, data: { classification: input.classification } });
  if (decision.event === 'escalate') await alertEscalated(ctx.rt, ctx.now, inq);
  if (decision.event === 'explain') await alertAnswered(ctx.rt, ctx.now, inq, true);
  return view();
};

export const answer: Handler<'inquiries', 'answer'> = async (ctx, input) => {
  const { inq, view } = await apply(ctx, input.inquiryId, { type: 'answer', text: input.text }, { text: input.text, photos: input.photos });
  await alertAnswered(ctx.rt, ctx.now, inq, false);
  return view();
};

export const stats: Handler<'inquiries', 'stats'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where: Query = {
    receivedAt: { $gte: startOfLocalDay(`${input.month}-01`), $lt: startOfLocalDay(`${addMonths(input.month, 1)}-01`) },
  };
  if (!hasRole(caller, 'general_manager')) where.communityId = caller.communityId;
  const [found, community] = await Promise.all([
    ctx.store.find('inquiries', where),
    caller.communityId ? ctx.store.get('communities', caller.communityId) : Promise.resolve(null),
  ]);
  return { ...inquiryStats(found, input.month, ctx.now), communityName: community?.name ?? '全部小区' };
};

/** Items one trend request reads at most (pages of 1000 on the receivedAt index). */
const TREND_SCAN = 10_000;

export const trend: Handler<'inquiries', 'trend'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const months = trendMonths(input.to, input.months);
  const where: QueryOf<Inquiry> = {
    receivedAt: { $gte: startOfLocalDay(`${months[0]}-01`), $lt: startOfLocalDay(`${addMonths(input.to, 1)}-01`) },
  };
  if (!hasRole(caller, 'general_manager')) where.communityId = caller.communityId;
  const found: Inquiry[] = [];
  let after: string | null = null;
  do {
    const page: Page<Inquiry> = await ctx.store.page('inquiries', where, { sort: [['receivedAt', 1]], limit: 1000, after });
    found.push(...page.items);
    after = page.next;
  } while (after && found.length < TREND_SCAN);
  const community = caller.communityId ? await ctx.store.get('communities', caller.communityId) : null;
  return { communityName: community?.name ?? '全部小区', months: inquiryTrend(found, months, ctx.now), partial: after !== null };
};

export const inquiryHandlers: Handlers<'inquiries'> = {
  ask,
  mine,
  committeeList,
  get,
  followUp,
  rate,
  reopen,
  queue,
  assignees,
  queueFilters,
  assign,
  classify,
  answer,
  stats,
  trend,
};
