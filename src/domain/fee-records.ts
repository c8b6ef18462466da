/**
 * The fee records besides bills and reminders (`model.ts`): the schedule, payments, owners' payment
 * reports, the per-room account the arrears list and the reminder sweep page over, the running
 * totals, the monthly generation run, and managers' escalation decisions.
 */
import type { PaymentRow, UnmatchedReason } from './fee-import';
import type { FileRef } from './files';
import type { EscalationDecision, EscalationStep } from './fees';
import type { FeeSchedule } from './fee-ledger';
import type { Allocation } from './fee-ledger';
import type { TotalsFigures } from './fee-totals';
import type { EpochMs, Fen, Id, LocalDate, StoredRecord } from './model';

/** One per community (`_id` = community id). */
export interface FeeScheduleRecord extends StoredRecord, FeeSchedule {
  communityId: Id;
  updatedAt: EpochMs;
  updatedBy: Id;
}

export const PAYMENT_CHANNELS = {
  bank_transfer: '银行转账',
  wechat_pay: '微信支付（公司收款码）',
  alipay: '支付宝（公司账户）',
  pos: '前台刷卡',
  billing_system: '收费系统导入',
} as const;
export type PaymentChannel = keyof typeof PAYMENT_CHANNELS;

export interface Payment extends StoredRecord {
  communityId: Id;
  buildingId: Id;
  roomId: Id;
  amountFen: Fen;
  paidOn: LocalDate;
  channel: PaymentChannel;
  receiptNo: string;
  allocations: Allocation[];
  /** Who entered it: staff, an owner's confirmed report, or an import. */
  source: 'staff' | 'owner_report' | 'import';
  byId: Id;
  at: EpochMs;
  reportId?: Id;
}

export interface PaymentReport extends StoredRecord {
  communityId: Id;
  buildingId: Id;
  roomId: Id;
  personId: Id;
  amountFen: Fen;
  paidOn: LocalDate;
  screenshot: FileRef;
  status: 'pending' | 'confirmed' | 'rejected';
  /** Shown to the owner when rejected. */
  reason?: string;
  decidedBy?: Id;
  decidedAt?: EpochMs;
  paymentId?: Id;
  at: EpochMs;
}

/** Another way to reach the owner, given by someone else (a neighbour, a relative). */
export interface AltContact {
  phone: string;
  source: string;
  byId: Id;
  at: EpochMs;
}

/** A room's fee state (`_id` = room id), updated with every bill, payment and reminder of the room. */
export interface FeeAccount extends StoredRecord {
  communityId: Id;
  buildingId: Id;
  roomId: Id;
  roomLabel: string;
  owingFen: Fen;
  unpaidCount: number;
  oldestUnpaidMonth: string | null;
  /** Contacts, each counted once however many bills it covered. */
  contacts: number;
  lastContactAt: EpochMs | null;
  /** The last attempt by a person (the butler's cadence counts from it). */
  lastStaffContactAt: EpochMs | null;
  lastAutoAt: EpochMs | null;
  /** Attempts in a row that reached nobody; a room with enough is listed as unreachable. */
  failedInRow: number;
  /** Next day a butler should remind (start of that day), or a far-future value when nothing is owed. */
  nextStaffAt: EpochMs;
  /** When the product next messages the owner itself: the reminder sweep's indexed next action. */
  nextAutoAt: EpochMs;
  altContacts: AltContact[];
  updatedAt: EpochMs;
}

/** Never: an account owing nothing sorts after every real date. */
export const NEVER = 8_640_000_000_000_000;

export type FeeTotals = StoredRecord & TotalsFigures & { communityId: Id; buildingId: Id; month: string };

/** The monthly generation of one community (`_id` = community:month): where the last chunk stopped. */
export interface FeeRun extends StoredRecord {
  communityId: Id;
  month: string;
  after: string | null;
  done: boolean;
  created: number;
  startedAt: EpochMs;
  finishedAt?: EpochMs;
}

export interface EscalationRecord extends StoredRecord {
  communityId: Id;
  roomId: Id;
  step: Exclude<EscalationStep, 'none' | 'repeat_reminders'>;
  decision: EscalationDecision;
  reason: string;
  letter?: FileRef;
  owingFen: Fen;
  oldestUnpaidMonth: string;
  byId: Id;
  at: EpochMs;
}

/**
 * A payment row of an import that matched no room or no bill: held for staff to assign to a room
 * (then paid under `paymentId`, so a re-import cannot pay it again) or to set aside with a reason.
 */
export interface UnmatchedPayment extends StoredRecord {
  communityId: Id;
  importId: Id;
  row: PaymentRow;
  /** The id the payment takes once assigned (the same one a matching re-import would use). */
  paymentId: Id;
  reason: UnmatchedReason;
  status: 'open' | 'resolved' | 'set_aside';
  roomId?: Id;
  note?: string;
  resolvedBy?: Id;
  resolvedAt?: EpochMs;
  at: EpochMs;
}
