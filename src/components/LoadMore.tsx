import { View } from '@tarojs/components';
import { DEFAULT_PAGE } from '@domain/paging';

interface Props {
  list: { items: unknown[] | null; next: string | null; loadMore: () => Promise<void>; loadingMore: boolean; moreError: string | null };
  testId?: string;
}

/**
 * The end of a paged list: 加载更多 (for when the bottom is never reached, e.g. a short screen or a
 * failed scroll load), 加载中… while a page loads, and 没有更多了 once a long list is exhausted.
 */
export function LoadMore({ list, testId = 'load-more' }: Props) {
  const { items, next, loadMore, loadingMore, moreError } = list;
  if (!items || items.length === 0) return null;
  if (!next) {
    return items.length >= DEFAULT_PAGE ? (
      <View className="muted load-end" data-testid={`${testId}-end`}>
        没有更多了
      </View>
    ) : null;
  }
  return (
    <View className="btn btn-plain load-more" data-testid={testId} onClick={() => (loadingMore ? undefined : void loadMore())}>
      {loadingMore ? '加载中…' : moreError ? `${moreError}，点击重试` : '加载更多'}
    </View>
  );
}
