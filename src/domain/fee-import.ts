/**
 * Bills and payments from the company's billing system or a bank export, read by the one import
 * mechanism (`room-import.ts` for rooms). The file is a table of cells; here, pure: which column is
 * which, every row checked with a Chinese message naming its line, amounts in exact fen (a yuan
 * string is never a float), and what identifies a row so importing the same file twice does nothing.
 */
import { FEE_TEMPLATES, type FeeImportKind } from './fee-import-templates';
import { parseYuan } from './fee-ledger';
import { PAYMENT_CHANNELS, type PaymentChannel } from './fee-records';
import type { Fen, LocalDate } from './model';
import { hasOwn } from './own';
import { roomLabel } from './room-import';
import { cellText, readTable, type ReadTable } from './spreadsheet-table';
import { isLocalDate, isYearMonth, type YearMonth } from './time';

export type { FeeImportKind };
export { FEE_TEMPLATES };

/** The most rows one fee file may hold: 2,000 rooms × 12 months fits. */
export const MAX_FEE_IMPORT_ROWS = 30_000;
/** A bill without a fee item is the property fee: the monthly run's bill of that room and month. */
export const DEFAULT_FEE_ITEM = '物业费';

const ROOM = { building: ['楼栋', '楼号', '栋'], unit: ['单元', '单元号'], room: ['房号', '房间号', '门牌号'] } as const;
const MONTH = ['月份', '账期', '所属月份', '计费月份', '费用月份'] as const;
const AMOUNT = ['金额', '金额(元)', '金额（元）', '应收金额', '应缴金额', '实收金额', '缴费金额'] as const;

export const BILL_COLUMNS = { ...ROOM, month: MONTH, item: ['收费项目', '费用项目', '项目'], amount: AMOUNT } as const;
export const PAYMENT_COLUMNS = {
  ...ROOM,
  month: MONTH,
  amount: AMOUNT,
  paidOn: ['缴费日期', '交易日期', '到账日期', '日期'],
  channel: ['缴费渠道', '渠道', '支付方式'],
  receiptNo: ['流水号', '交易流水号', '收据号', '票据号'],
} as const;

/**
 * Yuan as written in a cell, to exact fen: '1,234.5', '¥256.80', '256.8元', or a spreadsheet number
 * (whose shortest decimal form is what the sheet shows). Null for anything else, three decimals included.
 */
export function cellFen(v: unknown): Fen | null {
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : cellText(v);
  return parseYuan(
    text
      .replace(/^[¥￥]/, '')
      .replace(/元$/, '')
      .replace(/,/g, ''),
  );
}

/** '2026-11', '2026/11', '2026年11月', '202611', or a date cell ('2026-11-01') → '2026-11'. */
export function cellMonth(v: unknown): YearMonth | null {
  const t = cellText(v);
  const m = /^(\d{4})(?:[-/.年]?)(\d{1,2})月?(?:[-/.]\d{1,2}日?)?$/.exec(t);
  if (!m) return null;
  const month = `${m[1]}-${m[2].padStart(2, '0')}`;
  if (!isYearMonth(month)) return null;
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(t) && !isLocalDate(dateOf(t))) return null;
  return month;
}

