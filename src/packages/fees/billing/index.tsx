import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import { parseYuan, yuan } from '@domain/fee-ledger';
import { addMonths, localDateOf, monthOf } from '@domain/time';
import { appNow, call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import '../arrears/index.scss';

/** The fee schedule (the head sets it) and a month's bills, generated in chunks until done. */
export default function BillingPage() {
  const { data, error, reload } = usePageData(() => call('fees', 'schedule', {}));
  const [price, setPrice] = useState('');
  const [proRata, setProRata] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const { busy, submit } = useSubmit();
  const month = monthOf(localDateOf(appNow()));
  if (data === null && error) return <Pending error={error} onRetry={reload} />;

  async function generate(m: string): Promise<void> {
    let after: string | undefined;
    let created = 0;
    do {
      const r = await call('fees', 'generateBills', { month: m, after, limit: 200 });
      created += r.created;
      after = r.next ?? undefined;
      setProgress(`${m}：已生成 ${created} 张账单${after ? '…' : '，完成'}`);
    } while (after);
  }

  return (
    <View className="page arrears-page" data-testid="billing-page">
      <View className="card">
        <View className="form-label">收费标准</View>
        <Text className="muted">
          {data ? (data.rate.kind === 'area' ? `每平方米每月 ${yuan(data.rate.fenPerM2)} 元` : `每户每月 ${yuan(data.rate.amountFen)} 元`) : '尚未设置'}
          {data?.proRata ? '，月中接管按日折算' : '，月中接管次月起计费'}
        </Text>
        <Input placeholder="每平方米每月单价（元）" type="digit" value={price} onChange={setPrice} />
        <View className="row form-switch">
          <Text>月中接管按日折算</Text>
          <Switch checked={proRata} onChange={setProRata} />
        </View>
        <Button
          size="small"
          loading={busy}
          onClick={() => {
            const fen = parseYuan(price);
            if (fen)
              void submit(() => call('fees', 'setSchedule', { rate: { kind: 'area', fenPerM2: fen }, proRata }), '已保存').then((ok) => {
                if (ok) void reload();
              });
          }}
        >
          保存收费标准
        </Button>
      </View>
      <View className="card">
        <View className="form-label">生成账单（重复执行不会重复生成）</View>
        <View className="row">
          <Button size="small" loading={busy} onClick={() => void submit(() => generate(addMonths(month, -1)))}>
            生成上月
          </Button>
          <Button size="small" type="primary" loading={busy} onClick={() => void submit(() => generate(month))}>
            生成本月
          </Button>
        </View>
        {progress && <View className="muted">{progress}</View>}
      </View>
    </View>
  );
}
