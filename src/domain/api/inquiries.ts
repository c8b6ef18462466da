import { z } from 'zod';
import { zFileRef, type FileRef } from '../files';
import type { InquiryEventType } from '../inquiry';
import {
  CHANNEL_LABELS,
  CLASSIFICATION_LABELS,
  KIND_LABELS,
  MAX_PHOTOS,
  STATUS_LABELS,
  type Classification,
  type InquiryChannel,
  type InquiryKind,
  type InquiryStatus,
} from '../inquiry-labels';
import type { InquiryMonthStats } from '../inquiry-stats';
import type { EpochMs, Id, LocalDate } from '../model';
import { TEXT_LIMITS as L, tooLongMessage } from '../limits';
import { RULE_PHRASES } from '../rules';
import { action, noInput, pageFields, zId, zKeyOf, zLocalDate, zMonth, zText, type Paged } from './contract';

export interface InquirySummaryView {
  inquiryId: Id;
  channel: InquiryChannel;
  kind: InquiryKind;
  kindLabel: string;
  status: InquiryStatus;
  statusLabel: string;
  /** The first line of the text, for lists. */
  excerpt: string;
  askerName: string;
  /** The viewer asked it (the committee's list holds every member's). */
  askedByMe: boolean;
  roomLabel?: string;
  assigneeId?: Id;
  assigneeName?: string;
  classification?: Classification;
  receivedAt: EpochMs;
  due: EpochMs;
  dueDate: LocalDate;
  /** The deadline rests on a year the official calendar does not cover yet. */
  dueProvisional: boolean;
  overdue: boolean;
  /** Working days left to the due day (0 = today; negative once overdue); only while it is open. */
  workingDaysLeft?: number;
  escalated: boolean;
  /** Answered or explained, waiting for the asker's 满意 / 不满意. */
  awaitingRating: boolean;
  auditDate?: LocalDate;
  photoCount: number;
}

/** Counts a list shows in its heading, sent with the first page only (later pages leave them out). */
export interface InquiryCounts {
  /** The staff queue and the asker's list count up to COUNT_CAP + 1 (shown with `countText`, "99+"). */
  total: number;
  /** Still being handled (the asker's list). */
  open?: number;
  /** Past their due moment (the staff queue). */
  overdue?: number;
}

export interface InquiryPage extends Paged<InquirySummaryView> {
  counts?: InquiryCounts;
}

export interface InquiryThreadItem {
  eventId: Id;
  type: InquiryEventType | 'ask';
  label: string;
  actorName: string;
  actorRole: string;
  text?: string;
  photos: FileRef[];
  at: EpochMs;
}

/** What the viewer may do now; the server checks the same rules again on each action. */
export interface InquiryAbilities {
  followUp: boolean;
  rate: boolean;
  reopen: boolean;
  assign: boolean;
  classify: boolean;
  answer: boolean;
  explain: boolean;
  escalate: boolean;
}

export interface InquiryDetailView extends InquirySummaryView {
  text: string;
  photos: FileRef[];
  /** Full only for the assigned staff member and the asker; masked for everyone else. */
  askerPhone: string;
  rating?: 'satisfied' | 'unsatisfied';
  reopenUntil?: EpochMs;
  ruleText: string;
  thread: InquiryThreadItem[];
  can: InquiryAbilities;
}

export interface AssigneeView {
  personId: Id;
  name: string;
  roleLabel: string;
}

export interface QueueFilterOptions {
  buildings: Array<{ buildingId: Id; name: string }>;
  staff: AssigneeView[];
}

export interface InquiryStatsView extends InquiryMonthStats {
  communityName: string;
}

/** Month by month, oldest first, for the trend chart. */
export interface InquiryTrendView {
  communityName: string;
  months: InquiryMonthStats[];
  /** True when a community had more items than one request reads: the figures then cover only the earliest. */
  partial: boolean;
}

/** The longest trend one request computes (a year). */
export const MAX_TREND_MONTHS = 12;

