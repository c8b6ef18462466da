import { Workbook, type CellValue } from 'exceljs';
import { AppError } from '@domain/errors';
import { parseCsv } from '@domain/room-import';

/**
 * A spreadsheet file as a table of plain cells: the first worksheet of an .xlsx (exceljs), or a
 * UTF-8 .csv. Every import (rooms, bills, payments) reads its file through this one function.
 */
export async function readTable(bytes: Buffer, name: string): Promise<unknown[][]> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return parseCsv(bytes.toString('utf8'));
  if (!lower.endsWith('.xlsx')) throw new AppError('IMPORT_FILE_UNREADABLE');
  const book = new Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const table: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plain(cell.value);
    });
    table[rowNumber - 1] = cells;
  });
  // Rows exceljs skipped entirely stay holes: make them empty rows so line numbers match the sheet.
  return Array.from(table, (r) => r ?? []);
}

function plain(v: CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plain(v.result as CellValue);
  if ('text' in v) return String(v.text);
  return '';
}
