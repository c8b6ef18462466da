import type { ArchiveAnchor } from '@domain/anchor';
import type { ArchiveEntry } from '@domain/archive';
import type { AuditEvent } from '@domain/audit';
import type { CommitteeDocument, ComposerSettings } from '@domain/documents';
import type { Inquiry, InquiryEvent } from '@domain/inquiry';
import type { Communication, Meeting, MeetingProposal, Posting, Resolution, SealUse } from '@domain/meetings';
import type {
  Bill,
  Building,
  CalendarOverrideRecord,
  CommitteeSeat,
  Community,
  FeeReminder,
  InboxItem,
  Person,
  Room,
  RoomBinding,
  StoredRecord,
  SubscriptionQuota,
} from '@domain/model';
import type { Delivery, DeliveryEventRecord } from '@domain/signoff';
import type { ObligationRecord } from '@domain/workbench';
import type { OperationRecord, ProbeRecord, StoredAlert, TemplateSettings } from './server-records';

/**
 * Every collection, declared once: what its records are (the type the storage calls infer), a line
 * for each field, and the indexes its queries use. `scripts/init-cloudbase.ts` creates these indexes
 * in CloudBase and the embedded store creates them in NeDB; `docs/collections.md` is generated from
 * the descriptions (`npm run docs:api`).
 */
type Fields<T> = { [K in Exclude<keyof T, '_id' | 'version' | 'ops'>]-?: string };
type IndexList = ReadonlyArray<ReadonlyArray<string>>;

export interface CollectionDeclaration<T extends StoredRecord = StoredRecord> {
  description: string;
  fields: Fields<T>;
  indexes: IndexList;
  /** Field sets no two records may share (besides `_id`). */
  unique?: IndexList;
  /** Never set: carries the record type to `RecordOf`. */
  readonly __record?: T;
}

const declare =
  <T extends StoredRecord>() =>
  <D extends Omit<CollectionDeclaration<T>, '__record'>>(d: D): D & { readonly __record?: T } =>
    d;

const communityId = '所属小区';
const createdAt = '创建时间';

