import { z } from 'zod';
import { REMINDER_CHANNELS, type EscalationStep, type ReminderChannel } from '../fees';
import type { Fen, Id, LocalDate } from '../model';
import { action, pageFields, zId, zKeyOf, zMonth, type Paged } from './contract';

// The list lives with the fee rules, which import no zod, so the arrears page can show it.
export { REMINDER_CHANNELS, type ReminderChannel };

export interface BillView {
  billId: Id;
  roomLabel: string;
  month: string;
  amountFen: Fen;
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
  roomLabel: string;
  unpaidMonths: string[];
  /** The unpaid bills themselves, so a reminder can be recorded against each. */
  bills: Array<{ billId: Id; month: string; amountFen: Fen }>;
  amountFen: Fen;
  reminderCount: number;
  lastReminderAt?: number;
  reachable: boolean;
  /** Reminders start on the 15th and repeat on the policy's cadence: is one due today, and when next. */
  reminderDueNow: boolean;
  nextReminderDate: LocalDate | null;
  /** A suggestion only: each step beyond reminders needs a manager's decision. */
  escalation: EscalationStep;
  escalationLabel: string;
  /** Set when a bill's limitation period (3 years from its last provable written reminder) is near or past. */
  limitation?: { billId: Id; month: string; expiresOn: LocalDate; daysLeft: number; expired: boolean };
}

/** Counted by the store over every unpaid bill in scope (not just the page); sent with the first page. */
export interface ArrearsSummary {
  bills: number;
  /** Bills whose next reminder is due today or earlier. */
  dueNow: number;
  /** Bills whose limitation period is near or past. */
  limitation: number;
}

export interface ReminderView {
  reminderId: Id;
  billId: Id;
  channel: ReminderChannel;
  byName: string;
  at: number;
  outcome: string;
}

export const feesApi = {
  myBills: action<Paged<BillView> & { account: CompanyAccountView; unpaid?: { count: number; amountFen: Fen } }>()(
    '我的物业费账单（未缴的在前，再按月份从新到旧，分页；unpaid：首页附带的待缴合计）',
    z.strictObject(pageFields),
  ),
  arrears: action<Paged<ArrearsRow> & { summary?: ArrearsSummary }>()(
    '欠费房屋列表（只显示房号；按楼栋、房屋排序，分页，每页若干户）',
    z.strictObject({ month: zMonth.optional(), ...pageFields }),
  ),
  recordReminder: action<ReminderView>()(
    '记录一次催缴',
    z.strictObject({
      billId: zId,
      channel: zKeyOf(REMINDER_CHANNELS, '请选择催缴方式'),
      outcome: z.string().trim().min(1, '请填写催缴结果').max(200, '催缴结果不能超过200个字'),
      reachable: z.boolean().optional(),
    }),
  ),
  reminders: action<Paged<ReminderView>>()('某张账单的催缴记录（新的在前，分页）', z.strictObject({ billId: zId, ...pageFields })),
};
