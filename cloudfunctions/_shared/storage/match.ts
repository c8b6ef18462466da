import { pageOrder, type FieldCondition, type FindOptions, type Query, type Scalar } from './port';

/**
 * The port's query language evaluated in memory, with the adapters' semantics: dotted paths, equality
 * on scalars, and the comparison operators of `FieldCondition`. Used where records that are not in the
 * store yet (an operation's buffered writes) must answer the same query as stored ones.
 */
export function valueAt(record: object, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, part) ? (v as Record<string, unknown>)[part] : undefined;
  }
  return v;
}

const isCondition = (v: unknown): v is FieldCondition => v !== null && typeof v === 'object' && !Array.isArray(v);

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

function fieldMatches(value: unknown, want: Scalar | FieldCondition): boolean {
  if (!isCondition(want)) return Array.isArray(value) ? value.includes(want) : value === want || (want === null && value === undefined);
  const c = want;
  const comparable = value !== undefined && value !== null;
  if (c.$exists !== undefined && (value !== undefined) !== c.$exists) return false;
  if (c.$in !== undefined && !c.$in.some((x) => (Array.isArray(value) ? value.includes(x) : value === x))) return false;
  if (c.$ne !== undefined && value === c.$ne) return false;
  if (c.$gt !== undefined && !(comparable && compare(value, c.$gt) > 0)) return false;
  if (c.$gte !== undefined && !(comparable && compare(value, c.$gte) >= 0)) return false;
  if (c.$lt !== undefined && !(comparable && compare(value, c.$lt) < 0)) return false;
  if (c.$lte !== undefined && !(comparable && compare(value, c.$lte) <= 0)) return false;
  return true;
}

export function matches(record: object, query: Query): boolean {
  return Object.entries(query).every(([path, want]) => fieldMatches(valueAt(record, path), want));
}

/** Sorts as the adapters do (`pageOrder`: `_id` the last tie-breaker, so the order is total). */
export function sortRecords<T extends object>(records: T[], sort: FindOptions['sort'] = []): T[] {
  const keys = pageOrder(sort);
  return [...records].sort((a, b) => {
    for (const [field, dir] of keys) {
      const d = compare(valueAt(a, field), valueAt(b, field));
      if (d !== 0) return d * dir;
    }
    return 0;
  });
}
