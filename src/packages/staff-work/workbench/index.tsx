import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { WorkbenchItemView, WorkbenchSection, WorkbenchView } from '@domain/api/workbench';
import { countText } from '@domain/paging';
import { SECTION_LABELS } from '@domain/workbench';
import { ROUTES } from '@domain/routes';
import { CENTRE_ROLES, isStaffRole } from '@domain/roles';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { Pending } from '../../../components/States';
import { usePagedList } from '../../../components/usePagedList';
import { useSubmit } from '../../../components/useSubmit';
import { useSession } from '../../../stores/session';
import { openLink } from '../../../utils/nav';
import { AssignForm } from './AssignForm';
import { DoneForm } from './DoneForm';
import { TaskCard } from './TaskCard';
import './index.scss';
import { ConsentButton } from '../../../components/ConsentButton';

/** Always shown, even empty, so "nothing due this week" is an answer and not a missing section. */
const MAIN_SECTIONS: Array<{ key: WorkbenchSection; empty: string }> = [
  { key: 'overdue', empty: '没有逾期事项' },
  { key: 'thisWeek', empty: '本周没有到期事项' },
  { key: 'thisMonth', empty: '本月其余时间没有到期事项' },
];
const MAIN_KEYS = new Set<WorkbenchSection>(MAIN_SECTIONS.map((m) => m.key));

const SCOPE_TEXT: Record<WorkbenchView['scope'], string> = {
  community: '本小区全部例行事项',
  assigned: '分派给您的事项',
  company: '各小区的例行事项',
};

export default function WorkbenchPage() {
  const me = useSession((s) => s.me);
  // Open items by due moment, a page at a time: the sections follow each other in that order.
  const list = usePagedList((after, limit) => call('workbench', 'list', { after, limit }));
  const { first: view, items: loaded, error, reload } = list;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  // Bumped on every change, so an unfolded 已完成 reads its list again.
  const [version, setVersion] = useState(0);
  const [doing, setDoing] = useState<WorkbenchItemView | null>(null);
  const [assigning, setAssigning] = useState<WorkbenchItemView | null>(null);
  const { busy: generating, submit } = useSubmit();

  useDidShow(() => {
    // Opened straight from a link (a reload, an alert): the role decides which tools to show.
    if (!useSession.getState().me)
      void useSession
        .getState()
        .refresh()
        .catch(() => undefined);
  });

  async function generate(): Promise<void> {
    await submit(async () => {
      const { created, total } = await call('workbench', 'generate', {});
      void Taro.showToast({ title: created > 0 ? `新生成 ${created} 项` : `已是最新（共 ${total} 项）`, icon: 'none' });
      await reload();
    });
  }

  function changed(): void {
    setDoing(null);
    setAssigning(null);
    setVersion((v) => v + 1);
    void reload();
  }

  const isHead = me?.staffRole === 'head';
  const isCentre = isStaffRole(me?.staffRole, CENTRE_ROLES);

  if (!view || !loaded) {
    return (
      <View className="page workbench-page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  }

  const renderItems = (items: WorkbenchItemView[]) =>
    items.map((item) => <TaskCard key={item.id} item={item} onDone={() => setDoing(item)} onAssign={() => setAssigning(item)} />);
  const inSection = (key: WorkbenchSection) => loaded.filter((i) => i.section === key);
  // The main sections are whole once an item past them is loaded, or nothing is left.
  const mainWhole = !list.next || loaded.some((i) => !MAIN_KEYS.has(i.section));

  return (
    <View className="page workbench-page" data-testid="workbench-page">
      <View className="card workbench-header">
        <View className="row">
          <View>
            <View className="workbench-today" data-testid="workbench-today">
              今天 {view.todayText}
            </View>
            <View className="muted">{SCOPE_TEXT[view.scope]}，按工作日倒计时</View>
          </View>
        </View>
        <ConsentButton templates={['deadline']} label="开启到期提醒" />
        <Button size="small" fill="outline" className="workbench-events" data-testid="workbench-events" onClick={() => openLink(ROUTES.staff.events)}>
          需通报事项
        </Button>
        <View className="workbench-counts">
          {(['overdue', 'thisWeek', 'thisMonth'] as const).map((key) => (
            <View key={key} className={`workbench-count count-${key}`}>
              <View className="workbench-count-number">{view.counts[key]}</View>
              <View className="muted">{SECTION_LABELS[key]}</View>
            </View>
          ))}
        </View>
        {isCentre && (
          <View className="workbench-tools">
            {isHead && (
              <Button size="small" fill="outline" loading={generating} className="workbench-generate" onClick={() => void generate()}>
                生成未来事项
              </Button>
            )}
            <Button size="small" fill="outline" className="workbench-calendar" onClick={() => openLink(ROUTES.staff.calendar)}>
              工作日历
            </Button>
          </View>
        )}
      </View>

      {MAIN_SECTIONS.map(({ key, empty }) => {
        const items = inSection(key);
        const count = view.counts[key];
        if (key === 'overdue' && count === 0) return null;
        return (
          <View key={key} className={`section workbench-section section-${key}`} data-testid={`section-${key}`}>
            <View className="section-title">
              <Text className={key === 'overdue' ? 'overdue' : ''}>{SECTION_LABELS[key]}</Text>
              <Text className="section-extra">{count} 项</Text>
            </View>
            {count === 0 ? <View className="workbench-empty muted">{empty}</View> : renderItems(items)}
          </View>
        );
      })}
      {!mainWhole && <LoadMore list={list} testId="workbench-more" />}

      {view.counts.later > 0 && (
        <View className="section workbench-section section-later" data-testid="section-later">
          <View className="section-title workbench-fold" onClick={() => setOpen({ ...open, later: !open.later })}>
            <Text>{SECTION_LABELS.later}</Text>
            <Text className="section-extra">
              {countText(view.counts.later)} 项 {open.later ? '收起' : '展开'}
            </Text>
          </View>
          {open.later && renderItems(inSection('later'))}
          {open.later && mainWhole && <LoadMore list={list} testId="workbench-more" />}
        </View>
      )}

      {view.counts.done > 0 && (
        <View className="section workbench-section section-done" data-testid="section-done">
          <View className="section-title workbench-fold" onClick={() => setOpen({ ...open, done: !open.done })}>
            <Text>{SECTION_LABELS.done}</Text>
            <Text className="section-extra">
              {countText(view.counts.done)} 项 {open.done ? '收起' : '展开'}
            </Text>
          </View>
          {open.done && <DoneItems key={version} render={renderItems} />}
        </View>
      )}

      <Popup visible={doing !== null} position="bottom" round onClose={() => setDoing(null)}>
        {doing && <DoneForm item={doing} onClose={() => setDoing(null)} onDone={changed} />}
      </Popup>
      <Popup visible={assigning !== null} position="bottom" round onClose={() => setAssigning(null)}>
        {assigning && <AssignForm item={assigning} onClose={() => setAssigning(null)} onDone={changed} />}
      </Popup>
    </View>
  );
}

/** 已完成, read only once unfolded: its own paged list, latest first. */
function DoneItems({ render }: { render: (items: WorkbenchItemView[]) => JSX.Element[] }) {
  const done = usePagedList((after, limit) => call('workbench', 'list', { done: true, after, limit }));
  const { reload } = done;
  // Page data loads when the page shows; this list is mounted later, on unfolding, so it loads itself.
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!done.items) return <Pending error={done.error} onRetry={done.reload} />;
  return (
    <View>
      {render(done.items)}
      <LoadMore list={done} testId="workbench-done-more" />
    </View>
  );
}
