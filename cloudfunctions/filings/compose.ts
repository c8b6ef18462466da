import type { ComposerView } from '@domain/api/filings';
import { isLate } from '@domain/deadlines';
import {
  contentIndexFields,
  decideFiling,
  isCategoryOf,
  lateReasonRequired,
  planRevision,
  planSend,
  requireDraft,
  sendingDeadline,
  type CommitteeDocument,
  type DocumentContent,
} from '@domain/documents';
import { AppError } from '@domain/errors';
import { checkFilingResolution } from '@domain/meeting-rules';
import type { Person } from '@domain/model';
import { STAFF_ROLE_LABELS } from '@domain/model';
import { BUTLER_ROLES, COMMUNITY_STAFF_ROLES, hasRole } from '@domain/roles';
import { localDateOf } from '@domain/time';
import { forbiddenMessage } from '@domain/who-may';
import { requireCaller, type Handlers, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { appendArchive } from './archive';
import { closeDeliveries, deliverToEach } from './deliver';
import { documentArchive, outcomeArchive, publishedArchive } from './archive-content';
import { communityOf, quorumRuleOf, requireComposer, rosterOn, type CommunityWithSettings } from './community';
import { deliveriesOf } from './loaders';
import { documentView } from './views';
import { checkLinkedSend, closeLinkedEvent, linkDraft } from '../workbench/events';

type H = Handlers<'filings'>;

const COMPOSER_ROLES = COMMUNITY_STAFF_ROLES;

function composerViews(staff: Person[], community: CommunityWithSettings): ComposerView[] {
  const allowed = new Set(community.composerIds ?? []);
  return staff
    .filter((p) => p.staffRole && COMPOSER_ROLES.includes(p.staffRole))
    .map((p) => ({
      personId: p._id,
      name: p.name,
      roleLabel: STAFF_ROLE_LABELS[p.staffRole!],
      fixed: p.staffRole === 'head',
      allowed: p.staffRole === 'head' || allowed.has(p._id),
    }));
}

function checkCategory(content: Pick<DocumentContent, 'kind' | 'category'>): void {
  if (content.category && !isCategoryOf(content.kind, content.category)) throw new AppError('INVALID_INPUT', '类别与文件类型不符');
}

export const composers: Handler<'filings', 'composers'> = async (ctx) => {
  const caller = requireCaller(ctx);
  if (!caller.communityId) return { canCompose: true, staff: [] };
  const community = await communityOf(ctx.store, caller.communityId);
  const staff = await ctx.store.find('people', { communityId: caller.communityId, staffRole: { $in: [...COMPOSER_ROLES] } });
  const views = composerViews(staff, community);
  return { canCompose: hasRole(caller, 'head') || views.some((v) => v.personId === caller.personId && v.allowed), staff: views };
};

export const setComposers: Handler<'filings', 'setComposers'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const community = await communityOf(ctx.store, caller.communityId ?? '');
  const staff = await ctx.store.find('people', { communityId: community._id, staffRole: { $in: [...BUTLER_ROLES] } });
  const eligible = new Set(staff.map((p) => p._id));
  const wanted = [...new Set(input.personIds)];
  if (wanted.some((id) => !eligible.has(id))) throw new AppError('INVALID_INPUT', '只能授权本小区的管家或管家主管');
  const updated = await updateWithRetry(ctx.store, 'communities', community._id, () => ({ composerIds: wanted }));
  await ctx.audit({
    type: 'community.composers_set',
    communityId: community._id,
    subject: { kind: 'community', id: community._id },
    data: { before: community.composerIds ?? [], after: wanted },
  });
  const all = await ctx.store.find('people', { communityId: community._id, staffRole: { $in: [...COMPOSER_ROLES] } });
  return { staff: composerViews(all, updated) };
};

export const previewDue: Handler<'filings', 'previewDue'> = async (ctx, input) => {
  const deadline = sendingDeadline(input, await ctx.calendar());
  const late = deadline !== null && isLate(deadline, ctx.now);
  return { deadline, late, lateReasonRequired: late && lateReasonRequired(input.kind) };
};

