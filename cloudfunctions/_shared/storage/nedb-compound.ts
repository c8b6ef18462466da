import { AVLTree } from '@seald-io/binary-search-tree';
// NeDB's own matcher and ordering (pinned 4.1.2), so a candidate set and its order agree with NeDB's.
import * as model from '@seald-io/nedb/lib/model.js';

type Doc = Record<string, unknown>;
type Key = unknown[];

/** Bounds outside every value: a prefix with LOW/HIGH after it spans all keys starting with that prefix. */
const LOW = Symbol('low');
const HIGH = Symbol('high');
/** Set by the adapter on a query it reads sorted with a limit (a symbol: NeDB's matcher never sees it). */
export const ORDER_HINT = Symbol('order');
export interface OrderHint {
  sort: Array<[string, 1 | -1]>;
  limit: number;
}

const compareThings = (model as unknown as { compareThings(a: unknown, b: unknown): number }).compareThings;
const match = (model as unknown as { match(doc: Doc, query: Doc): boolean }).match;
const getDotValue = (model as unknown as { getDotValue(doc: Doc, field: string): unknown }).getDotValue;

function compareElement(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === LOW || b === HIGH) return -1;
  if (a === HIGH || b === LOW) return 1;
  return compareThings(a, b);
}
/** Tuple order; a prefix sorts before every key it starts. */
function compareKeys(a: Key, b: Key): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareElement(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

interface Tree {
  insert(key: Key, doc: Doc): void;
  delete(key: Key, doc: Doc): void;
  betweenBounds(q: { $gte?: Key; $gt?: Key; $lte?: Key; $lt?: Key }): Doc[];
}

/**
 * One declared index over several fields, as a database keeps it: documents ordered by the tuple of
 * their values, so an equality prefix plus a range on the next field is one contiguous stretch, read
 * in the order of that next field. An array value (the `words` of a search) adds one key per element.
 */
class TupleIndex {
  private tree: Tree = this.fresh();
  /** Whether some document has several keys here (a range may then meet it twice). */
  private multi = false;
  constructor(readonly fields: readonly string[]) {}

  private fresh(): Tree {
    return new AVLTree({ unique: false, compareKeys, checkValueEquality: (a: unknown, b: unknown) => a === b }) as unknown as Tree;
  }
  private keys(doc: Doc): Key[] {
    let out: Key[] = [[]];
    for (const f of this.fields) {
      const v = getDotValue(doc, f);
      const values = Array.isArray(v) ? (v.length ? [...new Set(v)] : [undefined]) : [v];
      if (values.length > 1) this.multi = true;
      out = out.flatMap((k) => values.map((x) => [...k, x]));
    }
    // The id last, as a page's tie-breaker: within equal values a stretch is in _id order.
    return out.map((k) => [...k, doc._id]);
  }
  reset(docs: Doc[]): void {
    this.tree = this.fresh();
    for (const d of docs) this.insert(d);
  }
  insert(doc: Doc): void {
    for (const k of this.keys(doc)) this.tree.insert(k, doc);
  }
  remove(doc: Doc): void {
    for (const k of this.keys(doc)) this.tree.delete(k, doc);
  }

  read(ranges: Plan['ranges']): Doc[][] {
    return ranges.map((r) => this.tree.betweenBounds({ [r.loOpen ? '$gt' : '$gte']: r.lo, [r.hiOpen ? '$lt' : '$lte']: r.hi }));
  }
  get dedupe(): boolean {
    return this.multi;
  }
}

interface Range {
  lo: Key;
  loOpen: boolean;
  hi: Key;
  hiOpen: boolean;
}
interface Plan {
  ranges: Range[];
  /** How much of the index the query uses (2 per equality field, 1 for the closing range). */
  score: number;
  /** The field each stretch is ordered by, if any. */
  ordered: string | null;
  /** Whether the stretches are in (ordered, _id) order: the ordered field is the index's last. */
  thenById: boolean;
}

/** The lowest value of a bound's type: a range on numbers then skips null and missing values. */
const lowest = (v: unknown): unknown => (typeof v === 'number' ? -Infinity : typeof v === 'string' ? '' : LOW);

/**
 * The stretches of an index over `fields` a query selects: an equality (or `$in`, or `$exists: false`)
 * on each leading field, then at most one range. Null when the first field is not constrained.
 */
function planOf(fields: readonly string[], query: Doc): Plan | null {
  let prefixes: Key[] = [[]];
  let score = 0;
  for (const field of fields) {
    const cond = query[field];
    if (cond === undefined) break;
    const op = isOperator(cond) ? cond : null;
    const equal = !op ? [cond] : Array.isArray(op.$in) ? op.$in : op.$exists === false ? [undefined] : null;
    // `$in: []` matches nothing: no stretch to read.
    if (equal && equal.length === 0) return { ranges: [], score: score + 2, ordered: null, thenById: false };
    if (equal && equal.length * prefixes.length <= 64) {
      prefixes = prefixes.flatMap((p) => equal.map((v) => [...p, v]));
      score += 2;
      continue;
    }
    if (op && (op.$gt !== undefined || op.$gte !== undefined || op.$lt !== undefined || op.$lte !== undefined || op.$exists === true)) {
      const ranges = prefixes.map((p): Range => {
        const lo =
          op.$gte !== undefined
            ? [...p, op.$gte]
            : op.$gt !== undefined
              ? [...p, op.$gt, HIGH]
              : op.$exists === true
                ? [...p, undefined, HIGH]
                : [...p, lowest(op.$lt ?? op.$lte)];
        const hi = op.$lte !== undefined ? [...p, op.$lte, HIGH] : op.$lt !== undefined ? [...p, op.$lt] : [...p, HIGH];
        // A bound ending in a sentinel is no real key: only `$lt v` must leave out keys equal to its bound.
        return { lo, loOpen: false, hi, hiOpen: op.$lte === undefined && op.$lt !== undefined };
      });
      return { ranges, score: score + 1, ordered: field, thenById: field === fields[fields.length - 1] };
    }
    break;
  }
  if (score === 0) return null;
  return {
    ranges: prefixes.map((p) => ({ lo: p, loOpen: false, hi: [...p, HIGH], hiOpen: false })),
    score,
    ordered: fields[prefixes[0]!.length] ?? '_id',
    thenById: prefixes[0]!.length >= fields.length - 1,
  };
}

const isOperator = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'));

/** The parts of NeDB's datastore that keep its indexes in step with its documents. */
interface Internals {
  getAllData(): Doc[];
  _addToIndexes(doc: Doc): void;
  _removeFromIndexes(doc: Doc): void;
  _updateIndexes(oldDoc: Doc | Array<{ oldDoc: Doc; newDoc: Doc }>, newDoc?: Doc): void;
  _resetIndexes(newData?: Doc | Doc[]): void;
}

export interface CompoundIndexes {
  /**
   * The candidates the best compound index gives a query, or null when none is usable. `bounded`:
   * cut to the first matches in the hinted order (then they beat any larger single-field bucket).
   */
  candidates(query: Doc): { docs: Doc[]; bounded: boolean } | null;
}

/**
 * The declared indexes of two or more fields, kept beside NeDB's single-field ones and in step with
 * every insert, update and reload. Each is built the first time a query can use it (so opening a
 * store does not pay for indexes nobody reads). With an order hint whose first sort key is the field
 * the chosen stretches are ordered by, only the first `limit` matches of each stretch (plus ties) are
 * candidates: the page is among them, whatever the size of the history behind it.
 */
export function compoundIndexes(db: unknown, declared: ReadonlyArray<ReadonlyArray<string>>): CompoundIndexes {
  const ds = db as Internals;
  const specs = declared.filter((ix) => ix.length > 0);
  const built = new Map<string, TupleIndex>();
  const each = (fn: (ix: TupleIndex) => void): void => built.forEach(fn);

  const add = ds._addToIndexes.bind(ds);
  ds._addToIndexes = (doc) => {
    add(doc);
    each((ix) => ix.insert(doc));
  };
  const remove = ds._removeFromIndexes.bind(ds);
  ds._removeFromIndexes = (doc) => {
    remove(doc);
    each((ix) => ix.remove(doc));
  };
  const update = ds._updateIndexes.bind(ds);
  ds._updateIndexes = (oldDoc, newDoc) => {
    update(oldDoc, newDoc);
    const pairs = Array.isArray(oldDoc) ? oldDoc : [{ oldDoc, newDoc: newDoc! }];
    each((ix) => {
      for (const p of pairs) ix.remove(p.oldDoc);
      for (const p of pairs) ix.insert(p.newDoc);
    });
  };
  const reset = ds._resetIndexes.bind(ds);
  ds._resetIndexes = (newData) => {
    reset(newData);
    const docs = newData === undefined ? [] : Array.isArray(newData) ? newData : [newData];
    each((ix) => ix.reset(docs));
  };

  const indexOf = (fields: readonly string[]): TupleIndex => {
    const name = fields.join(',');
    let ix = built.get(name);
    if (!ix) {
      ix = new TupleIndex(fields);
      ix.reset(ds.getAllData());
      built.set(name, ix);
    }
    return ix;
  };

  return {
    candidates(query) {
      const hint = (query as { [ORDER_HINT]?: OrderHint })[ORDER_HINT];
      const first = hint?.sort[0];
      const plans: Array<{ fields: readonly string[]; plan: Plan; rank: number }> = [];
      for (const fields of specs) {
        const plan = planOf(fields, query);
        // An index that also gives the page its order beats a slightly narrower one that does not.
        if (plan) plans.push({ fields, plan, rank: plan.score + (first && plan.ordered === first[0] ? 1.5 : 0) });
      }
      if (plans.length === 0) return null;
      // Of the indexes using the query equally well, the one with the fewest records in its stretches
      // (reading a stretch copies references only; matching is what costs).
      const top = Math.max(...plans.map((p) => p.rank));
      let best: { fields: readonly string[]; plan: Plan; ix: TupleIndex; stretches: Doc[][]; size: number } | null = null;
      for (const p of plans.filter((x) => x.rank === top)) {
        const ix = indexOf(p.fields);
        const stretches = ix.read(p.plan.ranges);
        const size = stretches.reduce((n, s) => n + s.length, 0);
        if (!best || size < best.size) best = { ...p, ix, stretches, size };
      }
      const { ix, stretches, plan } = best!;
      let out: Doc[];
      const bounded = !!(hint && first && plan.ordered === first[0]);
      if (hint && first && bounded) {
        out = [];
        for (const docs of stretches) {
          const [field, dir] = first;
          // Ascending by one key then _id is the stretch's own order: the first `limit` are the page.
          // Otherwise the whole group tied with the last one taken is kept, for the final sort.
          const exact = field === '_id' || (plan.thenById && dir === 1 && hint.sort.length === 2 && hint.sort[1]![0] === '_id' && hint.sort[1]![1] === 1);
          let taken = 0;
          let last: unknown = undefined;
          for (let i = 0; i < docs.length; i++) {
            const d = docs[dir === 1 ? i : docs.length - 1 - i]!;
            if (taken >= hint.limit && (exact || compareThings(getDotValue(d, field), last) !== 0)) break;
            if (!match(d, query)) continue;
            out.push(d);
            taken++;
            last = getDotValue(d, field);
          }
        }
      } else out = stretches.length === 1 ? stretches[0]! : stretches.flat();
      return { docs: ix.dedupe || stretches.length > 1 ? [...new Set(out)] : out, bounded };
    },
  };
}
