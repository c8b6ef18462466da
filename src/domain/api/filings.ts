import { z } from 'zod';
import { normalizeDigest, type AnchorCheck } from '../anchor';
import { ARCHIVE_TYPE_LABELS, type ArchiveEntryType, type BreakReason } from '../archive';
import type { Deadline } from '../deadlines';
import {
  ALL_CATEGORIES,
  COMPOSABLE_KIND_LABELS,
  FILING_RESULT_LABELS,
  KIND_LABELS,
  type DocumentContent,
  type DocumentStatus,
  type FilingOutcome,
} from '../documents';
import { zFileRef } from '../files';
import { MAX_ATTACHMENTS, TEXT_LIMITS as L, tooLongMessage } from '../limits';
import type { EpochMs, Id } from '../model';
import type { QuorumRule } from '../quorum';
import type { RecordRow, RecordSummary, SignCounts } from '../record';
import type { DeliveryEventType, ObjectionRound, Opinion, ReadStatus, Refusal, SignoffEvent, SignoffState, SignStatus } from '../signoff';
import { action, noInput, pageFields, zCursor, zId, zKeyOf, zLimit, zLocalDate, zReportPeriod, zText, type Paged } from './contract';

export interface ProgressView extends SignCounts {
  /** Objections still waiting for the centre's answer. */
  openObjections: number;
}

export interface DocumentView extends DocumentContent {
  documentId: Id;
  communityId: Id;
  kindLabel: string;
  categoryLabel: string;
  status: DocumentStatus;
  statusLabel: string;
  versionNo: number;
  seriesId: Id;
  supersedes?: Id;
  supersededBy?: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  sentAt?: EpochMs;
  sentByName?: string;
  /** The centre's deadline for sending: stored at send, computed live for a draft. */
  deadline: Deadline | null;
  late: boolean;
  lateReason?: string;
  responseDue?: EpochMs;
  outcome?: FilingOutcome & { resultLabel: string };
  publishedAt?: EpochMs;
  progress?: ProgressView;
}

export interface DeliveryView {
  deliveryId: Id;
  documentId: Id;
  memberId: Id;
  memberName: string;
  positionLabel: string;
  deliveredAt: EpochMs;
  readStatus: ReadStatus;
  openedAt?: EpochMs;
  signStatus: SignStatus;
  state: SignoffState;
  stateLabel: string;
  signedAt?: EpochMs;
  objections: ObjectionRound[];
  refusal?: Refusal;
  opinion?: Opinion;
  responseDue?: EpochMs;
  /** Opinion request past its deadline without an answer. */
  overdue: boolean;
  /** What the member may do now, straight from the transition table. */
  actions: SignoffEvent[];
}

export interface DeliveryEventView {
  n: number;
  type: DeliveryEventType;
  label: string;
  at: EpochMs;
  actorName: string;
  text?: string;
}

export interface MyDeliveryItem {
  /** What the list line shows of the delivery; objections, opinion and history are on the document page. */
  delivery: Pick<DeliveryView, 'deliveryId' | 'documentId' | 'deliveredAt' | 'readStatus' | 'signStatus' | 'state' | 'stateLabel' | 'responseDue' | 'overdue'>;
  document: Pick<
    DocumentView,
    'documentId' | 'kind' | 'kindLabel' | 'categoryLabel' | 'title' | 'sentAt' | 'sentByName' | 'responseDue' | 'versionNo' | 'supersededBy'
  >;
}

/** A line of the owners' 公开文件 list; the text and attachments come from `publishedDocument`. */
export type PublishedItem = Pick<DocumentView, 'documentId' | 'kind' | 'kindLabel' | 'categoryLabel' | 'title' | 'publishedAt'>;

export interface DocumentDetail {
  document: DocumentView;
  /** The caller's own delivery, when the document was delivered to them. */
  myDelivery?: DeliveryView;
  myHistory: DeliveryEventView[];
  versions: Array<{ documentId: Id; versionNo: number; sentAt?: EpochMs; status: DocumentStatus }>;
  canCompose: boolean;
}

export interface RecordView {
  document: DocumentView;
  rows: RecordRow[];
  summary: RecordSummary;
  /** Staff who may answer objections and record refusals. */
  canAct: boolean;
  canDecide: boolean;
  canPublish: boolean;
  quorumRule: QuorumRule;
  quorumRuleText: string;
  rosterSize: number;
}

export interface ArchiveEntryView {
  communityId: Id;
  seq: number;
  type: ArchiveEntryType;
  typeLabel: string;
  at: EpochMs;
  documentId: Id;
  kindLabel: string;
  categoryLabel: string;
  title: string;
  summary: string;
  hash: string;
}