/** The queue's filters; each narrows the queue's own store queries (cloudfunctions/inquiries/queue.ts). */
const queueFilterFields = {
  status: zKeyOf(STATUS_LABELS, '请选择状态').optional(),
  buildingId: zId.optional(),
  /** A staff member, or `none` for the unassigned. */
  assigneeId: zId.optional(),
  overdue: z.boolean().optional(),
  kind: zKeyOf(KIND_LABELS, '请选择提问类型').optional(),
  text: z.string().trim().max(L.searchText).optional(),
};
export type QueueFilters = { [K in keyof typeof queueFilterFields]?: z.output<(typeof queueFilterFields)[K]> };

const zPhotos = z.array(zFileRef).max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}张照片`);
const zInquiryId = z.strictObject({ inquiryId: zId });

export const inquiriesApi = {
  ask: action<InquiryDetailView>()(
    '提问：业主的咨询、建议、要求、投诉，或业委会的质询、质疑、建议、要求、查账',
    z.strictObject({
      channel: zKeyOf(CHANNEL_LABELS, '请选择以业主或业委会名义提出'),
      kind: zKeyOf(KIND_LABELS, '请选择提问类型'),
      text: zText('内容', L.inquiryText),
      photos: zPhotos.optional(),
      roomId: zId.optional(),
      auditDate: zLocalDate.optional(),
    }),
  ),
  mine: action<InquiryPage>()('我提出的事项（含业委会名义），新的在前，分页', z.strictObject(pageFields)),
  committeeList: action<InquiryPage>()(
    '本届业委会提出的全部事项（mine：只看我提出的），新的在前，分页；可按状态和文字筛选，与处理队列相同',
    z.strictObject({ mine: z.boolean().optional(), status: queueFilterFields.status, text: queueFilterFields.text, ...pageFields }),
  ),
  get: action<InquiryDetailView>()('事项详情及处理过程', zInquiryId),
  followUp: action<InquiryDetailView>()(
    '提问人补充说明或追问',
    z.strictObject({ inquiryId: zId, text: zText('追问内容', L.followUp), photos: zPhotos.optional() }),
  ),
  rate: action<InquiryDetailView>()('提问人评价答复：满意或不满意', z.strictObject({ inquiryId: zId, satisfied: z.boolean() })),
  reopen: action<InquiryDetailView>()(
    `不满意时在${RULE_PHRASES.reopenWithin}重新打开`,
    z.strictObject({ inquiryId: zId, reason: zText('重新打开的原因', L.reopenReason) }),
  ),
  queue: action<InquiryPage>()(
    '工作人员处理队列：按到期时间排序（逾期的自然在前），已答复的新的在前；可按状态、楼栋、处理人、逾期、类型和文字筛选；分页',
    z.strictObject({
      scope: z.enum(['mine', 'open', 'done'], { error: '请选择队列' }).optional(),
      ...queueFilterFields,
      ...pageFields,
    }),
  ),
  assignees: action<AssigneeView[]>()('可指派的本小区工作人员', noInput),
  queueFilters: action<QueueFilterOptions>()('处理队列的筛选项：本小区的楼栋和工作人员', noInput),
  assign: action<InquiryDetailView>()('指派处理人', z.strictObject({ inquiryId: zId, assigneeId: zId })),
  classify: action<InquiryDetailView>()(
    '分类：合理（按期答复）、不合理（耐心解释，须填写说明）、无法解决（上报总经理，须填写原因）',
    z.strictObject({
      inquiryId: zId,
      classification: zKeyOf(CLASSIFICATION_LABELS, '请选择分类'),
      text: z.string().trim().max(L.classifyText, tooLongMessage('说明', L.classifyText)).optional(),
    }),
  ),
  answer: action<InquiryDetailView>()(
    '答复（可附照片）',
    z.strictObject({ inquiryId: zId, text: zText('答复内容', L.inquiryAnswer), photos: zPhotos.optional() }),
  ),
  stats: action<InquiryStatsView>()('月度统计：收到、按期答复、逾期、上报、满意度', z.strictObject({ month: zMonth })),
  trend: action<InquiryTrendView>()(
    '按月趋势（截至所选月份，最多12个月）：收到、按期答复、逾期、上报、满意率',
    z.strictObject({ to: zMonth, months: z.number().int().min(2).max(MAX_TREND_MONTHS, `最多统计${MAX_TREND_MONTHS}个月`).default(6) }),
  ),
};

export type { Classification, InquiryChannel, InquiryKind, InquiryStatus };
