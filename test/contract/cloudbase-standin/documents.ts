/**
 * The document semantics of the CloudBase stand-in: query matching, ordering, projection and update
 * operators over plain (EJSON-decoded) documents. CloudBase's document database is MongoDB
 * underneath, so where CloudBase's docs are silent this follows MongoDB's rules — in particular the
 * ones an in-memory fake tends to get wrong:
 *
 * - a comparison ($gt/$gte/$lt/$lte) only matches values of the same type (type bracketing):
 *   `{ n: { $gt: 3 } }` never matches a string or a missing field;
 * - `{ f: null }` and `$in: [null]` also match a missing field; `$ne` and `$nin` match a missing field;
 * - an equality or comparison against an array field matches if any element matches;
 * - sorting orders values of different types by type (missing/null < numbers < strings < objects <
 *   arrays < booleans < dates), strings by UTF-8 bytes; a missing field sorts as null.
 *
 * Not emulated (the request is refused with STANDIN_UNSUPPORTED, so a gap shows as a failing test,
 * never as a silently wrong answer): other operators ($regex, $elemMatch, geo, $push…), paths that
 * step through an array (`list.field`), sorting by an array's min/max element.
 */

export type Doc = Record<string, unknown>;

/** A refusal the server turns into a CloudBase error response `{ code, message }`. */
export class StandinError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const unsupported = (what: string): StandinError => new StandinError('STANDIN_UNSUPPORTED', `the CloudBase stand-in does not emulate ${what}`);

const isPlainObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

export function getPath(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const key of path.split('.')) {
    if (Array.isArray(cur) && !/^\d+$/.test(key)) throw unsupported(`a path through an array ('${path}')`);
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[key];
  }
  return cur;
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = doc;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(cur[key])) cur[key] = {};
    cur = cur[key] as Doc;
  }
  cur[keys[keys.length - 1]] = value;
}

function unsetPath(doc: Doc, path: string): void {
  const keys = path.split('.');
  const parent = keys.length === 1 ? doc : getPath(doc, keys.slice(0, -1).join('.'));
  if (isPlainObject(parent)) delete parent[keys[keys.length - 1]];
}

// ---- ordering -------------------------------------------------------------------------------

function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return 4;
}

/** MongoDB's BSON comparison order, as far as this app's values go. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return Math.sign(rank);
  if (typeof a === 'number') return Math.sign(a - (b as number));
  if (typeof a === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date) return Math.sign(a.getTime() - (b as Date).getTime());
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    for (let i = 0; i < Math.min(a.length, bs.length); i++) {
      const c = compareValues(a[i], bs[i]);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - bs.length);
  }
  if (isPlainObject(a)) {
    const ea = Object.entries(a);
    const eb = Object.entries(b as Doc);
    for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
      const c = compareValues(ea[i][1], eb[i][1]) || Buffer.compare(Buffer.from(ea[i][0]), Buffer.from(eb[i][0]));
      if (c !== 0) return c;
    }
    return Math.sign(ea.length - eb.length);
  }
  return 0;
}

/**
 * Sorts by the `order` object's fields, in key order. Ties keep insertion order: CloudBase does not
 * promise that, so callers needing a total order must end the sort with `_id` — the stand-in is only
 * deterministic so that a failing test fails the same way twice.
 */
export function sortDocs(docs: Doc[], order: Record<string, unknown>): Doc[] {
  const keys = Object.entries(order).map(([field, dir]) => {
    if (dir !== 1 && dir !== -1) throw new StandinError('INVALID_PARAM', `order direction of '${field}' must be 1 or -1`);
    return [field, dir] as const;
  });
  return docs
    .map((doc, i) => ({ doc, i }))
    .sort((x, y) => {
      for (const [field, dir] of keys) {
        const c = compareValues(getPath(x.doc, field), getPath(y.doc, field));
        if (c !== 0) return c * dir;
      }
      return x.i - y.i;
    })
    .map((x) => x.doc);
}

// ---- matching -------------------------------------------------------------------------------

const sameType = (a: unknown, b: unknown): boolean => typeRank(a) === typeRank(b) && typeRank(a) !== 1;

function equals(field: unknown, value: unknown): boolean {
  if (value === null) return field === null || field === undefined;
  if (compareValues(field, value) === 0 && typeRank(field) === typeRank(value)) return true;
  return Array.isArray(field) && !Array.isArray(value) && field.some((el) => equals(el, value));
}

function compares(field: unknown, value: unknown, ok: (c: number) => boolean): boolean {
  if (Array.isArray(field) && !Array.isArray(value)) return field.some((el) => compares(el, value, ok));
  return sameType(field, value) && ok(compareValues(field, value));
}

