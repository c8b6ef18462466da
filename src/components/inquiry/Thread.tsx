import { Text, View } from '@tarojs/components';
import type { InquiryThreadItem } from '@domain/api/inquiries';
import { formatDateTime } from '../../utils/format';
import { Photos } from './parts';

const TONE: Partial<Record<InquiryThreadItem['type'], string>> = {
  answer: 'thread-answer',
  explain: 'thread-answer',
  escalate: 'thread-alert',
  flag_overdue: 'thread-alert',
  rate_unsatisfied: 'thread-alert',
};

/** The append-only record of what happened, oldest first, as the asker and the centre both see it. */
export function Thread({ items }: { items: InquiryThreadItem[] }) {
  return (
    <View className="inquiry-thread" data-testid="inquiry-thread">
      {items.map((t) => (
        <View key={t.eventId} className={`thread-item ${TONE[t.type] ?? ''}`} data-testid={`thread-${t.type}`}>
          <View className="thread-dot" />
          <View className="thread-body">
            <View className="row">
              <Text className="thread-label">{t.label}</Text>
              <Text className="thread-time">{formatDateTime(t.at)}</Text>
            </View>
            <View className="thread-actor">
              {t.actorName}
              {t.actorRole ? ` · ${t.actorRole}` : ''}
            </View>
            {t.text && t.type !== 'ask' && <View className="thread-text">{t.text}</View>}
            {t.type !== 'ask' && <Photos photos={t.photos} />}
          </View>
        </View>
      ))}
    </View>
  );
}
