/**
 * The computing rules of meetings: the latest notice date, the vote on a motion against the quorum,
 * the quarter's routine-meeting duty (met / open / at risk / missed), and the gates a resolution and a
 * fund filing pass. Pure: days and moments are arguments, settings are read defensively because a
 * community's record may not carry them yet.
 */
import type { WorkingCalendar } from './calendar';
import { isDueWithin, isLate, specialMeetingNoticeDeadline, type Deadline } from './deadlines';
import { FUND_FILING_CATEGORIES, type CommitteeDocument } from './documents';
import { fail } from './errors';
import type { EpochMs, Id, LocalDate } from './model';
import { PROPOSAL_TRANSITIONS, type Meeting, type MotionTally, type ProposalStatus, type Resolution, type StaffAttendee, type VoteChoice } from './meetings';
import { checkQuorum, countNeeded, DEFAULT_QUORUM_RULE, type QuorumRule } from './quorum';
import { MEETING_NOTICE_REMINDER_WORKING_DAYS, QUARTER_RISK_DAYS_LEFT, ROUTINE_PROPOSAL_RISK_DAY, SPECIAL_MEETING_NOTICE_DAYS } from './rules';
import { addCalendarDays, calendarDaysBetween, dateInMonth, endOfLocalDay, firstMonthOfQuarter, localDateOf, type Quarter } from './time';

// ---- community settings, read defensively --------------------------------------------------

const MAX_NOTICE_DAYS = 60;

/**
 * The community's notice-days setting (`noticeDays`, saved with its versioned settings), a whole
 * number of days; the rule book's period when absent. Never shorter than the rule book: a record
 * written before the settings were validated cannot shorten the notice.
 */
export function meetingNoticeDaysOf(community: unknown): number {
  const value = ((community ?? {}) as { noticeDays?: unknown }).noticeDays;
  if (typeof value !== 'number' || !Number.isInteger(value) || value > MAX_NOTICE_DAYS) return SPECIAL_MEETING_NOTICE_DAYS;
  return Math.max(value, SPECIAL_MEETING_NOTICE_DAYS);
}

