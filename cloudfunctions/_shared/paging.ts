import { DEFAULT_PAGE } from '@domain/api/contract';
import { COUNT_CAP } from '@domain/paging';
import type { CollectionName, RecordOf } from './storage/collections';
import { encodeCursor, pageOrder, type Page, type PageOptionsOf, type QueryOf, type Storage } from './storage/port';

/** What a list action's input carries: an optional page size (the contract caps it) and cursor. */
export interface PageInput {
  limit?: number;
  after?: string;
}

type Sort<C extends CollectionName> = NonNullable<PageOptionsOf<RecordOf<C>>['sort']>;

/** One page of `collection`, sized by the caller within the contract's bound. */
export function pageOf<C extends CollectionName>(store: Storage, collection: C, query: QueryOf<RecordOf<C>>, sort: Sort<C>, input: PageInput) {
  return store.page(collection, query, { sort, limit: input.limit ?? DEFAULT_PAGE, after: input.after ?? null });
}

function compareBy(order: Array<[string, 1 | -1]>) {
  const at = (r: object, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r);
  return (a: object, b: object): number => {
    for (const [field, dir] of order) {
      const x = at(a, field) as string | number;
      const y = at(b, field) as string | number;
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return 0;
  };
}

/**
 * One page of the union of several queries in one order: the store has no OR, and a list such as
 * "assigned to me, or unassigned in my buildings" is a union. A cursor names a place in the
 * (sort…, _id) order, which is the same for every query, so each is read from the same cursor and
 * the results merged; one more than a page from each tells whether anything follows.
 */
export async function pageUnion<C extends CollectionName>(
  store: Storage,
  collection: C,
  queries: Array<QueryOf<RecordOf<C>>>,
  sort: Sort<C>,
  input: PageInput,
): Promise<Page<RecordOf<C>>> {
  if (queries.length === 1) return pageOf(store, collection, queries[0]!, sort, input);
  const limit = input.limit ?? DEFAULT_PAGE;
  const order = pageOrder(sort as Array<[string, 1 | -1]>);
  const pages = await Promise.all(queries.map((q) => store.page(collection, q, { sort, limit: limit + 1, after: input.after ?? null })));
  const byId = new Map<string, RecordOf<C>>();
  for (const p of pages) for (const r of p.items) byId.set(r._id, r);
  const merged = [...byId.values()].sort(compareBy(order));
  const items = merged.slice(0, limit);
  return { items, next: merged.length > limit ? encodeCursor(order, items[items.length - 1]!) : null };
}

/** A page with its items turned into views (the cursor is unchanged). */
export async function mapPage<T, V>(page: Page<T>, view: (items: T[]) => V[] | Promise<V[]>): Promise<{ items: V[]; next: string | null }> {
  return { items: await view(page.items), next: page.next };
}

/** How many match, counted no further than COUNT_CAP + 1 ("99+"), so the cost does not grow with what lies past the cap. */
export function countUpTo<C extends CollectionName>(store: Storage, collection: C, query: QueryOf<RecordOf<C>>): Promise<number> {
  return store.count(collection, query, { upTo: COUNT_CAP + 1 });
}
