import type { InquiryPage } from '@domain/api/inquiries';
import { useSession } from '../../stores/session';
import { usePagedList } from '../usePagedList';

/**
 * Loads a list a page at a time: the first page on every show, on pull-down and when `key` (a tab)
 * changes, more on scrolling down; a deep-linked page first finds out who is asking.
 */
export function useInquiryList(fetch: (after?: string, limit?: number) => Promise<InquiryPage>, key = '') {
  const list = usePagedList(
    async (after, limit) => {
      if (!useSession.getState().me) await useSession.getState().refresh();
      return fetch(after, limit);
    },
    [key],
  );
  return { ...list, counts: list.first?.counts, load: list.reload };
}
