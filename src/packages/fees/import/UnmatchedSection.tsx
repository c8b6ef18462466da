import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { Empty, Pending } from '../../../components/States';
import { usePagedList } from '../../../components/usePagedList';
import { useSubmit } from '../../../components/useSubmit';
import { formatFen } from '../../../utils/format';

/** Imported payments that matched no room or bill: staff give the right room number, or set one aside with a reason. */
export function UnmatchedSection() {
  const list = usePagedList((after, limit) => call('fees', 'unmatchedPayments', { after, limit }));
  const { items, error, reload, update } = list;
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const { busy, submit } = useSubmit();
  if (!items) return <Pending error={error} onRetry={reload} />;

  const resolve = (unmatchedId: string, how: 'room' | 'aside') => {
    const text = (inputs[unmatchedId] ?? '').trim();
    void submit(
      () => call('fees', 'resolveUnmatched', how === 'room' ? { unmatchedId, roomLabel: text } : { unmatchedId, note: text }),
      how === 'room' ? '已入账' : '已搁置',
    ).then((ok) => {
      if (ok) update((u) => (u.unmatchedId === unmatchedId ? null : u));
    });
  };

  return (
    <View data-testid="unmatched-payments">
      <View className="section-title">待处理缴费</View>
      {items.length === 0 ? (
        <Empty text="没有待处理的缴费" />
      ) : (
        items.map((u) => (
          <View key={u.unmatchedId} className="list-item" data-testid="unmatched-payment">
            <View className="row">
              <Text className="list-item-title">{u.roomLabel}</Text>
              <Text className="arrears-amount">{formatFen(u.amountFen)}</Text>
            </View>
            <View className="muted">
              {u.reason} · 第{u.line}行 · {u.paidOn} · {u.channelLabel} · 流水号 {u.receiptNo}
              {u.months.length ? ` · ${u.months.join('、')}` : ''}
            </View>
            <Input
              placeholder="正确的房号（如 1栋-101），或搁置理由"
              value={inputs[u.unmatchedId] ?? ''}
              onChange={(v) => setInputs({ ...inputs, [u.unmatchedId]: v })}
            />
            <View className="row">
              <Button size="small" loading={busy} onClick={() => resolve(u.unmatchedId, 'aside')} data-testid="unmatched-aside">
                搁置
              </Button>
              <Button size="small" type="primary" loading={busy} onClick={() => resolve(u.unmatchedId, 'room')} data-testid="unmatched-assign">
                指定房屋入账
              </Button>
            </View>
          </View>
        ))
      )}
      <LoadMore list={list} testId="unmatched-more" />
    </View>
  );
}
