import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DevPersonView } from '@domain/api/session';
import type { HomeArea } from '@domain/roles';
import { call, errorMessage, isWeapp, showError } from '../../api/client';
import { ErrorState, Loading } from '../../components/States';
import { useSession } from '../../stores/session';
import { useTodos } from '../../stores/todos';
import { ROUTES } from '@domain/routes';
import './index.scss';

// Visitors sit with owners: both are residents, one simply has no verified room yet.
/** A long owner list would push the committee and staff off screen; show this many until expanded. */
const COLLAPSED_COUNT = 5;

const GROUPS: Array<{ key: string; title: string; areas: HomeArea[] }> = [
  { key: 'owner', title: '业主', areas: ['owner', 'visitor'] },
  { key: 'committee', title: '业委会', areas: ['committee'] },
  { key: 'staff', title: '工作人员', areas: ['staff', 'admin'] },
];

function WeappLogin() {
  return (
    <View className="page login-page">
      <View className="login-hero">
        <View className="login-title">物业业委会沟通协调</View>
        <View className="login-sub">使用微信身份自动登录，无需账号密码</View>
      </View>
      <View className="btn" onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        进入首页
      </View>
    </View>
  );
}

function DevLogin() {
  const login = useSession((s) => s.login);
  const clearTodos = useTodos((s) => s.clear);
  const [people, setPeople] = useState<DevPersonView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});

  async function load(): Promise<void> {
    setError(null);
    try {
      setPeople(await call('session', 'devPeople', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function pick(p: DevPersonView): Promise<void> {
    if (busy) return;
    setBusy(p.personId);
    try {
      await login(p.personId);
      clearTodos();
      await Taro.reLaunch({ url: ROUTES.home });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="page login-page" data-testid="login-page">
      <View className="login-hero">
        <View className="login-title">物业业委会沟通协调</View>
        <View className="login-sub">本地演示模式：请选择一位演示人员登录</View>
      </View>
      {error ? (
        <ErrorState text={error} onRetry={() => void load()} />
      ) : !people ? (
        <Loading />
      ) : (
        GROUPS.map((g) => {
          const all = people.filter((p) => g.areas.includes(p.area));
          if (all.length === 0) return null;
          const members = expanded[g.key] ? all : all.slice(0, COLLAPSED_COUNT);
          return (
            <View key={g.key} className={`login-group login-group-${g.key}`} data-testid={`login-group-${g.key}`}>
              <View className="login-group-title">
                {g.title}（{all.length} 人）
              </View>
              <View className="card login-list">
                {members.map((p) => (
                  <View key={p.personId} className="dev-person" data-testid="dev-person" data-person-id={p.personId} onClick={() => void pick(p)}>
                    <View className="dev-person-avatar">{p.name.slice(0, 1)}</View>
                    <View className="dev-person-main">
                      <Text className="dev-person-name">{p.name}</Text>
                      <Text className="dev-person-role">{p.roleLabel}</Text>
                    </View>
                    <Text className="dev-person-go">{busy === p.personId ? '登录中…' : '登录 ›'}</Text>
                  </View>
                ))}
                {all.length > members.length && (
                  <View className="login-more" data-testid="login-more" onClick={() => setExpanded((prev) => ({ ...prev, [g.key]: true }))}>
                    显示全部{g.title}（还有 {all.length - members.length} 人）
                  </View>
                )}
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}

export default function LoginPage() {
  return isWeapp ? <WeappLogin /> : <DevLogin />;
}
