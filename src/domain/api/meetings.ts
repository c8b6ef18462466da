import { z } from 'zod';
import type { Deadline } from '../deadlines';
import { zFileRef } from '../files';
import type { EpochMs, Id, LocalDate } from '../model';
import type { QuarterView } from '../meeting-rules';
import type { QuorumRule } from '../quorum';
import { CHANNEL_LABELS, VOTE_LABELS, type Communication, type Meeting, type MeetingProposal, type Posting, type Resolution, type SealUse } from '../meetings';
import { action, noInput, zId, zKeyOf, zLocalDate, zText } from './contract';

type Plain<T> = Omit<T, 'version' | 'ops'>;

export interface MeetingView extends Plain<Meeting> {
  kindLabel: string;
  statusLabel: string;
  /** Signatures on the current minutes version. */
  minutesProgress?: { signed: number; refused: number; total: number };
}
export interface ResolutionView extends Plain<Resolution> {
  statusLabel: string;
}
export interface PostingView extends Plain<Posting> {
  statusLabel: string;
}
export interface ProposalView extends Plain<MeetingProposal> {
  statusLabel: string;
}

export interface QuarterRow {
  period: string;
  quarter: QuarterView;
  proposal?: ProposalView;
  meetings: MeetingView[];
  communications: Array<Plain<Communication> & { channelLabel: string }>;
}

export interface RosterEntry {
  personId: Id;
  name: string;
  position: string;
}

/** One version of a meeting's notice or minutes: the earlier ones stay, marked superseded. */
export interface MeetingPaper {
  documentId: Id;
  kind: 'meeting_notice' | 'minutes';
  versionNo: number;
  sentAt?: EpochMs;
  late: boolean;
  lateReason?: string;
  supersededBy?: Id;
  signed: number;
  total: number;
}

export interface MyVote {
  meetingId: Id;
  meetingTitle: string;
  day: LocalDate;
  motionId: Id;
  motionTitle: string;
  choice: string;
  passed?: boolean;
}

export interface OwnerNotice {
  kind: 'resolution' | 'posting';
  id: Id;
  title: string;
  text: string;
  at: EpochMs;
  /** Resolutions: who signed and that the seal was applied. */
  signedBy?: string;
  sealed?: boolean;
}

const zPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, '请选择季度');
const zMeeting = z.strictObject({ meetingId: zId });
const zResolution = z.strictObject({ resolutionId: zId });
const zAgenda = z.array(zText('议程', 100)).max(20, '议程最多20项');
const zMotion = z.strictObject({
  title: zText('议题', 100),
  filingId: zId.optional(),
  requiresPosting: z.boolean().default(false),
});
const zBody = z.string().trim().max(5000, '正文不能超过5000个字').default('');
const zAttachments = z.array(zFileRef).max(10, '附件最多10个').default([]);
const zTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请选择会议时间');
const zVote = zKeyOf(VOTE_LABELS, '请选择同意、反对或弃权');

