import type Datastore from '@seald-io/nedb';
import type { CollectionDeclaration } from './collections';
import { compoundIndexes, type CompoundIndexes } from './nedb-compound';

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
 * The declared indexes, in NeDB terms: a single-field index on every field of every declared index.
 * NeDB's compound indexes are left out: they serve only queries matching all their fields exactly and
 * do not index array elements (a `words` term would find nothing); declarations of several fields are
 * kept as ordered tuple indexes instead (`nedb-compound.ts`), as a database would. Unique single-field
 * declarations are enforced.
 */
export async function createIndexes(db: Datastore<Doc>, spec: Pick<CollectionDeclaration, 'indexes' | 'unique'>): Promise<void> {
  const unique = new Set((spec.unique ?? []).filter((f) => f.length === 1).map((f) => f[0]!));
  const single = new Set([...spec.indexes.flat(), ...unique]);
  for (const fieldName of single) await db.ensureIndexAsync({ fieldName, unique: unique.has(fieldName) });
  usePlanner(db as unknown as DatastoreInternals, compoundIndexes(db, spec.indexes));
}

/**
 * NeDB takes the first usable index it meets (the last equality field of the query, whatever its
 * spread), then scans what it returns. This looks at every usable index and keeps the smallest
 * candidate set: equality buckets are read by reference, so trying them is a few tree lookups.
 */
function usePlanner(db: DatastoreInternals, compound: CompoundIndexes): void {
  db._getRawCandidates = (query: Doc): Doc[] => {
    const tuple = compound.candidates(query);
    if (tuple?.bounded) return tuple.docs;
    const options: Array<() => Doc[]> = [];
    for (const [field, value] of Object.entries(query)) {
      const index = db.indexes[field];
      if (field.startsWith('$')) continue;
      if (isPlain(value)) {
        if (index) options.unshift(() => index.getMatching(value));
      } else if (index && isOperatorObject(value)) {
        if (Array.isArray(value.$in)) options.push(() => index.getMatching(value.$in));
        const bounds = Object.fromEntries(Object.entries(value).filter(([k]) => RANGE.includes(k)));
        if (Object.keys(bounds).length > 0) options.push(() => index.getBetweenBounds(bounds));
      }
    }
    let best: Doc[] | null = null;
    for (const option of options) {
      const candidates = option();
      if (!best || candidates.length < best.length) best = candidates;
      if (best.length <= 1) break;
    }
    if (tuple && (!best || tuple.docs.length <= best.length)) return tuple.docs;
    return best ?? db.getAllData();
  };
}
