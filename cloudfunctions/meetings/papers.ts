import type { MeetingPaper, RosterEntry } from '@domain/api/meetings';
import { contentIndexFields, type CommitteeDocument, type RosterMember } from '@domain/documents';
import { AppError } from '@domain/errors';
import type { Meeting } from '@domain/meetings';
import { STAFF_ROLE_LABELS, type Id } from '@domain/model';
import { COMMUNITY_STAFF_ROLES } from '@domain/roles';
import { requireCaller, type ActionContext } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { generalManagers } from '../_shared/people';
import { appendArchive } from '../filings/archive';
import { documentArchive } from '../filings/archive-content';
import { closeDeliveries, deliverToEach } from '../filings/deliver';

type Caller = ReturnType<typeof requireCaller>;
export type PaperKind = 'meeting_notice' | 'minutes';

/**
 * A sent meeting paper (notice or minutes): a document version that the filings sign-off delivers to
 * each member named, signs and archives. A correction passes `supersedes`: the new version goes to
 * everyone again (a signature on the old wording does not cover the new one), the old version stays
 * in the archive marked superseded and nothing stays open on its deliveries.
 */
export async function sendPaper(
  ctx: ActionContext,
  caller: Caller,
  input: { meeting: Meeting; kind: PaperKind; title: string; body: string; attachments: CommitteeDocument['content']['attachments'] },
  to: RosterMember[],
  extra: Partial<CommitteeDocument> = {},
): Promise<CommitteeDocument> {
  const id = ctx.rt.newId('doc');
  // Claim the old version first, so two corrections of one paper cannot both go out.
  if (extra.supersedes) {
    await updateWithRetry(ctx.store, 'documents', extra.supersedes, (cur) => {
      if (cur.supersededBy && cur.supersededBy !== id) throw new AppError('DOCUMENT_SUPERSEDED');
      return { supersededBy: id };
    });
    await closeDeliveries(ctx, extra.supersedes);
  }
  const doc: Omit<CommitteeDocument, 'version'> = {
    _id: id,
    communityId: input.meeting.communityId,
    kind: input.kind,
    content: { kind: input.kind, title: input.title, body: input.body, attachments: input.attachments },
    // Found by the staff document list's text search like any composed letter.
    words: contentIndexFields({ title: input.title, body: input.body }).words,
    status: 'sent',
    seriesId: extra.seriesId ?? id,
    versionNo: extra.versionNo ?? 1,
    createdById: caller.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    sentAt: ctx.now,
    sentById: caller.personId,
    sentByName: caller.name,
    late: false,
    roster: to,
    ...extra,
  };
  const sent = await ctx.store.insert('documents', doc);
  await appendArchive(ctx.store, documentArchive(sent));
  await deliverToEach(ctx, sent, to);
  await ctx.audit({
    type: 'document.sent',
    communityId: sent.communityId,
    subject: { kind: 'document', id },
    data: {
      kind: sent.kind,
      versionNo: sent.versionNo,
      supersedes: sent.supersedes,
      members: to.length,
      late: sent.late,
      lateReason: sent.lateReason,
      dueDate: sent.deadline?.dueDate,
    },
  });
  return sent;
}

/** Every version of the meeting's notice and minutes, newest first within each, with signatures. */
export async function papersOf(ctx: ActionContext, meeting: Meeting): Promise<MeetingPaper[]> {
  const current = [meeting.noticeDocumentId, meeting.minutesDocumentId].filter((x): x is Id => !!x);
  if (current.length === 0) return [];
  const heads = await ctx.store.find('documents', { _id: { $in: current } });
  const series = [...new Set(heads.map((d) => d.seriesId))];
  const all = (await Promise.all(series.map((seriesId) => ctx.store.find('documents', { seriesId }, { sort: [['versionNo', -1]] })))).flat();
  const deliveries = await ctx.store.find('deliveries', { documentId: { $in: all.map((d) => d._id) } });
  return all.map((d) => {
    const mine = deliveries.filter((x) => x.documentId === d._id);
    return {
      documentId: d._id,
      kind: d.kind as PaperKind,
      versionNo: d.versionNo,
      sentAt: d.sentAt,
      late: !!d.late,
      lateReason: d.lateReason,
      supersededBy: d.supersededBy,
      signed: mine.filter((x) => x.signStatus === 'SIGNED').length,
      total: mine.length,
    };
  });
}

/** Staff who may be listed as attending: the community's centre staff, and the general manager (report meetings). */
export async function staffOf(ctx: ActionContext, communityId: Id): Promise<RosterEntry[]> {
  const [local, gms] = await Promise.all([
    ctx.store.find('people', { communityId, staffRole: { $in: [...COMMUNITY_STAFF_ROLES] } }),
    generalManagers(ctx.store),
  ]);
  const seen = new Set<Id>();
  return [...gms, ...local]
    .filter((p) => p.staffRole && !seen.has(p._id) && seen.add(p._id))
    .map((p) => ({ personId: p._id, name: p.name, position: STAFF_ROLE_LABELS[p.staffRole!] }));
}