/** The head of a community's chain as a person notes it: count, full hash and the short code. */
export interface ChainHeadView {
  seq: number;
  hash: string;
  code: string;
}

export interface ArchiveVerifyView {
  /** The chain is unbroken and every anchor checked matches. */
  ok: boolean;
  communityId: Id;
  communityName: string;
  /** Entries whose links and hashes were checked before the first break (all of them when unbroken). */
  checked: number;
  /** The newest stored entry now: write it down to check later changes against it. */
  head: ChainHeadView | null;
  broken?: { at: number; reason: BreakReason; label: string };
  /** The anchor the caller typed in first, then the monthly anchors, newest first. */
  anchors: AnchorCheck[];
}

export interface ArchiveAnchorView extends ChainHeadView {
  month: string;
  at: EpochMs;
  notifiedAt?: EpochMs;
}

export interface ArchiveAnchorsView {
  communityId: Id;
  communityName: string;
  current: ChainHeadView | null;
  anchors: ArchiveAnchorView[];
}

export interface ComposerView {
  personId: Id;
  name: string;
  roleLabel: string;
  allowed: boolean;
  /** Head and general manager may always; the switch is only for butlers and supervisors. */
  fixed: boolean;
}

const zKind = zKeyOf(KIND_LABELS, '请选择文件类型');
/** Drafts are of the compose page's kinds only: meeting papers come from the meetings function. */
const zComposableKind = zKeyOf(COMPOSABLE_KIND_LABELS, '请选择文件类型');
// Any kind's category here; whether it fits the document's kind is checked when the draft is saved.
const zCategory = zKeyOf(ALL_CATEGORIES, '请选择类别');
const zPeriod = zReportPeriod;
const zResult = zKeyOf(FILING_RESULT_LABELS, '请选择申报结果');
const zCount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int()
    .min(0, `${label}不能为负数`)
    .max(999);
const zDelivery = z.strictObject({ deliveryId: zId });
const zDocument = z.strictObject({ documentId: zId });

/** A generated PDF in storage: open `fileId` (weapp: cloud download + document viewer; H5: `/files/…`). */
export interface RecordPdfView {
  fileId: string;
  filename: string;
  bytes: number;
  pages: number;
}

const contentFields = {
  kind: zComposableKind,
  category: zCategory.optional(),
  title: zText('标题', L.documentTitle),
  body: z.string().trim().max(L.documentBody, tooLongMessage('正文', L.documentBody)).default(''),
  attachments: z.array(zFileRef).max(MAX_ATTACHMENTS, `附件最多${MAX_ATTACHMENTS}个`).default([]),
  plannedStart: zLocalDate.optional(),
  eventDate: zLocalDate.optional(),
  period: zPeriod.optional(),
  responseBy: zLocalDate.optional(),
};

