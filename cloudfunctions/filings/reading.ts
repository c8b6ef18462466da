import type { ArchiveAnchorsView, ArchiveVerifyView } from '@domain/api/filings';
import { digestCode } from '@domain/anchor';
import type { ArchiveEntry, ChainTail } from '@domain/archive';
import { canCompose, KIND_LABELS, quorumRuleText, type CommitteeDocument } from '@domain/documents';
import { AppError } from '@domain/errors';
import { ownerCategoryTitle } from '@domain/owner-wording';
import { buildRecord, recordCsv } from '@domain/record';
import { queryTerms } from '@domain/search';
import type { Id } from '@domain/model';
import { canSeeCommunity, CENTRE_ROLES, hasRole, isStaff, type Caller } from '@domain/roles';
import { deliveryId, type Delivery } from '@domain/signoff';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '@domain/time';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { containsText, rarestTerm } from '../_shared/text-search';
import { mapPage, pageOf } from '../_shared/paging';
import type { FieldCondition, FindOptionsOf, Query } from '../_shared/storage/port';
import { anchorsOf, archivedDeliveryEvents, readTail, verifyCommunityArchive } from './archive';
import { communityOf, quorumRuleOf, rosterOn } from './community';
import { deliveriesOf } from './loaders';
import { archiveEntryView, deliveryView, documentView, eventView, publicDocumentView } from './views';

type H = Handlers<'filings'>;

/** Drafts are the centre's own working papers: committee members see only what was sent. */
async function loadReadable(ctx: ActionContext, caller: Caller, documentId: string): Promise<CommitteeDocument> {
  const doc = await loadVisible(ctx.store, 'documents', documentId, caller);
  if (doc.status !== 'sent' && !isStaff(caller)) throw new AppError('NOT_FOUND');
  return doc;
}

const communityScope = (caller: Caller): Query => (hasRole(caller, 'general_manager') ? {} : { communityId: caller.communityId });

export async function recordOf(ctx: ActionContext, documentId: string) {
  const caller = requireCaller(ctx);
  const doc = await loadReadable(ctx, caller, documentId);
  if (doc.status !== 'sent') throw new AppError('DOCUMENT_NOT_SENT');
  const [deliveries, archived] = await Promise.all([deliveriesOf(ctx.store, [doc._id]), archivedDeliveryEvents(ctx.store, doc.communityId, doc._id)]);
  // Every row is compared with what the archive says happened, so a delivery edited in place shows.
  return { caller, doc, deliveries, ...buildRecord(doc, deliveries, ctx.now, archived) };
}

/** The community whose archive is checked: the caller's own; the general manager names one. */
async function archiveCommunity(ctx: ActionContext, caller: Caller, requested: Id | undefined) {
  const id = requested ?? caller.communityId;
  if (!id) throw new AppError('INVALID_INPUT', '请选择要校验的小区');
  if (!canSeeCommunity(caller, id)) throw new AppError('NOT_FOUND');
  return communityOf(ctx.store, id);
}

const headView = (head: ChainTail | null) => (head ? { seq: head.seq, hash: head.hash, code: digestCode(head.hash) } : null);

const ARCHIVE_SCAN = 1000;
/** A search counts at most this many of its terms to find the rarest. */
const MAX_QUERY_TERMS = 4;
const SCAN_PAGE = 100;
/** Sequence numbers count within one community; across communities (the general manager) time orders. */
const NEWEST_FIRST: FindOptionsOf<ArchiveEntry>['sort'] = [
  ['at', -1],
  ['seq', -1],
];

