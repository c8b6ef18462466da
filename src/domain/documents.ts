/**
 * What the centre puts in writing to the committee: filings 申报, notifications 通报, reports and
 * opinion requests 签阅. A document is a draft until sent; a sent document never changes its content
 * (a correction is a new version that `supersedes` it and is delivered again to every member).
 * Labels are the seed texts' own words.
 */
import type { WorkingCalendar } from './calendar';
import {
  culturePublicationDeadline,
  filingDeadline,
  isLate,
  monthlyPlDeadline,
  notificationDeadline,
  opinionResponseDeadline,
  isDueWithin,
  type Deadline,
  nextDeadlineAction,
} from './deadlines';
import { fail } from './errors';
import type { FileRef } from './files';
import type { CommitteePosition, EpochMs, Id, LocalDate, StoredRecord } from './model';
import { hasOwn, ownValue } from './own';
import { checkQuorum, type QuorumResult, type QuorumRule } from './quorum';
import { BUTLER_ROLES, CENTRE_ROLES, isStaffRole } from './roles';
import { searchTerms } from './search';
import { OPINION_REMINDER_WORKING_DAYS } from './rules';
import { isLocalDate, isYearMonth, localDateOf, type Quarter } from './time';

/**
 * The last four are the meetings function's: a special meeting's notice and a meeting's minutes are
 * documents delivered and signed for like any other (one sign-off machinery); 'meeting' and
 * 'committee_notice' only name archive entries (proposals, votes, resolutions, seal uses, postings).
 */
export type DocumentKind = 'filing' | 'notification' | 'report' | 'opinion_request' | 'meeting_notice' | 'minutes' | 'meeting' | 'committee_notice';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'filing',
  'notification',
  'report',
  'opinion_request',
  'meeting_notice',
  'minutes',
  'meeting',
  'committee_notice',
];

export const KIND_LABELS: Record<DocumentKind, string> = {
  filing: '申报',
  notification: '通报',
  report: '报告',
  opinion_request: '签阅',
  meeting_notice: '会议通知',
  minutes: '会议纪要',
  meeting: '会议',
  committee_notice: '业委会公告',
};

/** Kinds the compose page writes; meeting papers are made by the meetings pages only. */
export type ComposableKind = 'filing' | 'notification' | 'report' | 'opinion_request';
export const COMPOSABLE_KIND_LABELS: Record<ComposableKind, string> = {
  filing: KIND_LABELS.filing,
  notification: KIND_LABELS.notification,
  report: KIND_LABELS.report,
  opinion_request: KIND_LABELS.opinion_request,
};
export const MEETING_DOCUMENT_KINDS: readonly DocumentKind[] = ['meeting_notice', 'minutes'];

export const FILING_CATEGORIES = {
  building_fund_repair: '计划使用本体维修基金对楼宇本体进行大、中修',
  facility_fund_renewal: '计划使用公用设施专项维修基金更新公用设施',
  owner_interests: '物业管理服务工作涉及部分业主利益，需业主委员会出面协调',
  new_measure: '制订了新的管理措施，需要业主委员会支持工作',
  other: '其他需向业主委员会请示、寻求支持的工作',
} as const;

export const NOTIFICATION_CATEGORIES = {
  new_regulation: '新的物业管理法规颁布执行',
  major_change: '所管理的物业出现重大变故或发生重大事件',
  serious_disagreement: '业主委员会个别委员与服务中心有重大工作分歧无法解决',
  important_activity: '有重要的活动（如创优迎检）',
  owner_penalty: '对个别业主执行违约金处罚',
  other: '其他应当向业主委员会通报的情况',
} as const;

export const REPORT_CATEGORIES = {
  monthly_pl: '月度财务损益表',
  quarterly_fees: '季度物业服务费收支情况',
  quarterly_fund: '季度专项维修资金收支情况',
  culture_publication: '社区文化报刊、宣传品',
} as const;

