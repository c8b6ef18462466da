import type { ArchiveEntryView, DeliveryEventView, DeliveryView, DocumentView, ProgressView } from '@domain/api/filings';
import { ARCHIVE_TYPE_LABELS, type ArchiveEntry } from '@domain/archive';
import type { WorkingCalendar } from '@domain/calendar';
import { isLate } from '@domain/deadlines';
import { categoryLabel, FILING_RESULT_LABELS, KIND_LABELS, sendingDeadline, type CommitteeDocument } from '@domain/documents';
import { POSITION_LABELS, type EpochMs } from '@domain/model';
import { eventSentence } from '@domain/event-sentence';
import { hasOwn } from '@domain/own';
import { ownerCategoryTitle } from '@domain/owner-wording';
import { EVENT_LABELS, memberActions, STATE_LABELS, stateOf, type Delivery, type DeliveryEventRecord, type DeliveryEventType } from '@domain/signoff';

export function progressOf(deliveries: readonly Delivery[]): ProgressView {
  const states = deliveries.map(stateOf);
  return {
    total: deliveries.length,
    signed: states.filter((s) => s === 'SIGNED').length,
    objected: deliveries.filter((d) => d.objections.length > 0).length,
    refused: states.filter((s) => s === 'REFUSED').length,
    pending: states.filter((s) => s === 'PENDING' || s === 'OBJECTED' || s === 'ANSWERED').length,
    opened: deliveries.filter((d) => d.readStatus === 'OPENED').length,
    openObjections: deliveries.filter((d) => d.objectionOpen).length,
  };
}

function statusLabel(doc: CommitteeDocument): string {
  if (doc.status === 'draft') return '草稿';
  if (doc.status === 'discarded') return '已放弃';
  if (doc.supersededBy) return '已更正';
  if (doc.outcome) return FILING_RESULT_LABELS[doc.outcome.result];
  return '已送达';
}

/** A draft's deadline is computed now (the author sees it move as they edit); a sent one is as stored. */
export function documentView(doc: CommitteeDocument, calendar: WorkingCalendar, now: EpochMs, deliveries?: readonly Delivery[]): DocumentView {
  const c = doc.content;
  const deadline = doc.status === 'sent' ? (doc.deadline ?? null) : sendingDeadline(c, calendar);
  return {
    documentId: doc._id,
    communityId: doc.communityId,
    kind: doc.kind,
    kindLabel: KIND_LABELS[doc.kind],
    category: c.category,
    categoryLabel: categoryLabel(doc.kind, c.category),
    title: c.title,
    body: c.body,
    attachments: c.attachments,
    plannedStart: c.plannedStart,
    eventDate: c.eventDate,
    period: c.period,
    responseBy: c.responseBy,
    status: doc.status,
    statusLabel: statusLabel(doc),
    versionNo: doc.versionNo,
    seriesId: doc.seriesId,
    supersedes: doc.supersedes,
    supersededBy: doc.supersededBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    sentAt: doc.sentAt,
    sentByName: doc.sentByName,
    deadline,
    late: doc.status === 'sent' ? !!doc.late : deadline !== null && isLate(deadline, now),
    lateReason: doc.lateReason,
    responseDue: doc.responseDue,
    outcome: doc.outcome ? { ...doc.outcome, resultLabel: FILING_RESULT_LABELS[doc.outcome.result] } : undefined,
    publishedAt: doc.publishedAt,
    progress: deliveries && doc.status === 'sent' ? progressOf(deliveries) : undefined,
  };
}

/** Owners see the letter, never who signed it. */
export function publicDocumentView(doc: CommitteeDocument, calendar: WorkingCalendar, now: EpochMs): DocumentView {
  const view = documentView(doc, calendar, now);
  // Owners read a plain title, not the centre's internal category wording.
  return {
    ...view,
    categoryLabel: ownerCategoryTitle(doc.kind, doc.content.category),
    lateReason: undefined,
    outcome: view.outcome ? { ...view.outcome, recordedById: '', recordedByName: '' } : undefined,
  };
}

export function deliveryView(d: Delivery, doc: Pick<CommitteeDocument, 'supersededBy'> | undefined, now: EpochMs): DeliveryView {
  const state = stateOf(d);
  return {
    deliveryId: d._id,
    documentId: d.documentId,
    memberId: d.memberId,
    memberName: d.memberName,
    positionLabel: POSITION_LABELS[d.position],
    deliveredAt: d.deliveredAt,
    readStatus: d.readStatus,
    openedAt: d.openedAt,
    signStatus: d.signStatus,
    state,
    stateLabel: STATE_LABELS[state],
    signedAt: d.signedAt,
    objections: d.objections,
    refusal: d.refusal,
    opinion: d.opinion,
    responseDue: d.responseDue,
    overdue: d.documentKind === 'opinion_request' && !d.opinion && state !== 'REFUSED' && d.responseDue !== undefined && now > d.responseDue,
    actions: memberActions(d, !!doc?.supersededBy),
  };
}

export function eventView(e: DeliveryEventRecord): DeliveryEventView {
  return { n: e.n, type: e.type, label: EVENT_LABELS[e.type], at: e.at, actorName: e.actorName, text: e.text };
}

/** A delivery event's line is rebuilt from its payload, so older entries also name who did what. */
function archiveSummary(e: ArchiveEntry): string {
  if (e.type === 'document_version') return e.text.slice(e.title.length + 1, e.title.length + 81);
  const p = e.payload as { type?: DeliveryEventType; memberName?: string; memberId?: string; actorId?: string; actorName?: string; text?: string };
  if (e.type === 'delivery_event' && p.type && hasOwn(EVENT_LABELS, p.type) && p.memberName) {
    const line = eventSentence({ type: p.type, memberName: p.memberName, actorName: p.actorName ?? '', byMember: p.actorId === p.memberId, text: p.text });
    return line.slice(0, 120);
  }
  return e.text.slice(0, 120);
}

export function archiveEntryView(e: ArchiveEntry): ArchiveEntryView {
  return {
    communityId: e.communityId,
    seq: e.seq,
    type: e.type,
    typeLabel: ARCHIVE_TYPE_LABELS[e.type],
    at: e.at,
    documentId: e.documentId,
    kindLabel: KIND_LABELS[e.documentKind],
    categoryLabel: categoryLabel(e.documentKind, e.category),
    title: e.title,
    summary: archiveSummary(e),
    hash: e.hash,
  };
}