export const COLLECTIONS = {
  communities: declare<Community & ComposerSettings>()({
    description: '小区/项目',
    fields: {
      name: '小区名称',
      city: '所在城市',
      companyAccount: '业主缴费的公司账户（唯一展示给业主的账户）',
      quorumRule: '会议表决规则（缺省为过半数出席、全体过半数同意）',
      createdAt,
      composerIds: '负责人授权可起草文件的管家',
    },
    indexes: [],
  }),
  buildings: declare<Building>()({ description: '楼栋', fields: { communityId, name: '楼栋名称' }, indexes: [['communityId']] }),
  rooms: declare<Room>()({
    description: '房屋',
    fields: { communityId, buildingId: '所在楼栋', label: '房号（欠费列表只显示房号，不显示姓名）', areaM2: '建筑面积（平方米）' },
    indexes: [['communityId', 'buildingId']],
  }),
  people: declare<Person>()({
    description: '人员（业主、委员、员工）',
    fields: {
      openid: '微信平台身份（OPENID），从不取自请求内容',
      name: '姓名',
      phone: '手机号（仅负责的管家和本人可见全号）',
      communityId: '所在小区；总经理为空（跨小区）',
      staffRole: '员工角色',
      buildingIds: '管家负责的楼栋',
      createdAt,
    },
    indexes: [['openid'], ['communityId']],
    unique: [['openid']],
  }),
  roomBindings: declare<RoomBinding>()({
    description: '房屋绑定申请',
    fields: {
      communityId,
      personId: '申请人',
      roomId: '房屋',
      status: '申请状态',
      requestedAt: '申请时间',
      decidedAt: '审核时间',
      decidedBy: '审核人',
      note: '审核说明',
    },
    indexes: [
      ['personId', 'status'],
      ['communityId', 'status'],
      ['personId', 'roomId'],
    ],
  }),
  committeeSeats: declare<CommitteeSeat>()({
    description: '业委会委员任期',
    fields: { communityId, personId: '委员', position: '职务（主任、副主任、委员）', termStart: '任期开始日', termEnd: '任期结束日（含）' },
    indexes: [
      ['communityId', 'termEnd'],
      ['personId', 'termEnd'],
    ],
  }),
  audit: declare<AuditEvent>()({
    description: '操作审计日志（只增不改）',
    fields: { type: '事件类型', communityId, actorId: '操作人', subject: '对象（类别与编号）', data: '事件内容', at: '发生时间' },
    indexes: [
      ['subject.id', 'at'],
      ['communityId', 'at'],
    ],
  }),
  inbox: declare<InboxItem>()({
    description: '站内消息',
    fields: {
      personId: '收件人',
      communityId,
      title: '标题',
      body: '内容',
      link: '点开后打开的页面',
      createdAt,
      readAt: '阅读时间',
      alertKey: '来源提醒（同一提醒只进收件箱一次）',
    },
    indexes: [
      ['personId', 'readAt'],
      ['personId', 'createdAt'],
    ],
  }),
  subscriptions: declare<SubscriptionQuota>()({
    description: '订阅消息授权（一次性授权的剩余次数）',
    fields: { personId: '授权人', templateKey: '消息模板', remaining: '剩余可发送次数', updatedAt: '更新时间' },
    indexes: [['personId', 'templateKey']],
  }),
  calendarOverrides: declare<CalendarOverrideRecord>()({
    description: '工作日历调整（管理员对官方放假安排的更正）',
    fields: {
      scope: '单日或整年',
      date: '调整的日期',
      kind: '放假或上班',
      name: '名称（如“春节”）',
      year: '整年替换的年份',
      holidays: '整年的放假日',
      workdays: '整年的调休上班日',
      revoked: '已撤销（保留记录，不再生效）',
      updatedBy: '修改人',
      updatedAt: '修改时间',
    },
    indexes: [['date']],
  }),
  obligations: declare<ObligationRecord>()({
    description: '服务中心的定期义务与期限（工作台）',
    fields: {
      communityId,
      kind: '义务类别',
      title: '标题',
      period: '所属期间',
      dueDate: '到期日',
      due: '到期时刻（当日结束）',
      lastWorkingDate: '到期日前最后一个工作日',
      provisional: '按周末推算（当年放假安排未发布）',
      rule: '适用的期限规则',
      ruleText: '规则说明',
      windowStart: '办理窗口开始日',
      assigneeId: '负责人',
      assignedAt: '指派时间',
      assignedBy: '指派人',
      done: '完成记录（谁、何时、说明、文件）',
      doneAt: '完成时间',
      createdAt,
    },
    indexes: [
      ['communityId', 'dueDate'],
      ['assigneeId', 'dueDate'],
    ],
  }),
  documents: declare<CommitteeDocument>()({
    description: '申报、通报、报告、签阅等书面文件（每个版本一条）',
    fields: {
      communityId,
      kind: '文件类别',
      content: '文件内容（标题、正文、类别、日期、附件）',
      status: '草稿或已发送',
      seriesId: '同一文件各版本共用的编号',
      versionNo: '版本号',
      supersedes: '本版更正的上一版',
      supersededBy: '更正本版的下一版',
      createdById: '起草人',
      createdAt,
      updatedAt: '最后修改时间',
      sentAt: '发送时间',
      sentById: '发送人',
      sentByName: '发送人姓名',
      deadline: '适用期限（到期日与规则）',
      late: '逾期发送',
      lateReason: '逾期原因',
      responseDue: '签阅答复截止时刻',
      roster: '发送当日的委员名单',
      outcome: '申报结果（通过、否决、撤回与表决）',
      publishedAt: '向业主公示时间',
      publishedById: '公示人',
    },
    indexes: [
      ['communityId', 'sentAt'],
      ['communityId', 'kind', 'status'],
      ['communityId', 'updatedAt'],
      ['kind', 'status', 'responseDue'],
      ['seriesId', 'versionNo'],
      ['communityId', 'publishedAt'],
    ],
  }),
  deliveries: declare<Delivery>()({
    description: '逐位委员的书面送达与签收记录',
    fields: {
      communityId,
      documentId: '文件',
      documentKind: '文件类别',
      memberId: '委员',
      memberName: '委员姓名',
      position: '职务',
      deliveredAt: '送达时间',
      readStatus: '是否已打开',
      openedAt: '首次打开时间',
      signStatus: '签收状态',
      objectionOpen: '有未答复的异议',
      signedAt: '签收时间',
      objections: '异议与答复（每轮一条）',
      refusal: '拒签记录（谁记录、何时、原因）',
      opinion: '签阅意见',
      responseDue: '答复截止时刻',
      eventCount: '已发生的事件数（事件编号）',
    },
    indexes: [
      ['documentId', 'memberId'],
      ['memberId', 'deliveredAt'],
      ['memberId', 'signStatus'],
      ['communityId', 'objectionOpen'],
    ],
    unique: [['documentId', 'memberId']],
  }),
  deliveryEvents: declare<DeliveryEventRecord>()({
    description: '送达记录上的每个事件（送达、打开、签收、拒签、异议、答复）',
    fields: {
      communityId,
      documentId: '文件',
      deliveryId: '送达记录',
      memberId: '委员',
      n: '事件序号',
      type: '事件类型',
      at: '发生时间',
      actorId: '操作人',
      actorName: '操作人姓名',
      text: '文字内容',
      data: '其他内容',
    },
    indexes: [
      ['deliveryId', 'n'],
      ['documentId', 'at'],
    ],
  }),
  archive: declare<ArchiveEntry>()({
    description: '只增不改的档案链（每个小区一条哈希链）',
    fields: {
      type: '档案类别',
      communityId,
      at: '发生时间',
      subject: '对象（类别与编号）',
      documentId: '相关文件',
      documentKind: '文件类别',
      category: '文件分类',
      title: '标题',
      text: '正文摘要',
      payload: '完整内容',
      seq: '本小区链上的序号',
      prevHash: '上一条的哈希',
      hash: '本条的哈希',
      opKey: '写入它的操作步骤（不计入哈希）',
    },
    indexes: [['communityId', 'seq'], ['communityId', 'type', 'at'], ['communityId', 'documentId', 'type'], ['opKey']],
    unique: [['communityId', 'seq']],
  }),
  archiveAnchors: declare<ArchiveAnchor>()({
    description: '每月档案存证摘要（链头），已送交每位委员',
    fields: {
      communityId,
      month: '月份',
      seq: '当时的记录条数',
      hash: '当时链头的哈希',
      code: '简码（便于抄录核对）',
      at: '生成时间',
      notifiedAt: '已送交全体委员的时间',
    },
    indexes: [['communityId', 'month']],
  }),
  inquiries: declare<Inquiry>()({
    description: '业主和委员的咨询、建议、要求、投诉与质询',
    fields: {
      communityId,
      channel: '业主或业委会',
      kind: '类别',
      askerId: '提问人',
      roomId: '相关房屋',
      buildingId: '相关楼栋',
      text: '内容',
      photos: '照片',
      auditDate: '查账日期（仅查账申请）',
      status: '处理状态',
      classification: '定性（合理、不合理、无法解决）',
      assigneeId: '处理人',
      receivedAt: '收到时间',
      due: '答复截止时刻',
      dueDate: '答复截止日',
      dueProvisional: '截止日为暂定',
      firstDue: '首次答复截止时刻',
      firstResponseAt: '首次答复时间',
      respondedAt: '最近答复时间',
      escalatedAt: '上报总经理时间',
      overdueAt: '逾期时间',
      flaggedDue: '已按此截止时刻标记逾期',
      rating: '满意度',
      ratedAt: '评价时间',
      reopenCount: '重新打开次数',
    },
    indexes: [
      ['communityId', 'status', 'due'],
      ['askerId', 'receivedAt'],
      ['assigneeId', 'status'],
      ['status', 'due'],
      ['escalatedAt', 'status'],
      ['communityId', 'receivedAt'],
    ],
  }),
  inquiryEvents: declare<InquiryEvent>()({
    description: '质询处理过程（只增不改）',
    fields: {
      inquiryId: '质询',
      communityId,
      type: '事件类型',
      actorId: '操作人',
      from: '原状态',
      to: '新状态',
      text: '文字内容',
      photos: '照片',
      data: '其他内容',
      at: '发生时间',
    },
    indexes: [['inquiryId', 'at']],
  }),
  bills: declare<Bill>()({
    description: '物业费账单（每户每月一条，金额以分计）',
    fields: {
      communityId,
      buildingId: '楼栋',
      roomId: '房屋',
      month: '所属月份',
      amountFen: '金额（分）',
      status: '未缴或已缴',
      dueDate: '催缴开始日',
      paidAt: '缴费时间',
      createdAt,
    },
    indexes: [
      ['communityId', 'month', 'status'],
      ['communityId', 'status'],
      ['roomId', 'month'],
    ],
  }),
  reminders: declare<FeeReminder>()({
    description: '催缴记录（留作诉讼时效证据）',
    fields: {
      communityId,
      billId: '账单',
      roomId: '房屋',
      channel: '催缴方式',
      byId: '催缴人',
      at: '催缴时间',
      outcome: '结果',
      written: '书面催缴（有送达证明）',
      reachable: '联系上了',
    },
    indexes: [
      ['billId', 'at'],
      ['communityId', 'at'],
    ],
  }),
  alerts: declare<StoredAlert>()({
    description: '已发出的提醒（同一提醒只发一次）',
    fields: {
      key: '去重键',
      personId: '接收人',
      communityId,
      title: '标题',
      body: '内容',
      link: '点开后打开的页面',
      templateKey: '订阅消息模板',
      templateValues: '模板字段的值',
      createdAt,
      channel: '实际送达渠道',
    },
    indexes: [['personId', 'createdAt']],
  }),
  meetingProposals: declare<MeetingProposal>()({
    description: '负责人向业委会主任提议召开例行工作沟通会议（每小区每季度一条）',
    fields: {
      communityId,
      period: '季度（YYYY-Qn）',
      status: '待答复、已委托、已同意或无需召开',
      agenda: '议程',
      note: '说明',
      proposedBy: '提议人',
      proposedAt: '提议时间',
      chair: '业委会主任',
      delegate: '受托召集人（副主任或指定委员）',
      addresseeId: '当前应答复的人',
      reply: '答复（谁、何时、同意的日期地点或原因）',
      meetingId: '同意后安排的会议',
    },
    indexes: [
      ['communityId', 'period'],
      ['addresseeId', 'status'],
    ],
  }),
  meetings: declare<Meeting>()({
    description: '会议（例行、专题、半年度、年度汇报）及出席、表决和纪要',
    fields: {
      communityId,
      kind: '会议类别',
      title: '会议名称',
      period: '所属期间（季度、半年、年度）',
      proposalId: '来源提议',
      status: '待召开、已召开、纪要签署中、纪要已签署',
      day: '会议日期',
      place: '地点',
      agenda: '议程',
      motions: '议题与逐位委员表决',
      convener: '召集人',
      noticeDocumentId: '会议通知（逐位送达签收的文件）',
      attendance: '出席委员与服务中心出席人员',
      minutesDocumentId: '当前版本的会议纪要（逐位送签的文件）',
      minutesSignedAt: '纪要全部签署完成时间',
      createdBy: '创建人',
      createdAt,
      updatedAt: '最后修改时间',
    },
    indexes: [['communityId', 'day'], ['communityId', 'period'], ['minutesDocumentId']],
  }),
  resolutions: declare<Resolution>()({
    description: '会议决议（主任签字、加盖公章后方可公告）',
    fields: {
      communityId,
      meetingId: '会议',
      motionId: '议题',
      title: '标题',
      text: '决议内容',
      filingId: '相关申报',
      requiresPosting: '须向业主公告',
      status: '待签字、待盖章、已盖章、已公告',
      passedOn: '通过日期',
      tally: '表决结果与法定人数',
      chairSignature: '主任签字（谁、何时）',
      seal: '用章（保管人、时间、照片）',
      publishedAt: '公告时间',
      publishedBy: '公告人',
      createdAt,
    },
    indexes: [['communityId', 'status'], ['communityId', 'publishedAt'], ['meetingId']],
  }),
  sealUses: declare<SealUse>()({
    description: '业委会公章使用登记（用于何事、何时、保管人、授权人、盖章页照片）',
    fields: { communityId, what: '用于何事', resolutionId: '相关决议', at: '用章时间', keeper: '保管人', authorisedBy: '授权人', photo: '盖章页照片' },
    indexes: [['communityId', 'at']],
  }),
  communications: declare<Communication>()({
    description: '与业委会主任、副主任的沟通记录',
    fields: {
      communityId,
      period: '季度',
      on: '沟通日期',
      channel: '方式（会面、电话、拜访、微信）',
      participants: '参与的委员',
      summary: '内容摘要',
      recordedBy: '记录人',
      recordedAt: '记录时间',
    },
    indexes: [['communityId', 'period']],
  }),
  postings: declare<Posting>()({
    description: '业委会要求张贴的公告（负责人审核后张贴）',
    fields: {
      communityId,
      title: '标题',
      body: '正文',
      attachments: '附件',
      status: '待审核、已退回、已审核、已张贴',
      submittedBy: '提交的委员',
      submittedAt: '提交时间',
      review: '审核（谁、何时、通过或退回及原因）',
      postedAt: '张贴时间',
      postedBy: '张贴人',
    },
    indexes: [
      ['communityId', 'status'],
      ['communityId', 'postedAt'],
    ],
  }),
  counters: declare<ProbeRecord>()({ description: '存储契约测试的探针记录（应用不读）', fields: {}, indexes: [] }),
  ops: declare<OperationRecord>()({
    description: '每次用户操作的写入计划与答复（崩溃后由重试或修复任务补完）',
    fields: {
      status: '待完成、已完成或已放弃',
      fn: '云函数',
      action: '操作',
      payloadHash: '请求内容的哈希（同一请求编号不得换内容）',
      attempt: '第几次计划',
      steps: '写入步骤',
      result: '答复（重试时原样返回）',
      now: '请求时刻',
      leaseUntil: '执行者的租约到期时刻',
      createdAt,
      doneAt: '完成时间',
    },
    indexes: [['status', 'leaseUntil']],
  }),
  settings: declare<TemplateSettings>()({
    description: '环境配置（订阅消息模板编号），重新部署也不会丢失',
    fields: { ids: '各模板的编号', updatedAt: '更新时间' },
    indexes: [],
  }),
};

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
/** The record type a collection holds. */
export type RecordOf<C extends CollectionName> = NonNullable<(typeof COLLECTIONS)[C]['__record']>;
