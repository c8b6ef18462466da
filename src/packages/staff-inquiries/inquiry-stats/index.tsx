import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { addMonths } from '@domain/time';
import { appNow, call } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { formatMonth, monthOf } from '../../../utils/format';
import '../../../components/inquiry/inquiry.scss';

function Stat({ value, label, sub, tone }: { value: string | number; label: string; sub?: string; tone?: 'danger' | 'good' }) {
  return (
    <View className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid="stat">
      <View className="stat-value">{value}</View>
      <View className="stat-label">{label}</View>
      {sub && <View className="stat-label">{sub}</View>}
    </View>
  );
}

/** The head's month: received, answered on time, overdue, escalated, and how satisfied askers were. */
export default function InquiryStatsPage() {
  const [month, setMonth] = useState(monthOf(appNow()));
  const { data: stats, error, reload } = usePageData(() => call('inquiries', 'stats', { month }), [month]);

  const rate = stats?.satisfactionRate;
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
      {!stats ? (
        <Pending error={error} onRetry={reload} />
      ) : (
        <>
          <View className="muted stats-community">{stats.communityName} · 按收到月份统计</View>
          <View className="stats-grid">
            <Stat value={stats.received} label="收到" />
            <Stat value={stats.answeredOnTime} label="按期答复" tone="good" />
            <Stat value={stats.overdue} label="逾期" tone={stats.overdue > 0 ? 'danger' : undefined} />
            <Stat value={stats.escalated} label="上报总经理" />
            <Stat value={stats.open} label="仍在处理" />
            <Stat
              value={rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`}
              label="满意率"
              sub={`满意 ${stats.satisfied} · 不满意 ${stats.unsatisfied}`}
              tone="good"
            />
          </View>
        </>
      )}
    </View>
  );
}
