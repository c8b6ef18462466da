import { Text, View } from '@tarojs/components';
import type { InboxItemView } from '@domain/api/alerts';
import { call, showError } from '../../../api/client';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { TodoList } from '../../../components/TodoList';
import { usePageData } from '../../../components/usePageData';
import { useSession } from '../../../stores/session';
import { useTodos } from '../../../stores/todos';
import { formatDateTime } from '../../../utils/format';
import { openLink, toLogin } from '../../../utils/nav';
import { roleLabel } from '../../../utils/roles';
import './index.scss';

export default function CommitteeDeskPage() {
  const me = useSession((s) => s.me);
  const { items, loaded, load } = useTodos();
  const {
    data: inbox,
    error,
    reload,
    setData: setInbox,
  } = usePageData(async () => {
    // Opened directly (a deep link or a reload), the page must find out who is asking first.
    if (!useSession.getState().me && !(await useSession.getState().refresh())) {
      toLogin();
      return null;
    }
    const [, box] = await Promise.all([load(), call('alerts', 'inbox', {})]);
    return box;
  });

  async function openMessage(m: InboxItemView): Promise<void> {
    if (!m.readAt) {
      try {
        const { unread } = await call('alerts', 'markRead', { inboxId: m.inboxId });
        setInbox((prev) => prev && { ...prev, unread, items: prev.items.map((x) => (x.inboxId === m.inboxId ? { ...x, readAt: Date.now() } : x)) });
      } catch (e) {
        showError(e);
      }
    }
    if (m.link) openLink(m.link);
  }

  // Its data is the caller's own, so the server allows anyone; the page itself is for members only.
  if (me && !me.roles.includes('committee')) {
    return (
      <View className="page">
        <Empty text="此页面仅供业委会委员使用" icon="委" />
      </View>
    );
  }
  if (error && !loaded)
    return (
      <View className="page">
        <ErrorState text={error} onRetry={() => void reload()} />
      </View>
    );

  return (
    <View className="page committee-desk" data-testid="committee-desk">
      {me && (
        <View className="card desk-head">
          <View className="desk-title">{me.name}</View>
          <View className="muted">
            {roleLabel(me)} · {me.communityName ?? ''}
          </View>
          <View className="muted desk-hint">中心送达的文件须逐一签收或提出异议；签阅事项请在期限前给出意见。</View>
        </View>
      )}

      <View className="section committee-todos" data-testid="committee-todos">
        <View className="section-title">
          <Text>我的待办</Text>
          {items.length > 0 && <Text className="section-extra">共 {items.length} 项</Text>}
        </View>
        {!loaded ? <Loading /> : <TodoList items={items} />}
      </View>

      <View className="section committee-inbox" data-testid="committee-inbox">
        <View className="section-title">
          <Text>站内消息</Text>
          {inbox && inbox.unread > 0 && <Text className="tag tag-danger">{inbox.unread} 条未读</Text>}
        </View>
        {!inbox ? (
          <Loading />
        ) : inbox.items.length === 0 ? (
          <Empty text="暂无消息" icon="信" />
        ) : (
          inbox.items.map((m) => (
            <View
              key={m.inboxId}
              className={`list-item inbox-item${m.readAt ? '' : ' inbox-unread'}`}
              data-testid="inbox-item"
              onClick={() => void openMessage(m)}
            >
              <View className="row">
                <Text className="list-item-title">{m.title}</Text>
                {!m.readAt && <View className="inbox-dot" />}
              </View>
              <View className="list-item-detail">{m.body}</View>
              <View className="list-item-meta">{formatDateTime(m.createdAt)}</View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
