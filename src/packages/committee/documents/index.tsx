import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyDeliveryItem } from '@domain/api/filings';
import { routeUrl, ROUTES } from '@domain/routes';
import { call } from '../../../api/client';
import { STATE_TAG } from '../../../components/filings';
import { Empty, Pending } from '../../../components/States';
import { LoadMore } from '../../../components/LoadMore';
import { SearchBox } from '../../../components/SearchBox';
import { usePagedList } from '../../../components/usePagedList';
import { formatDate, formatDateTime } from '../../../utils/format';
import './index.scss';

type Tab = 'pending' | 'done';
const TABS: Array<[Tab, string]> = [
  ['pending', '待签收'],
  ['done', '已签收'],
];

function Item({ item }: { item: MyDeliveryItem }) {
  const { delivery: d, document: doc } = item;
  const opinion = doc.kind === 'opinion_request';
  return (
    <View
      className={`list-item my-doc${d.readStatus === 'NOT_OPENED' ? ' my-doc-unread' : ''}`}
      data-testid="my-doc"
      onClick={() => void Taro.navigateTo({ url: routeUrl(ROUTES.committee.document, { id: doc.documentId }) })}
    >
      <View className="row">
        <View className="my-doc-title">
          <Text className="tag doc-kind">{doc.kindLabel}</Text>
          <Text className="list-item-title">{doc.title}</Text>
        </View>
        {d.readStatus === 'NOT_OPENED' && <View className="my-doc-dot" />}
      </View>
      {doc.categoryLabel && <View className="list-item-detail">{doc.categoryLabel}</View>}
      <View className="list-item-meta row">
        <Text>
          {doc.sentByName} · {doc.sentAt ? formatDateTime(doc.sentAt) : ''}
          {doc.versionNo > 1 ? ` · 第${doc.versionNo}版` : ''}
        </Text>
        <Text className={`tag ${doc.supersededBy ? 'tag-muted' : STATE_TAG[d.state]}`} data-testid="my-doc-state">
          {doc.supersededBy ? '已更正' : opinion && d.state === 'SIGNED' ? '已反馈' : opinion && d.state === 'PENDING' ? '待反馈' : d.stateLabel}
        </Text>
      </View>
      {opinion && d.responseDue && d.state === 'PENDING' && (
        <View className={`my-doc-due${d.overdue ? ' overdue' : ''}`}>
          {d.overdue ? '已逾期 · ' : ''}请于 {formatDate(d.responseDue)} 前反馈意见
        </View>
      )}
    </View>
  );
}

export default function MyDocumentsPage() {
  const [tab, setTab] = useState<Tab>('pending');
  const [text, setText] = useState<string | undefined>();
  const list = usePagedList((after, limit) => call('filings', 'myDeliveries', { tab, text, after, limit }), [tab, text]);
  const { items, error, reload } = list;

  return (
    <View className="page my-docs-page" data-testid="my-docs-page">
      <View className="my-docs-tabs">
        {TABS.map(([key, label]) => (
          <View key={key} className={`my-docs-tab${tab === key ? ' my-docs-tab-active' : ''}`} data-testid={`tab-${key}`} onClick={() => setTab(key)}>
            {label}
          </View>
        ))}
      </View>
      <View className="row my-docs-search" data-testid="my-docs-search">
        <SearchBox placeholder="搜索文件标题和正文" onSearch={setText} goTestId="my-docs-search-go" inputClass="my-docs-search-input" />
      </View>
      <View className="row my-docs-hint">
        <Text className="muted">申报、通报和报告逐一送达每位委员，请签收或提出异议；签阅文件请在期限前反馈意见。</Text>
        <Text className="my-docs-archive" onClick={() => void Taro.navigateTo({ url: ROUTES.staff.archive })}>
          档案
        </Text>
      </View>
      {!items ? (
        <Pending error={error} onRetry={reload} />
      ) : items.length === 0 ? (
        <Empty text={text ? '没有符合条件的文件' : tab === 'pending' ? '没有待签收的文件' : '还没有已签收的文件'} icon="文" />
      ) : (
        <View>
          {items.map((i) => (
            <Item key={i.delivery.deliveryId} item={i} />
          ))}
          <LoadMore list={list} testId="my-docs-more" />
        </View>
      )}
    </View>
  );
}