/** Every kind's categories in one table, for the contract's field (a key means the same in each). */
export const ALL_CATEGORIES = { ...FILING_CATEGORIES, ...NOTIFICATION_CATEGORIES, ...REPORT_CATEGORIES };
export type DocumentCategory = keyof typeof ALL_CATEGORIES;

export const CATEGORIES: Record<DocumentKind, Partial<Record<DocumentCategory, string>>> = {
  filing: FILING_CATEGORIES,
  notification: NOTIFICATION_CATEGORIES,
  report: REPORT_CATEGORIES,
  opinion_request: {},
  meeting_notice: {},
  minutes: {},
  meeting: {},
  committee_notice: {},
};

/** Spending either maintenance fund needs a committee resolution that meets quorum before approval. */
export const FUND_FILING_CATEGORIES: readonly string[] = ['building_fund_repair', 'facility_fund_renewal'];

export const categoryLabel = (kind: DocumentKind, category: string | undefined): string => (category && ownValue(CATEGORIES[kind], category)) || '';

/** A kind's categories with their labels, in the rule book's order (for pickers). */
export const categoriesOf = (kind: DocumentKind): Array<[DocumentCategory, string]> => Object.entries(CATEGORIES[kind]) as Array<[DocumentCategory, string]>;

/** Whether a category belongs to a kind: own keys only, so 'constructor' belongs to none. */
export const isCategoryOf = (kind: DocumentKind, category: string): category is DocumentCategory => hasOwn(CATEGORIES[kind], category);

/** `discarded`: a draft its author gave up; kept (nothing is deleted) and audited, left out of every list. */
export type DocumentStatus = 'draft' | 'sent' | 'discarded';
export type FilingResult = 'approved' | 'rejected' | 'withdrawn';
export const FILING_RESULT_LABELS: Record<FilingResult, string> = { approved: '已批准', rejected: '未批准', withdrawn: '已撤回' };

/** The part of a document its author writes; everything else the system sets. */
export interface DocumentContent {
  kind: DocumentKind;
  category?: DocumentCategory;
  title: string;
  body: string;
  attachments: FileRef[];
  /** Filing: the day the work is planned to start. */
  plannedStart?: LocalDate;
  /** Notification: the day the event happened or the decision was taken. */
  eventDate?: LocalDate;
  /** Report: 'YYYY-MM' for the monthly statement, 'YYYY-Qn' for quarterly ones. */
  period?: string;
  /** Opinion request: members answer by the end of this day. */
  responseBy?: LocalDate;
}

/** A committee member as the roster stood on the send day; kept on the document for the record. */
export interface RosterMember {
  personId: Id;
  name: string;
  position: CommitteePosition;
}

export interface CommitteeDecision {
  rosterSize: number;
  present: number;
  agree: number;
  against: number;
  decidedOn?: LocalDate;
  rule: QuorumRule;
  quorum: QuorumResult;
}

export interface FilingOutcome {
  result: FilingResult;
  note?: string;
  decision?: CommitteeDecision;
  /** The passed resolution the decision rests on (required to approve a maintenance-fund filing). */
  resolutionId?: Id;
  recordedAt: EpochMs;
  recordedById: Id;
  recordedByName: string;
}

export interface CommitteeDocument extends StoredRecord {
  communityId: Id;
  /** Same as content.kind, kept at the top for queries. */
  kind: DocumentKind;
  /** Replaced whole on each draft save, so a field the author cleared is gone. */
  content: DocumentContent;
  status: DocumentStatus;
  /** The first version's id: every correction of one letter shares it. */
  seriesId: Id;
  versionNo: number;
  supersedes?: Id;
  /** Set on the old version when its correction is sent; its content stays as it was. */
  supersededBy?: Id;
  createdById: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  sentAt?: EpochMs;
  sentById?: Id;
  sentByName?: string;
  /** The centre's own deadline for sending (filing, notification, monthly statement, culture). */
  deadline?: Deadline;
  late?: boolean;
  lateReason?: string;
  /** Opinion requests: the end of the response day. */
  responseDue?: EpochMs;
  roster?: RosterMember[];
  outcome?: FilingOutcome;
  publishedAt?: EpochMs;
  publishedById?: Id;
  /** A notification written for a recorded 需通报事项: sending it closes that event. */
  eventId?: Id;
  /** Opinion requests: when the hourly sweep next has something to do (remind, collect); null: nothing more. */
  nextActionAt?: EpochMs | null;
  /** Same as content.category, kept at the top for the list's category filter. */
  category?: DocumentCategory;
  /** Search terms of title and body (`searchTerms`), for the list's text search. */
  words?: string[];
  discardedAt?: EpochMs;
  discardedById?: Id;
}