/** The seal keeper named in the community's settings (`sealKeeperId`), if any. */
export function sealKeeperIdOf(community: unknown): Id | undefined {
  const value = ((community ?? {}) as { sealKeeperId?: unknown }).sealKeeperId;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Who keeps the seal today: the member the settings name while they sit on the committee; the chair
 * otherwise (none named, or the named keeper's term has ended), so a seal never waits on an ex-member.
 */
export function sealKeeperOf(community: unknown, roster: ReadonlyArray<{ personId: Id; position: string }>): Id | undefined {
  const named = sealKeeperIdOf(community);
  if (named && roster.some((m) => m.personId === named)) return named;
  return roster.find((m) => m.position === 'chair')?.personId;
}

/** A keeper chosen in the settings must sit on the committee on the day the settings are saved. */
export function checkSealKeeperChoice(keeperId: Id | undefined, roster: ReadonlyArray<{ personId: Id }>): void {
  if (keeperId && !roster.some((m) => m.personId === keeperId)) fail('SETTINGS_INVALID', '印章保管人须为现任业委会委员');
}

// ---- special meeting notice ----------------------------------------------------------------

export interface NoticePlan {
  deadline: Deadline;
  late: boolean;
  lateReason?: string;
}

/**
 * The latest day the notice may reach members, and whether sending now is late. Late is allowed, as
 * for filings, but only with a reason, and it stays marked late. A meeting day in the past is refused.
 */
export function planNotice(input: { meetingDay: LocalDate; now: EpochMs; noticeDays: number; lateReason?: string }): NoticePlan {
  if (input.meetingDay < localDateOf(input.now)) fail('INVALID_INPUT', '会议日期不能早于今天');
  const deadline = specialMeetingNoticeDeadline(input.meetingDay, input.noticeDays);
  const late = isLate(deadline, input.now);
  const lateReason = input.lateReason?.trim() || undefined;
  if (late && !lateReason) fail('LATE_REASON_REQUIRED', `已超过最迟通知日期（${deadline.dueDate}），请填写逾期原因`);
  return { deadline, late, lateReason: late ? lateReason : undefined };
}

// ---- attendance and votes ------------------------------------------------------------------

/** Whether those present could take any resolution at all (the first half of the quorum rule). */
export function presentQuorum(rosterSize: number, present: number, rule: QuorumRule = DEFAULT_QUORUM_RULE): boolean {
  return present >= countNeeded(rule.presentMoreThan, Math.max(rosterSize, 1));
}

const fractionWords = (f: number): string => (Math.abs(f - 0.5) < 1e-9 ? '半数' : Math.abs(f - 2 / 3) < 0.005 ? '三分之二' : `${Math.round(f * 1000) / 10}%`);

/**
 * The community's own quorum rule as the attendance step states it, with the counts for this
 * committee: members present needed to vote at all, and (when agreement counts against all members)
 * votes for needed to pass.
 */
export function quorumHint(rule: QuorumRule, rosterSize: number): { presentNeeded: number; agreeNeeded?: number; text: string } {
  const size = Math.max(rosterSize, 1);
  const presentNeeded = countNeeded(rule.presentMoreThan, size);
  const agreeNeeded = rule.agreeBase === 'all' ? countNeeded(rule.agreeMoreThan, size) : undefined;
  const base = rule.agreeBase === 'all' ? '全体委员（不只是出席委员）' : '出席委员';
  const text =
    `委员须亲自出席，不得委托。出席委员须超过全体委员的${fractionWords(rule.presentMoreThan)}（本届${rosterSize}人，至少${presentNeeded}人）方可表决；` +
    `同意票须超过${base}的${fractionWords(rule.agreeMoreThan)}${agreeNeeded ? `（至少${agreeNeeded}票）` : ''}，议题才通过并形成决议。` +
    '人数不足的会议可以记录，但不形成决议。';
  return { presentNeeded, agreeNeeded, text };
}

/**
 * Counts one motion's votes. Only members present vote (no proxies), each once; a member present who
 * gave no vote counts as abstaining. The motion passes when the community's quorum rule is met.
 */
export function tallyMotion(input: {
  rosterSize: number;
  presentIds: readonly Id[];
  votes: ReadonlyArray<{ memberId: Id; choice: VoteChoice }>;
  rule?: QuorumRule;
}): MotionTally {
  const rule = input.rule ?? DEFAULT_QUORUM_RULE;
  const present = new Set(input.presentIds);
  const seen = new Set<Id>();
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const v of input.votes) {
    if (!present.has(v.memberId)) fail('NOT_AN_ATTENDEE');
    if (seen.has(v.memberId)) fail('INVALID_INPUT', '每位委员对一个议题只能表决一次');
    seen.add(v.memberId);
    counts[v.choice]++;
  }
  const abstain = counts.abstain + (present.size - seen.size);
  let quorum;
  try {
    quorum = checkQuorum({ rosterSize: input.rosterSize, present: present.size, agree: counts.for, rule });
  } catch (e) {
    fail('INVALID_INPUT', (e as Error).message);
  }
  return { rosterSize: input.rosterSize, present: present.size, agree: counts.for, against: counts.against, abstain, rule, quorum, passed: quorum.met };
}

// ---- report meetings -----------------------------------------------------------------------

/** Half-year and annual work reports are made to the committee together with company leadership. */
export const isReportMeeting = (kind: Meeting['kind']): boolean => kind === 'half_year' || kind === 'annual';

/**
 * A half-year or annual report meeting is recorded as held (closing its duty) only with the general
 * manager listed as attending: one of the company's general managers picked from the staff list, or,
 * while the company has no general manager account, an attendee typed in as 总经理.
 */
export function checkReportAttendance(kind: Meeting['kind'], staff: ReadonlyArray<StaffAttendee>, generalManagerIds: readonly Id[]): void {
  if (!isReportMeeting(kind)) return;
  const listed = staff.some((s) => (s.personId ? generalManagerIds.includes(s.personId) : generalManagerIds.length === 0 && s.role.includes('总经理')));
  if (!listed) fail('GENERAL_MANAGER_REQUIRED');
}

// ---- resolutions ---------------------------------------------------------------------------

/** A passed motion of a meeting whose attendance met quorum becomes a resolution; nothing else does. */
export function requireResolvable(meeting: Pick<Meeting, 'attendance'>, tally: MotionTally | undefined): MotionTally {
  if (!meeting.attendance) fail('MEETING_NOT_HELD');
  if (!meeting.attendance.quorumPresent) fail('NO_RESOLUTION_WITHOUT_QUORUM');
  if (!tally || !tally.passed) fail('MOTION_NOT_PASSED');
  return tally;
}

/** Seal rule: only on a chair-signed resolution (never a blank page), by the named keeper, with a photo. */
export function checkSeal(resolution: Pick<Resolution, 'status' | 'text'>, input: { keeperId: Id | undefined; actorId: Id; hasPhoto: boolean }): void {
  if (!resolution.text.trim()) fail('INVALID_INPUT', '决议内容为空，不得用章');
  if (input.keeperId !== input.actorId) fail('NOT_THE_SEAL_KEEPER');
  if (!input.hasPhoto) fail('SEAL_PHOTO_REQUIRED');
}

/** A resolution reaches owners only after the chair's signature and the seal, in that order. */
export const publishable = (r: Pick<Resolution, 'status' | 'chairSignature' | 'seal'>): boolean => r.status === 'sealed' && !!r.chairSignature && !!r.seal;

/**
 * The resolution a filing decision links to. Fund filings (categories 1–2) can be approved only with
 * a passed resolution of the same community; other filings may link one too.
 */
export function checkFilingResolution(
  filing: Pick<CommitteeDocument, 'communityId' | 'content'>,
  result: 'approved' | 'rejected' | 'withdrawn',
  resolution: Pick<Resolution, 'communityId' | 'tally' | 'filingId'> | null,
  filingId: Id,
): void {
  const isFund = FUND_FILING_CATEGORIES.includes(filing.content.category ?? '');
  if (resolution) {
    if (resolution.communityId !== filing.communityId || !resolution.tally.passed) fail('RESOLUTION_MISMATCH');
    if (resolution.filingId && resolution.filingId !== filingId) fail('RESOLUTION_MISMATCH', '所选决议针对的是另一份申报');
  }
  if (result === 'approved' && isFund && !resolution) fail('RESOLUTION_REQUIRED');
}

// ---- the quarter's routine-meeting duty ----------------------------------------------------

export type QuarterStatus = 'met' | 'open' | 'at_risk' | 'missed';
export const QUARTER_STATUS_LABELS: Record<QuarterStatus, string> = { met: '已完成', open: '进行中', at_risk: '有风险', missed: '未完成' };

export interface QuarterInput {
  year: number;
  quarter: Quarter;
  today: LocalDate;
  proposal?: { proposedOn: LocalDate; status: ProposalStatus };
  /** Days routine meetings of this quarter were held. */
  meetingsHeld: readonly LocalDate[];
  /** Days of recorded communications with the chair and vice chair in this quarter. */
  communications: readonly LocalDate[];
}

export interface QuarterView {
  status: QuarterStatus;
  label: string;
  reasons: string[];
  /** How the duty was met, when it was. */
  metBy?: 'meeting' | 'communication';
  firstDay: LocalDate;
  lastDay: LocalDate;
}

export function quarterBounds(year: number, quarter: Quarter): { firstDay: LocalDate; lastDay: LocalDate } {
  const firstDay = dateInMonth(firstMonthOfQuarter(year, quarter), 1);
  const nextFirst = quarter === 4 ? dateInMonth(firstMonthOfQuarter(year + 1, 1), 1) : dateInMonth(firstMonthOfQuarter(year, (quarter + 1) as Quarter), 1);
  return { firstDay, lastDay: addCalendarDays(nextFirst, -1) };
}

/**
 * Met: a routine meeting was held in the quarter, or — once the chair (or the delegate) declined — at
 * least one communication with the chair and vice chair was recorded in it. A decline never makes the
 * quarter worse: it only opens the fallback. At risk: no proposal after the ROUTINE_PROPOSAL_RISK_DAY
 * of the first month, or the last QUARTER_RISK_DAYS_LEFT days with neither. Missed: the quarter ended unmet.
 */
export function quarterStatus(input: QuarterInput): QuarterView {
  const { firstDay, lastDay } = quarterBounds(input.year, input.quarter);
  const inQuarter = (d: LocalDate): boolean => d >= firstDay && d <= lastDay && d <= input.today;
  const base = { firstDay, lastDay };
  if (input.meetingsHeld.some(inQuarter)) return { ...base, status: 'met', label: QUARTER_STATUS_LABELS.met, reasons: [], metBy: 'meeting' };
  const declined = input.proposal?.status === 'declined';
  if (declined && input.communications.some(inQuarter)) {
    return { ...base, status: 'met', label: QUARTER_STATUS_LABELS.met, reasons: [], metBy: 'communication' };
  }
  if (input.today > lastDay) {
    return {
      ...base,
      status: 'missed',
      label: QUARTER_STATUS_LABELS.missed,
      reasons: [declined ? '主任认为无需开会，但本季度没有沟通记录' : '本季度未召开例行工作沟通会议'],
    };
  }
  const reasons: string[] = [];
  const proposalRiskDay = dateInMonth(firstMonthOfQuarter(input.year, input.quarter), ROUTINE_PROPOSAL_RISK_DAY);
  if (input.today > proposalRiskDay && !input.proposal) reasons.push('首月已过提议预警日，尚未向主任提议');
  if (calendarDaysBetween(input.today, lastDay) < QUARTER_RISK_DAYS_LEFT)
    reasons.push(declined ? '季度即将结束，尚无与主任、副主任的沟通记录' : '季度即将结束，会议尚未召开');
  if (reasons.length) return { ...base, status: 'at_risk', label: QUARTER_STATUS_LABELS.at_risk, reasons };
  return { ...base, status: 'open', label: QUARTER_STATUS_LABELS.open, reasons: [] };
}

/** Whether a proposal still waits for an answer (from the chair, or the delegate). */
export const proposalOpen = (status: ProposalStatus): boolean => Object.values(PROPOSAL_TRANSITIONS[status]).some((v) => v === 'accepted');

/** The end of the meeting day: the moment by which unsigned notices are reminded. */
export const meetingMoment = (day: LocalDate): EpochMs => endOfLocalDay(day);

/** Members who have not signed the notice are reminded once the meeting is this near (in working days). */
export const noticeReminderDue = (meetingDay: LocalDate, now: EpochMs, calendar: WorkingCalendar): boolean =>
  isDueWithin(now, { due: meetingMoment(meetingDay) }, MEETING_NOTICE_REMINDER_WORKING_DAYS, calendar);

/** The quarter a day falls in, as 'YYYY-Qn'. */
export const periodOfDay = (day: LocalDate): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
