/**
 * The one error type and its catalogue. Every failure the UI can show has a code here and a Chinese
 * message; the server never sends a stack or an English sentence to a user.
 */
import { RULE_PHRASES } from './rules';

export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNKNOWN_FUNCTION: '不存在的服务',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限执行此操作',
  NOT_FOUND: '记录不存在',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  DUPLICATE: '该记录已存在',
  REQUEST_ID_REUSED: '请求编号已用于另一操作，请重新提交',
  REQUEST_IN_PROGRESS: '该操作正在处理中，请稍候再试',
  DEV_LOGIN_DISABLED: '开发登录仅在本地模式下可用',
  TIMER_ONLY: '定时任务只能由云平台定时触发器启动，不接受客户端调用',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后重试',
  PAYLOAD_TOO_LARGE: '上传内容过大（最大10MB）',
  REQUEST_TIMEOUT: '请求超时，请检查网络后重试',
  // Rooms and people
  ROOM_ALREADY_BOUND: '您已绑定该房屋或申请正在审核中',
  BINDING_NOT_PENDING: '该绑定申请已处理',
  // Written delivery and sign-off
  DOCUMENT_NOT_DRAFT: '文件已发送，不能再修改；如需更正请发布新版本',
  DOCUMENT_NOT_SENT: '文件尚未发送',
  LATE_REASON_REQUIRED: '已超过最迟申报日期，请填写逾期原因',
  ALREADY_SIGNED: '您已签收该文件',
  DELIVERY_REFUSED: '已记录拒签，不能再签收',
  DELIVERY_CLOSED: '该送达记录已办结',
  NOT_AN_OBJECTION: '该委员未提出异议，无需答复',
  ALREADY_ANSWERED: '已提交过意见',
  QUORUM_NOT_MET: '表决未达到法定人数或同意票不足，不能批准',
  FILING_CLOSED: '该申报已办结',
  OBJECTION_UNANSWERED: '异议尚待服务中心答复，答复后方可继续办理',
  OBJECTION_ALREADY_ANSWERED: '该异议已答复',
  DOCUMENT_SUPERSEDED: '该文件已有更正版本，请在最新版本上办理',
  NO_COMMITTEE_MEMBERS: '本小区暂无在任业委会委员，无法送达',
  NOT_A_COMPOSER: '您未获负责人授权起草或发送业委会文件',
  // Inquiries
  INQUIRY_CLOSED: '该事项已办结',
  INQUIRY_NOT_CLASSIFIED: '请先对该事项进行分类',
  REOPEN_WINDOW_CLOSED: `${RULE_PHRASES.reopenClosed}，不能重新打开`,
  AUDIT_OUTSIDE_WINDOW: `查账只能安排在${RULE_PHRASES.auditWindow}之间`,
  INVALID_TRANSITION: '当前状态下不能执行该操作',
  // Calendar
  CALENDAR_IMPORT_INVALID: '导入的日历数据格式有误',
  CALENDAR_OVERRIDE_REVOKED: '该日历修正已撤销',
  // Obligations workbench
  OBLIGATION_ALREADY_DONE: '该事项已标记完成，不能重复办理',
  // Meetings, minutes and resolutions
  PROPOSAL_NOT_OPEN: '该会议提议已答复，不能再次答复',
  NOT_PROPOSAL_ADDRESSEE: '该提议不是发给您的',
  MEETING_NOT_SCHEDULED: '会议尚未召开或已记录，不能进行此操作',
  MEETING_NOT_HELD: '会议尚未记录召开情况',
  MINUTES_ALREADY_SENT: '会议纪要已送签，不能再修改；如需更正请发布新版本',
  NOT_AN_ATTENDEE: '只有出席会议的委员才能表决或签署纪要',
  NO_RESOLUTION_WITHOUT_QUORUM: '会议未达到法定人数，不能形成决议；请另选时间或采用其他沟通方式',
  MOTION_NOT_PASSED: '该议题未获通过，不能形成决议',
  RESOLUTION_NOT_SIGNED: '决议尚未经业委会主任签字',
  RESOLUTION_NOT_SEALED: '决议尚未加盖业委会公章',
  RESOLUTION_ALREADY_DONE: '该决议已办理此步骤',
  NOT_THE_CHAIR: '只有业委会主任可以签署决议',
  NOT_THE_SEAL_KEEPER: '只有本小区指定的公章保管人可以记录用章',
  SEAL_PHOTO_REQUIRED: '请上传盖章页照片（公章不得盖在空白页上）',
  GENERAL_MANAGER_REQUIRED: '年度、半年度工作汇报会议须有公司总经理出席：请在服务中心出席人员中选择总经理',
  RESOLUTION_REQUIRED: '使用维修基金的申报须关联一项已通过的业委会决议',
  RESOLUTION_MISMATCH: '所选决议不属于本小区或未获通过',
  POSTING_NOT_PENDING: '该公告已审核',
  POSTING_NOT_APPROVED: '该公告尚未经负责人审核通过',
  COMMUNICATION_NEEDS_LEADERS: '沟通记录须至少有业委会主任或副主任参与',
  ASSIGNEE_NOT_STAFF: '只能分派给本小区的管家、管家主管或服务中心负责人',
  // Onboarding and administration
  BOOTSTRAP_INVALID: '初始化码无效、已过期或已被使用',
  INVITATION_INVALID: '邀请码无效',
  INVITATION_EXPIRED: '邀请码已过期，请联系负责人重新邀请',
  INVITATION_USED: '邀请码已被使用',
  INVITATION_ROLE_FORBIDDEN: '服务中心负责人只能由公司管理员邀请',
  COMMUNITY_RETIRED: '该小区已停用',
  SETTINGS_INVALID: '小区设置有误',
  IMPORT_INVALID: '导入文件有误，未导入任何数据；请按提示修改后重新导入',
  IMPORT_FILE_UNREADABLE: '无法读取导入文件，请上传 .xlsx 或 .csv 文件',
  IMPORT_FILE_CHANGED: '导入文件已变化，请重新开始导入',
  IMPORT_BUSY: '本小区有一项导入尚未完成，请先完成它',
  FEES_SETTLING: '本小区的账单或缴费正在导入入账，请稍候片刻再查看',
  ROOM_RETIRED: '该房屋已停用，不能申请绑定',
  STAFF_NOT_FOUND: '该员工不在本小区',
  NOT_COMMUNITY_MEMBER: '您在该小区没有角色',
  OPEN_WORK_REMAINS: '该员工仍有未办结的事项，请选择接手的同事',
  // Fees
  INVALID_AMOUNT: '金额应为大于0的整数分（最多两位小数的元）',
  NOTHING_OWING: '该房屋没有欠费',
  OVERPAID: '缴费金额超过欠费合计',
  NO_FEE_SCHEDULE: '本小区尚未设置收费标准',
  PROOF_NOT_ACCEPTED: '该催缴方式不能使用这种送达凭证',
  REPORT_DECIDED: '该缴费申报已处理',
  UNMATCHED_DECIDED: '该笔待处理缴费已处理',
  NOT_READ_YET: '业主尚未阅读该站内提醒，不能作为送达凭证',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, userMessage?: string, details?: unknown) {
    super(`${code}: ${userMessage ?? ERROR_MESSAGES[code]}`);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage ?? ERROR_MESSAGES[code];
    this.details = details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.userMessage };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Rule violations in pure domain code: throw these, the handler turns them into an error envelope. */
export function fail(code: ErrorCode, message?: string, details?: unknown): never {
  throw new AppError(code, message, details);
}
