/**
 * How an import's rows become visible all at once. CloudBase writes one document atomically and no
 * more, so an import cannot change 2,000 rooms in one write. Instead every room or building an
 * import writes carries the new values beside the current ones (`staged`, naming the import); the
 * import record's single update to `committedAt` is the commit point. Until then readers see the
 * old values and no new record; from then on they see the new values, whether or not the staged
 * values have yet been folded into the record (which the import does afterwards, chunk by chunk).
 */
export interface Staged<V> {
  importId: string;
  /** The record did not exist before this import: invisible until the import commits. */
  created: boolean;
  values: V;
}

/** An import is open (and holds the community's staged records) in these states. */
export const IMPORT_OPEN_STATUSES = ['staging', 'applying', 'settling'] as const;

export type Stageable = { staged?: Staged<object> | null };

/** The record as readers see it: null while it is a new record of an uncommitted import. */
export function resolveStaged<R extends Stageable>(record: R, isCommitted: (importId: string) => boolean): R | null {
  const s = record.staged;
  if (!s) return record;
  // The staged values are a subset of the record's own fields (typed so on each record).
  if (isCommitted(s.importId)) return { ...record, ...s.values, staged: null };
  return s.created ? null : { ...record, staged: null };
}