export const meetingsApi = {
  quarters: action<{ rows: QuarterRow[]; canPropose: boolean; roster: RosterEntry[] }>()(
    '按季度列出例行会议的提议、会议和沟通记录及完成情况',
    z.strictObject({ year: z.number().int().min(2000).max(2100) }),
  ),
  propose: action<ProposalView>()(
    '负责人向业委会主任提议召开本季度例行工作沟通会议',
    z.strictObject({ period: zPeriod, agenda: zAgenda.optional(), note: z.string().trim().max(500).optional() }),
  ),
  replyProposal: action<ProposalView>()(
    '主任（或受托人）答复会议提议：同意召开（日期、地点）、委托副主任或委员召集、或认为无需召开',
    z.discriminatedUnion('event', [
      z.strictObject({ proposalId: zId, event: z.literal('accept'), day: zLocalDate, time: zTime.optional(), place: zText('地点', 100) }),
      z.strictObject({ proposalId: zId, event: z.literal('delegate'), delegateId: zId }),
      z.strictObject({ proposalId: zId, event: z.literal('decline'), reason: zText('原因', 500) }),
    ]),
  ),
  recordCommunication: action<QuarterRow>()(
    '记录与业委会主任、副主任的沟通（日期、参与人、方式、内容摘要）',
    z.strictObject({
      period: zPeriod,
      on: zLocalDate,
      channel: zKeyOf(CHANNEL_LABELS, '请选择沟通方式'),
      participantIds: z.array(zId).min(1, '请选择参与沟通的委员').max(20),
      summary: zText('内容摘要', 2000),
    }),
  ),
  schedule: action<MeetingView>()(
    '安排专题工作会议或半年度、年度工作汇报会',
    z.strictObject({
      kind: z.enum(['special', 'half_year', 'annual'], { error: '请选择会议类别' }),
      title: zText('会议名称', 60),
      day: zLocalDate,
      time: zTime.optional(),
      place: zText('地点', 100),
      agenda: zAgenda.default([]),
      motions: z.array(zMotion).max(20).default([]),
    }),
  ),
  previewNotice: action<{ deadline: Deadline; late: boolean; noticeDays: number }>()(
    '起草会议通知时显示最迟送达日期（按本小区的通知天数）',
    z.strictObject({ day: zLocalDate }),
  ),
  sendNotice: action<MeetingView>()(
    '向每位委员书面送达专题会议通知和材料（逐一签收）',
    z.strictObject({ meetingId: zId, body: zBody, attachments: zAttachments, lateReason: z.string().trim().max(500).optional() }),
  ),
  correctNotice: action<MeetingView>()(
    '更正已送达的会议通知（新版本重新逐位送达签收，旧版本留档并标为已更正；通知天数规则同样适用）',
    z.strictObject({
      meetingId: zId,
      day: zLocalDate.optional(),
      time: zTime.optional(),
      place: zText('地点', 100).optional(),
      body: zBody,
      attachments: zAttachments,
      lateReason: z.string().trim().max(500).optional(),
    }),
  ),
  get: action<{
    meeting: MeetingView;
    resolutions: ResolutionView[];
    roster: RosterEntry[];
    staff: RosterEntry[];
    papers: MeetingPaper[];
    /** The community's own quorum rule, which the attendance step states and counts with. */
    quorumRule: QuorumRule;
  }>()('会议详情（出席、表决、纪要、决议、通知与纪要的各个版本、可列为出席人员的服务中心员工）', zMeeting),
  recordAttendance: action<MeetingView>()(
    '记录会议出席情况（委员须亲自出席，不得委托；列出服务中心出席人员）',
    z.strictObject({
      meetingId: zId,
      memberIds: z.array(zId).max(50),
      staff: z
        .array(z.strictObject({ personId: zId.optional(), name: zText('姓名', 20), role: zText('职务', 20) }))
        .max(20)
        .default([]),
      /** Motions raised at the meeting itself (a routine meeting has none beforehand). */
      motions: z.array(zMotion).max(20).default([]),
    }),
  ),
  recordVotes: action<MeetingView>()(
    '记录一个议题的逐位委员表决（同意 / 反对 / 弃权）',
    z.strictObject({ meetingId: zId, motionId: zId, votes: z.array(z.strictObject({ memberId: zId, choice: zVote })).max(50) }),
  ),
  sendMinutes: action<MeetingView>()(
    '送签会议纪要（文字与附件，送达每位出席委员签署；送签后不可修改）',
    z.strictObject({ meetingId: zId, text: zText('纪要内容', 10000), attachments: zAttachments }),
  ),
  correctMinutes: action<MeetingView>()(
    '更正会议纪要（新版本重新送签，旧版本保留）',
    z.strictObject({ meetingId: zId, text: zText('纪要内容', 10000), attachments: zAttachments }),
  ),
  resolutions: action<ResolutionView[]>()('决议列表（待主任签字、待盖章、已公告）', noInput),
  chairSign: action<ResolutionView>()('业委会主任签署决议', zResolution),
  applySeal: action<ResolutionView>()('公章保管人记录加盖业委会公章（时间、盖章页照片，记入用章登记）', z.strictObject({ resolutionId: zId, photo: zFileRef })),
  sealLog: action<Array<Plain<SealUse>>>()('业委会公章使用登记', noInput),
  publishResolution: action<ResolutionView>()(
    '负责人确认后向业主公告决议（须主任签字并加盖公章）',
    z.strictObject({ resolutionId: zId, confirm: z.literal(true, { error: '请确认公告内容' }) }),
  ),
  myVotes: action<MyVote[]>()('我的表决记录', noInput),
  submitPosting: action<PostingView>()(
    '委员提交需向业主张贴的公告（负责人审核后张贴）',
    z.strictObject({ postingId: zId.optional(), title: zText('标题', 60), body: zText('正文', 5000), attachments: zAttachments }),
  ),
  reviewPosting: action<PostingView>()(
    '负责人审核委员提交的公告：通过并张贴，或退回并说明原因',
    z.discriminatedUnion('event', [
      z.strictObject({ postingId: zId, event: z.literal('approve'), confirm: z.literal(true, { error: '请确认公告内容' }) }),
      z.strictObject({ postingId: zId, event: z.literal('return'), reason: zText('退回原因', 500) }),
    ]),
  ),
  postings: action<PostingView[]>()('业委会公告（委员看自己提交的，负责人看全部）', noInput),
  ownerNotices: action<OwnerNotice[]>()('向业主公告的决议和业委会公告', noInput),
};
