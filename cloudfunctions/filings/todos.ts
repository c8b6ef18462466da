import type { TodoItem } from '@domain/api/session';
import { canCompose } from '@domain/documents';
import { hasRole, isStaff, type Caller } from '@domain/roles';
import { awaitsMember } from '@domain/signoff';
import { formatLocal } from '@domain/time';
import { ROUTES, routeUrl } from '@domain/routes';
import type { ActionContext } from '../_shared/function';
import { documentsById } from './loaders';

const DAY = 86_400_000;

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
  const open = (await ctx.store.find('deliveries', { memberId: caller.personId, signStatus: { $in: ['PENDING', 'OBJECTED'] } })).filter(awaitsMember);
  const docs = await documentsById(
    ctx.store,
    open.map((d) => d.documentId),
  );
  const live = open.filter((d) => docs.get(d.documentId) && !docs.get(d.documentId)!.supersededBy);
  const out: TodoItem[] = [];
  const toSign = live.filter((d) => d.documentKind !== 'opinion_request');
  if (toSign.length > 0) {
    const only = toSign.length === 1 ? docs.get(toSign[0]!.documentId)! : undefined;
    out.push({
      key: 'filing-sign',
      kind: 'filing',
      title: '文件待签收',
      detail: only ? `《${only.content.title}》` : `${toSign.length} 份申报、通报或报告待您签收`,
      count: toSign.length,
      link: only ? routeUrl(ROUTES.committee.document, { id: only._id }) : ROUTES.committee.documents,
    });
  }
  for (const d of live.filter((x) => x.documentKind === 'opinion_request')) {
    const doc = docs.get(d.documentId)!;
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
  const objections = await ctx.store.find('deliveries', { communityId: caller.communityId, objectionOpen: true });
  if (objections.length > 0) {
    const docIds = [...new Set(objections.map((d) => d.documentId))];
    out.push({
      key: 'filing-objections',
      kind: 'filing',
      title: '委员异议待答复',
      detail: `${objections.length} 条异议待给予充分解释`,
      count: objections.length,
      link: docIds.length === 1 ? routeUrl(ROUTES.staff.record, { id: docIds[0]! }) : ROUTES.staff.documents,
    });
  }
  // Only the sender collects; a request closed more than 60 days ago is left to the record.
  const overdue = await ctx.store.find('documents', {
    kind: 'opinion_request',
    status: 'sent',
    sentById: caller.personId,
    responseDue: { $lt: ctx.now, $gte: ctx.now - 60 * DAY },
  });
  for (const doc of overdue.filter((d) => !d.supersededBy)) {
    const missing = await ctx.store.count('deliveries', { documentId: doc._id, signStatus: 'PENDING' });
    if (missing === 0) continue;
    out.push({
      key: `filing-collect-${doc._id}`,
      kind: 'filing',
      title: '收回签阅意见',
      detail: `《${doc.content.title}》${missing} 位委员逾期未回复`,
      due: doc.responseDue,
      dueText: `${formatLocal(doc.responseDue!, 'M月D日')}已截止`,
      overdue: true,
      count: missing,
      link: routeUrl(ROUTES.staff.record, { id: doc._id }),
    });
  }
  return out;
}
