import { Text, View } from '@tarojs/components';
import type { MeView, TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, MANAGER_ROLES, type HomeArea, type Role } from '@domain/roles';
import { devNowMs, showError } from '../../api/client';
import { ErrorState, Loading, Pending } from '../../components/States';
import { ConsentButton } from '../../components/ConsentButton';
import { TodoList } from '../../components/TodoList';
import { usePageData } from '../../components/usePageData';
import { useSession } from '../../stores/session';
import { useTodos } from '../../stores/todos';
import { formatDateTime } from '../../utils/format';
import { formatLocal } from '@domain/time';
import { ROUTES } from '@domain/routes';
import { openLink, toLogin } from '../../utils/nav';
import { communityLabel, roleLabel } from '../../utils/roles';
import './index.scss';

interface Shortcut {
  key: string;
  label: string;
  mark: string;
  link: string;
  /** Shown only to these roles: a shortcut never leads to a page the role cannot use. */
  only?: readonly Role[];
}

/** The work each area reaches in one tap; the rest arrives as todos. */
const SHORTCUTS: Record<HomeArea, Shortcut[]> = {
  owner: [
    { key: 'ask', label: '我要提问', mark: '问', link: ROUTES.owner.ask },
    { key: 'inquiries', label: '我的提问', mark: '答', link: ROUTES.owner.inquiries },
    { key: 'bills', label: '我的账单', mark: '账', link: ROUTES.owner.bills },
    { key: 'notices', label: '公开文件', mark: '告', link: ROUTES.owner.notices },
    { key: 'resolutions', label: '决议与公告', mark: '决', link: ROUTES.meetings.notices },
  ],
  committee: [
    { key: 'documents', label: '文件签收', mark: '签', link: ROUTES.committee.documents },
    { key: 'inquiries', label: '业委会事项', mark: '询', link: ROUTES.committee.inquiries },
    { key: 'desk', label: '委员工作台', mark: '委', link: ROUTES.committee.desk },
    { key: 'meetings', label: '会议与决议', mark: '会', link: ROUTES.meetings.quarters },
    { key: 'postings', label: '申请张贴公告', mark: '贴', link: ROUTES.meetings.postings },
    { key: 'bills', label: '我的账单', mark: '账', link: ROUTES.owner.bills },
  ],
  staff: [
    { key: 'workbench', label: '工作台', mark: '办', link: ROUTES.staff.workbench },
    { key: 'documents', label: '申报通报', mark: '报', link: ROUTES.staff.documents },
    { key: 'queue', label: '提问处理', mark: '答', link: ROUTES.staff.queue },
    { key: 'arrears', label: '欠费催缴', mark: '催', link: ROUTES.fees.arrears },
    { key: 'bindings', label: '房屋绑定审核', mark: '核', link: ROUTES.staff.bindings, only: COMMUNITY_STAFF_ROLES },
    { key: 'meetings', label: '会议与决议', mark: '会', link: ROUTES.meetings.quarters },
    { key: 'admin', label: '小区管理', mark: '管', link: ROUTES.admin.home, only: MANAGER_ROLES },
  ],
  admin: [{ key: 'admin', label: '小区管理', mark: '管', link: ROUTES.admin.home }],
  visitor: [],
};

function greetingWord(now: number): string {
  const hour = Number(formatLocal(now, 'H'));
  if (hour < 6) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

function Greeting({ me }: { me: MeView }) {
  const devNow = me.localMode ? devNowMs() : null;
  return (
    <View className="home-header" data-testid="home-header">
      <View className="home-greeting" data-testid="home-greeting">
        {greetingWord(devNow ?? Date.now())}，{me.name}
      </View>
      <View className="home-role">
        <Text className="home-role-label" data-testid="home-role">
          {roleLabel(me)}
        </Text>
        <Text className="home-community">{communityLabel(me)}</Text>
      </View>
      {devNow !== null && <View className="home-demo-time">演示时间 {formatDateTime(devNow)}</View>}
    </View>
  );
}

function VisitorPrompt({ me }: { me: MeView }) {
  const waiting = me.rooms.filter((r) => r.status === 'requested');
  if (waiting.length > 0) {
    return (
      <View className="card visitor-prompt" data-testid="visitor-prompt">
        <View className="visitor-title">房屋绑定审核中</View>
        <View className="muted">您申请绑定的 {waiting.map((r) => r.label).join('、')} 正在由物业工作人员核实，核实通过后即可查看账单、提出质询和建议。</View>
        <ConsentButton templates={['result']} label="审核结果提醒我" />
      </View>
    );
  }
  return (
    <View className="card visitor-prompt" data-testid="visitor-prompt">
      <View className="visitor-title">欢迎使用物业业委会沟通协调</View>
      <View className="muted">绑定您的房屋后，即可查看账单、提出质询和建议、接收小区通知。</View>
      <View className="btn visitor-bind" data-testid="visitor-bind" onClick={() => openLink(ROUTES.owner.bindRoom)}>
        绑定房屋
      </View>
    </View>
  );
}

/** The unread count the server put in the todos: the same number the 待办 tab badge includes. */
const unreadOf = (items: TodoItem[]): number => items.find((t) => t.kind === 'inbox')?.count ?? 0;

function MessagesCard({ unread }: { unread: number | null }) {
  return (
    <View className="card home-messages" data-testid="home-messages" onClick={() => openLink(ROUTES.messages)}>
      <View className="home-messages-title">
        <Text>消息</Text>
        {unread !== null && unread > 0 && (
          <Text className="tag tag-danger home-messages-unread" data-testid="home-messages-unread">
            {unread} 条未读
          </Text>
        )}
      </View>
      <View className="muted">{unread ? '点击查看提醒和处理结果' : '所有提醒和处理结果都在这里'}</View>
    </View>
  );
}

export default function HomePage() {
  const me = useSession((s) => s.me);
  const refresh = useSession((s) => s.refresh);
  const { items, loaded, load } = useTodos();
  const { error, reload } = usePageData(async () => {
    try {
      const who = await refresh();
      if (!who) {
        toLogin();
        return;
      }
      await load();
    } catch (e) {
      showError(e);
      throw e;
    }
  });

  if (!me) {
    return (
      <View className="page home">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  }

  const shortcuts = SHORTCUTS[me.area].filter((s) => !s.only || s.only.some((r) => me.roles.includes(r)));
  return (
    <View className={`page home home-${me.area}`} data-testid={`home-${me.area}`}>
      <Greeting me={me} />

      {me.area === 'visitor' && <VisitorPrompt me={me} />}

      <MessagesCard unread={loaded ? unreadOf(items) : null} />

      {shortcuts.length > 0 && (
        <View className="home-shortcuts">
          {shortcuts.map((s) => (
            <View key={s.key} className={`home-shortcut shortcut-${s.key}`} data-testid={`shortcut-${s.key}`} onClick={() => openLink(s.link)}>
              <View className="home-shortcut-mark">{s.mark}</View>
              <Text className="home-shortcut-label">{s.label}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="section home-todos" data-testid="home-todos">
        <View className="section-title">
          <Text>接下来要做的事</Text>
          {items.length > 0 && <Text className="section-extra">共 {items.length} 项</Text>}
        </View>
        {error ? <ErrorState text={error} onRetry={() => void reload()} /> : !loaded ? <Loading /> : <TodoList items={items} />}
      </View>
    </View>
  );
}