/** The query fields a document's content decides, written with every content change. */
export function contentIndexFields(content: Pick<DocumentContent, 'category' | 'title' | 'body'>): Pick<CommitteeDocument, 'category' | 'words'> {
  return { category: content.category, words: searchTerms(`${content.title}\n${content.body}`) };
}

// ---- periods -------------------------------------------------------------------------------

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export function parseQuarter(period: string): { year: number; quarter: Quarter } | null {
  const m = QUARTER_RE.exec(period);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter } : null;
}

/** Monthly statements are for a month; every other report is for a quarter. */
export const reportPeriodKind = (category: string | undefined): 'month' | 'quarter' => (category === 'monthly_pl' ? 'month' : 'quarter');

// ---- deadlines -----------------------------------------------------------------------------

/**
 * The centre's deadline for sending this document, or null when the rule book sets none (quarterly
 * income/spending reports, opinion requests) or the fields it depends on are not filled in yet.
 * The compose page calls this while the user types; the server calls it again when sending.
 */
export function sendingDeadline(
  content: Pick<DocumentContent, 'kind' | 'category' | 'plannedStart' | 'eventDate' | 'period'>,
  calendar: WorkingCalendar,
): Deadline | null {
  switch (content.kind) {
    case 'filing':
      return content.plannedStart && isLocalDate(content.plannedStart) ? filingDeadline(content.plannedStart) : null;
    case 'notification':
      return content.eventDate && isLocalDate(content.eventDate) ? notificationDeadline(content.eventDate, calendar) : null;
    case 'report': {
      if (!content.period) return null;
      if (content.category === 'monthly_pl') return isYearMonth(content.period) ? monthlyPlDeadline(content.period) : null;
      const q = content.category === 'culture_publication' ? parseQuarter(content.period) : null;
      return q ? culturePublicationDeadline(q.year, q.quarter) : null;
    }
    default:
      return null;
  }
}

export function responseDeadline(content: Pick<DocumentContent, 'kind' | 'responseBy'>): Deadline | null {
  return content.kind === 'opinion_request' && content.responseBy && isLocalDate(content.responseBy) ? opinionResponseDeadline(content.responseBy) : null;
}

/** Only a late filing must say why; other late documents may. */
export const lateReasonRequired = (kind: DocumentKind): boolean => kind === 'filing';

// ---- drafts and sending --------------------------------------------------------------------

export function requireDraft(doc: Pick<CommitteeDocument, 'status'>): void {
  if (doc.status !== 'draft') fail('DOCUMENT_NOT_DRAFT');
}

/** A field of a draft that is not ready to send, and why, in the words the server refuses it with. */
export interface DraftProblem {
  field: 'category' | 'body' | 'plannedStart' | 'eventDate' | 'period' | 'responseBy';
  message: string;
}

/**
 * Everything that stops a draft from being sent, in the order of the form. The server refuses with
 * the first (`checkComplete`); the compose page shows them all beside their fields before it asks
 * for the send confirmation.
 */
