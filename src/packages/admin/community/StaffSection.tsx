import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InvitationQrView, InvitationView, StaffView } from '@domain/api/admin';
import type { AppointedRole } from '@domain/onboarding';
import { APPOINTABLE_ROLES } from '@domain/roles';
import { STAFF_ROLE_LABELS } from '@domain/model';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';

const ROLES: readonly AppointedRole[] = APPOINTABLE_ROLES;
const STATUS = { open: '待使用', used: '已使用', expired: '已过期', revoked: '已撤回' } as const;

/** Invitations (one-time codes that expire) and the staff (the general manager too, to the administrator): each may be retired with a handover. */
export function StaffSection(props: {
  communityId: string;
  canInviteHead: boolean;
  /** Only the company administrator appoints the general manager. */
  canInviteGm: boolean;
  staff: StaffView[];
  invitations: InvitationView[];
  buildings: Array<{ buildingId: string; name: string }>;
  onChanged: () => void;
  /** Opens the retirement panel (reason, receiver, confirm) for this person. */
  onRetire: (s: StaffView) => void;
}) {
  const { communityId, staff, invitations, buildings, onChanged } = props;
  const [role, setRole] = useState<AppointedRole>('butler');
  const [picked, setPicked] = useState<string[]>([]);
  const [created, setCreated] = useState<InvitationView | null>(null);
  const [qr, setQr] = useState<InvitationQrView | null>(null);
  const { busy, submit } = useSubmit();
  const names = new Map(buildings.map((b) => [b.buildingId, b.name]));

  const invite = () =>
    submit(async () => {
      const inv = await call('admin', 'createInvitation', { communityId, role, buildingIds: role === 'butler' ? picked : [] });
      setCreated(inv);
      setQr(null);
      onChanged();
      // The image is a second, read-only call: a failure to draw it leaves the code, which works alone.
      if (inv.code) setQr(await call('admin', 'invitationQr', { code: inv.code }).catch(() => null));
    });

  return (
    <View className="card" data-testid="staff-section">
      <View className="section-title">员工与邀请</View>
      {staff.map((s) => (
        <View key={s.personId} className="list-item">
          <View className="row">
            <Text className="list-item-title">
              {s.name} · {s.roleLabel}
            </Text>
            {s.active ? (
              <Text className="tag tag-danger" onClick={() => props.onRetire(s)}>
                离任
              </Text>
            ) : (
              <Text className="tag">已离任</Text>
            )}
          </View>
          {s.buildingIds.length > 0 && <View className="list-item-meta">负责：{s.buildingIds.map((b) => names.get(b) ?? b).join('、')}</View>}
        </View>
      ))}
      <View className="section-title">邀请员工</View>
      <View>
        {ROLES.filter((r) => (r === 'general_manager' ? props.canInviteGm : r !== 'head' || props.canInviteHead)).map((r) => (
          <Text key={r} className={`chip ${role === r ? 'chip-on' : ''}`} onClick={() => setRole(r)}>
            {STAFF_ROLE_LABELS[r]}
          </Text>
        ))}
      </View>
      {role === 'butler' && (
        <View>
          {buildings.map((b) => (
            <Text
              key={b.buildingId}
              className={`chip ${picked.includes(b.buildingId) ? 'chip-on' : ''}`}
              onClick={() => setPicked(picked.includes(b.buildingId) ? picked.filter((x) => x !== b.buildingId) : [...picked, b.buildingId])}
            >
              {b.name}
            </Text>
          ))}
        </View>
      )}
      <Button type="primary" loading={busy} onClick={() => void invite()}>
        生成邀请码
      </Button>
      {created?.code && (
        <View data-testid="invitation-code">
          <View className="code">{created.code}</View>
          <View className="muted">
            {created.roleLabel}邀请，{formatDateTime(created.expiresAt)}前有效，只能使用一次。
          </View>
          {qr?.image ? (
            <View data-testid="invitation-qr">
              <Image className="qr" src={qr.image} mode="aspectFit" showMenuByLongpress />
              <View className="muted">{qr.kind === 'wxacode' ? '请对方用微信扫码加入' : '本地运行：二维码为加入链接'}</View>
            </View>
          ) : (
            qr && <View className="muted">{qr.reason}</View>
          )}
          <View className="muted" data-testid="invitation-link">
            链接：{created.link}
          </View>
        </View>
      )}
      {invitations.map((i) => (
        <View key={i.invitationId} className="list-item-meta">
          {i.roleLabel} · 尾号 {i.hint} · {STATUS[i.status]} · {formatDateTime(i.expiresAt)}
        </View>
      ))}
    </View>
  );
}
