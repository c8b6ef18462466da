import { z } from 'zod';
import { isLocalDate } from '../time';

/**
 * The field schemas every contract shares for days, months, years and choices from a label table,
 * so "valid" means one thing everywhere: a day that exists, in years the product can compute
 * (the calendar data, deadline arithmetic and stored records all live well inside them), and a
 * choice that is one of the table's own keys, never an inherited name like 'constructor'.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

// Every message is given here rather than left to zod's locale, so these fields speak Chinese
// whichever module loads them first.
const YEAR_RANGE = `年份应在${FIRST_YEAR}至${LAST_YEAR}年之间`;
const DATE_FORMAT = '日期格式应为 YYYY-MM-DD';
const MONTH_FORMAT = '月份格式应为 YYYY-MM';
const PERIOD_FORMAT = '报告期间格式应为 YYYY-MM 或 YYYY-Qn';
const yearOfText = (value: string): number => Number(value.slice(0, 4));
export const isSupportedYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

/** 'YYYY-MM-DD' naming a real day (2026-02-30 and 2027-02-29 are refused) in a supported year. */
export const zLocalDate = z
  .string({ error: DATE_FORMAT })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_FORMAT, abort: true })
  .refine(isLocalDate, { error: '日期不存在，请检查月份和日', abort: true })
  .refine((v) => isSupportedYear(yearOfText(v)), YEAR_RANGE)
  .describe(`a real day, years ${FIRST_YEAR}–${LAST_YEAR}`);

/** 'YYYY-MM' in a supported year. */
export const zMonth = z
  .string({ error: MONTH_FORMAT })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: MONTH_FORMAT, abort: true })
  .refine((v) => isSupportedYear(yearOfText(v)), YEAR_RANGE)
  .describe(`years ${FIRST_YEAR}–${LAST_YEAR}`);

/** A report's period: 'YYYY-MM' (monthly statement) or 'YYYY-Qn' (quarterly reports), in a supported year. */
export const zReportPeriod = z
  .string({ error: PERIOD_FORMAT })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { error: PERIOD_FORMAT, abort: true })
  .refine((v) => isSupportedYear(yearOfText(v)), YEAR_RANGE)
  .describe(`years ${FIRST_YEAR}–${LAST_YEAR}`);

export const zYear = z.number({ error: '请填写年份' }).int('年份应为整数').min(FIRST_YEAR, YEAR_RANGE).max(LAST_YEAR, YEAR_RANGE);

/**
 * One of a label table's own keys, typed as their literal union. z.enum compares against the listed
 * keys only, so inherited names are refused like any other unknown value.
 */
export function zKeyOf<T extends object>(table: T, message: string) {
  // Object.keys lists own keys only; the inherited names never enter the enum.
  const keys = Object.keys(table) as [keyof T & string, ...Array<keyof T & string>];
  return z.enum(keys, { error: message });
}
