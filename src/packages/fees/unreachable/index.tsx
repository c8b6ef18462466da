import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatFen } from '../../../utils/format';
import '../arrears/index.scss';

/** Rooms whose last attempts reached nobody, with a way to record a number someone else gave. */
export default function UnreachablePage() {
  const { data, error, reload } = usePageData(() => call('fees', 'unreachable', { limit: 50 }));
  const [form, setForm] = useState<Record<string, { phone: string; source: string }>>({});
  const { busy, submit } = useSubmit();
  if (!data) return <Pending error={error} onRetry={reload} />;
  return (
    <View className="page arrears-page" data-testid="unreachable-page">
      {data.items.length === 0 ? (
        <Empty text="没有联系不上的欠费户" />
      ) : (
        data.items.map((r) => {
          const f = form[r.roomId] ?? { phone: '', source: '' };
          const set = (patch: Partial<typeof f>) => setForm({ ...form, [r.roomId]: { ...f, ...patch } });
          return (
            <View key={r.roomId} className="list-item">
              <View className="row">
                <Text className="list-item-title" onClick={() => Taro.navigateTo({ url: routeUrl(ROUTES.fees.room, { id: r.roomId }) })}>
                  {r.roomLabel}
                </Text>
                <Text className="arrears-amount">{formatFen(r.amountFen)}</Text>
              </View>
              <Input placeholder="新的联系电话" type="number" value={f.phone} onChange={(v) => set({ phone: v })} />
              <Input placeholder="提供人（如邻居、亲属）" value={f.source} onChange={(v) => set({ source: v })} />
              <Button
                size="small"
                type="primary"
                loading={busy}
                onClick={() =>
                  void submit(() => call('fees', 'updateContact', { roomId: r.roomId, phone: f.phone.trim(), source: f.source.trim() }), '已保存').then(
                    (ok) => {
                      if (ok) void reload();
                    },
                  )
                }
              >
                保存联系方式
              </Button>
            </View>
          );
        })
      )}
    </View>
  );
}
