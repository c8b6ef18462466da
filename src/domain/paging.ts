/** Page sizes of every list (zod-free, so pages can import it without the schema library). */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a list: its items and the cursor of the next page (null at the end). */
export interface Paged<T> {
  items: T[];
  next: string | null;
}

/**
 * Counts of open work (a queue, a section) are read up to this many: past it a page says "99+", and
 * the store reads a bounded stretch of an index instead of counting everything open.
 */
export const COUNT_CAP = 99;
export const countText = (n: number): string => (n > COUNT_CAP ? `${COUNT_CAP}+` : String(n));
