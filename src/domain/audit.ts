import type { DocumentKind, FilingOutcome } from './documents';
import type { InquiryChannel, InquiryEventType, InquiryKind, InquiryStatus } from './inquiry';
import type { EpochMs, Id, LocalDate, StoredRecord } from './model';
import type { DeliveryEventType } from './signoff';
import type { FileRef } from './files';

/**
 * Every audit event the product writes, with what its `data` holds. One naming scheme:
 * `<subject>.<what happened>` — the subject in the singular, what happened in the past tense
 * (`document.sent`, `binding.approved`). `ctx.audit` takes only these, so a new event is declared here.
 */
// Type literals, not interfaces: each must fit the stored record's `Record<string, unknown>`.
type FixedAuditEvents = {
  'document.draft_created': { kind: DocumentKind; title: string };
  'document.draft_saved': { kind: DocumentKind; title: string };
  /** The draft stays stored with its content; this line says who gave it up and when. */
  'document.draft_discarded': { kind: DocumentKind; title: string; versionNo: number };
  'document.revision_started': { supersedes: Id; versionNo: number };
  'document.sent': { kind: DocumentKind; versionNo: number; supersedes?: Id; members: number; late?: boolean; lateReason?: string; dueDate?: LocalDate };
  'document.decided': { outcome?: FilingOutcome };
  'document.published': { title: string };
  'document.record_exported': { format: 'csv' | 'pdf'; rows: number };
  'community.composers_set': { before: Id[]; after: Id[] };
  'archive.verified': { ok: boolean; checked: number; broken?: unknown; anchors: Array<{ source: string; seq: number; result: string }> };
  'obligation.generated': { ids: Id[] };
  'obligation.done': { dueDate: LocalDate; late: boolean; at?: EpochMs; byId?: Id; note?: string; file?: FileRef; documentId?: Id };
  'obligation.assigned': { previous: Id | null; assigneeId: Id | null };
  'notificationEvent.recorded': { category: string; occurredOn: LocalDate; dueDate: LocalDate; description: string };
  'notificationEvent.notified': { documentId: Id; late: boolean; dueDate: LocalDate };
  'calendar.override_set': CalendarChange;
  'calendar.override_revoked': CalendarChange;
  'bill.reminded': { channel: string; label: string };
  'room.reminded': { channel: string; label: string; billIds: Id[]; batch?: boolean };
  'reminder.proof_added': { kind: string; trackingNo?: string; fileId?: string };
  'feeSchedule.set': { rate: Record<string, unknown>; proRata: boolean; rooms: number };
  'bill.generated': { month: string; created: number };
  'payment.recorded': { roomId: Id; amountFen: number; paidOn: LocalDate; channel: string; receiptNo: string; billIds: Id[] };
  'paymentReport.submitted': { roomId: Id; amountFen: number; paidOn: LocalDate };
  'paymentReport.confirmed': { paymentId: Id };
  'paymentReport.rejected': { reason: string };
  'room.contact_added': { phone: string; source: string };
  'room.escalation_decided': { step: string; decision: string; reason: string; owingFen: number };
  'room.slip_printed': { rooms: number; pages: number };
  'person.profile_updated': { name: string };
  'binding.requested': { roomId: Id };
  'binding.approved': { note: string | null };
  'binding.rejected': { note: string | null };
  'inquiry.asked': { kind: InquiryKind; channel: InquiryChannel; dueDate: LocalDate };
  'admin.bootstrapped': { name: string };
  'community.created': { name: string; city: string };
  'community.retired': { name: string };
  'community.settings_changed': { before: Record<string, unknown>; after: Record<string, unknown>; settingsVersion: number };
  'import.started': { kind: 'rooms' | 'bills' | 'payments'; file: string; rows: number };
  'import.committed': { created: number; updated: number; unchanged: number; missing: number; unmatched?: number };
  'unmatchedPayment.resolved': { roomId: Id; paymentId: Id; amountFen: number; receiptNo: string };
  'unmatchedPayment.set_aside': { note: string; amountFen: number; receiptNo: string };
  'room.retired': { label: string };
  'invitation.created': { role: string; buildingIds: Id[]; expiresAt: EpochMs };
  'invitation.redeemed': { role: string; personId: Id };
  'staff.changed': { before: Record<string, unknown>; after: Record<string, unknown> };
  'staff.deactivated': { role: string; reassignedTo: Id | null; openWork: number };
  'committee.elected': { electionId: Id; termStart: LocalDate; termEnd: LocalDate; filingNo: string | null; members: number };
  'committee.seat_ended': { personId: Id; termEnd: LocalDate };
  'person.community_switched': { from: Id | null; to: Id };
};

