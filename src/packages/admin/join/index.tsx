import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROUTES } from '@domain/routes';
import { call, getDevToken, isWeapp, setDevToken } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import '../admin.scss';

/**
 * Where an invitation's link (or QR code) opens: the code is filled in, the person gives their name,
 * and this WeChat identity becomes that staff member. The first administrator redeems the init
 * script's code here too (打开本页并切换到「初始化」).
 */
export default function JoinPage() {
  const { params } = useRouter();
  // A scanned mini-program code opens this page with the code as its `scene`.
  const [codeText, setCode] = useState(params.code ?? (params.scene ? decodeURIComponent(params.scene) : ''));
  const [name, setName] = useState('');
  const [bootstrap, setBootstrap] = useState(params.bootstrap === '1');
  const refresh = useSession((s) => s.refresh);
  const { busy, submit } = useSubmit();

  const join = () =>
    submit(
      async () => {
        // Local mode has no WeChat: a fresh identity stands in for the new user's first login.
        if (!isWeapp && !getDevToken()) setDevToken(`dev-openid-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
        if (bootstrap) await call('admin', 'bootstrap', { code: codeText, name });
        else await call('admin', 'redeemInvitation', { code: codeText, name });
        await refresh();
        void Taro.switchTab({ url: ROUTES.home });
      },
      bootstrap ? '已成为系统管理员' : '已加入',
    );

  return (
    <View className="page admin-page" data-testid="join-page">
      <View className="notice">
        {bootstrap ? '请输入部署时初始化脚本打印的一次性初始化码。' : '请输入负责人或管理员给您的邀请码。邀请码只能使用一次，过期失效。'}
      </View>
      <View className="field">
        <Text className="field-label">{bootstrap ? '初始化码' : '邀请码'}</Text>
        <Input className="field-input" value={codeText} onInput={(e) => setCode(e.detail.value.trim().toUpperCase())} />
      </View>
      <View className="field">
        <Text className="field-label">您的姓名</Text>
        <Input className="field-input" value={name} onInput={(e) => setName(e.detail.value)} />
      </View>
      <Button type="primary" block loading={busy} onClick={() => void join()}>
        {bootstrap ? '成为系统管理员' : '加入'}
      </Button>
      <View className="muted" onClick={() => setBootstrap(!bootstrap)}>
        {bootstrap ? '我有邀请码' : '首次部署？使用初始化码'}
      </View>
    </View>
  );
}