function dateOf(t: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

/** '2026-11-18', '2026/11/18', '2026年11月18日' or a date cell → a real day, else null. */
export function cellDate(v: unknown): LocalDate | null {
  const d = dateOf(cellText(v));
  return isLocalDate(d) ? d : null;
}

/** The channel by its label or its first words ('微信支付' for '微信支付（公司收款码）'); empty → the billing system. */
export function cellChannel(v: unknown): PaymentChannel | null {
  const t = cellText(v);
  if (t === '') return 'billing_system';
  if (hasOwn(PAYMENT_CHANNELS, t)) return t as PaymentChannel;
  const found = (Object.entries(PAYMENT_CHANNELS) as Array<[PaymentChannel, string]>).find(([, label]) => label === t || label.startsWith(t));
  return found ? found[0] : null;
}

export interface BillRow {
  line: number;
  label: string;
  month: YearMonth;
  item: string;
  amountFen: Fen;
}

export interface PaymentRow {
  line: number;
  label: string;
  /** Empty: the payment pays the room's oldest bills first; one month: only that month's bills. */
  months: YearMonth[];
  amountFen: Fen;
  paidOn: LocalDate;
  channel: PaymentChannel;
  receiptNo: string;
}

export type FeeTable<R> = ReadTable<R>;

function roomOf(cell: (key: 'building' | 'unit' | 'room') => unknown, fail: (m: string) => void): string {
  const parts = { building: cellText(cell('building')), unit: cellText(cell('unit')), room: cellText(cell('room')) };
  if (!parts.building) fail('楼栋不能为空');
  if (!parts.room) fail('房号不能为空');
  return roomLabel(parts);
}

function amountOf(v: unknown, fail: (m: string) => void): Fen {
  const fen = cellFen(v);
  if (fen === null) {
    fail(cellText(v).startsWith('-') ? '金额应大于0' : '金额应为以元计的数字，最多两位小数');
    return 0;
  }
  if (fen <= 0) fail('金额应大于0');
  return fen;
}

/** What bills and payments share: the missing columns' names, the empty file, the size limit. */
const FEE_RULES = {
  labels: { building: '楼栋', room: '房号', month: '月份', amount: '金额', paidOn: '缴费日期', receiptNo: '流水号' },
  emptyText: '文件中没有数据行',
  maxRows: MAX_FEE_IMPORT_ROWS,
};

/**
 * Bills: every room must already be in the community (`rooms`: its live room numbers). One bill per
 * room, month and fee item; a second line for the same is an error.
 */
export function readBillTable(table: unknown[][], rooms: ReadonlySet<string>): FeeTable<BillRow> {
  return readTable<typeof BILL_COLUMNS, BillRow>(table, {
    ...FEE_RULES,
    spec: BILL_COLUMNS,
    required: ['building', 'room', 'month', 'amount'],
    readRow: (cell, fail) => {
      const label = roomOf(cell, fail);
      if (label && !rooms.has(label) && cellText(cell('room'))) fail(`房号 ${label} 不在本小区`);
      const month = cellMonth(cell('month'));
      if (!month) fail('月份应为 YYYY-MM，如 2026-11');
      const item = cellText(cell('item')) || DEFAULT_FEE_ITEM;
      if (item.length > 20) fail('收费项目不能超过20个字');
      const amountFen = amountOf(cell('amount'), fail);
      return { row: { label, month: month ?? '', item, amountFen }, key: `${label} ${month} ${item}` };
    },
    dupText: (key) => `账单 ${key}`,
  });
}

/**
 * Payments: a malformed line stops the import; a room the community does not have is not an error
 * here (the row is held as unmatched when applied). A transaction number appears once per room.
 */
export function readPaymentTable(table: unknown[][], today: LocalDate): FeeTable<PaymentRow> {
  return readTable<typeof PAYMENT_COLUMNS, PaymentRow>(table, {
    ...FEE_RULES,
    spec: PAYMENT_COLUMNS,
    required: ['building', 'room', 'amount', 'paidOn', 'receiptNo'],
    readRow: (cell, fail) => {
      const label = roomOf(cell, fail);
      const monthText = cellText(cell('month'));
      const month = monthText ? cellMonth(monthText) : null;
      if (monthText && !month) fail('月份应为 YYYY-MM，如 2026-11');
      const amountFen = amountOf(cell('amount'), fail);
      const paidOn = cellDate(cell('paidOn'));
      if (!paidOn) fail('缴费日期应为 YYYY-MM-DD');
      else if (paidOn > today) fail('缴费日期不能晚于今天');
      const channel = cellChannel(cell('channel'));
      if (!channel) fail(`缴费渠道应为：${Object.values(PAYMENT_CHANNELS).join('、')}`);
      const receiptNo = cellText(cell('receiptNo'));
      if (!receiptNo) fail('流水号不能为空');
      else if (receiptNo.length > 40) fail('流水号不能超过40个字符');
      return {
        row: { label, months: month ? [month] : [], amountFen, paidOn: paidOn ?? '', channel: channel ?? 'billing_system', receiptNo },
        key: `${label} ${receiptNo}`,
      };
    },
    dupText: (key) => `房号与流水号 ${key}`,
  });
}

/** Why a payment row was held: shown to the butler who assigns it. */
export const UNMATCHED_REASONS = {
  no_room: '房号不在本小区',
  nothing_owing: '该房屋（该月）没有未缴账单',
  overpaid: '金额超过该房屋（该月）欠费合计',
} as const;
export type UnmatchedReason = keyof typeof UNMATCHED_REASONS;
