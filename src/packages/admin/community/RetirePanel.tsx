import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StaffView } from '@domain/api/admin';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

/**
 * Retiring someone — staff, the general manager, a committee member — always the same way: a
 * reason, the colleague who takes their open work (asked for once the count is known), a confirm.
 * Records stay; access ends on their next request.
 */
export function RetirePanel(props: {
  communityId: string;
  person: { personId: string; name: string; what: string };
  /** Who may take the work: active staff of this community (and the general managers, for the administrator). */
  receivers: StaffView[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { communityId, person, receivers, onDone, onCancel } = props;
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const [openWork, setOpenWork] = useState(0);
  const { busy, submit } = useSubmit();
  const others = receivers.filter((r) => r.active && r.personId !== person.personId);

  const confirm = () =>
    submit(async () => {
      const input = { communityId, personId: person.personId, reason: reason.trim() || undefined, reassignTo: to || undefined };
      let res = await call('admin', 'deactivateStaff', input);
      // A large handover goes a batch per call; each call moves some, the last one retires.
      while (!res.deactivated && res.reassigned > 0) res = await call('admin', 'deactivateStaff', input);
      // Work open and no one named: nothing changed; the count shows and a colleague is asked for.
      if (!res.deactivated) return setOpenWork(res.openWork);
      void Taro.showToast({ title: '已离任', icon: 'success' });
      onDone();
    });

  return (
    <View className="card" data-testid="retire-panel">
      <View className="section-title">
        {person.name} 离任（{person.what}）
      </View>
      <View className="muted">离任后立即失去相应权限，其记录保留；未办结事项转交给接手人，并在记录中写明原因。</View>
      <View className="field">
        <Text className="field-label">离任原因</Text>
        <Input className="field-input" placeholder="如：调任、离职、辞去委员" value={reason} maxlength={60} onInput={(e) => setReason(e.detail.value)} />
      </View>
      {others.length > 0 && (
        <View>
          <View className="muted">{openWork > 0 ? `有 ${openWork} 项未办结事项，请选择接手人：` : '接手人（有未办结事项时必选）：'}</View>
          {others.map((o) => (
            <Text key={o.personId} className={`chip ${to === o.personId ? 'chip-on' : ''}`} onClick={() => setTo(to === o.personId ? '' : o.personId)}>
              {o.name}（{o.roleLabel}）
            </Text>
          ))}
        </View>
      )}
      <View className="actions">
        <Button type="danger" loading={busy} onClick={() => void confirm()}>
          确认离任
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </View>
  );
}
