import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { InquiryMonthStats } from '@domain/inquiry-stats';
import { satisfactionTone, type Tone } from '@domain/inquiry-stats';
import { addMonths } from '@domain/time';
import { appNow, call } from '../../../api/client';
import { TrendChart } from '../chart/TrendChart';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { formatMonth, monthOf } from '../../../utils/format';
import '../../../components/inquiry/inquiry.scss';
import './index.scss';

const TREND_MONTHS = 6;
/** One colour per meaning, the same in tiles, charts and table: on time green, overdue red. */
const COLORS = { received: '#1f6feb', onTime: '#16a34a', overdue: '#e5484d', escalated: '#d97706', satisfaction: '#7c3aed' };

const rateText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function Stat({ value, label, sub, tone }: { value: string | number; label: string; sub?: string; tone?: Tone }) {
  return (
    <View className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid="stat">
      <View className="stat-value">{value}</View>
      <View className="stat-label">{label}</View>
      {sub && <View className="stat-label">{sub}</View>}
    </View>
  );
}

function TrendTable({ months }: { months: InquiryMonthStats[] }) {
  return (
    <View className="trend-table" data-testid="trend-table">
      <View className="trend-tr trend-th">
        <Text className="trend-td">月份</Text>
        <Text className="trend-td">收到</Text>
        <Text className="trend-td">按期</Text>
        <Text className="trend-td">逾期</Text>
        <Text className="trend-td">上报</Text>
        <Text className="trend-td">满意率</Text>
      </View>
      {months.map((m) => (
        <View key={m.month} className="trend-tr" data-testid="trend-row">
          <Text className="trend-td">{`${Number(m.month.slice(5))}月`}</Text>
          <Text className="trend-td">{m.received}</Text>
          <Text className="trend-td tone-good">{m.answeredOnTime}</Text>
          <Text className={`trend-td${m.overdue > 0 ? ' tone-danger' : ''}`}>{m.overdue}</Text>
          <Text className="trend-td">{m.escalated}</Text>
          <Text className={`trend-td tone-${satisfactionTone(m.satisfactionRate) ?? 'none'}`} data-testid="trend-rate">
            {rateText(m.satisfactionRate)}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The head's month (received, on time, overdue, escalated, satisfaction) and the six months before it as a trend. */
export default function InquiryStatsPage() {
  const [month, setMonth] = useState(monthOf(appNow()));
  const { data, error, reload } = usePageData(() => call('inquiries', 'trend', { to: month, months: TREND_MONTHS }), [month]);
  const stats = data?.months[data.months.length - 1];
  const months = data?.months ?? [];
  const categories = months.map((m) => `${Number(m.month.slice(5))}月`);

  return (
    <View className="page inquiry-stats-page" data-testid="inquiry-stats-page">
      <View className="row stats-month">
        <View className="btn btn-plain btn-small" onClick={() => setMonth(addMonths(month, -1))}>
          上月
        </View>
        <Text className="stats-month-label" data-testid="stats-month">
          {formatMonth(month)}
        </Text>
        <View className="btn btn-plain btn-small" onClick={() => setMonth(addMonths(month, 1))}>
          下月
        </View>
      </View>
      {!data || !stats ? (
        <Pending error={error} onRetry={reload} />
      ) : (
        <>
          <View className="muted stats-community">{data.communityName} · 按收到月份统计</View>
          <View className="stats-grid">
            <Stat value={stats.received} label="收到" />
            <Stat value={stats.answeredOnTime} label="按期答复" tone="good" />
            <Stat value={stats.overdue} label="逾期" tone={stats.overdue > 0 ? 'danger' : undefined} />
            <Stat value={stats.escalated} label="上报总经理" />
            <Stat value={stats.open} label="仍在处理" />
            <Stat
              value={rateText(stats.satisfactionRate)}
              label="满意率"
              sub={`满意 ${stats.satisfied} · 不满意 ${stats.unsatisfied}`}
              tone={satisfactionTone(stats.satisfactionRate)}
            />
          </View>

          <View className="stats-chart" data-testid="trend-counts">
            <View className="stats-chart-title">近{TREND_MONTHS}个月 · 件数</View>
            <TrendChart
              id="inquiry-trend-counts"
              unit="count"
              categories={categories}
              series={[
                { label: '收到', color: COLORS.received, values: months.map((m) => m.received) },
                { label: '按期答复', color: COLORS.onTime, values: months.map((m) => m.answeredOnTime) },
                { label: '逾期', color: COLORS.overdue, values: months.map((m) => m.overdue) },
                { label: '上报', color: COLORS.escalated, values: months.map((m) => m.escalated) },
              ]}
            />
          </View>
          <View className="stats-chart" data-testid="trend-satisfaction">
            <View className="stats-chart-title">近{TREND_MONTHS}个月 · 满意率</View>
            <TrendChart
              id="inquiry-trend-satisfaction"
              unit="percent"
              height={150}
              categories={categories}
              series={[
                {
                  label: '满意率（无人评价的月份不画）',
                  color: COLORS.satisfaction,
                  kind: 'line',
                  values: months.map((m) => (m.satisfactionRate === null ? null : Math.round(m.satisfactionRate * 100))),
                },
              ]}
            />
          </View>
          <TrendTable months={months} />
          {data.partial && <View className="muted">件数过多，以上只统计了较早收到的部分。</View>}
        </>
      )}
    </View>
  );
}
