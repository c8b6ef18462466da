import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Attachments } from '../../../components/filings';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { formatDate } from '../../../utils/format';
import './index.scss';

/** What the head has chosen to publish to owners; read-only, and never who signed what. */
export default function PublishedPage() {
  const { data: docs, error, reload } = usePageData(() => call('filings', 'published', {}));
  const [open, setOpen] = useState<string | null>(null);

  if (!docs)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  return (
    <View className="page notices-page" data-testid="notices-page">
      {docs.length === 0 ? (
        <Empty text="暂无公开文件" icon="文" />
      ) : (
        docs.map((d) => (
          <View
            key={d.documentId}
            className="list-item notice-doc"
            data-testid="notice-doc"
            onClick={() => setOpen(open === d.documentId ? null : d.documentId)}
          >
            <View className="row">
              <Text className="list-item-title">{d.title}</Text>
              <Text className="tag">{d.kindLabel}</Text>
            </View>
            <View className="list-item-meta">
              {d.categoryLabel ? `${d.categoryLabel} · ` : ''}
              {d.publishedAt ? `${formatDate(d.publishedAt)} 公开` : ''}
            </View>
            {open === d.documentId && (
              <View className="notice-doc-body">
                <View className="notice-doc-text">{d.body}</View>
                <Attachments files={d.attachments} />
              </View>
            )}
          </View>
        ))
      )}
    </View>
  );
}
