import { z } from 'zod';
import type { Id } from './model';
import { cellText, readTable, type ReadTable } from './spreadsheet-table';

export { MAX_LISTED_ERRORS, type RowError } from './spreadsheet-table';

/**
 * Rooms and registered owners from the company's own spreadsheet. The file is read into a table of
 * cells (server side: exceljs for .xlsx, `parseCsv` for .csv); everything from there is here, pure:
 * which column is which, every row checked with a Chinese message naming its row, and what a
 * (re-)import will create, update and leave out.
 */

/** Accepted headers for each column (the company's files differ in wording). */
export const ROOM_COLUMNS = {
  building: ['楼栋', '楼号', '栋'],
  unit: ['单元', '单元号'],
  room: ['房号', '房间号', '门牌号'],
  area: ['建筑面积', '面积', '建筑面积(㎡)', '建筑面积（㎡）', '建筑面积(m²)', '建筑面积（平方米）'],
  ownerName: ['业主姓名', '业主', '姓名'],
  ownerPhone: ['业主手机', '手机号', '联系电话', '手机'],
} as const;
export type RoomColumn = keyof typeof ROOM_COLUMNS;
const REQUIRED: RoomColumn[] = ['building', 'room', 'area', 'ownerName', 'ownerPhone'];
export const COLUMN_LABELS: Record<RoomColumn, string> = {
  building: '楼栋',
  unit: '单元',
  room: '房号',
  area: '建筑面积',
  ownerName: '业主姓名',
  ownerPhone: '业主手机',
};

/** The most rows one file may hold (a big community has a few thousand rooms). */
export const MAX_IMPORT_ROWS = 10_000;

export const zRoomRow = z.strictObject({
  building: z.string().trim().min(1, '楼栋不能为空').max(20, '楼栋不能超过20个字'),
  unit: z.string().trim().max(20, '单元不能超过20个字'),
  room: z
    .string()
    .trim()
    .min(1, '房号不能为空')
    .max(20, '房号不能超过20个字')
    .regex(/^[\w\u4e00-\u9fa5-]+$/, '房号只能包含数字、字母、汉字和短横线'),
  areaM2: z.number({ error: '建筑面积应为数字（平方米）' }).gt(0, '建筑面积应大于0').max(10_000, '建筑面积不应超过10000平方米'),
  ownerName: z.string().trim().min(1, '业主姓名不能为空').max(30, '业主姓名不能超过30个字'),
  ownerPhone: z.string().regex(/^1\d{10}$/, '业主手机应为11位手机号'),
});
export type RoomRow = z.infer<typeof zRoomRow>;

/** A row as stored: its line in the file (for messages) and the room number that identifies it. */
export interface NumberedRow extends RoomRow {
  line: number;
  label: string;
}

export type RoomTable = ReadTable<NumberedRow>;

/** The room number a re-import matches on: building, unit (if any) and room, e.g. `1栋-2单元-301`. */
export const roomLabel = (r: Pick<RoomRow, 'building' | 'unit' | 'room'>): string => [r.building, r.unit, r.room].filter((p) => p.length > 0).join('-');

function areaOf(v: unknown): number {
  if (typeof v === 'number') return v;
  const t = cellText(v).replace(/(㎡|m²|平方米|平米)$/, '');
  return t === '' ? Number.NaN : Number(t);
}

function phoneOf(v: unknown): string {
  // Spreadsheets store long digits as numbers; some files write the number with spaces or dashes.
  return (typeof v === 'number' ? String(Math.round(v)) : cellText(v)).replace(/[\s-]/g, '');
}

/**
 * Checks every row of a table whose first row is the header. Empty lines are skipped; a room number
 * twice in one file is an error on the second line. All errors are collected, never the first only.
 */
export function readRoomTable(table: unknown[][]): RoomTable {
  return readTable<typeof ROOM_COLUMNS, NumberedRow>(table, {
    spec: ROOM_COLUMNS,
    required: REQUIRED,
    labels: COLUMN_LABELS,
    missingHint: '（应包含 楼栋、单元、房号、建筑面积、业主姓名、业主手机）',
    readRow: (cell, fail) => {
      const parsed = zRoomRow.safeParse({
        building: cellText(cell('building')),
        unit: cellText(cell('unit')),
        room: cellText(cell('room')),
        areaM2: areaOf(cell('area')),
        ownerName: cellText(cell('ownerName')),
        ownerPhone: phoneOf(cell('ownerPhone')),
      });
      if (!parsed.success) {
        for (const e of parsed.error.issues) fail(e.message);
        return null;
      }
      const label = roomLabel(parsed.data);
      return { row: { ...parsed.data, areaM2: Math.round(parsed.data.areaM2 * 100) / 100, label }, key: label };
    },
    dupText: (label) => `房号 ${label}`,
    emptyText: '文件中没有房屋数据',
    maxRows: MAX_IMPORT_ROWS,
  });
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF, a UTF-8 BOM) into a table of strings. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

export interface ExistingRoom {
  _id: Id;
  label: string;
  areaM2: number;
  ownerName?: string;
  ownerPhone?: string;
  unit?: string;
  retiredAt?: number;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** What applying one row to the room of the same number does. */
export function rowOutcome(row: NumberedRow, existing: ExistingRoom | undefined): RowOutcome {
  if (!existing) return 'created';
  const same =
    existing.areaM2 === row.areaM2 && existing.ownerName === row.ownerName && existing.ownerPhone === row.ownerPhone && (existing.unit ?? '') === row.unit;
  return same ? 'unchanged' : 'updated';
}

/** Rooms of the community the file did not mention: listed for the head to retire, never removed. */
export function missingRooms<R extends Pick<ExistingRoom, 'label' | 'retiredAt'>>(existing: R[], labels: Iterable<string>): R[] {
  const inFile = new Set(labels);
  return existing.filter((r) => r.retiredAt === undefined && !inFile.has(r.label)).sort((a, b) => a.label.localeCompare(b.label));
}

/** Progress of a chunked import: staging rows, then applying them; a whole percentage for the bar. */
export function importProgress(p: { total: number; staged: number; applied: number }): number {
  if (p.total === 0) return 100;
  return Math.floor(((p.staged + p.applied) / (2 * p.total)) * 100);
}