export function draftProblems(content: DocumentContent, today: LocalDate): DraftProblem[] {
  const { kind, category } = content;
  const out: DraftProblem[] = [];
  const add = (field: DraftProblem['field'], message: string) => out.push({ field, message });
  if (kind !== 'opinion_request' && (!category || !isCategoryOf(kind, category))) add('category', `请选择${KIND_LABELS[kind]}类别`);
  if (!content.body.trim()) add('body', '请填写正文');
  if (kind === 'filing' && !content.plannedStart) add('plannedStart', '请填写计划开始日期');
  if (kind === 'notification') {
    if (!content.eventDate) add('eventDate', '请填写事件发生（决定作出）日期');
    else if (content.eventDate > today) add('eventDate', '事件发生日期不能晚于今天');
  }
  if (kind === 'report') {
    const wantsMonth = reportPeriodKind(category) === 'month';
    const ok = wantsMonth ? isYearMonth(content.period) : !!content.period && parseQuarter(content.period) !== null;
    if (!ok) add('period', wantsMonth ? '请选择报告月份' : '请选择报告季度');
  }
  if (kind === 'opinion_request') {
    if (!content.responseBy) add('responseBy', '请填写反馈截止日期');
    else if (content.responseBy < today) add('responseBy', '反馈截止日期不能早于今天');
  }
  return out;
}

/** Completeness is checked at send, not at save: a draft may be saved half written. */
export function checkComplete(content: DocumentContent, today: LocalDate): void {
  const first = draftProblems(content, today)[0];
  if (first) fail('INVALID_INPUT', first.message);
}

export interface SendInput {
  now: EpochMs;
  calendar: WorkingCalendar;
  roster: RosterMember[];
  lateReason?: string;
  sender: { personId: Id; name: string };
}

/** The fields a draft gains when it is sent; throws the rule that stops it. */
export function planSend(doc: CommitteeDocument, input: SendInput): Partial<CommitteeDocument> {
  requireDraft(doc);
  checkComplete(doc.content, localDateOf(input.now));
  if (input.roster.length === 0) fail('NO_COMMITTEE_MEMBERS');
  const deadline = sendingDeadline(doc.content, input.calendar);
  const late = deadline !== null && isLate(deadline, input.now);
  const lateReason = input.lateReason?.trim() || undefined;
  if (late && lateReasonRequired(doc.kind) && !lateReason) fail('LATE_REASON_REQUIRED');
  const response = responseDeadline(doc.content);
  return {
    status: 'sent',
    sentAt: input.now,
    sentById: input.sender.personId,
    sentByName: input.sender.name,
    deadline: deadline ?? undefined,
    late,
    lateReason: late ? lateReason : undefined,
    responseDue: response?.due,
    nextActionAt: response ? opinionNextActionAt({ kind: doc.kind, responseDue: response.due }, input.calendar) : null,
    roster: input.roster,
    updatedAt: input.now,
  };
}

/** An opinion request's `nextActionAt`: the reminder moment, then past the deadline (collect); then null. */
export function opinionNextActionAt(doc: Pick<CommitteeDocument, 'kind' | 'responseDue'>, calendar: WorkingCalendar, after = -Infinity): EpochMs | null {
  if (doc.kind !== 'opinion_request' || doc.responseDue === undefined) return null;
  return nextDeadlineAction({ due: doc.responseDue }, OPINION_REMINDER_WORKING_DAYS, calendar, after);
}

/** A correction starts as a draft copy of the sent version it replaces. */
export function planRevision(doc: CommitteeDocument): Pick<CommitteeDocument, 'kind' | 'content' | 'seriesId' | 'versionNo' | 'supersedes'> {
  if (doc.status !== 'sent') fail('DOCUMENT_NOT_SENT');
  if (doc.supersededBy) fail('DOCUMENT_SUPERSEDED');
  if (doc.outcome) fail('FILING_CLOSED');
  if (MEETING_DOCUMENT_KINDS.includes(doc.kind)) fail('INVALID_TRANSITION', '会议通知和纪要请在会议页面更正');
  return { kind: doc.kind, content: { ...doc.content }, seriesId: doc.seriesId, versionNo: doc.versionNo + 1, supersedes: doc._id };
}

