import { Text, View } from '@tarojs/components';
import { showError } from '../../api/client';
import { ErrorState, Loading } from '../../components/States';
import { TodoList } from '../../components/TodoList';
import { usePageData } from '../../components/usePageData';
import { useSession } from '../../stores/session';
import { todoCount, useTodos } from '../../stores/todos';
import { toLogin } from '../../utils/nav';

export default function TodoPage() {
  const refresh = useSession((s) => s.refresh);
  const { items, loaded, load } = useTodos();
  const { error, reload } = usePageData(async () => {
    try {
      // The tab can be opened first after a restart, so it resolves who is signed in itself.
      const me = useSession.getState().me ?? (await refresh());
      if (!me) {
        toLogin();
        return;
      }
      await load();
    } catch (e) {
      showError(e);
      throw e;
    }
  });

  const overdue = items.filter((t) => t.overdue).length;
  return (
    <View className="page todo-page" data-testid="todo-page">
      <View className="section-title">
        <Text>全部待办</Text>
        {loaded && (
          <Text className="section-extra" data-testid="todo-total">
            共 {todoCount(items)} 件{overdue > 0 ? `，${overdue} 项已逾期` : ''}
          </Text>
        )}
      </View>
      {error ? <ErrorState text={error} onRetry={() => void reload()} /> : !loaded ? <Loading /> : <TodoList items={items} />}
    </View>
  );
}
