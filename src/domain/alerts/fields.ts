import type { EpochMs } from '../units';
import { formatLocal } from '../time';

/**
 * WeChat's subscribe-message field kinds and their rules (developers.weixin.qq.com, 订阅消息
 * "参数值内容限制"). A value that breaks one makes the send fail with 47003, so every value is
 * formatted here, from typed input, before it leaves.
 *
 *   thing             ≤ 20 characters (汉字、数字、字母或符号)
 *   phrase            ≤ 5 Chinese characters, nothing else
 *   character_string  ≤ 32 digits, letters or symbols (no Chinese)
 *   name              ≤ 10 Chinese characters, or ≤ 20 letters/symbols
 *   number            ≤ 32 digits, may have a decimal part
 *   amount            a currency sign or a trailing 元, ≤ 10 digits, may have a decimal part
 *   time              a date-time, e.g. 2019年10月1日 15:01
 *   date              a date, e.g. 2019年10月1日
 */
export type FieldKind = 'thing' | 'phrase' | 'time' | 'date' | 'character_string' | 'name' | 'number' | 'amount';

/** What a caller hands in per kind: instants for time/date, fen for amounts, numbers for numbers. */
export interface FieldInput {
  thing: string;
  phrase: string;
  character_string: string;
  name: string;
  time: EpochMs;
  date: EpochMs;
  number: number;
  /** In fen (分), as every amount in the product. */
  amount: number;
}

const HAN = /\p{Script=Han}/u;
const chars = (s: string): string[] => Array.from(s.trim());

function cut(value: string, limit: number, ellipsis: boolean): string {
  const c = chars(value);
  if (c.length <= limit) return c.join('');
  return ellipsis ? `${c.slice(0, limit - 1).join('')}…` : c.slice(0, limit).join('');
}

/** The value WeChat receives for one field. */
export function formatField<K extends FieldKind>(kind: K, input: FieldInput[K]): string {
  switch (kind) {
    case 'time':
      return formatLocal(input as EpochMs, 'YYYY年M月D日 HH:mm');
    case 'date':
      return formatLocal(input as EpochMs, 'YYYY年M月D日');
    case 'thing':
      return cut(String(input), 20, true) || '无';
    case 'phrase':
      // Only Chinese characters are allowed: anything else is dropped, not sent to be refused.
      return (
        cut(
          chars(String(input))
            .filter((c) => HAN.test(c))
            .join(''),
          5,
          false,
        ) || '无'
      );
    case 'character_string':
      // Digits, letters and printable ASCII symbols: `1栋-101` becomes `1-101`.
      return (
        cut(
          chars(String(input))
            .filter((c) => /^[\x21-\x7e]$/.test(c))
            .join(''),
          32,
          false,
        ) || '-'
      );
    case 'name': {
      const s = String(input);
      const han = chars(s).filter((c) => HAN.test(c));
      if (han.length > 0) return cut(han.join(''), 10, false);
      return (
        cut(
          chars(s)
            .filter((c) => /^[\x21-\x7e]$/.test(c))
            .join(''),
          20,
          false,
        ) || '用户'
      );
    }
    case 'number': {
      const n = Math.abs(Number(input));
      return cut(Number.isInteger(n) ? String(n) : n.toFixed(2), 32, false);
    }
    case 'amount':
      return `${(Math.abs(Number(input)) / 100).toFixed(2)}元`;
  }
  return String(input);
}

/** Why WeChat would refuse this value for this kind, or null when it is acceptable. */
export function fieldProblem(kind: FieldKind, value: string): string | null {
  const c = Array.from(value);
  if (c.length === 0) return 'empty';
  switch (kind) {
    case 'thing':
      return c.length <= 20 ? null : 'thing longer than 20';
    case 'phrase':
      return c.length <= 5 && c.every((x) => HAN.test(x)) ? null : 'phrase must be ≤ 5 Chinese characters';
    case 'character_string':
      return c.length <= 32 && /^[\x21-\x7e]+$/.test(value) ? null : 'character_string must be ≤ 32 digits, letters or symbols';
    case 'name':
      return (c.length <= 10 && c.every((x) => HAN.test(x))) || (c.length <= 20 && /^[\x21-\x7e]+$/.test(value))
        ? null
        : 'name not ≤ 10 Chinese or ≤ 20 letters';
    case 'number':
      return c.length <= 32 && /^\d+(\.\d+)?$/.test(value) ? null : 'number must be digits';
    case 'amount':
      return /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'amount must be ≤ 10 digits with a sign or 元';
    case 'time':
      return /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value) ? null : 'time must read like YYYY年M月D日 HH:mm';
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(value) ? null : 'date must read like YYYY年M月D日';
  }
  return 'unknown kind';
}
