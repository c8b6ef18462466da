import type { TodoItem } from '@domain/api/session';
import { canCompose } from '@domain/documents';
import { hasRole, isStaff, type Caller } from '@domain/roles';
import { formatLocal } from '@domain/time';
import { ROUTES, routeUrl } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { documentsById } from './loaders';

const DAY = 86_400_000;
/** Opinion requests listed one by one on 首页 / 待办 (the earliest due); the rest are on 委员文件. */
const OPINIONS_SHOWN = 5;

/**
 * Members: documents waiting for their signature or opinion. Composers: objections waiting for an
 * answer, and opinion requests past their deadline with answers still to collect.
 */
export async function filingTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, 'committee')) out.push(...(await memberTodos(ctx, caller)));
  if (isStaff(caller) && caller.communityId) {
    const community = await ctx.store.get('communities', caller.communityId);
    if (community && canCompose(caller, community)) out.push(...(await composerTodos(ctx, caller)));
  }
  return out;
}

async function memberTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  const toSignWhere = { memberId: caller.personId, awaitingMember: true, documentKind: { $ne: 'opinion_request' } };
  const toSign = await ctx.store.count('deliveries', toSignWhere);
  if (toSign > 0) {
    const only = toSign === 1 ? (await ctx.store.page('deliveries', toSignWhere, { limit: 1 })).items[0] : undefined;
    const doc = only ? await ctx.store.get('documents', only.documentId) : null;
    out.push({
      key: 'filing-sign',
      kind: 'filing',
      title: '文件待签收',
      detail: doc ? `《${doc.content.title}》` : `${toSign} 份申报、通报或报告待您签收`,
      count: toSign,
      link: doc ? routeUrl(ROUTES.committee.document, { id: doc._id }) : ROUTES.committee.documents,
    });
  }
  // Each opinion request is its own line with its deadline; the earliest few are enough for 首页 / 待办.
  const opinions = await ctx.store.page(
    'deliveries',
    { memberId: caller.personId, awaitingMember: true, documentKind: 'opinion_request' },
    { sort: [['responseDue', 1]], limit: OPINIONS_SHOWN },
  );
  const docs = await documentsById(
    ctx.store,
    opinions.items.map((d) => d.documentId),
  );
  for (const d of opinions.items) {
    const doc = docs.get(d.documentId);
    if (!doc) continue;
    out.push({
      key: `filing-opinion-${d._id}`,
      kind: 'filing',
      title: '签阅待反馈意见',
      detail: `《${doc.content.title}》`,
      due: d.responseDue,
      dueText: d.responseDue ? `${formatLocal(d.responseDue, 'M月D日')}前反馈` : undefined,
      overdue: d.responseDue !== undefined && ctx.now > d.responseDue,
      count: 1,
      link: routeUrl(ROUTES.committee.document, { id: doc._id }),
    });
  }
  return out;
}

async function composerTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  const open = { communityId: caller.communityId, objectionOpen: true };
  const objections = await ctx.store.count('deliveries', open);
  if (objections > 0) {
    // All on one document (the usual case) → straight to its record; counted, not listed.
    const [first] = (await ctx.store.page('deliveries', open, { limit: 1 })).items;
    const oneDoc = first && (await ctx.store.count('deliveries', { ...open, documentId: first.documentId })) === objections;
    out.push({
      key: 'filing-objections',
      kind: 'filing',
      title: '委员异议待答复',
      detail: `${objections} 条异议待给予充分解释`,
      count: objections,
      link: oneDoc ? routeUrl(ROUTES.staff.record, { id: first.documentId }) : ROUTES.staff.documents,
    });
  }
  // Only the sender collects; a request closed more than 60 days ago is left to the record. Read from
  // the answers still missing past their deadline (what is due), not from every request sent.
  const missing = await ctx.store.find('deliveries', {
    communityId: caller.communityId,
    documentKind: 'opinion_request',
    signStatus: 'PENDING',
    responseDue: { $lt: ctx.now, $gte: ctx.now - 60 * DAY },
  });
  const missingBy = new Map<string, number>();
  for (const d of missing) missingBy.set(d.documentId, (missingBy.get(d.documentId) ?? 0) + 1);
  const docs = await documentsById(ctx.store, [...missingBy.keys()]);
  for (const doc of [...docs.values()].sort((a, b) => (a.responseDue ?? 0) - (b.responseDue ?? 0))) {
    if (doc.status !== 'sent' || doc.sentById !== caller.personId || doc.supersededBy) continue;
    const count = missingBy.get(doc._id)!;
    out.push({
      key: `filing-collect-${doc._id}`,
      kind: 'filing',
      title: '收回签阅意见',
      detail: `《${doc.content.title}》${count} 位委员逾期未回复`,
      due: doc.responseDue,
      dueText: `${formatLocal(doc.responseDue!, 'M月D日')}已截止`,
      overdue: true,
      count,
      link: routeUrl(ROUTES.staff.record, { id: doc._id }),
    });
  }
  return out;
}
