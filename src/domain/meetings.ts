/**
 * Meetings with the committee (例行工作沟通会议, 专题工作会议, 半年度/年度工作汇报), what they decide
 * (resolutions 决议, signed by the chair and sealed with the committee seal 公章) and the notices the
 * committee wants posted (head review first). Every lifecycle is a table below: state × event → next
 * state, or the error that stops it — as in `signoff.ts`. Rules that compute (notice date, quorum,
 * quarter status) are in `meeting-rules.ts`.
 *
 * Decisions the rule book leaves open:
 * - The chair's delegate (vice chair or a named member) either accepts or declines; they cannot hand
 *   the proposal on again, so one proposal has at most two people answering it.
 * - A correction of signed minutes sends them for signature again (minutes_signed → minutes_sent).
 * - A committee notice is approved and posted by the head; a returned notice may be resubmitted.
 */
import { fail, type ErrorCode } from './errors';
import type { FileRef } from './files';
import type { EpochMs, Id, LocalDate, StoredRecord } from './model';
import type { QuorumResult, QuorumRule } from './quorum';

// ---- tables as data ------------------------------------------------------------------------

export type ProposalStatus = 'proposed' | 'delegated' | 'accepted' | 'declined';
export type ProposalEvent = 'accept' | 'delegate' | 'decline';
export const PROPOSAL_STATES: readonly ProposalStatus[] = ['proposed', 'delegated', 'accepted', 'declined'];
export const PROPOSAL_TRANSITIONS: Record<ProposalStatus, Record<ProposalEvent, ProposalStatus | ErrorCode>> = {
  proposed: { accept: 'accepted', delegate: 'delegated', decline: 'declined' },
  delegated: { accept: 'accepted', delegate: 'PROPOSAL_NOT_OPEN', decline: 'declined' },
  accepted: { accept: 'PROPOSAL_NOT_OPEN', delegate: 'PROPOSAL_NOT_OPEN', decline: 'PROPOSAL_NOT_OPEN' },
  declined: { accept: 'PROPOSAL_NOT_OPEN', delegate: 'PROPOSAL_NOT_OPEN', decline: 'PROPOSAL_NOT_OPEN' },
};

export type MeetingStatus = 'scheduled' | 'held' | 'minutes_sent' | 'minutes_signed';
export type MeetingEvent = 'recordHeld' | 'sendMinutes' | 'correctMinutes' | 'completeMinutes';
export const MEETING_STATES: readonly MeetingStatus[] = ['scheduled', 'held', 'minutes_sent', 'minutes_signed'];
export const MEETING_TRANSITIONS: Record<MeetingStatus, Record<MeetingEvent, MeetingStatus | ErrorCode>> = {
  scheduled: { recordHeld: 'held', sendMinutes: 'MEETING_NOT_HELD', correctMinutes: 'MEETING_NOT_HELD', completeMinutes: 'MEETING_NOT_HELD' },
  held: { recordHeld: 'MEETING_NOT_SCHEDULED', sendMinutes: 'minutes_sent', correctMinutes: 'INVALID_TRANSITION', completeMinutes: 'INVALID_TRANSITION' },
  minutes_sent: {
    recordHeld: 'MEETING_NOT_SCHEDULED',
    sendMinutes: 'MINUTES_ALREADY_SENT',
    correctMinutes: 'minutes_sent',
    completeMinutes: 'minutes_signed',
  },
  minutes_signed: {
    recordHeld: 'MEETING_NOT_SCHEDULED',
    sendMinutes: 'MINUTES_ALREADY_SENT',
    correctMinutes: 'minutes_sent',
    completeMinutes: 'INVALID_TRANSITION',
  },
};

export type ResolutionStatus = 'passed' | 'chair_signed' | 'sealed' | 'published';
export type ResolutionEvent = 'chairSign' | 'seal' | 'publish';
export const RESOLUTION_STATES: readonly ResolutionStatus[] = ['passed', 'chair_signed', 'sealed', 'published'];
export const RESOLUTION_TRANSITIONS: Record<ResolutionStatus, Record<ResolutionEvent, ResolutionStatus | ErrorCode>> = {
  passed: { chairSign: 'chair_signed', seal: 'RESOLUTION_NOT_SIGNED', publish: 'RESOLUTION_NOT_SIGNED' },
  chair_signed: { chairSign: 'RESOLUTION_ALREADY_DONE', seal: 'sealed', publish: 'RESOLUTION_NOT_SEALED' },
  sealed: { chairSign: 'RESOLUTION_ALREADY_DONE', seal: 'RESOLUTION_ALREADY_DONE', publish: 'published' },
  published: { chairSign: 'RESOLUTION_ALREADY_DONE', seal: 'RESOLUTION_ALREADY_DONE', publish: 'RESOLUTION_ALREADY_DONE' },
};

