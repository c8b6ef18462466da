import type { MeetingView, PostingView, ProposalView, ResolutionView } from '@domain/api/meetings';
import type { ArchiveContent } from '@domain/archive';
import type { DocumentKind } from '@domain/documents';
import { AppError } from '@domain/errors';
import {
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  POSTING_STATUS_LABELS,
  PROPOSAL_STATUS_LABELS,
  RESOLUTION_STATUS_LABELS,
  type Meeting,
  type MeetingProposal,
  type PersonRef,
  type Posting,
  type Resolution,
} from '@domain/meetings';
import type { EpochMs, Id } from '@domain/model';
import type { Caller } from '@domain/roles';
import type { Delivery } from '@domain/signoff';
import { completeTask } from '@domain/workbench';
import { sealKeeperOf } from '@domain/meeting-rules';
import type { ActionContext } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import type { Storage } from '../_shared/storage/port';
import { appendArchive } from '../filings/archive';
import { rosterOn } from '../filings/community';
import { localDateOf } from '@domain/time';

export const refOf = (c: Pick<Caller, 'personId' | 'name'>): PersonRef => ({ personId: c.personId, name: c.name });

export function requireCommunity(caller: Caller): Id {
  if (!caller.communityId) throw new AppError('INVALID_INPUT', '请先选择小区');
  return caller.communityId;
}

/** The committee on the request's day; the chair is the first seat (rosterOn sorts chair first). */
export async function committeeOf(ctx: ActionContext, communityId: Id) {
  const roster = await rosterOn(ctx.store, communityId, localDateOf(ctx.now));
  return { roster, chair: roster.find((m) => m.position === 'chair') ?? null, vice: roster.filter((m) => m.position === 'vice_chair') };
}

/** The seal keeper named in the community settings while on the committee; otherwise the chair. */
export async function keeperOf(ctx: ActionContext, communityId: Id): Promise<Id | undefined> {
  const [community, { roster }] = await Promise.all([ctx.store.get('communities', communityId), committeeOf(ctx, communityId)]);
  return sealKeeperOf(community, roster);
}

/** Every meeting step goes into the community's archive chain, searchable under the kind 'meeting'. */
export function meetingArchive(input: {
  communityId: Id;
  at: EpochMs;
  subject: { kind: string; id: Id };
  recordId: Id;
  title: string;
  text: string;
  payload: Record<string, unknown>;
  kind?: DocumentKind;
}): ArchiveContent {
  return {
    type: 'meeting_record',
    communityId: input.communityId,
    at: input.at,
    subject: input.subject,
    documentId: input.recordId,
    documentKind: input.kind ?? 'meeting',
    title: input.title,
    text: input.text,
    payload: input.payload,
  };
}

export const archiveMeeting = (store: Storage, content: Parameters<typeof meetingArchive>[0]): Promise<void> => appendArchive(store, meetingArchive(content));

/**
 * A meeting action completes its workbench duty (the proposal, the half-year or annual report) with
 * a link to what did it. A duty not generated yet, or already done, is left as it is.
 */
export async function closeObligation(ctx: ActionContext, id: Id, byId: Id, note: string): Promise<void> {
  const task = await ctx.store.get('obligations', id);
  if (!task || task.done) return;
  const done = await updateWithRetry(ctx.store, 'obligations', id, (cur) => (cur.done ? {} : completeTask(cur, byId, { note }, ctx.now)));
  await ctx.audit({
    type: 'obligation.done',
    communityId: task.communityId,
    subject: { kind: 'obligation', id },
    data: { dueDate: task.dueDate, late: ctx.now > task.due, ...done.done },
  });
}

export const obligationIdFor = (communityId: Id, kind: 'meeting' | 'half' | 'annual', period: string): Id => `ob:${communityId}:${kind}:${period}`;

type Plain<T> = Omit<T, 'version' | 'ops'>;
const plain = <T extends { version: number; ops?: string[] }>(r: T): Plain<T> => {
  const { version: _v, ops: _o, ...rest } = r;
  return rest;
};

export const proposalView = (p: MeetingProposal): ProposalView => ({ ...plain(p), statusLabel: PROPOSAL_STATUS_LABELS[p.status] });
export const resolutionView = (r: Resolution): ResolutionView => ({ ...plain(r), statusLabel: RESOLUTION_STATUS_LABELS[r.status] });
export const postingView = (p: Posting): PostingView => ({ ...plain(p), statusLabel: POSTING_STATUS_LABELS[p.status] });

export function meetingView(m: Meeting, minutes: Delivery[] = []): MeetingView {
  const progress = m.minutesDocumentId
    ? {
        signed: minutes.filter((d) => d.signStatus === 'SIGNED').length,
        refused: minutes.filter((d) => d.signStatus === 'REFUSED').length,
        total: minutes.length,
      }
    : undefined;
  return { ...plain(m), kindLabel: MEETING_KIND_LABELS[m.kind], statusLabel: MEETING_STATUS_LABELS[m.status], minutesProgress: progress };
}

export async function minutesDeliveries(store: Storage, meetings: Meeting[]): Promise<Map<Id, Delivery[]>> {
  const ids = meetings.map((m) => m.minutesDocumentId).filter((x): x is Id => !!x);
  const all = ids.length ? await store.find('deliveries', { documentId: { $in: ids } }) : [];
  const out = new Map<Id, Delivery[]>();
  for (const d of all) out.set(d.documentId, [...(out.get(d.documentId) ?? []), d]);
  return out;
}

export async function viewsOf(store: Storage, meetings: Meeting[]): Promise<MeetingView[]> {
  const byDoc = await minutesDeliveries(store, meetings);
  return meetings.map((m) => meetingView(m, m.minutesDocumentId ? byDoc.get(m.minutesDocumentId) : []));
}
