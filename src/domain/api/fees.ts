import { z } from 'zod';
import { ESCALATION_DECISIONS, PROOF_KINDS, REMINDER_CHANNELS, type BillAtRisk, type EscalationStep, type ReminderChannel, type ReminderProof } from '../fees';
import { PAYMENT_CHANNELS, type AltContact, type PaymentChannel } from '../fee-records';
import type { MonthRates } from '../fee-totals';
import type { Fen, Id, LocalDate } from '../model';
import { zFileRef, type FileRef } from '../files';
import { action, noInput, zCursor, zId, zKeyOf, zLimit, zLocalDate, zMonth, zText, type Paged } from './contract';

export { REMINDER_CHANNELS, PAYMENT_CHANNELS, PROOF_KINDS, type ReminderChannel, type PaymentChannel };

export interface BillView {
  billId: Id;
  roomId: Id;
  roomLabel: string;
  month: string;
  amountFen: Fen;
  /** Still owed: the amount less any partial payment. */
  owingFen: Fen;
  status: 'unpaid' | 'paid';
  dueDate: LocalDate;
  paidAt?: number;
}

export interface CompanyAccountView {
  bank: string;
  accountName: string;
  accountNo: string;
  /** Shown beside the account: staff never collect into their own accounts. */
  notice: string;
}

/** Arrears are listed by room, never by owner name. */
export interface ArrearsRow {
  roomId: Id;
  buildingId: Id;
  roomLabel: string;
  unpaidMonths: string[];
  amountFen: Fen;
  /** Contacts, each counted once however many unpaid bills it was about. */
  reminderCount: number;
  lastReminderAt: number | null;
  reachable: boolean;
  /** A butler's reminder is due today (from the 15th, on the community's cadence). */
  reminderDueNow: boolean;
  nextReminderDate: LocalDate | null;
  /** A suggestion only: each step beyond reminders needs a manager's decision. */
  escalation: EscalationStep;
  escalationLabel: string;
  /** The bill whose limitation period ends soonest, when near or past. */
  limitation?: BillAtRisk;
}

export interface ReminderView {
  reminderId: Id;
  billIds: Id[];
  months: string[];
  channel: ReminderChannel;
  channelLabel: string;
  byName: string;
  at: number;
  outcome: string;
  reachable: boolean;
  written: boolean;
  proof?: ReminderProof;
  /** A written reminder with a fitting proof: it interrupted the limitation period. */
  interrupts: boolean;
  /** A proof may still be attached (a written channel without one). */
  canAddProof: boolean;
}

export interface RoomFeesView {
  roomId: Id;
  roomLabel: string;
  buildingId: Id;
  bills: BillView[];
  amountFen: Fen;
  /** Full to the room's butler (with a call button), masked to everyone else. */
  phones: Array<{ phone: string; masked: boolean; source: string }>;
  altContacts: AltContact[];
  atRisk: BillAtRisk[];
  escalation: EscalationStep;
  escalationLabel: string;
  canDecideEscalation: boolean;
  decisions: Array<{ step: string; decision: string; reason: string; byName: string; at: number; letter?: FileRef }>;
}

export interface PaymentView {
  paymentId: Id;
  roomLabel: string;
  amountFen: Fen;
  paidOn: LocalDate;
  channel: PaymentChannel;
  channelLabel: string;
  receiptNo: string;
  months: Array<{ month: string; fen: Fen }>;
}

export interface PaymentReportView {
  reportId: Id;
  roomId: Id;
  roomLabel: string;
  amountFen: Fen;
  paidOn: LocalDate;
  screenshot: FileRef;
  status: 'pending' | 'confirmed' | 'rejected';
  reason?: string;
  at: number;
}

export interface DashboardView {
  months: MonthRates[];
  buildings: Array<{ buildingId: Id; name: string; owingFen: Fen; rows: MonthRates[] }>;
  owingFen: Fen;
  owingRooms: number;
}

const zFen = z.number({ error: '请填写金额' }).int('金额应精确到分').positive('金额应大于0').max(100_000_000_00, '金额过大');
const zRate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('area'), fenPerM2: zFen }),
  z.strictObject({ kind: z.literal('fixed'), amountFen: zFen }),
]);
const zPhone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写正确的电话号码');
const zChannel = zKeyOf(REMINDER_CHANNELS, '请选择催缴方式');
const zOutcome = zText('催缴结果', 200);

/**
 * The owner's bills a page at a time: paid ones newest month first in `items`; the first page also
 * carries the company account and every unpaid bill (what is owed leads the page, and is bounded by
 * what is owed, not by the years behind it).
 */
export interface MyBillsPage extends Paged<BillView> {
  account?: CompanyAccountView;
  unpaid?: BillView[];
}

