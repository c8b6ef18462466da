import type Datastore from '@seald-io/nedb';
import type { CollectionDeclaration } from './collections';

type Doc = Record<string, unknown>;
interface NedbIndex {
  fieldName: string;
  getMatching(value: unknown): Doc[];
  getBetweenBounds(query: unknown): Doc[];
}
/** The parts of NeDB's (pinned, 4.1.2) datastore the planner below reads and replaces. */
interface DatastoreInternals {
  indexes: Record<string, NedbIndex>;
  getAllData(): Doc[];
  _getRawCandidates(query: Doc): Doc[];
}

const RANGE = ['$gt', '$gte', '$lt', '$lte'];
const isOperatorObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'));
const isPlain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * The declared indexes, in NeDB terms. NeDB keys a compound index by all its fields and uses it only
 * when every one is matched exactly, so each declared index gives a single-field index on each of its
 * fields (what ranges, `$in` and partial prefixes can use) and a compound one for the whole list.
 * Unique single-field declarations are enforced; the others are lookups only.
 */
export async function createIndexes(db: Datastore<Doc>, spec: Pick<CollectionDeclaration, 'indexes' | 'unique'>): Promise<void> {
  const unique = new Set((spec.unique ?? []).filter((f) => f.length === 1).map((f) => f[0]!));
  const single = new Set([...spec.indexes.flat(), ...unique]);
  for (const fieldName of single) await db.ensureIndexAsync({ fieldName, unique: unique.has(fieldName) });
  for (const fields of spec.indexes) if (fields.length > 1) await db.ensureIndexAsync({ fieldName: [...fields] });
  usePlanner(db as unknown as DatastoreInternals);
}

/**
 * NeDB takes the first usable index it meets (the last equality field of the query, whatever its
 * spread), then scans what it returns. This looks at every usable index and keeps the smallest
 * candidate set: equality buckets are read by reference, so trying them is a few tree lookups.
 */
function usePlanner(db: DatastoreInternals): void {
  db._getRawCandidates = (query: Doc): Doc[] => {
    const options: Array<() => Doc[]> = [];
    const exact = new Map<string, unknown>();
    for (const [field, value] of Object.entries(query)) {
      const index = db.indexes[field];
      if (field.startsWith('$')) continue;
      if (isPlain(value)) {
        exact.set(field, value);
        if (index) options.unshift(() => index.getMatching(value));
      } else if (index && isOperatorObject(value)) {
        if (Array.isArray(value.$in)) options.push(() => index.getMatching(value.$in));
        const bounds = Object.fromEntries(Object.entries(value).filter(([k]) => RANGE.includes(k)));
        if (Object.keys(bounds).length > 0) options.push(() => index.getBetweenBounds(bounds));
      }
    }
    for (const [name, index] of Object.entries(db.indexes)) {
      const fields = name.split(',');
      if (fields.length > 1 && fields.every((f) => exact.has(f)))
        options.unshift(() => index.getMatching(Object.fromEntries(fields.map((f) => [f, exact.get(f)]))));
    }
    let best: Doc[] | null = null;
    for (const option of options) {
      const candidates = option();
      if (!best || candidates.length < best.length) best = candidates;
      if (best.length <= 1) break;
    }
    return best ?? db.getAllData();
  };
}