// ---- filing outcome ------------------------------------------------------------------------

export interface OutcomeInput {
  result: FilingResult;
  note?: string;
  vote?: { present: number; agree: number; against: number; decidedOn?: LocalDate };
  resolutionId?: Id;
}

/**
 * Records how a filing ended. Approval of a maintenance-fund filing needs a recorded committee vote
 * that meets quorum; any recorded vote that fails quorum cannot approve either.
 */
export function decideFiling(
  doc: CommitteeDocument,
  input: OutcomeInput,
  context: { rosterSize: number; rule: QuorumRule; now: EpochMs; by: { personId: Id; name: string } },
): FilingOutcome {
  if (doc.kind !== 'filing') fail('INVALID_TRANSITION', '只有申报需要记录结果');
  if (doc.status !== 'sent') fail('DOCUMENT_NOT_SENT');
  if (doc.supersededBy) fail('DOCUMENT_SUPERSEDED');
  if (doc.outcome) fail('FILING_CLOSED');
  let decision: CommitteeDecision | undefined;
  if (input.vote) {
    const { present, agree, against, decidedOn } = input.vote;
    if (agree + against > present) fail('INVALID_INPUT', `同意票与反对票之和（${agree + against}）不能多于出席人数（${present}）`);
    let quorum: QuorumResult;
    try {
      quorum = checkQuorum({ rosterSize: context.rosterSize, present, agree, rule: context.rule });
    } catch (e) {
      fail('INVALID_INPUT', (e as Error).message);
    }
    decision = { rosterSize: context.rosterSize, present, agree, against, decidedOn, rule: context.rule, quorum };
  }
  if (input.result === 'approved') {
    const needsResolution = FUND_FILING_CATEGORIES.includes(doc.content.category ?? '');
    if (needsResolution && !decision) fail('QUORUM_NOT_MET', '使用维修基金的申报须先录入业委会表决结果');
    if (decision && !decision.quorum.met) fail('QUORUM_NOT_MET');
  }
  return {
    result: input.result,
    note: input.note?.trim() || undefined,
    decision,
    resolutionId: input.resolutionId,
    recordedAt: context.now,
    recordedById: context.by.personId,
    recordedByName: context.by.name,
  };
}

// ---- who may compose -----------------------------------------------------------------------

/**
 * The head and the general manager always compose and send; a butler or butler supervisor only
 * when the head has put them on the community's `composerIds` list.
 */
export interface ComposerSettings {
  composerIds?: Id[];
}

export function canCompose(caller: { personId: Id; roles: readonly string[] }, settings: ComposerSettings): boolean {
  if (caller.roles.some((r) => isStaffRole(r, CENTRE_ROLES))) return true;
  const butler = caller.roles.some((r) => isStaffRole(r, BUTLER_ROLES));
  return butler && (settings.composerIds ?? []).includes(caller.personId);
}

export const POSITION_ORDER: Record<CommitteePosition, number> = { chair: 0, vice_chair: 1, member: 2 };

const fraction = (x: number): string => (x === 0.5 ? '半数' : Math.abs(x - 2 / 3) < 1e-9 ? '三分之二' : `${Math.round(x * 100)}%`);

/** The community's quorum rule in words, shown beside the vote form. */
export function quorumRuleText(rule: QuorumRule): string {
  return `出席委员须超过委员总数的${fraction(rule.presentMoreThan)}，同意票须超过${rule.agreeBase === 'all' ? '全体委员' : '出席委员'}的${fraction(rule.agreeMoreThan)}；不得委托投票`;
}

/** Members who have not answered an opinion request are reminded once its last working day is near. */
export function opinionReminderDue(doc: Pick<CommitteeDocument, 'responseDue'>, now: EpochMs, calendar: WorkingCalendar): boolean {
  return doc.responseDue !== undefined && isDueWithin(now, { due: doc.responseDue }, OPINION_REMINDER_WORKING_DAYS, calendar);
}
