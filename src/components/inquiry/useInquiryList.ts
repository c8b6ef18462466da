import type { InquirySummaryView } from '@domain/api/inquiries';
import { useSession } from '../../stores/session';
import { usePageData } from '../usePageData';

/**
 * Loads a list on every show, on pull-down and when `key` (a tab) changes; a deep-linked page first
 * finds out who is asking.
 */
export function useInquiryList(fetch: () => Promise<InquirySummaryView[]>, key = '') {
  const {
    data: items,
    error,
    reload: load,
  } = usePageData(async () => {
    if (!useSession.getState().me) await useSession.getState().refresh();
    return fetch();
  }, [key]);
  return { items, error, load };
}
