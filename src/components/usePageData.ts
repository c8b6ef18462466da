import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { errorMessage } from '../api/client';

interface Options {
  /** Keep showing the old data while `deps` change, for a page whose controls must stay on screen. */
  keepData?: boolean;
}

/**
 * A page's data: loaded every time the page shows (what it shows may have changed on another page),
 * again on pull-down, and again when `deps` (a tab, a month) change. `error` is the Chinese message of
 * the last failed load; the last good `data` stays, so a failed refresh does not blank the page.
 */
export function usePageData<T>(fetch: () => Promise<T>, deps: readonly unknown[] = [], { keepData = false }: Options = {}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Show, pull-down and retry callbacks outlive the render that made them; they must fetch
  // for the tab shown now, not the one shown when they were made.
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  // Responses can arrive out of order; only the newest request may write, or a fast tab switch
  // would end on the old tab's list.
  const latest = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    try {
      const got = await fetchRef.current();
      if (ticket !== latest.current) return;
      setData(got);
      setError(null);
    } catch (e) {
      if (ticket !== latest.current) return;
      setError(errorMessage(e));
    }
  }, []);

  useDidShow(() => {
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  // The first load comes from useDidShow; comparing with the last deps (not a "mounted" flag) also
  // keeps a double-run effect from loading twice.
  const loadedDeps = useRef(deps);
  useEffect(() => {
    if (deps.length === loadedDeps.current.length && deps.every((d, i) => Object.is(d, loadedDeps.current[i]))) return;
    loadedDeps.current = deps;
    // Another tab's list under this tab's heading would mislead; show loading until it arrives.
    if (!keepData) setData(null);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, reload, setData };
}
