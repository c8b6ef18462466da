import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { MeView } from '@domain/api/session';
import { ROLE_LABELS } from '@domain/roles';
import { call, devNowMs, setDevNow, showError } from '../../api/client';
import { Loading } from '../../components/States';
import { useSession } from '../../stores/session';
import { useTodos } from '../../stores/todos';
import { formatDate, formatDateTime, fromShanghai } from '../../utils/format';
import { ROUTES } from '@domain/routes';
import { openLink, toLogin } from '../../utils/nav';
import { BINDING_STATUS_LABELS, BINDING_STATUS_TAGS, communityLabel, roleLabel } from '../../utils/roles';
import './index.scss';

/** Local mode only: moves the functions' clock so deadlines and reminders can be shown on demand. */
function DemoTime({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState<number | null>(devNowMs);
  const start = current ?? Date.now();
  const [date, setDate] = useState(formatDate(start));
  const [time, setTime] = useState(formatDateTime(start).slice(11));

  function apply(): void {
    const ms = fromShanghai(date, time);
    if (ms === null) {
      void Taro.showToast({ title: '请选择有效的日期和时间', icon: 'none' });
      return;
    }
    setDevNow(new Date(ms).toISOString());
    setCurrent(ms);
    void Taro.showToast({ title: '已设置演示时间', icon: 'success' });
    onChanged();
  }

  function reset(): void {
    setDevNow(null);
    setCurrent(null);
    void Taro.showToast({ title: '已恢复真实时间', icon: 'success' });
    onChanged();
  }

  return (
    <View className="card dev-time" data-testid="dev-time">
      <View className="me-card-title">演示时间</View>
      {current !== null ? (
        <View className="demo-banner dev-time-current" data-testid="dev-time-current">
          演示时间：{formatDateTime(current)}（系统按此时间计算期限）
        </View>
      ) : (
        <View className="muted">当前使用真实时间。设置演示时间后，期限与提醒将按该时间计算。</View>
      )}
      <View className="dev-time-pickers">
        <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <View className="dev-time-field" data-testid="dev-time-date">
            {date}
          </View>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <View className="dev-time-field" data-testid="dev-time-time">
            {time}
          </View>
        </Picker>
      </View>
      <View className="row dev-time-actions">
        <View className="btn btn-small dev-time-apply" data-testid="dev-time-apply" onClick={apply}>
          设为演示时间
        </View>
        {current !== null && (
          <View className="btn btn-plain btn-small dev-time-reset" data-testid="dev-time-reset" onClick={reset}>
            恢复真实时间
          </View>
        )}
      </View>
    </View>
  );
}

function Rooms({ me }: { me: MeView }) {
  const canBind = me.area !== 'staff';
  return (
    <View className="card me-rooms" data-testid="me-rooms">
      <View className="row">
        <View className="me-card-title">我的房屋</View>
        {canBind && (
          <Text className="me-link" data-testid="me-bind-room" onClick={() => openLink(ROUTES.owner.bindRoom)}>
            绑定房屋 ›
          </Text>
        )}
      </View>
      {me.rooms.length === 0 ? (
        <View className="muted">{canBind ? '尚未绑定房屋' : '工作人员账号无需绑定房屋'}</View>
      ) : (
        me.rooms.map((r) => (
          <View key={r.roomId} className="row me-room" data-testid="me-room">
            <Text>{r.label.startsWith(r.buildingName) ? r.label : `${r.buildingName} ${r.label}`}</Text>
            <Text className={`tag ${BINDING_STATUS_TAGS[r.status]}`}>{BINDING_STATUS_LABELS[r.status]}</Text>
          </View>
        ))
      )}
    </View>
  );
}

export default function MePage() {
  const me = useSession((s) => s.me);
  const refresh = useSession((s) => s.refresh);
  const logout = useSession((s) => s.logout);
  const clearTodos = useTodos((s) => s.clear);
  const loadTodos = useTodos((s) => s.load);

  async function reload(): Promise<void> {
    try {
      const who = await refresh();
      if (!who) toLogin();
    } catch (e) {
      showError(e);
    }
  }

  useDidShow(() => {
    void reload();
  });

  function switchAccount(): void {
    logout();
    clearTodos();
    toLogin();
  }

  function onDemoTimeChanged(): void {
    // Deadlines depend on the clock, so what is due changes with it.
    void reload().then(() => loadTodos().catch(showError));
  }

  if (!me)
    return (
      <View className="page me-page">
        <Loading />
      </View>
    );

  return (
    <View className="page me-page" data-testid="me-page">
      <View className="card me-profile">
        <View className="me-avatar">{me.name.slice(0, 1)}</View>
        <View className="me-profile-main">
          <View className="me-name" data-testid="me-name">
            {me.name}
          </View>
          <View className="muted">{me.phone ?? '未填写手机号'}</View>
          <View className="muted">{communityLabel(me)}</View>
        </View>
      </View>

      <View className="card me-roles" data-testid="me-roles">
        <View className="me-card-title">身份</View>
        <View>
          <Text className="tag">{roleLabel(me)}</Text>
          {me.roles
            .filter((r) => ROLE_LABELS[r] !== roleLabel(me))
            .map((r) => (
              <Text key={r} className="tag tag-muted">
                {ROLE_LABELS[r]}
              </Text>
            ))}
        </View>
      </View>

      {me.communities.length > 1 || (me.communityId === null && me.communities.length > 0) ? (
        <View className="card me-communities" data-testid="me-communities">
          <View className="me-card-title">切换小区</View>
          {me.communities.map((c) => (
            <Text
              key={c.communityId}
              className={`tag ${c.communityId === me.communityId ? '' : 'tag-muted'}`}
              onClick={() =>
                void call('session', 'switchCommunity', { communityId: c.communityId })
                  .then(() => reload())
                  .then(() => loadTodos())
                  .catch(showError)
              }
            >
              {c.name}
            </Text>
          ))}
        </View>
      ) : null}

      <Rooms me={me} />

      {me.localMode && <DemoTime onChanged={onDemoTimeChanged} />}

      {me.localMode && (
        <View className="btn btn-plain me-switch" data-testid="me-switch" onClick={switchAccount}>
          切换演示账号
        </View>
      )}
    </View>
  );
}
