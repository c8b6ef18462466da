import type { ArchiveContent } from '@domain/archive';
import type { CommitteeDocument } from '@domain/documents';
import { EVENT_LABELS, type Delivery, type DeliveryEventRecord } from '@domain/signoff';

/** What goes into the archive for each change of a document or a delivery. */
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