export const saveDraft: Handler<'filings', 'saveDraft'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const { documentId, communityId: wantedCommunity, eventId, ...content } = input;
  checkCategory(content);
  const calendar = await ctx.calendar();
  if (documentId) {
    const doc = await loadVisible(ctx.store, 'documents', documentId, caller);
    await requireComposer(ctx.store, caller, doc.communityId);
    requireDraft(doc);
    const linked = eventId ?? doc.eventId;
    const saved = await updateWithRetry(ctx.store, 'documents', doc._id, (cur) => {
      requireDraft(cur);
      return { kind: content.kind, content, ...contentIndexFields(content), updatedAt: ctx.now, ...(linked ? { eventId: linked } : {}) };
    });
    if (linked) await linkDraft(ctx, caller, linked, saved);
    await ctx.audit({
      type: 'document.draft_saved',
      communityId: doc.communityId,
      subject: { kind: 'document', id: doc._id },
      data: { kind: content.kind, title: content.title },
    });
    return documentView(saved, calendar, ctx.now);
  }
  const communityId = caller.communityId ?? wantedCommunity;
  if (!communityId) throw new AppError('INVALID_INPUT', '请选择小区');
  if (caller.communityId && wantedCommunity && wantedCommunity !== caller.communityId)
    throw new AppError('FORBIDDEN', forbiddenMessage(['general_manager'], ['该小区的工作人员']));
  await requireComposer(ctx.store, caller, communityId);
  const id = ctx.rt.newId('doc');
  const doc = await ctx.store.insert('documents', {
    _id: id,
    communityId,
    kind: content.kind,
    content,
    ...contentIndexFields(content),
    status: 'draft',
    seriesId: id,
    versionNo: 1,
    createdById: caller.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(eventId ? { eventId } : {}),
  });
  if (eventId) await linkDraft(ctx, caller, eventId, doc);
  await ctx.audit({ type: 'document.draft_created', communityId, subject: { kind: 'document', id }, data: { kind: content.kind, title: content.title } });
  return documentView(doc, calendar, ctx.now);
};

/**
 * A draft given up: nothing is deleted (the rule book keeps every record), so it is marked discarded,
 * dropped from every list and audited with what it was; a sent document cannot be discarded.
 */
export const discardDraft: Handler<'filings', 'discardDraft'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const doc = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  await requireComposer(ctx.store, caller, doc.communityId);
  requireDraft(doc);
  const discarded = await updateWithRetry(ctx.store, 'documents', doc._id, (cur) => {
    requireDraft(cur);
    return { status: 'discarded' as const, discardedAt: ctx.now, discardedById: caller.personId, updatedAt: ctx.now };
  });
  await ctx.audit({
    type: 'document.draft_discarded',
    communityId: doc.communityId,
    subject: { kind: 'document', id: doc._id },
    data: { kind: doc.kind, title: doc.content.title, versionNo: doc.versionNo },
  });
  return documentView(discarded, await ctx.calendar(), ctx.now);
};

export const revise: Handler<'filings', 'revise'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const old = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  await requireComposer(ctx.store, caller, old.communityId);
  const plan = planRevision(old);
  const id = ctx.rt.newId('doc');
  const doc = await ctx.store.insert('documents', {
    _id: id,
    communityId: old.communityId,
    ...plan,
    ...contentIndexFields(plan.content),
    status: 'draft',
    createdById: caller.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await ctx.audit({
    type: 'document.revision_started',
    communityId: old.communityId,
    subject: { kind: 'document', id },
    data: { supersedes: old._id, versionNo: plan.versionNo },
  });
  return documentView(doc, await ctx.calendar(), ctx.now);
};

export const send: Handler<'filings', 'send'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const draft = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  await requireComposer(ctx.store, caller, draft.communityId);
  const [calendar, roster] = await Promise.all([ctx.calendar(), rosterOn(ctx.store, draft.communityId, localDateOf(ctx.now))]);
  const planOf = (doc: CommitteeDocument) =>
    planSend(doc, { now: ctx.now, calendar, roster, lateReason: input.lateReason, sender: { personId: caller.personId, name: caller.name } });
  planOf(draft); // every rule is checked before anything is written
  await checkLinkedSend(ctx, draft);

  // Claim the old version first, so two corrections of one letter cannot both go out.
  if (draft.supersedes) {
    await updateWithRetry(ctx.store, 'documents', draft.supersedes, (old) => {
      if (old.supersededBy && old.supersededBy !== draft._id) throw new AppError('DOCUMENT_SUPERSEDED');
      if (old.outcome) throw new AppError('FILING_CLOSED');
      return { supersededBy: draft._id };
    });
  }
  if (draft.supersedes) await closeDeliveries(ctx, draft.supersedes);
  const sent = await updateWithRetry(ctx.store, 'documents', draft._id, (cur) => planOf(cur));
  await appendArchive(ctx.store, documentArchive(sent));
  await closeLinkedEvent(ctx, sent, calendar);

  await deliverToEach(ctx, sent, roster);
  await ctx.audit({
    type: 'document.sent',
    communityId: sent.communityId,
    subject: { kind: 'document', id: sent._id },
    data: {
      kind: sent.kind,
      versionNo: sent.versionNo,
      supersedes: sent.supersedes,
      members: roster.length,
      late: sent.late,
      lateReason: sent.lateReason,
      dueDate: sent.deadline?.dueDate,
    },
  });
  return documentView(sent, calendar, ctx.now, await deliveriesOf(ctx.store, [sent._id]));
};