/** Meetings: what happened to a proposal, meeting, resolution, committee notice or communication. */
type MeetingAuditEvents = {
  [
    T in
      | 'proposal.made'
      | 'proposal.accepted'
      | 'proposal.delegated'
      | 'proposal.declined'
      | 'communication.recorded'
      | 'meeting.scheduled'
      | 'meeting.notice_sent'
      | 'meeting.notice_corrected'
      | 'meeting.attendance_recorded'
      | 'meeting.votes_recorded'
      | 'meeting.minutes_sent'
      | 'meeting.minutes_corrected'
      | 'meeting.minutes_signed'
      | 'resolution.chair_signed'
      | 'resolution.sealed'
      | 'resolution.published'
      | 'posting.submitted'
      | 'posting.approved'
      | 'posting.returned'
      | 'posting.resubmitted'
      | 'posting.posted'
  ]: Record<string, unknown>;
};

type CalendarChange = {
  previous: Record<string, unknown> | null;
  next: Record<string, unknown>;
  summary: string;
};

/** What happened on a delivery, in the words of its own event types (already past tense). */
type DeliveryAuditEvents = {
  [E in DeliveryEventType as `delivery.${E}`]: { documentId: Id; memberId: Id; n: number; text?: string } & Record<string, unknown>;
};

/** Inquiry events are commands in the thread (`classify_reasonable`); the audit line says what was done. */
export const INQUIRY_AUDIT_NAMES = {
  assign: 'assigned',
  classify_reasonable: 'classified_reasonable',
  explain: 'explained',
  escalate: 'escalated',
  answer: 'answered',
  follow_up: 'followed_up',
  flag_overdue: 'flagged_overdue',
  rate_satisfied: 'rated_satisfied',
  rate_unsatisfied: 'rated_unsatisfied',
  reopen: 'reopened',
  reopen_to_gm: 'reopened_to_gm',
} as const satisfies Record<InquiryEventType, string>;
type InquiryAuditEvents = {
  [E in InquiryEventType as `inquiry.${(typeof INQUIRY_AUDIT_NAMES)[E]}`]: { from: InquiryStatus | null; to: InquiryStatus } & Record<string, unknown>;
};

export type AuditEvents = FixedAuditEvents & DeliveryAuditEvents & InquiryAuditEvents & MeetingAuditEvents;
export type AuditEventType = keyof AuditEvents;

export const inquiryAuditType = (event: InquiryEventType): keyof InquiryAuditEvents => `inquiry.${INQUIRY_AUDIT_NAMES[event]}`;
export const deliveryAuditType = (event: DeliveryEventType): keyof DeliveryAuditEvents => `delivery.${event}`;

export interface AuditSubject {
  kind:
    | 'document'
    | 'delivery'
    | 'community'
    | 'archive'
    | 'obligation'
    | 'notificationEvent'
    | 'calendarOverride'
    | 'bill'
    | 'person'
    | 'roomBinding'
    | 'inquiry'
    | 'proposal'
    | 'meeting'
    | 'resolution'
    | 'posting'
    | 'communication'
    | 'import'
    | 'room'
    | 'invitation'
    | 'staffMember'
    | 'election'
    | 'reminder'
    | 'payment'
    | 'paymentReport'
    | 'unmatchedPayment'
    | 'building';
  id: Id;
}

/** One audit line as a handler writes it: the type picks the shape of `data`. */
export type AuditEntry = {
  [T in AuditEventType]: { type: T; subject: AuditSubject; data: AuditEvents[T]; communityId?: Id | null };
}[AuditEventType];

/** As stored: who and when are added by the writer, never by the caller. */
export type AuditLine = AuditEntry & { communityId: Id | null; actorId: Id | null; at: EpochMs };

/** One append-only line of what happened, written with every state change. */
export interface AuditEvent extends StoredRecord {
  type: AuditEventType;
  communityId: Id | null;
  actorId: Id | null;
  subject: AuditSubject;
  data: Record<string, unknown>;
  at: EpochMs;
}
