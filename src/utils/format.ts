import type { EpochMs, Fen } from '@domain/model';
import { formatLocal, isLocalDate, localDateOf, monthOf as monthOfDate, startOfLocalDay } from '@domain/time';

const pad = (n: number) => String(n).padStart(2, '0');

// Dates go through the domain's one time module (Shanghai wall time, with a fixed-offset fallback
// where the engine lacks Intl zone data), so the app and the functions never disagree about a day.

/** 2025-11-22 14:05 (Shanghai). */
export function formatDateTime(ms: EpochMs): string {
  return formatLocal(ms, 'YYYY-MM-DD HH:mm');
}

/** 2025-11-22 (Shanghai). */
export function formatDate(ms: EpochMs): string {
  return localDateOf(ms);
}

/** 2025-11 → 2025年11月. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return y && m ? `${y}年${Number(m)}月` : month;
}

/** Integer fen → ¥1,234.50. Money stays integer until this last step so no float ever rounds a bill. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${pad(abs % 100)}`;
}

/** Shanghai wall time → the 'YYYY-MM-DDTHH:mm' a date-time field shows. */
export function toLocalInput(ms: EpochMs): string {
  return formatDateTime(ms).replace(' ', 'T');
}

/** 'YYYY-MM-DD' + 'HH:mm' read as Shanghai wall time → epoch ms; null when malformed. */
export function fromShanghai(date: string, time: string): EpochMs | null {
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!isLocalDate(date) || !tm) return null;
  return startOfLocalDay(date) + (Number(tm[1]) * 60 + Number(tm[2])) * 60 * 1000;
}

/** Current Shanghai month 'YYYY-MM' for a given instant. */
export function monthOf(ms: EpochMs): string {
  return monthOfDate(localDateOf(ms));
}
