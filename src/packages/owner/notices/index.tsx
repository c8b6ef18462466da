import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DocumentView } from '@domain/api/filings';
import { call, errorMessage } from '../../../api/client';
import { Attachments } from '../../../components/filings';
import { LoadMore } from '../../../components/LoadMore';
import { Empty, Loading, Pending } from '../../../components/States';
import { usePagedList } from '../../../components/usePagedList';
import { formatDate } from '../../../utils/format';
import './index.scss';

/** The text of one notice, read when it is opened (the list carries titles only). */
function NoticeBody({ documentId }: { documentId: string }) {
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('filings', 'publishedDocument', { documentId }).then(setDoc, (e: unknown) => setError(errorMessage(e)));
  }, [documentId]);
  if (!doc) return error ? <View className="muted">{error}</View> : <Loading />;
  return (
    <View className="notice-doc-body" data-testid="notice-doc-body">
      <View className="notice-doc-text">{doc.body}</View>
      <Attachments files={doc.attachments} />
    </View>
  );
}

/** What the head has chosen to publish to owners; read-only, and never who signed what. */
export default function PublishedPage() {
  const list = usePagedList((after, limit) => call('filings', 'published', { after, limit }));
  const { items: docs, error, reload } = list;
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
        <View>
          {docs.map((d) => (
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
              {open === d.documentId && <NoticeBody documentId={d.documentId} />}
            </View>
          ))}
          <LoadMore list={list} testId="notices-more" />
        </View>
      )}
    </View>
  );
}
