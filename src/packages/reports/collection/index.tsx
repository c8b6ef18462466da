import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/fees';
import { percentText, type MonthRates } from '@domain/fee-totals';
import { call } from '../../../api/client';
import { TrendChart } from '../chart/TrendChart';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { formatFen } from '../../../utils/format';

const pct = (bp: number | null): number | null => (bp === null ? null : bp / 100);

function RatesTable({ rows }: { rows: MonthRates[] }) {
  return (
    <View className="card" data-testid="rates-table">
      <View className="row muted">
        <Text>月份</Text>
        <Text>收缴率</Text>
        <Text>户收费率</Text>
        <Text>清缴率</Text>
        <Text>当月欠收</Text>
      </View>
      {rows.map((r) => (
        <View key={r.month} className="row">
          <Text>{r.month}</Text>
          <Text>{percentText(r.collectionBp)}</Text>
          <Text>{percentText(r.householdBp)}</Text>
          <Text>{percentText(r.clearanceBp)}</Text>
          <Text>{formatFen(r.owingForMonthFen)}</Text>
        </View>
      ))}
    </View>
  );
}

/** 收缴率, 户收费率 and 清缴率 by month and by building, the amount owing and reminders by channel. */
export default function CollectionReportPage() {
  const { data, error, reload } = usePageData(() => call('fees', 'dashboard', {}));
  const [building, setBuilding] = useState<string | null>(null);
  if (!data) return <Pending error={error} onRetry={reload} />;
  const rows = building ? (data.buildings.find((b) => b.buildingId === building)?.rows ?? []) : data.months;
  const contacts = Object.keys(REMINDER_CHANNELS).map(
    (c) => [REMINDER_CHANNELS[c as ReminderChannel], rows.reduce((s, r) => s + r.contacts[`contacts_${c as ReminderChannel}`], 0)] as const,
  );
  return (
    <View className="page" data-testid="collection-report">
      <View className="card">
        <Text>
          欠费合计 {formatFen(data.owingFen)}（{data.owingRooms} 户）
        </Text>
      </View>
      <View className="chip-row">
        <View className={`chip${building === null ? ' chip-active' : ''}`} onClick={() => setBuilding(null)}>
          全小区
        </View>
        {data.buildings.map((b) => (
          <View key={b.buildingId} className={`chip${building === b.buildingId ? ' chip-active' : ''}`} onClick={() => setBuilding(b.buildingId)}>
            {b.name}（欠 {formatFen(b.owingFen)}）
          </View>
        ))}
      </View>
      <TrendChart
        id="rates"
        unit="percent"
        categories={rows.map((r) => `${Number(r.month.slice(5))}月`)}
        series={[
          { label: '收缴率', color: '#1677ff', values: rows.map((r) => pct(r.collectionBp)) },
          { label: '户收费率', color: '#52c41a', values: rows.map((r) => pct(r.householdBp)) },
          { label: '清缴率', color: '#fa8c16', values: rows.map((r) => pct(r.clearanceBp)) },
        ]}
      />
      <RatesTable rows={rows} />
      <View className="card">
        <View className="muted">催缴次数（按方式，每次联系计一次）</View>
        {contacts.map(([label, n]) => (
          <View key={label} className="row">
            <Text>{label}</Text>
            <Text>{n}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
