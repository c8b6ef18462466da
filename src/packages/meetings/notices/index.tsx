import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { formatDate } from '../../../utils/format';

/** What owners read: resolutions signed by the chair and sealed, and notices the head approved. */
export default function OwnerNoticesPage() {
  const { data, error, reload } = usePageData(() => call('meetings', 'ownerNotices', {}));
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  return (
    <View className="page" data-testid="owner-notices">
      {data.length === 0 && <Empty text="暂无决议或公告" icon="告" />}
      {data.map((n) => (
        <View key={n.id} className="card" data-testid="owner-notice">
          <View className="row">
            <Text className="section-title">{n.title}</Text>
            <Text className="tag">{n.kind === 'resolution' ? '业委会决议' : '业委会公告'}</Text>
          </View>
          <View>{n.text}</View>
          <View className="muted">
            {formatDate(n.at)}
            {n.signedBy ? ` · 主任 ${n.signedBy} 签字` : ''}
            {n.sealed ? ' · 已加盖业委会公章' : ''}
          </View>
        </View>
      ))}
    </View>
  );
}
