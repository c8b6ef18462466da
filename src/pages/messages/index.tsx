import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { InboxItemView } from '@domain/api/alerts';
import { call, showError } from '../../api/client';
import { askConsent, CONSENT_BY_AREA, CONSENT_HINT } from '../../api/consent';
import { Empty, ErrorState, Loading } from '../../components/States';
import { usePageData } from '../../components/usePageData';
import { useSession } from '../../stores/session';
import { useTodos } from '../../stores/todos';
import { formatDateTime } from '../../utils/format';
import { openLink, toLogin } from '../../utils/nav';
import './index.scss';

interface Box {
  items: InboxItemView[];
  next: string | null;
  unread: number;
}

/**
 * The message centre (消息), for every role: every alert lands here, unread first. It is the
 * primary channel; a WeChat subscribe message is only a nudge, sent while a one-time consent lasts.
 */
export default function MessagesPage() {
  const me = useSession((s) => s.me);
  const reloadTodos = useTodos((s) => s.load);
  const [more, setMore] = useState(false);
  const {
    data: box,
    error,
    reload,
    setData,
  } = usePageData(async (): Promise<Box | null> => {
    if (!useSession.getState().me && !(await useSession.getState().refresh())) {
      toLogin();
      return null;
    }
    return call('alerts', 'inbox', {});
  });

  async function open(m: InboxItemView): Promise<void> {
    if (!m.readAt) {
      try {
        const { unread } = await call('alerts', 'markRead', { inboxId: m.inboxId });
        setData((prev) => prev && { ...prev, unread, items: prev.items.map((x) => (x.inboxId === m.inboxId ? { ...x, readAt: Date.now() } : x)) });
        // The home card and the tab badge count the same unread messages: refresh them together.
        void reloadTodos().catch(() => undefined);
      } catch (e) {
        showError(e);
      }
    }
    if (m.link) openLink(m.link);
  }

  async function loadMore(): Promise<void> {
    if (!box?.next || more) return;
    setMore(true);
    try {
      const page = await call('alerts', 'inbox', { after: box.next });
      setData((prev) => prev && { items: [...prev.items, ...page.items], next: page.next, unread: page.unread });
    } catch (e) {
      showError(e);
    } finally {
      setMore(false);
    }
  }

  if (error && !box)
    return (
      <View className="page">
        <ErrorState text={error} onRetry={() => void reload()} />
      </View>
    );

  return (
    <View className="page messages-page" data-testid="messages-page">
      <View className="card messages-channel" data-testid="messages-channel">
        <View className="messages-channel-title">消息中心是您接收提醒的主要渠道</View>
        <View className="muted">{CONSENT_HINT}</View>
        {me && (
          // Straight from the tap: WeChat shows the consent dialog only for a user's own tap.
          <View className="btn btn-plain messages-subscribe" data-testid="messages-subscribe" onClick={() => void askConsent(...CONSENT_BY_AREA[me.area])}>
            开启微信提醒
          </View>
        )}
      </View>

      <View className="section-title">
        <Text>全部消息</Text>
        {box && (
          <Text className="section-extra" data-testid="messages-unread">
            {box.unread > 0 ? `${box.unread} 条未读` : '没有未读消息'}
          </Text>
        )}
      </View>
      {!box ? (
        <Loading />
      ) : box.items.length === 0 ? (
        <Empty text="还没有消息" icon="信" />
      ) : (
        <View className="list">
          {box.items.map((m) => (
            <View
              key={m.inboxId}
              className={`list-item message-item${m.readAt ? '' : ' message-unread'}`}
              data-testid="message-item"
              data-unread={m.readAt ? 'false' : 'true'}
              onClick={() => void open(m)}
            >
              <View className="message-head">
                {!m.readAt && <View className="message-dot" />}
                <Text className="message-title">{m.title}</Text>
              </View>
              <View className="muted message-body">{m.body}</View>
              <View className="muted message-time">{formatDateTime(m.createdAt)}</View>
            </View>
          ))}
          {box.next && (
            <View className="btn btn-plain messages-more" data-testid="messages-more" onClick={() => void loadMore()}>
              {more ? '加载中…' : '查看更早的消息'}
            </View>
          )}
        </View>
      )}
    </View>
  );
}
