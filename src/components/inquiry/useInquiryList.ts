import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { InquirySummaryView } from '@domain/api/inquiries';
import { errorMessage } from '../../api/client';
import { useSession } from '../../stores/session';

/**
 * Loads a list on every show, on pull-down and when `key` (a tab) changes; a deep-linked page first
 * finds out who is asking.
 */
export function useInquiryList(fetch: () => Promise<InquirySummaryView[]>, key = '') {
  const [items, setItems] = useState<InquirySummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<void> {
    try {
      if (!useSession.getState().me) await useSession.getState().refresh();
      setItems(await fetch());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  useDidShow(() => {
    void load();
  });
  const loadedKey = useRef(key);
  useEffect(() => {
    if (loadedKey.current === key) return; // the first load comes from useDidShow
    loadedKey.current = key;
    setItems(null);
    void load();
  }, [key]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  return { items, error, load };
}