export const filingsApi = {
  composers: action<{ canCompose: boolean; staff: ComposerView[] }>()('可起草、发送业委会文件的工作人员', noInput),
  setComposers: action<{ staff: ComposerView[] }>()('负责人授权管家、管家主管起草和发送业委会文件', z.strictObject({ personIds: z.array(zId).max(50) })),
  previewDue: action<{ deadline: Deadline | null; late: boolean; lateReasonRequired: boolean }>()(
    '起草时预览送达期限（按含调休的工作日历计算）',
    z.strictObject({
      kind: zComposableKind,
      category: zCategory.optional(),
      plannedStart: zLocalDate.optional(),
      eventDate: zLocalDate.optional(),
      period: zPeriod.optional(),
    }),
  ),
  saveDraft: action<DocumentView>()(
    '保存草稿（新建或修改；发送后不能再修改）',
    // eventId: the 需通报事项 this notification is written for; sending it closes the event.
    z.strictObject({ documentId: zId.optional(), communityId: zId.optional(), eventId: zId.optional(), ...contentFields }),
  ),
  discardDraft: action<DocumentView>()('放弃草稿（草稿保留在审计记录中，不再出现在列表里）', zDocument),
  revise: action<DocumentView>()('为已发送的文件起草更正版本（新版本将重新送达每位委员）', zDocument),
  send: action<DocumentView>()(
    '发送文件，逐一送达在任的每位业委会委员',
    z.strictObject({ documentId: zId, lateReason: z.string().trim().max(L.lateReason, tooLongMessage('逾期原因', L.lateReason)).optional() }),
  ),
  list: action<Paged<DocumentView>>()(
    '文件列表及签收进度（最近修改的在前，分页；可按类型、状态、类别、逾期和文字筛选）',
    z.strictObject({
      kind: zKind.optional(),
      status: z.enum(['draft', 'sent']).optional(),
      category: zCategory.optional(),
      /** Sent after their deadline (标记逾期送达). */
      late: z.boolean().optional(),
      text: z.string().trim().max(L.searchText).optional(),
      limit: zLimit,
      after: zCursor,
    }),
  ),
  get: action<DocumentDetail>()('文件详情（委员同时看到自己的送达记录）', zDocument),
  myDeliveries: action<Paged<MyDeliveryItem>>()(
    '我收到的文件（新的在前，分页；pending：尚未办结，done：已办结；text：与文件列表相同的文字检索）',
    z.strictObject({ tab: z.enum(['pending', 'done', 'all']).default('all'), text: z.string().trim().max(L.searchText).optional(), ...pageFields }),
  ),
  open: action<DeliveryView>()('委员打开文件（记录已阅读）', zDelivery),
  sign: action<DeliveryView>()('委员签收文件', zDelivery),
  object: action<DeliveryView>()('委员对文件提出异议', z.strictObject({ deliveryId: zId, text: zText('异议内容', L.objection) })),
  answer: action<DeliveryView>()(
    '委员反馈签阅意见（同意 / 不同意 / 意见）',
    z.strictObject({
      deliveryId: zId,
      choice: z.enum(['agree', 'disagree', 'comment'], { error: '请选择同意、不同意或填写意见' }),
      text: z.string().trim().max(L.opinion, tooLongMessage('意见', L.opinion)).optional(),
    }),
  ),
  reply: action<DeliveryView>()('服务中心答复委员的异议', z.strictObject({ deliveryId: zId, text: zText('答复内容', L.objectionReply) })),
  recordRefusal: action<DeliveryView>()(
    '工作人员记录委员拒签（记录人、时间、原因）',
    z.strictObject({ deliveryId: zId, reason: zText('拒签原因', L.refusalReason) }),
  ),
  record: action<RecordView>()('输出信息审批记录', zDocument),
  exportRecord: action<{ filename: string; csv: string }>()('导出输出信息审批记录（CSV，导出会被记录）', zDocument),
  recordPdf: action<RecordPdfView>()('输出信息审批记录（含正文）生成 PDF 文件，存入云存储（导出会被记录）', zDocument),
  decide: action<DocumentView>()(
    '记录申报结果（批准 / 未批准 / 撤回）；使用维修基金的申报须关联已通过的会议决议',
    z.strictObject({
      documentId: zId,
      result: zResult,
      note: z.string().trim().max(L.outcomeNote, tooLongMessage('说明', L.outcomeNote)).optional(),
      vote: z.strictObject({ present: zCount('出席人数'), agree: zCount('同意票'), against: zCount('反对票'), decidedOn: zLocalDate.optional() }).optional(),
      /** A passed resolution; the vote is then the resolution's, and fund filings need one. */
      resolutionId: zId.optional(),
    }),
  ),
  publishToOwners: action<DocumentView>()('负责人将文件向业主公开', zDocument),
  published: action<Paged<PublishedItem>>()('向业主公开的文件（新公开的在前，分页）', z.strictObject(pageFields)),
  publishedDocument: action<DocumentView>()('查看一份向业主公开的文件', zDocument),
  archiveSearch: action<{ entries: ArchiveEntryView[]; next: string | null }>()(
    '档案检索（按类型、类别、日期和文字）',
    z.strictObject({
      type: zKeyOf(ARCHIVE_TYPE_LABELS, '请选择档案类型').optional(),
      kind: zKind.optional(),
      category: zCategory.optional(),
      from: zLocalDate.optional(),
      to: zLocalDate.optional(),
      text: z.string().trim().max(L.searchText).optional(),
      limit: zLimit,
      after: zCursor,
    }),
  ),
  verifyArchive: action<ArchiveVerifyView>()(
    '校验本小区档案哈希链，并与委员持有的存证摘要（条数 + 摘要或简码）及每月存证摘要核对',
    z.strictObject({
      communityId: zId.optional(),
      anchor: z
        .strictObject({
          seq: z.number({ error: '请填写摘要上的条数' }).int().min(1, '条数至少为 1'),
          digest: z
            .string()
            .trim()
            .max(200)
            .refine((v) => normalizeDigest(v) !== null, '请填写完整摘要（64 位）或简码（16 位，如 1a2b-3c4d-5e6f-7a8b）'),
        })
        .optional(),
    }),
  ),
  archiveAnchors: action<ArchiveAnchorsView>()('本小区每月档案存证摘要及当前链头（供打印签字、转发留存）', z.strictObject({ communityId: zId.optional() })),
};