export const list: Handler<'filings', 'list'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const query: Query = { ...communityScope(caller) };
  if (input.kind) query.kind = input.kind;
  // A discarded draft stays stored (and audited) but is in no list.
  query.status = input.status ?? { $in: ['draft', 'sent'] };
  if (input.category) query.category = input.category;
  if (input.late !== undefined) query.late = input.late ? true : { $ne: true };
  const text = input.text?.trim();
  if (text) {
    // Indexed on the query's rarest term; the exact check below keeps what holds the whole text.
    const term = await rarestTerm(text, (t) => ctx.store.count('documents', { ...query, words: t }));
    if (!term) return { items: [], next: null };
    query.words = term;
  }
  const page = await ctx.store.page('documents', query, { sort: [['updatedAt', -1]], limit: input.limit ?? 30, after: input.after });
  if (text) page.items = page.items.filter((d) => containsText(`${d.content.title}\n${d.content.body}`, text));
  const docs = page.items;
  const [calendar, deliveries] = await Promise.all([
    ctx.calendar(),
    deliveriesOf(
      ctx.store,
      docs.filter((d) => d.status === 'sent').map((d) => d._id),
    ),
  ]);
  const byDoc = new Map<string, Delivery[]>();
  for (const d of deliveries) byDoc.set(d.documentId, [...(byDoc.get(d.documentId) ?? []), d]);
  return { items: docs.map((d) => documentView(d, calendar, ctx.now, byDoc.get(d._id) ?? [])), next: page.next };
};

export const get: Handler<'filings', 'get'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const doc = await loadReadable(ctx, caller, input.documentId);
  const [calendar, deliveries, mine, community] = await Promise.all([
    ctx.calendar(),
    deliveriesOf(ctx.store, [doc._id]),
    ctx.store.get('deliveries', deliveryId(doc._id, caller.personId)),
    communityOf(ctx.store, doc.communityId),
  ]);
  const history = mine ? await ctx.store.find('deliveryEvents', { deliveryId: mine._id }, { sort: [['n', 1]] }) : [];
  const series = await ctx.store.find('documents', { seriesId: doc.seriesId }, { sort: [['versionNo', 1]] });
  return {
    document: documentView(doc, calendar, ctx.now, deliveries),
    myDelivery: mine ? deliveryView(mine, doc, ctx.now) : undefined,
    myHistory: history.map(eventView),
    versions: series
      .filter((v) => v.status === 'sent' || isStaff(caller))
      .map((v) => ({ documentId: v._id, versionNo: v.versionNo, sentAt: v.sentAt, status: v.status })),
    canCompose: isStaff(caller) && canCompose(caller, community),
  };
};

export const record: Handler<'filings', 'record'> = async (ctx, input) => {
  const { caller, doc, deliveries, rows, summary } = await recordOf(ctx, input.documentId);
  const [calendar, community, roster] = await Promise.all([
    ctx.calendar(),
    communityOf(ctx.store, doc.communityId),
    // The roster of the record's own day (its decision, else its sending), not today's: members come and go.
    rosterOn(ctx.store, doc.communityId, doc.outcome?.decision?.decidedOn ?? localDateOf(doc.sentAt ?? ctx.now)),
  ]);
  const centre = hasRole(caller, ...CENTRE_ROLES);
  return {
    document: documentView(doc, calendar, ctx.now, deliveries),
    rows,
    summary,
    canAct: isStaff(caller),
    canDecide: centre && doc.kind === 'filing' && !doc.outcome && !doc.supersededBy,
    canPublish: hasRole(caller, 'head') && !doc.publishedAt,
    quorumRule: quorumRuleOf(community),
    quorumRuleText: quorumRuleText(quorumRuleOf(community)),
    rosterSize: roster.length,
  };
};

export const exportRecord: Handler<'filings', 'exportRecord'> = async (ctx, input) => {
  const { doc, rows } = await recordOf(ctx, input.documentId);
  // Exports carry members' names out of the app: each one is logged (who, when, which record).
  await ctx.audit({
    type: 'document.record_exported',
    communityId: doc.communityId,
    subject: { kind: 'document', id: doc._id },
    data: { format: 'csv', rows: rows.length },
  });
  const safeTitle = doc.content.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30);
  return { filename: `输出信息审批记录_${safeTitle}_第${doc.versionNo}版.csv`, csv: recordCsv(doc, rows) };
};

export const published: Handler<'filings', 'published'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  // A range, not `$exists`: an index walks a range from its top and stops at the page's end.
  const page = await pageOf(ctx.store, 'documents', { ...communityScope(caller), publishedAt: { $gt: 0 } }, [['publishedAt', -1]], input);
  return mapPage(page, (docs) =>
    docs.map((d) => ({
      documentId: d._id,
      kind: d.kind,
      kindLabel: KIND_LABELS[d.kind],
      categoryLabel: ownerCategoryTitle(d.kind, d.content.category),
      title: d.content.title,
      publishedAt: d.publishedAt,
    })),
  );
};

