import type { ArchiveAnchor } from '@domain/anchor';
import type { ArchiveEntry } from '@domain/archive';
import type { AuditEvent } from '@domain/audit';
import type { CommitteeDocument, ComposerSettings } from '@domain/documents';
import type { Inquiry, InquiryEvent } from '@domain/inquiry';
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
import type { EscalationRecord, FeeAccount, FeeRun, FeeScheduleRecord, FeeTotals, Payment, PaymentReport } from '@domain/fee-records';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/fees';
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
    fields: {
      communityId,
      buildingId: '所在楼栋',
      label: '房号（欠费列表只显示房号，不显示姓名）',
      areaM2: '建筑面积（平方米）',
      activeFrom: '开始收费的日期（月中接管的房屋从次月起计费，按日折算时除外）',
    },
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
      paidFen: '已缴金额（分；部分缴费时账单仍为未缴）',
      lastProvenAt: '最近一次有送达凭证的书面催缴时间（诉讼时效自此重新计算）',
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
      billId: '所涉最早的账单',
      billIds: '本次联系涉及的全部未缴账单（一次联系只计一次）',
      buildingId: '楼栋',
      roomId: '房屋',
      channel: '催缴方式',
      byId: '催缴人（system 为系统自动提醒）',
      at: '催缴时间',
      outcome: '结果',
      written: '书面催缴',
      reachable: '联系上了',
      proof: '送达凭证（签收照片、挂号信单号或业主已读）',
      alertKey: '系统提醒的编号（已读即送达凭证）',
    },
    indexes: [
      ['billId', 'at'],
      ['communityId', 'at'],
      ['roomId', 'at'],
    ],
  }),
  feeSchedules: declare<FeeScheduleRecord>()({
    description: '收费标准（每小区一条）',
    fields: {
      communityId,
      rate: '默认单价（每平方米每月分数，或固定金额）',
      rooms: '个别房屋的单价',
      proRata: '月中接管按日折算',
      updatedAt: '修改时间',
      updatedBy: '修改人',
    },
    indexes: [],
  }),
  payments: declare<Payment>()({
    description: '缴费记录（部分缴费先抵最早的账单）',
    fields: {
      communityId,
      buildingId: '楼栋',
      roomId: '房屋',
      amountFen: '金额（分）',
      paidOn: '缴费日期',
      channel: '缴费渠道',
      receiptNo: '收据号',
      allocations: '抵扣到各账单的金额',
      source: '录入来源（员工、业主申报、导入）',
      byId: '录入人',
      at: '录入时间',
      reportId: '对应的业主缴费申报',
    },
    indexes: [
      ['roomId', 'paidOn'],
      ['communityId', 'paidOn'],
    ],
  }),
  paymentReports: declare<PaymentReport>()({
    description: '业主“我已缴费”申报（待员工确认或退回）',
    fields: {
      communityId,
      buildingId: '楼栋',
      roomId: '房屋',
      personId: '申报业主',
      amountFen: '金额（分）',
      paidOn: '缴费日期',
      screenshot: '转账截图',
      status: '待确认、已确认或已退回',
      reason: '退回理由（业主可见）',
      decidedBy: '处理人',
      decidedAt: '处理时间',
      paymentId: '确认后生成的缴费记录',
      at: '申报时间',
    },
    indexes: [
      ['communityId', 'status', 'at'],
      ['personId', 'at'],
    ],
  }),
  feeAccounts: declare<FeeAccount>()({
    description: '每户收费状态（欠费列表与自动提醒据此分页）',
    fields: {
      communityId,
      buildingId: '楼栋',
      roomId: '房屋',
      roomLabel: '房号',
      owingFen: '欠费合计（分）',
      unpaidCount: '欠费月数',
      oldestUnpaidMonth: '最早欠费月份',
      contacts: '催缴次数（每次联系计一次）',
      lastContactAt: '最近一次催缴',
      lastStaffContactAt: '最近一次员工催缴',
      lastAutoAt: '最近一次系统提醒',
      failedInRow: '连续未联系上的次数',
      nextStaffAt: '下次应由员工催缴的日期',
      nextAutoAt: '下次系统自动提醒业主的时间',
      altContacts: '他人提供的联系方式（审计）',
      updatedAt: '更新时间',
    },
    indexes: [['communityId', 'owingFen'], ['communityId', 'buildingId', 'roomLabel'], ['communityId', 'roomLabel'], ['nextAutoAt']],
  }),
  feeTotals: declare<FeeTotals>()({
    description: '收费汇总（小区×楼栋×月份，随每次写入同步累加）',
    fields: {
      communityId,
      buildingId: '楼栋',
      month: '月份',
      billedFen: '应收（分）',
      billCount: '账单数',
      paidForMonthFen: '该月账单已收（分）',
      fullyPaidCount: '已缴清账单数',
      settledFen: '本月实收（分，含往月欠费）',
      recoveredOldFen: '本月收回的往月欠费（分）',
      ...(Object.fromEntries(Object.entries(REMINDER_CHANNELS).map(([k, label]) => [`contacts_${k}`, `催缴次数：${label}`])) as Record<
        `contacts_${ReminderChannel}`,
        string
      >),
    },
    indexes: [['communityId', 'month']],
  }),
  feeRuns: declare<FeeRun>()({
    description: '每月账单生成进度（可中断续做）',
    fields: { communityId, month: '月份', after: '已处理到的位置', done: '已完成', created: '已生成账单数', startedAt: '开始时间', finishedAt: '完成时间' },
    indexes: [],
  }),
  escalations: declare<EscalationRecord>()({
    description: '欠费升级处理的决定（负责人或总经理）',
    fields: {
      communityId,
      roomId: '房屋',
      step: '律师函或起诉',
      decision: '决定执行或暂缓',
      reason: '理由',
      letter: '律师函附件',
      owingFen: '决定时欠费（分）',
      oldestUnpaidMonth: '决定时最早欠费月份',
      byId: '决定人',
      at: '决定时间',
    },
    indexes: [['roomId', 'at']],
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
