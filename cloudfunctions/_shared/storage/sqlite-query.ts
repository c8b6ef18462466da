import type { FieldCondition, Query, Scalar } from './port';

/**
 * The port's query language as SQL over `(id TEXT PRIMARY KEY, doc TEXT)` tables, with the semantics
 * of `match.ts`: dotted paths, equality on scalars (and on any element of an array), null matching a
 * missing field, and the comparison operators of `FieldCondition`.
 *
 * Field paths are written into the SQL as literals, not bound: SQLite uses an expression index only
 * when the query repeats the indexed expression exactly. So every path is checked against FIELD first.
 */
export type SqlValue = string | number | null;

/** How one collection is stored: which fields hold arrays, and which of those have an element table. */
export interface TableShape {
  table: string;
  /** Element table (`field`, `value`, `id`) kept for indexed fields that hold arrays. */
  each: string;
  arrays: ReadonlySet<string>;
  indexed: ReadonlySet<string>;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function checkField(field: string): string {
  if (!FIELD.test(field)) throw new Error(`not a field path: ${JSON.stringify(field)}`);
  return field;
}

/** The expression for a field: the one an expression index is declared on. */
export const fieldExpr = (field: string): string => (field === '_id' ? 'id' : `json_extract(doc, '$.${checkField(field)}')`);
const typeExpr = (field: string): string => (field === '_id' ? `'text'` : `json_type(doc, '$.${checkField(field)}')`);

const RANGE: Array<[keyof FieldCondition, string]> = [
  ['$gt', '>'],
  ['$gte', '>='],
  ['$lt', '<'],
  ['$lte', '<='],
];

const isCondition = (v: unknown): v is FieldCondition => v !== null && typeof v === 'object' && !Array.isArray(v);

function bindable(v: Scalar, params: SqlValue[]): string {
  params.push(typeof v === 'boolean' ? Number(v) : v);
  return '?';
}

function fieldSql(shape: TableShape, field: string, want: Scalar | FieldCondition, params: SqlValue[], unindexed = false): string {
  // Unary + changes no value, but keeps SQLite from choosing this field's index.
  const expr = unindexed && field !== '_id' ? `+${fieldExpr(field)}` : fieldExpr(field);
  const multi = shape.arrays.has(field);
  /** A condition on one value: on the field itself, or (array fields) on any of its elements. */
  const element = (build: (value: string) => string): string => {
    if (!multi) return build(expr);
    if (shape.indexed.has(field)) return `id IN (SELECT id FROM "${shape.each}" WHERE field = '${field}' AND ${build('value')})`;
    // json_each of a scalar yields the scalar itself, so this also matches records where it is not an array.
    return `EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE ${build('value')})`;
  };

  if (!isCondition(want)) {
    if (want === null) return `${expr} IS NULL`;
    // JSON true/false read back as 1/0: the type check keeps a boolean from matching a number.
    if (typeof want === 'boolean') return `(${expr} = ${Number(want)} AND ${typeExpr(field)} = '${want}')`;
    return element((v) => `${v} = ${bindable(want, params)}`);
  }

  const parts: string[] = [];
  // Missing: the indexed expression is NULL (so an index finds the candidates) and the type check
  // tells a missing field from one holding JSON null, which `$exists: true` still matches.
  if (want.$exists === false) parts.push(`(${expr} IS NULL AND ${typeExpr(field)} IS NULL)`);
  if (want.$exists === true) parts.push(`${typeExpr(field)} IS NOT NULL`);
  if (want.$in !== undefined) {
    const values = want.$in.filter((x) => x !== null);
    const alternatives: string[] = [];
    if (values.length) alternatives.push(element((v) => `${v} IN (${values.map((x) => bindable(x, params)).join(', ')})`));
    if (values.length < want.$in.length) alternatives.push(`${expr} IS NULL`);
    parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
  }
  if (want.$ne !== undefined) {
    const ne = want.$ne;
    if (ne === null) parts.push(`${expr} IS NOT NULL`);
    else if (typeof ne === 'boolean') parts.push(`${typeExpr(field)} IS NOT '${ne}'`);
    else parts.push(`${expr} IS NOT ${bindable(ne, params)}`);
  }
  const bounds = RANGE.filter(([op]) => want[op] !== undefined);
  if (bounds.length) parts.push(element((v) => bounds.map(([op, sql]) => `${v} ${sql} ${bindable(want[op] as Scalar, params)}`).join(' AND ')));
  return parts.length ? parts.join(' AND ') : '1';
}

/** An equality on an element-indexed array field (a search term): the query's narrowest condition. */
function termField(shape: TableShape, query: Query): string | undefined {
  return Object.keys(query).find((f) => shape.arrays.has(f) && shape.indexed.has(f) && query[f] !== null && !isCondition(query[f]));
}

/**
 * A WHERE clause (never empty) and its parameters, in order. `$or` takes a list of queries.
 * With a search term, the term's element table drives: without statistics SQLite would rather walk
 * the community's whole history by its index and test each record against the term, so the other
 * fields are written so that no index of theirs is chosen.
 */
export function whereSql(shape: TableShape, query: Query & { $or?: Query[] }, params: SqlValue[], unindexed?: boolean): string {
  const term = unindexed === undefined ? termField(shape, query) : undefined;
  const plain = unindexed ?? term !== undefined;
  const parts: string[] = [];
  for (const [field, want] of Object.entries(query)) {
    if (want === undefined) continue;
    if (field === '$or') {
      const branches = (want as unknown as Query[]).map((q) => `(${whereSql(shape, q, params, plain)})`);
      parts.push(branches.length ? `(${branches.join(' OR ')})` : '0');
    } else parts.push(fieldSql(shape, field, want as Scalar | FieldCondition, params, plain && field !== term));
  }
  return parts.length ? parts.join(' AND ') : '1';
}

export function orderSql(order: Array<[string, 1 | -1]> | undefined): string {
  if (!order?.length) return '';
  return ` ORDER BY ${order.map(([f, d]) => `${fieldExpr(f)} ${d === 1 ? 'ASC' : 'DESC'}`).join(', ')}`;
}

/** An `$in` over more values than this is left as one IN list (one sort of all its matches). */
const MAX_ARMS = 16;

/**
 * A sorted page whose query has `field: { $in: [a, b, …] }` before the sort key in an index can
 * only be read in index order one value at a time: SQLite reads every match of the whole IN list
 * and sorts them before the LIMIT. Split into one query per value, each reading at most `limit`
 * entries in index order, and merge those: the page then costs `values × limit`, not the history.
 * Returns null when nothing is worth splitting.
 */
export function splitIn(shape: TableShape, query: Query & { $or?: Query[] }): Array<Query & { $or?: Query[] }> | null {
  for (const [field, want] of Object.entries(query)) {
    if (field === '$or' || field === '_id' || shape.arrays.has(field) || !isCondition(want) || !want.$in) continue;
    const values = want.$in;
    if (values.length < 2 || values.length > MAX_ARMS || values.includes(null)) continue;
    return values.map((v) => ({ ...query, [field]: { ...want, $in: [v] } }));
  }
  return null;
}

/** The page of a split query: each arm sorted and cut in its own index order, then merged. */
export function mergedSql(
  shape: TableShape,
  arms: Array<Query & { $or?: Query[] }>,
  order: Array<[string, 1 | -1]>,
  limit: number,
  params: SqlValue[],
): string {
  const keys = order.map(([f], i) => `${fieldExpr(f)} AS k${i}`).join(', ');
  const parts = arms.map(
    (arm) => `SELECT * FROM (SELECT doc, ${keys} FROM "${shape.table}" WHERE ${whereSql(shape, arm, params)}${orderSql(order)} LIMIT ${limit})`,
  );
  return `SELECT doc FROM (${parts.join(' UNION ALL ')}) ORDER BY ${order.map(([, d], i) => `k${i} ${d === 1 ? 'ASC' : 'DESC'}`).join(', ')} LIMIT ${limit}`;
}
