import { z } from 'zod';
import { QUARTERLY_FUND_REPORT_DAY } from '../rules';
import { MAX_BILL_REPEAT_DAYS, MAX_CADENCE_WORKING_DAYS } from './cadence';

/**
 * The community settings this issue owns, validated: the cadences a community may set
 * (`settings.reminders`, see `SETTABLE_REMINDERS`) and the day of the quarterly fund report. Both are
 * optional in a change, so a client that predates them still saves; `settingsOf` always reports them.
 */
const zWorkingDays = (label: string, min: number) =>
  z
    .number()
    .int(`${label}应为整数`)
    .min(min, `${label}应在${min}至${MAX_CADENCE_WORKING_DAYS}个工作日之间`)
    .max(MAX_CADENCE_WORKING_DAYS, `${label}应在${min}至${MAX_CADENCE_WORKING_DAYS}个工作日之间`);

const zDeadlineCadence = (label: string) =>
  z.strictObject({
    beforeWorkingDays: zWorkingDays(`${label}到期前提醒`, 0).optional(),
    repeatEveryWorkingDays: zWorkingDays(`${label}逾期后催办间隔`, 0).optional(),
  });

export const zReminders = z.strictObject({
  unsignedDelivery: zDeadlineCadence('未签收文件').optional(),
  notificationEvent: zDeadlineCadence('需通报事项').optional(),
  bill: z
    .strictObject({
      repeatEveryDays: z
        .number()
        .int('缴费提醒间隔应为整数')
        .min(1, `缴费提醒间隔应在1至${MAX_BILL_REPEAT_DAYS}天之间`)
        .max(MAX_BILL_REPEAT_DAYS, `缴费提醒间隔应在1至${MAX_BILL_REPEAT_DAYS}天之间`),
    })
    .optional(),
});

/** Every first month of a quarter (Jan, Apr, Jul, Oct) has at least this many days. */
export const FUND_REPORT_DAY_MAX = 30;
export const zFundReportDay = z
  .number()
  .int('季度收支报告日应为整数')
  .min(1, `季度收支报告日应为季度首月1至${FUND_REPORT_DAY_MAX}日`)
  .max(FUND_REPORT_DAY_MAX, `季度收支报告日应为季度首月1至${FUND_REPORT_DAY_MAX}日`);

/** The rule book's day where a community has not set its own (or a hand-edited value is not a day). */
export function fundReportDayOf(community: { fundReportDay?: unknown } | null | undefined): number {
  const d = community?.fundReportDay;
  return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= FUND_REPORT_DAY_MAX ? d : QUARTERLY_FUND_REPORT_DAY;
}
