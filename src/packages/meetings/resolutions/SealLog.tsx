import { Image, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { fileUrl, openFile } from '../../../api/files';
import { usePageData } from '../../../components/usePageData';
import { formatDateTime } from '../../../utils/format';

/** 用章登记: every use of the committee seal — what, when, who applied it, who authorised, the sealed page. */
export function SealLog({ version }: { version: number }) {
  const { data } = usePageData(() => call('meetings', 'sealLog', {}), [version]);
  if (!data?.length) return null;
  return (
    <View className="card" data-testid="seal-log">
      <View className="section-title">用章登记</View>
      {data.map((u) => (
        <View key={u._id} className="list-item" data-testid="seal-use">
          <View>{u.what}</View>
          <View className="muted">
            {formatDateTime(u.at)} · 保管人 {u.keeper.name} 加盖 · 依据 {u.authorisedBy.name} 签字
          </View>
          <Image src={fileUrl(u.photo.fileId)} mode="aspectFill" style={{ width: '120px', height: '120px' }} onClick={() => void openFile(u.photo)} />
        </View>
      ))}
    </View>
  );
}
