import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { parseYuan } from '@domain/fee-ledger';
import { localDateOf } from '@domain/time';
import { appNow, call } from '../../../api/client';
import { uploadFile } from '../../../api/files';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatFen } from '../../../utils/format';

/** "我已缴费" with the transfer screenshot, and the owner's own payment history (with any rejection's reason). */
export function PaidReport({ rooms, onChange }: { rooms: Array<[string, string]>; onChange: () => void }) {
  const { data, reload } = usePageData(() => call('fees', 'myPayments', { limit: 20 }));
  // Mounted once the bills have loaded, after the page's show event: load now, then on every show.
  useEffect(() => {
    void reload();
  }, [reload]);
  const [amount, setAmount] = useState('');
  const { busy, submit } = useSubmit();

  async function report(roomId: string): Promise<void> {
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) {
      void Taro.showToast({ title: '请填写缴费金额（元）', icon: 'none' });
      return;
    }
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    const ok = await submit(async () => {
      const file = await uploadFile(picked.tempFilePaths[0], '转账截图.jpg', 'payment-reports');
      await call('fees', 'reportPaid', { roomId, amountFen: fen, paidOn: localDateOf(appNow()), screenshot: { fileId: file.fileId, name: file.name } });
    }, '已提交，工作人员核对后确认');
    if (ok) {
      setAmount('');
      void reload();
      onChange();
    }
  }

  return (
    <View className="card" data-testid="paid-report">
      {rooms.length > 0 && (
        <View>
          <View className="account-title">我已缴费</View>
          <Input placeholder="转账金额（元）" type="digit" value={amount} onChange={setAmount} />
          {rooms.map(([roomId, label]) => (
            <Button key={roomId} size="small" type="primary" loading={busy} onClick={() => void report(roomId)}>
              上传 {label} 的转账截图
            </Button>
          ))}
        </View>
      )}
      <View className="account-title">缴费记录</View>
      {(data?.items ?? []).map((i) =>
        'paymentId' in i ? (
          <View key={i.paymentId} className="row">
            <Text>
              {i.paidOn} {i.roomLabel} {i.channelLabel}
            </Text>
            <Text>{formatFen(i.amountFen)}</Text>
          </View>
        ) : (
          <View key={i.reportId} className="row">
            <Text>
              {i.paidOn} 申报 {formatFen(i.amountFen)}
            </Text>
            <Text className={`tag ${i.status === 'rejected' ? 'tag-danger' : 'tag-muted'}`}>
              {i.status === 'rejected' ? `已退回：${i.reason ?? ''}` : '待确认'}
            </Text>
          </View>
        ),
      )}
      {data && data.items.length === 0 && <Text className="muted">暂无缴费记录</Text>}
    </View>
  );
}
