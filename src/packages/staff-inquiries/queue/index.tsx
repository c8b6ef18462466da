import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { countText } from '@domain/paging';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { routeUrl, ROUTES } from '@domain/routes';
import { InquiryCard, Tabs } from '../../../components/inquiry/parts';
import { useInquiryList } from '../../../components/inquiry/useInquiryList';
import { LoadMore } from '../../../components/LoadMore';
import { useSession } from '../../../stores/session';
import { ConsentButton } from '../../../components/ConsentButton';
import type { QueueFilters } from '@domain/api/inquiries';
import { QueueFilterBar } from './QueueFilters';
import './index.scss';

type Scope = 'mine' | 'open' | 'done';

const EMPTY: Record<Scope, string> = {
  mine: '没有待您处理的提问',
  open: '没有未办结的提问',
  done: '暂无已答复的提问',
};

/** Overdue first, then by due date; the centre's promise is an answer within 3 working days. */
export default function QueuePage() {
  const me = useSession((s) => s.me);
  const gm = me?.staffRole === 'general_manager';
  const head = me?.staffRole === 'head';
  const [scope, setScope] = useState<Scope>('mine');
  const [filters, setFilters] = useState<QueueFilters>({});
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const list = useInquiryList((after, limit) => call('inquiries', 'queue', { scope, ...filters, after, limit }), `${scope}:${JSON.stringify(filters)}`);
  const { items, error, load, counts } = list;
  const overdue = counts?.overdue ?? 0;
  const tabs: Array<[Scope, string]> = gm
    ? [
        ['mine', '上报待办'],
        ['done', '已答复'],
      ]
    : [
        ['mine', '我的待办'],
        ['open', '全部未办结'],
        ['done', '已答复'],
      ];
  return (
    <View className="page queue-page" data-testid="queue-page">
      <Tabs
        tabs={tabs}
        value={scope}
        onChange={(s) => {
          setScope(s);
          // A status of one tab means nothing on another.
          setFilters((f) => ({ ...f, status: undefined }));
        }}
      />
      <QueueFilterBar value={filters} onChange={setFilters} done={scope === 'done'} />
      <ConsentButton templates={['deadline']} label="开启提问提醒" />
      {(head || gm) && (
        <View className="row queue-stats-link">
          <Text className="muted">按月查看收到、按期答复、逾期、上报与满意度</Text>
          <View className="btn btn-plain btn-small" data-testid="open-stats" onClick={() => void Taro.navigateTo({ url: ROUTES.reports.inquiryStats })}>
            月度统计
          </View>
        </View>
      )}
      <View className="section-title">
        <Text>{scope === 'done' ? '已答复' : '待处理'}</Text>
        {counts && scope !== 'done' && (
          <Text className={`section-extra${overdue > 0 ? ' overdue' : ''}`}>
            {overdue > 0 ? `${overdue} 条已逾期 · 共 ${countText(counts.total)} 条` : `共 ${countText(counts.total)} 条`}
          </Text>
        )}
      </View>
      {!items ? (
        <Pending error={error} onRetry={load} />
      ) : items.length === 0 ? (
        <Empty text={filtered ? '没有符合条件的提问' : EMPTY[scope]} />
      ) : (
        <View>
          {items.map((i) => (
            <InquiryCard key={i.inquiryId} item={i} link={routeUrl(ROUTES.staff.inquiry, { id: i.inquiryId })} showAsker />
          ))}
          <LoadMore list={list} testId="queue-more" />
        </View>
      )}
    </View>
  );
}