export const publishedDocument: Handler<'filings', 'publishedDocument'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const doc = await loadVisible(ctx.store, 'documents', input.documentId, caller);
  if (!doc.publishedAt) throw new AppError('NOT_FOUND');
  return publicDocumentView(doc, await ctx.calendar(), ctx.now);
};

export const archiveSearch: Handler<'filings', 'archiveSearch'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const query: Query = { ...communityScope(caller) };
  if (input.type) query.type = input.type;
  if (input.kind) query.documentKind = input.kind;
  if (input.category) query.category = input.category;
  if (input.from || input.to) {
    const at: FieldCondition = {};
    if (input.from) at.$gte = startOfLocalDay(input.from);
    if (input.to) at.$lte = endOfLocalDay(input.to);
    query.at = at;
  }
  const limit = input.limit ?? 30;
  if (!input.text) {
    const page = await ctx.store.page('archive', query, { sort: NEWEST_FIRST, limit, after: input.after });
    return { entries: page.items.map(archiveEntryView), next: page.next };
  }
  // An indexed lookup on the query's rarest term (of its first few), then the exact text check on
  // what that returns; `next` resumes the scan of that term's entries.
  const needle = input.text.toLowerCase();
  const terms = queryTerms(input.text).slice(0, MAX_QUERY_TERMS);
  let rarest = terms[0];
  if (terms.length > 1) {
    const counts = await Promise.all(terms.map((t) => ctx.store.count('archive', { ...query, words: t })));
    rarest = terms[counts.indexOf(Math.min(...counts))];
  }
  if (rarest === undefined) return { entries: [], next: null };
  const found: ArchiveEntry[] = [];
  let after = input.after ?? null;
  for (let scanned = 0; found.length < limit && scanned < ARCHIVE_SCAN;) {
    const page = await ctx.store.page('archive', { ...query, words: rarest }, { sort: NEWEST_FIRST, limit: SCAN_PAGE, after });
    scanned += page.items.length;
    found.push(...page.items.filter((e) => `${e.title}\n${e.text}`.toLowerCase().includes(needle)));
    after = page.next;
    if (!after) break;
  }
  return { entries: found.map(archiveEntryView), next: after };
};

export const verifyArchive: Handler<'filings', 'verifyArchive'> = async (ctx, input): Promise<ArchiveVerifyView> => {
  const caller = requireCaller(ctx);
  const community = await archiveCommunity(ctx, caller, input.communityId);
  const result = await verifyCommunityArchive(ctx.store, community._id, input.anchor);
  await ctx.audit({
    type: 'archive.verified',
    communityId: community._id,
    subject: { kind: 'archive', id: community._id },
    data: {
      ok: result.ok,
      checked: result.checked,
      broken: result.broken,
      anchors: result.anchors.map((a) => ({ source: a.source, seq: a.seq, result: a.result })),
    },
  });
  return {
    ok: result.ok,
    communityId: community._id,
    communityName: community.name,
    checked: result.checked,
    head: headView(result.head),
    broken: result.broken,
    anchors: result.anchors,
  };
};

export const archiveAnchors: Handler<'filings', 'archiveAnchors'> = async (ctx, input): Promise<ArchiveAnchorsView> => {
  const caller = requireCaller(ctx);
  const community = await archiveCommunity(ctx, caller, input.communityId);
  const [head, anchors] = await Promise.all([readTail(ctx.store, community._id), anchorsOf(ctx.store, community._id)]);
  return {
    communityId: community._id,
    communityName: community.name,
    current: headView(head),
    anchors: anchors.map((a) => ({ month: a.month, seq: a.seq, hash: a.hash, code: a.code, at: a.at, notifiedAt: a.notifiedAt })),
  };
};

export const readingHandlers: Pick<
  H,
  'list' | 'get' | 'record' | 'exportRecord' | 'published' | 'publishedDocument' | 'archiveSearch' | 'verifyArchive' | 'archiveAnchors'
> = { list, get, record, exportRecord, published, publishedDocument, archiveSearch, verifyArchive, archiveAnchors };
