import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FileRef } from '@domain/files';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { PhotoPicker } from '../../../components/inquiry/PhotoPicker';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import { useState } from 'react';
import { Rule } from '../fields';
import { SealLog } from './SealLog';
import { confirmOwnerWording } from '../parts';

/** Resolutions: the chair signs, the seal keeper records the seal with a photo, the head publishes. */
export default function ResolutionsPage() {
  const { data, error, reload } = usePageData(() => call('meetings', 'resolutions', {}));
  const { busy, submit } = useSubmit();
  const me = useSession((s) => s.me);
  const [photos, setPhotos] = useState<Record<string, FileRef[]>>({});
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  const run = (work: () => Promise<unknown>, toast: string) => void submit(() => work().then(reload), toast);
  const roles = me?.roles ?? [];
  return (
    <View className="page" data-testid="resolutions-page">
      <Rule>
        通过的议题形成决议。须向业主公告的决议，先由业委会主任签字，再由公章保管人加盖业委会公章（拍下盖章页，记入用章登记），负责人确认公告内容后方向业主公告。
      </Rule>
      {data.length === 0 && <Empty text="暂无决议" icon="决" />}
      {data.map((r) => (
        <View key={r._id} className="card" data-testid="resolution">
          <View className="row">
            <Text className="section-title">{r.title}</Text>
            <Text className="tag">{r.statusLabel}</Text>
          </View>
          <View>{r.text}</View>
          {r.chairSignature && <View className="muted">主任 {r.chairSignature.by.name} 已签字</View>}
          {r.seal && <View className="muted">{r.seal.keeper.name} 已加盖公章</View>}
          {r.status === 'passed' && roles.includes('committee') && (
            <Button
              type="primary"
              loading={busy}
              data-testid="chair-sign"
              onClick={() => run(() => call('meetings', 'chairSign', { resolutionId: r._id }), '已签字')}
            >
              主任签字
            </Button>
          )}
          {r.status === 'chair_signed' && (
            <View>
              <PhotoPicker photos={photos[r._id] ?? []} onChange={(p) => setPhotos({ ...photos, [r._id]: p })} folder="seal" />
              <Button
                loading={busy}
                data-testid="apply-seal"
                disabled={!(photos[r._id] ?? []).length}
                onClick={() => run(() => call('meetings', 'applySeal', { resolutionId: r._id, photo: (photos[r._id] ?? [])[0]! }), '已记录用章')}
              >
                记录加盖公章
              </Button>
            </View>
          )}
          {r.status === 'sealed' && roles.includes('head') && (
            <Button
              type="primary"
              loading={busy}
              data-testid="publish"
              onClick={() =>
                void confirmOwnerWording(r.title, r.text).then(
                  (ok) => ok && run(() => call('meetings', 'publishResolution', { resolutionId: r._id, confirm: true }), '已公告'),
                )
              }
            >
              向业主公告
            </Button>
          )}
        </View>
      ))}
      <SealLog version={data.filter((r) => r.seal).length} />
    </View>
  );
}
