/**
 * What every spreadsheet import reads the same way (rooms in `room-import.ts`, bills and payments
 * in `fee-import.ts`): columns found by their accepted headers, empty lines skipped, every row
 * checked and every error collected (never the first only), a second line with the same key
 * refused, and an oversize file refused. Pure: the file is already a table of cells.
 */

/** How many errors are listed; the count says how many there were in all. */
export const MAX_LISTED_ERRORS = 200;

export interface RowError {
  /** The line in the file, counting the header as line 1 (what a spreadsheet shows). */
  line: number;
  message: string;
}

export interface ReadTable<R> {
  rows: R[];
  errors: RowError[];
  /** Number of errors in all (only the first MAX_LISTED_ERRORS are listed). */
  errorCount: number;
}

/** Accepted headers per column: the companies' files differ in wording. */
export type ColumnSpec = Readonly<Record<string, readonly string[]>>;

export const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** Each column's position by its header (spaces ignored); a column not found is absent. */
export function findColumns<S extends ColumnSpec>(header: unknown[], spec: S): Partial<Record<keyof S, number>> {
  const names = header.map((h) => cellText(h).replace(/\s/g, ''));
  const out: Partial<Record<keyof S, number>> = {};
  for (const key of Object.keys(spec) as Array<keyof S>) {
    const at = names.findIndex((n) => spec[key]!.includes(n));
    if (at >= 0) out[key] = at;
  }
  return out;
}

export interface TableRules<S extends ColumnSpec, R> {
  spec: S;
  /** Columns a file must have; missing ones are one error for the whole file, named by `labels`. */
  required: Array<keyof S & string>;
  labels: Partial<Record<keyof S & string, string>>;
  /** Appended to the missing-columns message, e.g. the full list of expected headers. */
  missingHint?: string;
  /** A row's cells to its record and key, or its problems through `fail` (null: nothing to keep). */
  readRow: (cell: (key: keyof S) => unknown, fail: (m: string) => void) => { row: Omit<R, 'line'>; key: string } | null;
  /** How a repeated key is named in its error: `… 与第N行重复`. */
  dupText: (key: string) => string;
  /** The error when no line holds data. */
  emptyText: string;
  maxRows: number;
}

/** Checks every row of a table whose first row is the header. */
export function readTable<S extends ColumnSpec, R extends { line: number }>(table: unknown[][], rules: TableRules<S, R>): ReadTable<R> {
  const errors: RowError[] = [];
  let errorCount = 0;
  const add = (line: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, message });
  };
  if (table.length === 0) return { rows: [], errors: [{ line: 1, message: '文件为空：第1行应为表头' }], errorCount: 1 };
  const columns = findColumns(table[0]!, rules.spec);
  const missing = rules.required.filter((k) => columns[k] === undefined);
  if (missing.length > 0) {
    const message = `表头缺少列：${missing.map((k) => rules.labels[k]).join('、')}${rules.missingHint ?? ''}`;
    return { rows: [], errors: [{ line: 1, message }], errorCount: 1 };
  }
  const rows: R[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.every((c) => cellText(c) === '')) return;
    const problems: string[] = [];
    const read = rules.readRow(
      (key) => (columns[key] === undefined ? '' : raw[columns[key]!]),
      (m) => problems.push(m),
    );
    if (problems.length > 0 || !read) {
      add(line, `第${line}行：${problems.join('；')}`);
      return;
    }
    const first = seen.get(read.key);
    if (first !== undefined) {
      add(line, `第${line}行：${rules.dupText(read.key)} 与第${first}行重复`);
      return;
    }
    seen.set(read.key, line);
    rows.push({ ...read.row, line } as R);
  });
  if (rows.length === 0 && errorCount === 0) add(2, rules.emptyText);
  if (rows.length + errorCount > rules.maxRows) add(1, `一次最多导入${rules.maxRows}行，请分批导入`);
  return { rows, errors, errorCount };
}
