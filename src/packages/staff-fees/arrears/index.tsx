import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import type { ArrearsRow } from '@domain/api/fees';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/fees';
import { addMonths } from '@domain/time';
import { RULE_PHRASES } from '@domain/rules';
import { appNow, call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedList } from '../../../components/usePagedList';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime, formatFen, formatMonth, monthOf } from '../../../utils/format';
import './index.scss';

const CHANNELS = Object.entries(REMINDER_CHANNELS) as Array<[ReminderChannel, string]>;

function recentMonths(): string[] {
  return [0, -1, -2].map((k) => addMonths(monthOf(appNow()), k));
}

function ReminderForm({ row, onClose, onDone }: { row: ArrearsRow; onClose: () => void; onDone: () => void }) {
  const [channel, setChannel] = useState<ReminderChannel>('phone');
  const [outcome, setOutcome] = useState('');
  const [reachable, setReachable] = useState(true);
  const { busy: saving, submit } = useSubmit();

  async function save(): Promise<void> {
    const ids = row.bills.map((b) => b.billId);
    // A room in the arrears list always has unpaid bills; the guard keeps a stale row from posting nothing.
    if (ids.length === 0) return;
    if (!outcome.trim()) {
      void Taro.showToast({ title: '请填写催缴结果', icon: 'none' });
      return;
    }
    const recorded = await submit(async () => {
      // One contact covers every unpaid month of the room, and each bill keeps its own reminder trail.
      for (const billId of ids) {
        await call('fees', 'recordReminder', { billId, channel, outcome: outcome.trim(), reachable });
      }
    }, '已记录催缴');
    if (recorded) onDone();
  }

  return (
    <View className="sheet" data-testid="reminder-form">
      <View className="sheet-title">记录催缴 · {row.roomLabel}</View>
      <View className="muted">
        欠费 {row.unpaidMonths.map(formatMonth).join('、')}，共 {formatFen(row.amountFen)}
      </View>

      <View className="form-label">催缴方式</View>
      <Radio.Group value={channel} onChange={(v) => setChannel(v as ReminderChannel)} direction="horizontal" className="reminder-channels">
        {CHANNELS.map(([key, label]) => (
          <Radio key={key} value={key} shape="button" className="reminder-channel">
            {label}
          </Radio>
        ))}
      </Radio.Group>

      <View className="form-label">催缴结果</View>
      <TextArea
        className="sheet-textarea"
        placeholder="如：业主表示本周内缴清 / 电话无人接听"
        maxLength={200}
        showCount
        value={outcome}
        onChange={(v) => setOutcome(v)}
      />

      <View className="row form-switch">
        <Text>联系上业主</Text>
        <Switch checked={reachable} onChange={(v) => setReachable(v)} />
      </View>
      {!reachable && <View className="muted">联系不上的房屋会列入“待更新联系方式”名单。</View>}

      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存记录
        </Button>
      </View>
    </View>
  );
}

export default function ArrearsPage() {
  const [month, setMonth] = useState<string | null>(null);
  const list = usePagedList((after, limit) => call('fees', 'arrears', { ...(month ? { month } : {}), after, limit }), [month]);
  const { items: rows, first, error, reload } = list;
  const [active, setActive] = useState<ArrearsRow | null>(null);
  const summary = first?.summary;

  return (
    <View className="page arrears-page" data-testid="arrears-page">
      <View className="notice arrears-rule">
        催缴仅限提醒与依法追讨：{RULE_PHRASES.reminderFrom}提醒，记录每次方式与结果；不得停水、停电、停气、停暖。缴费只收至公司对公账户。
      </View>

      <View className="chip-row">
        {[null, ...recentMonths()].map((m) => (
          <View key={m ?? 'all'} className={`chip${month === m ? ' chip-active' : ''}`} data-testid="month-filter" onClick={() => setMonth(m)}>
            {m ? `${Number(m.slice(5))}月` : '全部月份'}
          </View>
        ))}
      </View>

      {!rows ? (
        <Pending error={error} onRetry={reload} />
      ) : (
        <View>
          {summary && (
            <View className="card arrears-summary" data-testid="arrears-summary">
              <View>
                <View className="muted">欠费账单</View>
                <View className="summary-number">{summary.bills} 笔</View>
              </View>
              <View>
                <View className="muted">今日应提醒</View>
                <View className="summary-number overdue">{summary.dueNow} 笔</View>
              </View>
              <View>
                <View className="muted">时效预警</View>
                <View className="summary-number">{summary.limitation} 笔</View>
              </View>
            </View>
          )}

          {rows.length === 0 ? (
            <Empty text="暂无欠费房屋" />
          ) : (
            rows.map((r) => (
              <View key={r.roomId} className="list-item arrears-item" data-testid="arrears-item">
                <View className="row">
                  <Text className="list-item-title arrears-room">{r.roomLabel}</Text>
                  <Text className="arrears-amount">{formatFen(r.amountFen)}</Text>
                </View>
                <View className="list-item-detail">欠费月份：{r.unpaidMonths.map(formatMonth).join('、')}</View>
                <View className="list-item-meta">
                  <Text className={`tag ${r.reminderCount > 0 ? '' : 'tag-muted'}`}>已催缴 {r.reminderCount} 次</Text>
                  {!r.reachable && <Text className="tag tag-danger">联系不上</Text>}
                  {r.reminderDueNow ? (
                    <Text className="tag tag-warning">今日应提醒</Text>
                  ) : (
                    r.nextReminderDate && <Text className="tag tag-muted">下次提醒 {r.nextReminderDate}</Text>
                  )}
                  {r.escalation === 'lawyer_letter' || r.escalation === 'lawsuit' ? (
                    // A suggestion for the manager to decide on, never an automatic step.
                    <Text className="tag tag-danger" data-testid="arrears-escalation">
                      {r.escalationLabel}（需经理决定）
                    </Text>
                  ) : null}
                </View>
                {r.limitation && (
                  <View className="notice overdue" data-testid="arrears-limitation">
                    {formatMonth(r.limitation.month)}账单诉讼时效
                    {r.limitation.expired ? `已于${r.limitation.expiresOn}届满` : `将于${r.limitation.expiresOn}届满（还剩${r.limitation.daysLeft}天）`}
                    ，请尽快书面催缴（催缴单、短信）并留存送达凭证。
                  </View>
                )}
                <View className="row arrears-actions">
                  <Text className="muted">{r.lastReminderAt ? `最近催缴 ${formatDateTime(r.lastReminderAt)}` : '尚未催缴'}</Text>
                  <Button size="small" type="primary" fill="outline" className="arrears-remind" onClick={() => setActive(r)}>
                    记录催缴
                  </Button>
                </View>
              </View>
            ))
          )}
          <LoadMore list={list} testId="arrears-more" />
        </View>
      )}

      <Popup visible={active !== null} position="bottom" round onClose={() => setActive(null)}>
        {active && (
          <ReminderForm
            row={active}
            onClose={() => setActive(null)}
            onDone={() => {
              setActive(null);
              void reload();
            }}
          />
        )}
      </Popup>
    </View>
  );
}
