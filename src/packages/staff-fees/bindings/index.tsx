import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BindingView } from '@domain/api/session';
import { call, showError } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedList } from '../../../components/usePagedList';
import { formatDateTime } from '../../../utils/format';
import './index.scss';

export default function BindingsPage() {
  const paged = usePagedList((after, limit) => call('session', 'pendingBindings', { after, limit }));
  const { items: list, first, error, reload, update } = paged;
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(b: BindingView, approve: boolean): Promise<void> {
    if (busy) return;
    setBusy(b.bindingId);
    try {
      const trimmed = note.trim();
      await call('session', 'decideBinding', { bindingId: b.bindingId, approve, ...(approve || !trimmed ? {} : { note: trimmed }) });
      update((x) => (x.bindingId === b.bindingId ? null : x), { total: Math.max(0, (first?.total ?? 1) - 1) });
      setRejecting(null);
      setNote('');
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'success' });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  if (!list)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );

  return (
    <View className="page bindings-page" data-testid="bindings-page">
      <View className="notice">请核对申请人与登记业主的姓名、手机号后再通过。业主个人信息仅用于核实，请勿外传。</View>
      <View className="section-title">
        <Text>待核实申请</Text>
        <Text className="section-extra">共 {first?.total ?? list.length} 条</Text>
      </View>
      {list.length === 0 ? (
        <Empty text="暂无待核实的绑定申请" />
      ) : (
        list.map((b) => (
          <View key={b.bindingId} className="list-item binding-item" data-testid="binding-item">
            <View className="row">
              <Text className="list-item-title">{b.roomLabel}</Text>
              <Text className="tag tag-warning">待核实</Text>
            </View>
            <View className="list-item-detail">
              申请人：{b.personName}
              {'\u3000'}
              {b.applicantPhone ?? b.phoneMasked}
            </View>
            <View className="list-item-detail">
              登记业主：{b.registeredName ?? '未登记'}
              {'\u3000'}
              {b.registeredPhone ?? ''}
            </View>
            {b.mismatch ? (
              <View className="tag tag-danger binding-mismatch" data-testid="binding-mismatch">
                {b.mismatch}
              </View>
            ) : (
              <View className="tag tag-success">与登记业主一致</View>
            )}
            <View className="list-item-meta">申请时间：{formatDateTime(b.requestedAt)}</View>

            {rejecting === b.bindingId ? (
              <View className="binding-reject">
                <Textarea
                  className="binding-note"
                  placeholder="驳回原因（选填，将告知申请人）"
                  maxlength={200}
                  value={note}
                  onInput={(e) => setNote(e.detail.value)}
                />
                <View className="binding-actions">
                  <Button size="small" onClick={() => setRejecting(null)}>
                    取消
                  </Button>
                  <Button size="small" type="danger" loading={busy === b.bindingId} onClick={() => void decide(b, false)}>
                    确认驳回
                  </Button>
                </View>
              </View>
            ) : (
              <View className="binding-actions">
                <Button
                  size="small"
                  onClick={() => {
                    setRejecting(b.bindingId);
                    setNote('');
                  }}
                >
                  驳回
                </Button>
                <Button size="small" type="primary" loading={busy === b.bindingId} onClick={() => void decide(b, true)}>
                  核实通过
                </Button>
              </View>
            )}
          </View>
        ))
      )}
      <LoadMore list={paged} testId="bindings-more" />
    </View>
  );
}
