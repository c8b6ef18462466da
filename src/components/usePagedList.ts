import { useCallback, useEffect, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { DEFAULT_PAGE, MAX_PAGE_SIZE, type Paged } from '@domain/paging';
import { errorMessage } from '../api/client';
import { usePageData } from './usePageData';

/** Later pages, and the first page they continue: a reload replaces the first page and drops them. */
interface More<T, P> {
  base: P;
  items: T[];
  next: string | null;
}

/**
 * A list read a page at a time. The first page loads like any page data (on show, pull-down, and when
 * `deps` change); further pages load on reaching the bottom (Taro's infinite scroll) or from the
 * 加载更多 button (`<LoadMore>`). Coming back to the page reloads as many items as were shown (up to
 * the largest page), so returning from a detail page does not fold the list up. `first` is the first
 * reply as is, for what a list carries besides its items (counts, an account).
 */
export function usePagedList<P extends Paged<unknown>, T = P['items'][number]>(
  load: (after?: string, limit?: number) => Promise<P>,
  deps: readonly unknown[] = [],
) {
  const loadRef = useRef(load);
  loadRef.current = load;
  const shown = useRef(0);
  // Declared before usePageData so that a change of tab resets the count before its reload reads it.
  useEffect(() => {
    shown.current = 0;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const {
    data: first,
    error,
    reload,
    setData,
  } = usePageData(() => {
    const keep = Math.min(shown.current, MAX_PAGE_SIZE);
    return loadRef.current(undefined, keep > DEFAULT_PAGE ? keep : undefined);
  }, deps);

  const [more, setMore] = useState<More<T, P> | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const current = more && more.base === first ? more : null;
  const items: T[] | null = first ? (current ? [...(first.items as T[]), ...current.items] : (first.items as T[])) : null;
  const next = current ? current.next : (first?.next ?? null);
  shown.current = items?.length ?? shown.current;

  // A response for a first page that has since been replaced (a reload, another tab) is dropped.
  const firstRef = useRef(first);
  firstRef.current = first;
  const busyRef = useRef(false);
  const loadMore = useCallback(async (): Promise<void> => {
    const base = firstRef.current;
    if (busyRef.current || !base || !next) return;
    busyRef.current = true;
    setBusy(true);
    try {
      const got = await loadRef.current(next);
      if (firstRef.current !== base) return;
      setMoreError(null);
      setMore((prev) => ({ base, items: [...(prev && prev.base === base ? prev.items : []), ...(got.items as T[])], next: got.next }));
    } catch (e) {
      if (firstRef.current === base) setMoreError(errorMessage(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [next]);

  useReachBottom(() => {
    if (!moreError) void loadMore();
  });

  /**
   * Changes items in place (a decided request leaves the list, a message is read); `null` removes.
   * `extra` replaces fields the first reply carries besides its items (an unread count).
   */
  const update = useCallback(
    (change: (item: T) => T | null, extra: Partial<Omit<P, 'items' | 'next'>> = {}) => {
      const apply = (list: T[]): T[] =>
        list.flatMap((i) => {
          const c = change(i);
          return c === null ? [] : [c];
        });
      if (!first) return;
      const updated = { ...first, ...extra, items: apply(first.items as T[]) };
      setData(updated);
      setMore((m) => (m && m.base === first ? { ...m, base: updated, items: apply(m.items) } : m));
    },
    [first, setData],
  );

  return { first, items, next, error, reload, loadMore, loadingMore: busy, moreError, update };
}
