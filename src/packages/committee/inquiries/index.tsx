import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { routeUrl, ROUTES } from '@domain/routes';
import { RULE_PHRASES } from '@domain/rules';
import { AskEntry, InquiryCard, Tabs } from '../../../components/inquiry/parts';
import { useInquiryList } from '../../../components/inquiry/useInquiryList';
import { LoadMore } from '../../../components/LoadMore';
import { CommitteeFilterBar, type CommitteeFilters } from './Filters';
import './index.scss';

type Tab = 'all' | 'mine';

/** Every formal 质询 / 质疑 / 建议 / 要求 / 查账 of the committee, visible to all its members. */
export default function CommitteeInquiriesPage() {
  const [tab, setTab] = useState<Tab>('all');
  const [filters, setFilters] = useState<CommitteeFilters>({});
  const list = useInquiryList(
    (after, limit) => call('inquiries', 'committeeList', { mine: tab === 'mine' || undefined, ...filters, after, limit }),
    `${tab}|${filters.status ?? ''}|${filters.text ?? ''}`,
  );
  const filtered = !!(filters.status || filters.text);
  const { items: shown, error, load, counts } = list;
  return (
    <View className="page committee-inquiries-page" data-testid="committee-inquiries-page">
      <AskEntry title="提出质询 / 查账" sub={`质询、质疑、建议、要求；查账安排在${RULE_PHRASES.auditWindow}`} link={ROUTES.committee.ask} />
      <Tabs
        tabs={[
          ['all', '全部事项'],
          ['mine', '我提出的'],
        ]}
        value={tab}
        onChange={setTab}
      />
      <CommitteeFilterBar value={filters} onChange={setFilters} />
      <View className="section-title">
        <Text>业委会事项</Text>
        {counts && <Text className="section-extra">共 {counts.total} 条</Text>}
      </View>
      {!shown ? (
        <Pending error={error} onRetry={load} />
      ) : shown.length === 0 ? (
        <Empty text={filtered ? '没有符合条件的事项' : '暂无业委会提出的事项'} icon="委" />
      ) : (
        <View>
          {shown.map((i) => (
            <InquiryCard key={i.inquiryId} item={i} link={routeUrl(ROUTES.committee.inquiry, { id: i.inquiryId })} showAsker />
          ))}
          <LoadMore list={list} testId="inquiries-more" />
        </View>
      )}
    </View>
  );
}
