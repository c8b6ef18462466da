import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { hasRole } from '@domain/roles';
import { ROUTES, routeUrl } from '@domain/routes';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import '../admin.scss';

/** Company level: the communities, a new one, and the way to the general manager's comparison (a chart page in `reports`). A head goes straight to their own. */
export default function AdminHome() {
  const me = useSession((s) => s.me);
  const company = me !== null && hasRole(me, 'admin', 'general_manager');
  const { data, error, reload } = usePageData(async () => (company ? { list: await call('admin', 'communities', {}) } : { list: [] }));
  const [form, setForm] = useState({ name: '', city: '', bank: '', accountName: '', accountNo: '' });
  const { busy, submit } = useSubmit();
  const open = (communityId: string) => void Taro.navigateTo({ url: routeUrl(ROUTES.admin.community, { id: communityId }) });

  if (me && !company) {
    return (
      <View className="page admin-page">
        {me.communityId ? (
          <View className="btn" onClick={() => open(me.communityId!)}>
            管理{me.communityName ?? '本小区'}
          </View>
        ) : (
          <Empty text="您尚未加入小区" />
        )}
      </View>
    );
  }
  if (!data)
    return (
      <View className="page">
        <Pending error={error} onRetry={reload} />
      </View>
    );

  const create = () =>
    submit(async () => {
      const c = await call('admin', 'createCommunity', {
        name: form.name,
        city: form.city,
        companyAccount: { bank: form.bank, accountName: form.accountName, accountNo: form.accountNo },
      });
      setForm({ name: '', city: '', bank: '', accountName: '', accountNo: '' });
      open(c.communityId);
    }, '已新建');

  const field = (key: keyof typeof form, label: string) => (
    <View className="field">
      <Text className="field-label">{label}</Text>
      <Input className="field-input" value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
    </View>
  );

  return (
    <View className="page admin-page" data-testid="admin-home">
      <View className="section-title">小区</View>
      {data.list.map((c) => (
        <View key={c.communityId} className="list-item" onClick={() => open(c.communityId)}>
          <View className="row">
            <Text className="list-item-title">{c.name}</Text>
            {c.retired && <Text className="tag tag-danger">已停用</Text>}
          </View>
          <View className="list-item-meta">
            {c.city} · 房屋 {c.rooms} · 员工 {c.staff} · 委员席位 {c.committee}
          </View>
        </View>
      ))}

      {data.list.length > 0 && (
        <View className="btn" data-testid="open-compare" onClick={() => void Taro.navigateTo({ url: ROUTES.reports.compare })}>
          各小区对比（图表）
        </View>
      )}

      <View className="card">
        <View className="section-title">新建小区</View>
        {field('name', '小区名称')}
        {field('city', '城市')}
        {field('bank', '开户银行')}
        {field('accountName', '户名')}
        {field('accountNo', '账号')}
        <Button type="primary" loading={busy} onClick={() => void create()}>
          新建
        </Button>
      </View>
    </View>
  );
}
