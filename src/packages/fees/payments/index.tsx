import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { call } from '../../../api/client';
import { fileUrl } from '../../../api/files';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime, formatFen } from '../../../utils/format';
import '../arrears/index.scss';

/** Owners' "我已缴费" reports: check the company account, then confirm, or send back with a reason the owner reads. */
export default function PaymentReportsPage() {
  const { data, error, reload } = usePageData(() => call('fees', 'paymentReports', { limit: 50 }));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { busy, submit } = useSubmit();
  if (!data) return <Pending error={error} onRetry={reload} />;
  const decide = (reportId: string, confirm: boolean) =>
    void submit(
      () => call('fees', 'decideReport', { reportId, confirm, ...(confirm ? {} : { reason: (reasons[reportId] ?? '').trim() }) }),
      confirm ? '已确认入账' : '已退回',
    ).then((ok) => {
      if (ok) void reload();
    });
  return (
    <View className="page arrears-page" data-testid="payment-reports-page">
      {data.items.length === 0 ? (
        <Empty text="没有待确认的缴费申报" />
      ) : (
        data.items.map((r) => (
          <View key={r.reportId} className="list-item" data-testid="payment-report">
            <View className="row">
              <Text className="list-item-title">{r.roomLabel}</Text>
              <Text className="arrears-amount">{formatFen(r.amountFen)}</Text>
            </View>
            <View className="muted">
              缴费日期 {r.paidOn} · 申报于 {formatDateTime(r.at)}
            </View>
            <Image src={fileUrl(r.screenshot.fileId)} mode="widthFix" style={{ width: '60%' }} />
            <Input placeholder="退回理由（业主可见）" value={reasons[r.reportId] ?? ''} onChange={(v) => setReasons({ ...reasons, [r.reportId]: v })} />
            <View className="row">
              <Button size="small" loading={busy} onClick={() => decide(r.reportId, false)} data-testid="report-reject">
                退回
              </Button>
              <Button size="small" type="primary" loading={busy} onClick={() => decide(r.reportId, true)} data-testid="report-confirm">
                确认到账
              </Button>
            </View>
          </View>
        ))
      )}
    </View>
  );
}
