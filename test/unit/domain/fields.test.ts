import { zKeyOf, zLocalDate, zMonth, zReportPeriod, zYear } from '@domain/api/fields';
import { accessOf } from '@domain/permissions';
import { categoryLabel, isCategoryOf } from '@domain/documents';
import { hasOwn, ownValue } from '@domain/own';
import type { z } from 'zod';

const accepts = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;
const messageOf = (schema: z.ZodType, value: unknown): string | undefined => schema.safeParse(value).error?.issues[0]?.message;
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('zLocalDate: a real day in 2000–2100', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-01-01', '2100-12-31', '2026-11-30'])('accepts %s', (d) => {
    expect(accepts(zLocalDate, d)).toBe(true);
  });

  it.each(['2026-02-30', '2026-11-31', '2027-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-01-00'])('refuses the impossible day %s', (d) => {
    expect(messageOf(zLocalDate, d)).toBe('日期不存在，请检查月份和日');
  });

  it.each(['1999-12-31', '2101-01-01', '9999-12-31', '0000-01-01'])('refuses %s, outside the years the product computes', (d) => {
    expect(messageOf(zLocalDate, d)).toMatch(/年份应在2000至2100年之间|日期不存在/);
    expect(accepts(zLocalDate, d)).toBe(false);
  });

  it.each([' 2026-01-01', '2026-01-01 ', '2026-1-1', '20260101', '2026/01/01', '2026-01-01T00:00', '', 20260101, null])(
    'refuses the malformed %p with one format message',
    (d) => {
      const issues = zLocalDate.safeParse(d).error?.issues ?? [];
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    },
  );
});

describe('zMonth and zReportPeriod: bounded years', () => {
  it.each(['2026-01', '2026-12', '2000-01', '2100-12'])('accepts the month %s', (m) => expect(accepts(zMonth, m)).toBe(true));
  it.each(['9999-12', '0000-01', '1999-12', '2101-01'])('refuses the month %s with the year range', (m) => {
    expect(messageOf(zMonth, m)).toBe('年份应在2000至2100年之间');
  });
  it.each(['2026-13', '2026-00', '2026-1', ' 2026-01', '2026-01-01'])('refuses the malformed month %p', (m) => {
    expect(messageOf(zMonth, m)).toBe('月份格式应为 YYYY-MM');
  });
  it('bounds report periods by year too', () => {
    expect(accepts(zReportPeriod, '2026-Q4')).toBe(true);
    expect(accepts(zReportPeriod, '2026-11')).toBe(true);
    expect(messageOf(zReportPeriod, '9999-Q4')).toBe('年份应在2000至2100年之间');
    expect(accepts(zReportPeriod, '2026-Q5')).toBe(false);
  });
  it('bounds whole years', () => {
    expect(accepts(zYear, 2026)).toBe(true);
    expect(messageOf(zYear, 9999)).toBe('年份应在2000至2100年之间');
    expect(accepts(zYear, 2026.5)).toBe(false);
    expect(accepts(zYear, '2026')).toBe(false);
  });
});

describe('zKeyOf and own-property lookups', () => {
  const TABLE = { other: '其他', monthly_pl: '月度财务损益表' };
  const schema = zKeyOf(TABLE, '请选择类别');

  it('accepts the table’s own keys and refuses anything else in Chinese', () => {
    expect(schema.parse('other')).toBe('other');
    expect(messageOf(schema, 'missing')).toBe('请选择类别');
  });

  it.each(INHERITED)('refuses the inherited name %s', (name) => {
    expect(messageOf(schema, name)).toBe('请选择类别');
    expect(hasOwn(TABLE, name)).toBe(false);
    expect(ownValue(TABLE as Record<string, string>, name)).toBeUndefined();
  });

  it.each(INHERITED)('finds no category, label or permission for %s', (name) => {
    expect(isCategoryOf('filing', name)).toBe(false);
    expect(categoryLabel('notification', name)).toBe('');
    expect(accessOf('session', name)).toBeUndefined();
  });

  it('still finds what is there', () => {
    expect(isCategoryOf('filing', 'building_fund_repair')).toBe(true);
    expect(isCategoryOf('filing', 'monthly_pl')).toBe(false);
    expect(accessOf('session', 'devLogin')).toBe('public');
  });
});
