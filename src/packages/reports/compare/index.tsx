import { Text, View } from '@tarojs/components';
import { DASHBOARD_FIGURES, type DashboardFigure } from '@domain/dashboard';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { TrendChart } from '../chart/TrendChart';

const FIGURES = Object.keys(DASHBOARD_FIGURES) as DashboardFigure[];
/** One colour per figure, the same in the chart's legend and nowhere else on the page. */
const COLORS: Record<DashboardFigure, string> = {
  overdueInquiries: '#e5484d',
  unsignedDeliveries: '#d97706',
  overdueObligations: '#7c3aed',
  overdueEvents: '#0e7490',
};

/** The general manager's comparison of communities: what is overdue, as bars per community, and the latest 收缴率; the figures in a table below. */
export default function CompareCommunitiesPage() {
  const { data, error, reload } = usePageData(() => call('admin', 'dashboard', {}));
  if (!data) return <Pending error={error} onRetry={reload} />;
  if (data.length === 0)
    return (
      <View className="page">
        <Empty text="还没有小区，请先新建" />
      </View>
    );
  const categories = data.map((r) => r.name);
  return (
    <View className="page" data-testid="compare-communities">
      <View className="card" data-testid="compare-overdue">
        <View className="section-title">逾期与未办（件）</View>
        <TrendChart
          id="compare-overdue"
          unit="count"
          categories={categories}
          series={FIGURES.map((f) => ({ label: DASHBOARD_FIGURES[f], color: COLORS[f], values: data.map((r) => r.figures[f]) }))}
        />
      </View>
      <View className="card" data-testid="compare-collection">
        <View className="section-title">物业费收缴率（最近有账单的月份）</View>
        <TrendChart
          id="compare-collection"
          unit="percent"
          height={150}
          categories={categories}
          series={[{ label: '收缴率', color: '#1677ff', values: data.map((r) => (r.collection.bp === null ? null : r.collection.bp / 100)) }]}
        />
      </View>
      <View className="card" data-testid="compare-table">
        {data.map((r) => (
          <View key={r.communityId} className="list-item">
            <Text className="list-item-title">{r.name}</Text>
            {FIGURES.map((f) => (
              <View key={f} className="row">
                <Text className="muted">{DASHBOARD_FIGURES[f]}</Text>
                <Text>{r.figures[f]}</Text>
              </View>
            ))}
            <View className="row">
              <Text className="muted">收缴率</Text>
              <Text>{r.collectionText}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