export type PostingStatus = 'submitted' | 'returned' | 'approved' | 'posted';
export type PostingEvent = 'approve' | 'return' | 'resubmit' | 'post';
export const POSTING_STATES: readonly PostingStatus[] = ['submitted', 'returned', 'approved', 'posted'];
export const POSTING_TRANSITIONS: Record<PostingStatus, Record<PostingEvent, PostingStatus | ErrorCode>> = {
  submitted: { approve: 'approved', return: 'returned', resubmit: 'POSTING_NOT_PENDING', post: 'POSTING_NOT_APPROVED' },
  returned: { approve: 'POSTING_NOT_PENDING', return: 'POSTING_NOT_PENDING', resubmit: 'submitted', post: 'POSTING_NOT_APPROVED' },
  approved: { approve: 'POSTING_NOT_PENDING', return: 'POSTING_NOT_PENDING', resubmit: 'POSTING_NOT_PENDING', post: 'posted' },
  posted: { approve: 'POSTING_NOT_PENDING', return: 'POSTING_NOT_PENDING', resubmit: 'POSTING_NOT_PENDING', post: 'POSTING_NOT_PENDING' },
};

/** One lookup in any of the tables above: the next state, or the table's error thrown. */
export function step<S extends string, E extends string>(table: Record<S, Record<E, S | ErrorCode>>, states: readonly S[], state: S, event: E): S {
  const next = table[state][event];
  if (!(states as readonly string[]).includes(next)) fail(next as ErrorCode);
  return next as S;
}

/** Whether an event is possible now (the UI shows exactly these buttons). */
export function can<S extends string, E extends string>(table: Record<S, Record<E, S | ErrorCode>>, states: readonly S[], state: S, event: E): boolean {
  return (states as readonly string[]).includes(table[state][event]);
}

// ---- labels (the seed texts' words) --------------------------------------------------------

export type MeetingKind = 'routine' | 'special' | 'half_year' | 'annual';
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  routine: '例行工作沟通会议',
  special: '专题工作会议',
  half_year: '半年度工作汇报会',
  annual: '年度工作汇报会',
};
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  proposed: '待主任答复',
  delegated: '已委托召集',
  accepted: '已同意召开',
  declined: '主任认为无需召开',
};
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: '待召开',
  held: '已召开',
  minutes_sent: '纪要签署中',
  minutes_signed: '纪要已签署',
};
export const RESOLUTION_STATUS_LABELS: Record<ResolutionStatus, string> = {
  passed: '待主任签字',
  chair_signed: '待加盖公章',
  sealed: '已盖章',
  published: '已公告',
};
export const POSTING_STATUS_LABELS: Record<PostingStatus, string> = { submitted: '待负责人审核', returned: '已退回', approved: '已审核', posted: '已张贴公告' };

export type VoteChoice = 'for' | 'against' | 'abstain';
export const VOTE_LABELS: Record<VoteChoice, string> = { for: '同意', against: '反对', abstain: '弃权' };

export type CommunicationChannel = 'meeting' | 'phone' | 'visit' | 'wechat';
export const CHANNEL_LABELS: Record<CommunicationChannel, string> = { meeting: '会面', phone: '电话', visit: '上门拜访', wechat: '微信' };

/** Seed 4.1.1.1: last quarter's work, fee and fund income and spending, this quarter's plan. */
export const ROUTINE_AGENDA: readonly string[] = ['上一季度工作情况', '物业服务费、专项维修资金收支状况', '本季度主要工作安排'];

// ---- records -------------------------------------------------------------------------------

export interface PersonRef {
  personId: Id;
  name: string;
}

