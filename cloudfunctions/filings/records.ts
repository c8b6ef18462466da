import type { ArchiveContent } from '@domain/archive';
import { canCompose, type CommitteeDocument, type ComposerSettings, type RosterMember } from '@domain/documents';
import { AppError } from '@domain/errors';
import type { Community, Id, Person } from '@domain/model';
import { DEFAULT_QUORUM_RULE, type QuorumRule } from '@domain/quorum';
import type { Caller } from '@domain/roles';
import { EVENT_LABELS, type Delivery, type DeliveryEventRecord } from '@domain/signoff';
import type { Storage } from '../_shared/storage/port';

export type CommunityWithSettings = Community & ComposerSettings;

export async function communityOf(store: Storage, communityId: Id): Promise<CommunityWithSettings> {
  const community = await store.get('communities', communityId);
  if (!community) throw new AppError('NOT_FOUND', '未找到所在小区');
  return community;
}

/** Composing is a record-level right: the table lets staff in, the community's list decides. */
export async function requireComposer(store: Storage, caller: Caller, communityId: Id): Promise<CommunityWithSettings> {
  const community = await communityOf(store, communityId);
  if (!canCompose(caller, community)) throw new AppError('NOT_A_COMPOSER');
  return community;
}

export const quorumRuleOf = (community: Community): QuorumRule => community.quorumRule ?? DEFAULT_QUORUM_RULE;

/** The committee as it stands on `today`: active seats, chair first. */
export async function rosterOn(store: Storage, communityId: Id, today: string): Promise<RosterMember[]> {
  const seats = await store.find('committeeSeats', { communityId, termStart: { $lte: today }, termEnd: { $gte: today } });
  const people = await store.find('people', { _id: { $in: [...new Set(seats.map((s) => s.personId))] } });
  const names = new Map(people.map((p) => [p._id, p.name]));
  const order = { chair: 0, vice_chair: 1, member: 2 } as const;
  const seen = new Set<Id>();
  return seats
    .sort((a, b) => order[a.position] - order[b.position] || a.personId.localeCompare(b.personId))
    .filter((s) => !seen.has(s.personId) && seen.add(s.personId))
    .map((s) => ({ personId: s.personId, name: names.get(s.personId) ?? '', position: s.position }));
}

export async function headsOf(store: Storage, communityId: Id): Promise<Person[]> {
  return store.find('people', { communityId, staffRole: 'head' });
}

export async function deliveriesOf(store: Storage, documentIds: Id[]): Promise<Delivery[]> {
  if (documentIds.length === 0) return [];
  return store.find('deliveries', { documentId: { $in: documentIds } });
}

export async function documentsById(store: Storage, ids: Id[]): Promise<Map<Id, CommitteeDocument>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await store.find('documents', { _id: { $in: unique } });
  return new Map(docs.map((d) => [d._id, d]));
}

// ---- what goes into the archive --------------------------------------------------------------

export function documentArchive(doc: CommitteeDocument): ArchiveContent {
  return {
    type: 'document_version',
    communityId: doc.communityId,
    at: doc.sentAt ?? doc.updatedAt,
    subject: { kind: 'document', id: doc._id },
    documentId: doc._id,
    documentKind: doc.kind,
    category: doc.content.category,
    title: doc.content.title,
    text: `${doc.content.title}\n${doc.content.body}`,
    payload: {
      content: doc.content,
      seriesId: doc.seriesId,
      versionNo: doc.versionNo,
      supersedes: doc.supersedes,
      sentAt: doc.sentAt,
      sentById: doc.sentById,
      sentByName: doc.sentByName,
      deadline: doc.deadline,
      late: doc.late,
      lateReason: doc.lateReason,
      responseDue: doc.responseDue,
      roster: doc.roster,
    },
  };
}

export function deliveryEventArchive(doc: CommitteeDocument, delivery: Delivery, event: DeliveryEventRecord): ArchiveContent {
  return {
    type: 'delivery_event',
    communityId: doc.communityId,
    at: event.at,
    subject: { kind: 'deliveryEvent', id: event._id },
    documentId: doc._id,
    documentKind: doc.kind,
    category: doc.content.category,
    title: doc.content.title,
    text: `${delivery.memberName} ${EVENT_LABELS[event.type]}${event.text ? `：${event.text}` : ''}${event.actorId === delivery.memberId ? '' : `（${event.actorName}）`}`,
    payload: {
      deliveryId: delivery._id,
      memberId: delivery.memberId,
      memberName: delivery.memberName,
      position: delivery.position,
      n: event.n,
      type: event.type,
      actorId: event.actorId,
      actorName: event.actorName,
      text: event.text,
      data: event.data,
    },
  };
}

export function outcomeArchive(doc: CommitteeDocument): ArchiveContent {
  return {
    type: 'filing_outcome',
    communityId: doc.communityId,
    at: doc.outcome!.recordedAt,
    subject: { kind: 'document', id: doc._id },
    documentId: doc._id,
    documentKind: doc.kind,
    category: doc.content.category,
    title: doc.content.title,
    text: `${doc.content.title} ${doc.outcome!.note ?? ''}`,
    payload: { outcome: doc.outcome },
  };
}

export function publishedArchive(doc: CommitteeDocument): ArchiveContent {
  return {
    type: 'published',
    communityId: doc.communityId,
    at: doc.publishedAt!,
    subject: { kind: 'document', id: doc._id },
    documentId: doc._id,
    documentKind: doc.kind,
    category: doc.content.category,
    title: doc.content.title,
    text: doc.content.title,
    payload: { publishedAt: doc.publishedAt, publishedById: doc.publishedById },
  };
}
