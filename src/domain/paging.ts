/** Page sizes of every list (zod-free, so pages can import it without the schema library). */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a list: its items and the cursor of the next page (null at the end). */
export interface Paged<T> {
  items: T[];
  next: string | null;
}