export const decide: Handler<'filings', 'decide'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const doc = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  const community = await requireComposer(ctx.store, caller, doc.communityId);
  const roster = await rosterOn(ctx.store, doc.communityId, localDateOf(ctx.now));
  // A linked resolution brings its own vote (taken at the meeting, against that day's roster).
  const resolution = input.resolutionId ? await loadVisible(ctx.store, 'resolutions', input.resolutionId, caller) : null;
  checkFilingResolution(doc, input.result, resolution, doc._id);
  const { tally } = resolution ?? {};
  const outcomeInput = tally
    ? { ...input, vote: { present: tally.present, agree: tally.agree, against: tally.against, decidedOn: resolution!.passedOn } }
    : input;
  const context = {
    rosterSize: tally ? tally.rosterSize : Math.max(roster.length, 1),
    rule: tally ? tally.rule : quorumRuleOf(community),
    now: ctx.now,
    by: { personId: caller.personId, name: caller.name },
  };
  decideFiling(doc, outcomeInput, context);
  const decided = await updateWithRetry(ctx.store, 'documents', doc._id, (cur) => ({ outcome: decideFiling(cur, outcomeInput, context) }));
  await appendArchive(ctx.store, outcomeArchive(decided));
  await ctx.audit({ type: 'document.decided', communityId: doc.communityId, subject: { kind: 'document', id: doc._id }, data: { outcome: decided.outcome } });
  return documentView(decided, await ctx.calendar(), ctx.now, await deliveriesOf(ctx.store, [doc._id]));
};

export const publishToOwners: Handler<'filings', 'publishToOwners'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const doc = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  if (doc.status !== 'sent') throw new AppError('DOCUMENT_NOT_SENT');
  let published = doc;
  if (!doc.publishedAt) {
    // Whoever's compare-and-set sets the date published it: not a guess from timestamps, which two
    // heads tapping in the same millisecond would share.
    let publishedNow = false;
    published = await updateWithRetry(ctx.store, 'documents', doc._id, (cur) => {
      publishedNow = !cur.publishedAt;
      return publishedNow ? { publishedAt: ctx.now, publishedById: caller.personId } : {};
    });
    if (publishedNow) {
      await appendArchive(ctx.store, publishedArchive(published));
      await ctx.audit({
        type: 'document.published',
        communityId: doc.communityId,
        subject: { kind: 'document', id: doc._id },
        data: { title: doc.content.title },
      });
    }
  }
  return documentView(published, await ctx.calendar(), ctx.now, await deliveriesOf(ctx.store, [doc._id]));
};

export const composeHandlers: Pick<
  H,
  'composers' | 'setComposers' | 'previewDue' | 'saveDraft' | 'discardDraft' | 'revise' | 'send' | 'decide' | 'publishToOwners'
> = {
  composers,
  setComposers,
  previewDue,
  saveDraft,
  discardDraft,
  revise,
  send,
  decide,
  publishToOwners,
};
