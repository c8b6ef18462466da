import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { countText } from '@domain/paging';
import { ROUTES } from '@domain/routes';
import { RULE_PHRASES } from '@domain/rules';
import { AskEntry, InquiryCard, askerDetail } from '../../../components/inquiry/parts';
import { useInquiryList } from '../../../components/inquiry/useInquiryList';
import { LoadMore } from '../../../components/LoadMore';

export default function MyInquiriesPage() {
  const list = useInquiryList((after, limit) => call('inquiries', 'mine', { after, limit }));
  const { items, error, load, counts } = list;
  const open = counts?.open ?? 0;
  return (
    <View className="page my-inquiries-page" data-testid="my-inquiries-page">
      <AskEntry title="我要提问" sub={`咨询、建议、要求、投诉，合理诉求${RULE_PHRASES.inquiryWithin}答复`} link={ROUTES.owner.ask} />
      <View className="section-title">
        <Text>我的提问</Text>
        {counts && counts.total > 0 && <Text className="section-extra">{open > 0 ? `${countText(open)} 条处理中` : `共 ${countText(counts.total)} 条`}</Text>}
      </View>
      {!items ? (
        <Pending error={error} onRetry={load} />
      ) : items.length === 0 ? (
        <Empty text="您还没有提过问题。遇到问题、有建议或要求，随时告诉我们" icon="问" />
      ) : (
        <View>
          {items.map((i) => (
            <InquiryCard key={i.inquiryId} item={i} link={askerDetail(i)} />
          ))}
          <LoadMore list={list} testId="inquiries-more" />
        </View>
      )}
    </View>
  );
}