function matchesOperator(field: unknown, op: string, arg: unknown): boolean {
  switch (op) {
    case '$eq':
      return equals(field, arg);
    case '$ne':
      return !equals(field, arg);
    case '$gt':
      return compares(field, arg, (c) => c > 0);
    case '$gte':
      return compares(field, arg, (c) => c >= 0);
    case '$lt':
      return compares(field, arg, (c) => c < 0);
    case '$lte':
      return compares(field, arg, (c) => c <= 0);
    case '$in':
    case '$nin': {
      if (!Array.isArray(arg)) throw new StandinError('INVALID_PARAM', `${op} needs an array`);
      const found = arg.some((v) => equals(field, v));
      return op === '$in' ? found : !found;
    }
    case '$exists':
      return (field !== undefined) === Boolean(arg);
    case '$not':
      return !matchesCondition(field, arg);
    default:
      throw unsupported(`the query operator ${op}`);
  }
}

/** A field's condition: either a value to equal or an object of operators, all of which must hold. */
function matchesCondition(field: unknown, cond: unknown): boolean {
  if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
    return Object.entries(cond).every(([op, arg]) => matchesOperator(field, op, arg));
  }
  return equals(field, cond);
}

export function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([key, cond]) => {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(cond)) throw new StandinError('INVALID_PARAM', `${key} needs an array`);
      const subs = cond as Doc[];
      if (key === '$and') return subs.every((q) => matches(doc, q));
      if (key === '$or') return subs.some((q) => matches(doc, q));
      return !subs.some((q) => matches(doc, q));
    }
    if (key.startsWith('$')) throw unsupported(`the query operator ${key}`);
    return matchesCondition(getPath(doc, key), cond);
  });
}

// ---- projection and update ------------------------------------------------------------------

/** `{ a: 1, b: 1 }` keeps those fields (and _id unless `_id: 0`); `{ a: 0 }` drops them. */
export function project(doc: Doc, projection: Record<string, unknown> | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  const fields = Object.entries(projection);
  if (fields.some(([, v]) => typeof v !== 'number')) throw unsupported('projection operators ($slice, $elemMatch)');
  const include = fields.filter(([k, v]) => k !== '_id' && v === 1).map(([k]) => k);
  const exclude = fields.filter(([, v]) => v === 0).map(([k]) => k);
  if (include.length > 0 && exclude.some((k) => k !== '_id')) throw new StandinError('INVALID_PARAM', 'projection cannot mix inclusion and exclusion');
  if (include.length === 0) {
    const out = structuredClone(doc);
    for (const k of exclude) unsetPath(out, k);
    return out;
  }
  const out: Doc = {};
  if (!exclude.includes('_id')) out._id = doc._id;
  for (const k of include) {
    const v = getPath(doc, k);
    if (v !== undefined) setPath(out, k, structuredClone(v));
  }
  return out;
}

/** Applies a `modifyDocument` update (always operator form: the SDK turns plain fields into $set). */
export function applyUpdate(doc: Doc, update: Doc): Doc {
  const out = structuredClone(doc);
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw new StandinError('INVALID_PARAM', `${op} needs an object`);
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw new StandinError('INVALID_PARAM', 'cannot update _id');
      if (op === '$set') setPath(out, path, structuredClone(value));
      else if (op === '$unset') unsetPath(out, path);
      else if (op === '$inc') {
        const cur = getPath(out, path);
        if (typeof value !== 'number' || (cur !== undefined && typeof cur !== 'number'))
          throw new StandinError('INVALID_PARAM', `$inc of a non-number at '${path}'`);
        setPath(out, path, ((cur as number | undefined) ?? 0) + value);
      } else if (op === '$push') {
        // MongoDB's form, as `_.push({ each, slice })` sends it: append, then keep a slice.
        const cur = getPath(out, path);
        if (cur !== undefined && !Array.isArray(cur)) throw new StandinError('INVALID_PARAM', `$push to a non-array at '${path}'`);
        const spec = isPlainObject(value) && '$each' in value ? (value as { $each: unknown[]; $slice?: number }) : { $each: [value] };
        let next = [...((cur as unknown[] | undefined) ?? []), ...structuredClone(spec.$each)];
        if (typeof spec.$slice === 'number') next = spec.$slice < 0 ? next.slice(spec.$slice) : next.slice(0, spec.$slice);
        setPath(out, path, next);
      } else throw unsupported(`the update operator ${op}`);
    }
  }
  return out;
}