export const feesApi = {
  myBills: action<MyBillsPage>()('我的物业费账单：首页带缴费账户和全部未缴账单，已缴账单按月份从新到旧分页', z.strictObject({ limit: zLimit, after: zCursor })),
  myPayments: action<Paged<PaymentView | PaymentReportView>>()('我的缴费记录与申报', z.strictObject({ limit: zLimit, after: zCursor })),
  schedule: action<{ rate: z.infer<typeof zRate>; proRata: boolean; rooms: number } | null>()('本小区收费标准', noInput),
  setSchedule: action<{ ok: true }>()(
    '设置收费标准（面积×单价或固定金额，以分计）',
    z.strictObject({ rate: zRate, proRata: z.boolean(), rooms: z.record(zId, zRate).optional() }),
  ),
  generateBills: action<{ created: number; next: string | null }>()(
    '生成某月账单（分批，可重复执行）',
    z.strictObject({ month: zMonth, after: zCursor, limit: z.number().int().min(1).max(500).optional() }),
  ),
  arrears: action<Paged<ArrearsRow>>()(
    '欠费房屋列表（只显示房号）',
    z.strictObject({
      buildingId: zId.optional(),
      minMonths: z.number().int().min(1).max(120).optional(),
      dueToday: z.boolean().optional(),
      limit: zLimit,
      after: zCursor,
    }),
  ),
  roomFees: action<RoomFeesView>()('某户欠费详情', z.strictObject({ roomId: zId })),
  roomReminders: action<Paged<ReminderView>>()('某户催缴记录', z.strictObject({ roomId: zId, limit: zLimit, after: zCursor })),
  recordReminder: action<ReminderView>()(
    '记录一次催缴（涉及该户全部欠费，只计一次）',
    z.strictObject({ roomId: zId, channel: zChannel, outcome: zOutcome, reachable: z.boolean().optional() }),
  ),
  reminderBatch: action<{ recorded: number; skipped: number }>()(
    '批量记录催缴',
    z.strictObject({
      roomIds: z.array(zId).min(1, '请选择房屋').max(100, '一次最多100户'),
      channel: zChannel,
      outcome: zOutcome,
      reachable: z.boolean().optional(),
    }),
  ),
  addProof: action<ReminderView>()(
    '补充书面催缴的送达凭证',
    z.strictObject({
      reminderId: zId,
      kind: zKeyOf(PROOF_KINDS, '请选择凭证类型'),
      file: zFileRef.optional(),
      trackingNo: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{8,30}$/, '请填写正确的邮件单号')
        .optional(),
    }),
  ),
  recordPayment: action<PaymentView>()(
    '登记缴费（先抵最早的欠费）',
    z.strictObject({ roomId: zId, amountFen: zFen, paidOn: zLocalDate, channel: zKeyOf(PAYMENT_CHANNELS, '请选择缴费渠道'), receiptNo: zText('收据号', 40) }),
  ),
  reportPaid: action<PaymentReportView>()('业主申报“我已缴费”', z.strictObject({ roomId: zId, amountFen: zFen, paidOn: zLocalDate, screenshot: zFileRef })),
  paymentReports: action<Paged<PaymentReportView>>()('待确认的缴费申报', z.strictObject({ limit: zLimit, after: zCursor })),
  decideReport: action<PaymentReportView>()(
    '确认或退回缴费申报',
    z.strictObject({ reportId: zId, confirm: z.boolean(), reason: z.string().trim().max(200).optional(), receiptNo: z.string().trim().max(40).optional() }),
  ),
  unreachable: action<Paged<ArrearsRow>>()('联系不上的欠费户', z.strictObject({ limit: zLimit, after: zCursor })),
  updateContact: action<{ ok: true }>()('补充业主联系方式', z.strictObject({ roomId: zId, phone: zPhone, source: zText('提供人（如邻居、亲属）', 40) })),
  decideEscalation: action<{ ok: true }>()(
    '欠费升级处理的决定（律师函、起诉）',
    z.strictObject({
      roomId: zId,
      step: z.enum(['lawyer_letter', 'lawsuit'], { error: '请选择处理方式' }),
      decision: zKeyOf(ESCALATION_DECISIONS, '请选择决定'),
      reason: zText('理由', 300),
      letter: zFileRef.optional(),
    }),
  ),
  dashboard: action<DashboardView>()(
    '收费统计（收缴率、户收费率、清缴率）',
    z.strictObject({ communityId: zId.optional(), from: zMonth.optional(), to: zMonth.optional() }),
  ),
  reminderSlips: action<{ filename: string; base64: string; bytes: number; pages: number }>()(
    '打印催缴单（PDF，按户或按楼栋）',
    z.strictObject({ roomId: zId.optional(), buildingId: zId.optional() }).refine((v) => !!v.roomId !== !!v.buildingId, '请选择一户或一栋楼'),
  ),
};
