import { Text, View } from '@tarojs/components';
import type { TodoItem } from '@domain/api/session';
import { openLink } from '../utils/nav';
import { Empty } from './States';
import './TodoList.scss';
import { countText } from '@domain/paging';

export const NO_TODOS_TEXT = '暂无待办事项，一切都处理好了';

export function TodoList({ items, emptyText = NO_TODOS_TEXT }: { items: TodoItem[]; emptyText?: string }) {
  if (items.length === 0) return <Empty text={emptyText} />;
  return (
    <View className="todo-list" data-testid="todo-list">
      {items.map((t) => (
        <View key={t.key} className={`todo-item${t.overdue ? ' todo-item-overdue' : ''}`} data-testid="todo-item" onClick={() => openLink(t.link)}>
          <View className="todo-main">
            <View className="todo-title">
              <Text>{t.title}</Text>
              {t.count !== undefined && t.count > 1 && <Text className="todo-count">{countText(t.count)}</Text>}
            </View>
            {t.detail && <View className="todo-detail">{t.detail}</View>}
            {t.dueText && (
              <View className={`todo-due${t.overdue ? ' overdue' : ''}`} data-testid="todo-due">
                {t.overdue ? '已逾期 · ' : ''}
                {t.dueText}
              </View>
            )}
          </View>
          <Text className="todo-arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