/** The head's proposal to the chair for one quarter's routine meeting; id `mp_<community>_<period>`. */
export interface MeetingProposal extends StoredRecord {
  communityId: Id;
  /** 'YYYY-Qn' */
  period: string;
  status: ProposalStatus;
  agenda: string[];
  note?: string;
  proposedBy: PersonRef;
  proposedAt: EpochMs;
  chair: PersonRef;
  delegate?: PersonRef;
  /** Who answers now: the chair, then the delegate once delegated. */
  addresseeId: Id;
  reply?: { by: PersonRef; at: EpochMs; event: ProposalEvent; day?: LocalDate; time?: string; place?: string; reason?: string };
  meetingId?: Id;
}

export interface Motion {
  motionId: Id;
  title: string;
  /** A filing this motion decides (fund filings link to the resolution it becomes). */
  filingId?: Id;
  /** The resolution is to be posted to owners (after chair signature and seal). */
  requiresPosting: boolean;
  votes: Array<{ memberId: Id; choice: VoteChoice }>;
  tally?: MotionTally;
}

export interface MotionTally {
  rosterSize: number;
  present: number;
  agree: number;
  against: number;
  abstain: number;
  rule: QuorumRule;
  quorum: QuorumResult;
  passed: boolean;
}

export interface StaffAttendee {
  personId?: Id;
  name: string;
  role: string;
}

export interface Attendance {
  /** Committee members present in person (no proxies). */
  memberIds: Id[];
  memberNames: string[];
  staff: StaffAttendee[];
  rosterSize: number;
  recordedBy: PersonRef;
  recordedAt: EpochMs;
  /** Whether enough members were present to take any resolution. */
  quorumPresent: boolean;
}

export interface Meeting extends StoredRecord {
  communityId: Id;
  kind: MeetingKind;
  title: string;
  /** Routine 'YYYY-Qn', half-year 'YYYY-H1', annual 'YYYY'; none for a special meeting. */
  period?: string;
  proposalId?: Id;
  status: MeetingStatus;
  day: LocalDate;
  /** 'HH:MM', when chosen (older meetings carry only the day). */
  time?: string;
  place: string;
  agenda: string[];
  motions: Motion[];
  convener?: PersonRef;
  /** Special meetings: the current notice version, delivered to every member through the filings sign-off. */
  noticeDocumentId?: Id;
  attendance?: Attendance;
  /** The current minutes version (a document of kind 'minutes' delivered to member attendees). */
  minutesDocumentId?: Id;
  minutesSignedAt?: EpochMs;
  createdBy: PersonRef;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface ChairSignature {
  by: PersonRef;
  at: EpochMs;
}

export interface SealApplication {
  keeper: PersonRef;
  at: EpochMs;
  photo: FileRef;
  sealUseId: Id;
}

export interface Resolution extends StoredRecord {
  communityId: Id;
  meetingId: Id;
  motionId: Id;
  title: string;
  text: string;
  filingId?: Id;
  requiresPosting: boolean;
  status: ResolutionStatus;
  passedOn: LocalDate;
  tally: MotionTally;
  chairSignature?: ChairSignature;
  seal?: SealApplication;
  publishedAt?: EpochMs;
  publishedBy?: PersonRef;
  createdAt: EpochMs;
}

/** The seal log: one line per use of the committee seal (what, when, who applied, who authorised). */
export interface SealUse extends StoredRecord {
  communityId: Id;
  what: string;
  resolutionId?: Id;
  at: EpochMs;
  keeper: PersonRef;
  authorisedBy: PersonRef;
  photo: FileRef;
}

/** A communication with the chair and vice chair; a declined quarter is met by at least one. */
export interface Communication extends StoredRecord {
  communityId: Id;
  period: string;
  on: LocalDate;
  channel: CommunicationChannel;
  participants: PersonRef[];
  summary: string;
  recordedBy: PersonRef;
  recordedAt: EpochMs;
}

/** A notice a committee member wants posted to owners; the head reviews it first. */
export interface Posting extends StoredRecord {
  communityId: Id;
  title: string;
  body: string;
  attachments: FileRef[];
  status: PostingStatus;
  submittedBy: PersonRef;
  submittedAt: EpochMs;
  review?: { by: PersonRef; at: EpochMs; event: 'approve' | 'return'; reason?: string };
  postedAt?: EpochMs;
  postedBy?: PersonRef;
}
