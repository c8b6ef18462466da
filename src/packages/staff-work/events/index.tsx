import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventView } from '@domain/api/events';
import { NOTIFICATION_CATEGORIES } from '@domain/documents';
import { eventDraftContent, type NotificationCategory } from '@domain/notification-events';
import { routeUrl, ROUTES } from '@domain/routes';
import { RULE_PHRASES } from '@domain/rules';
import { appNow, call } from '../../../api/client';
import { ConsentButton } from '../../../components/ConsentButton';
import { LoadMore } from '../../../components/LoadMore';
import { Empty, Pending } from '../../../components/States';
import { usePagedList } from '../../../components/usePagedList';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import { formatDate, formatDateTime } from '../../../utils/format';
import { openLink } from '../../../utils/nav';
import './index.scss';

const CATEGORIES = Object.entries(NOTIFICATION_CATEGORIES) as Array<[NotificationCategory, string]>;
const TABS = [
  ['open', '待通报'],
  ['notified', '已通报'],
] as const;
type Tab = (typeof TABS)[number][0];

/** Record what happened (the clock starts from its day), then write the notification from it. */
function RecordForm({ onRecorded }: { onRecorded: () => void }) {
  const today = formatDate(appNow());
  const [category, setCategory] = useState(0);
  const [occurredOn, setOccurredOn] = useState(today);
  const [description, setDescription] = useState('');
  const { busy, submit } = useSubmit();

  async function save(): Promise<void> {
    const ok = await submit(() => call('workbench', 'recordEvent', { category: CATEGORIES[category]![0], occurredOn, description }), '已记录');
    if (ok) {
      setDescription('');
      onRecorded();
    }
  }

  return (
    <View className="card event-form" data-testid="event-form">
      <View className="section-title">记录需通报事项</View>
      <View className="muted event-hint">事件发生或决定作出后须在{RULE_PHRASES.notificationWithin}书面通报业委会，记录后开始计时。</View>
      <View className="form-label">通报类别</View>
      <Picker mode="selector" range={CATEGORIES.map(([, label]) => label)} value={category} onChange={(e) => setCategory(Number(e.detail.value))}>
        <View className="event-input" data-testid="event-category">
          {CATEGORIES[category]![1]}
        </View>
      </Picker>
      <View className="form-label">发生（决定）日期</View>
      <Picker mode="date" value={occurredOn} end={today} onChange={(e) => setOccurredOn(String(e.detail.value))}>
        <View className="event-input" data-testid="event-date">
          {occurredOn}
        </View>
      </Picker>
      <View className="form-label">事项说明</View>
      <Textarea
        className="event-input event-textarea"
        data-testid="event-description"
        placeholder="如：东门改造，下周一起临时封闭"
        maxlength={100}
        value={description}
        onInput={(e) => setDescription(e.detail.value)}
      />
      <Button type="primary" block loading={busy} data-testid="event-save" onClick={() => void save()}>
        记录并开始计时
      </Button>
    </View>
  );
}

function EventCard({ event, focus }: { event: EventView; focus: boolean }) {
  const { busy, submit } = useSubmit();
  const overdue = event.status === 'open' && event.deadline.due < appNow();

  async function compose(): Promise<void> {
    await submit(async () => {
      const id = event.draftId ?? (await call('filings', 'saveDraft', { ...eventDraftContent(event), eventId: event.eventId })).documentId;
      openLink(routeUrl(ROUTES.staff.compose, { id }));
    });
  }

  return (
    <View className={`card event-card${focus ? ' event-focus' : ''}`} data-testid="event-card">
      <View className="event-title">{event.description}</View>
      <View className="muted">
        {event.categoryLabel} · {event.occurredOn} 发生 · {event.recordedByName} 记录于 {formatDateTime(event.recordedAt)}
      </View>
      <View className="event-due">
        <Text className={overdue ? 'overdue' : ''}>
          {event.dueDateText}前通报（{event.countdownText}）
        </Text>
        {event.deadline.provisional && <Text className="muted">（暂定）</Text>}
      </View>
      {event.status === 'open' ? (
        <View className="event-actions">
          <Button size="small" type="primary" loading={busy} data-testid="event-compose" onClick={() => void compose()}>
            {event.draftId ? '继续起草通报' : '起草通报'}
          </Button>
        </View>
      ) : (
        event.notified && (
          <View className="event-actions">
            <Button size="small" fill="outline" onClick={() => openLink(routeUrl(ROUTES.staff.record, { id: event.notified!.documentId }))}>
              查看通报
            </Button>
          </View>
        )
      )}
    </View>
  );
}

export default function EventsPage() {
  const { params } = useRouter();
  const me = useSession((s) => s.me);
  const [tab, setTab] = useState<Tab>('open');
  const list = usePagedList((after, limit) => call('workbench', 'events', { status: tab, after, limit }), [tab]);
  const canRecord = me?.staffRole !== 'general_manager';

  return (
    <View className="page events-page" data-testid="events-page">
      {canRecord && <RecordForm onRecorded={() => void list.reload()} />}
      <ConsentButton templates={['deadline']} label="开启通报到期提醒" />
      <View className="chip-row">
        {TABS.map(([key, label]) => (
          <Text key={key} className={`chip${tab === key ? ' chip-active' : ''}`} onClick={() => setTab(key)}>
            {label}
          </Text>
        ))}
      </View>
      {!list.items ? (
        <Pending error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty text={tab === 'open' ? '没有待通报的事项' : '还没有已通报的事项'} />
      ) : (
        <>
          {list.items.map((e) => (
            <EventCard key={e.eventId} event={e} focus={e.eventId === params.id} />
          ))}
          <LoadMore list={list} />
        </>
      )}
    </View>
  );
}
