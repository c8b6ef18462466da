import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox, Popup, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { REMINDER_CHANNELS, type ReminderChannel } from '@domain/fees';
import type { ArrearsRow } from '@domain/api/fees';
import { ROUTES, routeUrl } from '@domain/routes';
import { RULE_PHRASES } from '@domain/rules';
import { call } from '../../../api/client';
import { Empty, Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime, formatFen, formatMonth } from '../../../utils/format';
import { openPdf } from '../../../utils/pdf';
import './index.scss';

// The product's own message is not a butler's channel to pick.
const CHANNELS = (Object.entries(REMINDER_CHANNELS) as Array<[ReminderChannel, string]>).filter(([k]) => k !== 'in_app' && k !== 'subscribe_message');

interface Filters {
  buildingId?: string;
  minMonths?: number;
  dueToday?: boolean;
}

/** One contact per picked room, all recorded at once. */
function BatchForm({ rooms, onClose, onDone }: { rooms: ArrearsRow[]; onClose: () => void; onDone: () => void }) {
  const [channel, setChannel] = useState<ReminderChannel>('phone');
  const [outcome, setOutcome] = useState('');
  const [reachable, setReachable] = useState(true);
  const { busy, submit } = useSubmit();

  async function save(): Promise<void> {
    if (!outcome.trim()) {
      void Taro.showToast({ title: '请填写催缴结果', icon: 'none' });
      return;
    }
    const ok = await submit(
      () => call('fees', 'reminderBatch', { roomIds: rooms.map((r) => r.roomId), channel, outcome: outcome.trim(), reachable }),
      `已记录 ${rooms.length} 户`,
    );
    if (ok) onDone();
  }

  return (
    <View className="sheet" data-testid="batch-form">
      <View className="sheet-title">记录催缴 · {rooms.length} 户</View>
      <View className="muted">{rooms.map((r) => r.roomLabel).join('、')}</View>
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
        placeholder="如：已送达催缴单 / 电话无人接听"
        maxLength={200}
        showCount
        value={outcome}
        onChange={(v) => setOutcome(v)}
      />
      <View className="row form-switch">
        <Text>联系上业主</Text>
        <Switch checked={reachable} onChange={(v) => setReachable(v)} />
      </View>
      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="batch-save">
          保存记录
        </Button>
      </View>
    </View>
  );
}

export default function FeeArrearsPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [extra, setExtra] = useState<ArrearsRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [batch, setBatch] = useState(false);
  const { data, error, reload } = usePageData(async () => {
    const page = await call('fees', 'arrears', { ...filters, limit: 30 });
    setExtra([]);
    setNext(page.next);
    return page.items;
  }, [filters.buildingId, filters.minMonths, filters.dueToday]);
  const { busy, submit } = useSubmit();
  const rows = [...(data ?? []), ...extra];
  const buildings = [...new Map(rows.map((r) => [r.buildingId, r.roomLabel.split('-')[0]])).entries()];

  async function more(): Promise<void> {
    if (!next) return;
    const page = await call('fees', 'arrears', { ...filters, limit: 30, after: next });
    setExtra((e) => [...e, ...page.items]);
    setNext(page.next);
  }

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const chip = (active: boolean, label: string, onClick: () => void, key: string) => (
    <View key={key} className={`chip${active ? ' chip-active' : ''}`} onClick={onClick} data-testid="arrears-filter">
      {label}
    </View>
  );

  return (
    <View className="page arrears-page" data-testid="fee-arrears-page">
      <View className="notice arrears-rule">
        催缴仅限提醒与依法追讨：{RULE_PHRASES.reminderFrom}提醒，记录每次方式与结果；不得停水、停电、停气、停暖。缴费只收至公司对公账户。
      </View>
      <View className="chip-row">
        {chip(!filters.buildingId, '全部楼栋', () => setFilters({ ...filters, buildingId: undefined }), 'all')}
        {buildings.map(([id, name]) => chip(filters.buildingId === id, name, () => setFilters({ ...filters, buildingId: id }), id))}
      </View>
      <View className="chip-row">
        {chip(!filters.minMonths && !filters.dueToday, '全部', () => setFilters({ buildingId: filters.buildingId }), 'any')}
        {chip(!!filters.dueToday, '今日应提醒', () => setFilters({ ...filters, dueToday: !filters.dueToday }), 'due')}
        {[2, 3, 6].map((n) =>
          chip(filters.minMonths === n, `欠费≥${n}个月`, () => setFilters({ ...filters, minMonths: filters.minMonths === n ? undefined : n }), `m${n}`),
        )}
      </View>
      <View className="row arrears-tools">
        <Button size="small" onClick={() => Taro.navigateTo({ url: ROUTES.fees.payments })}>
          缴费确认
        </Button>
        <Button size="small" onClick={() => Taro.navigateTo({ url: ROUTES.fees.unreachable })}>
          联系不上
        </Button>
        <Button size="small" onClick={() => Taro.navigateTo({ url: ROUTES.fees.billing })}>
          账单生成
        </Button>
        <Button size="small" onClick={() => Taro.navigateTo({ url: ROUTES.fees.imports })}>
          导入与待处理缴费
        </Button>
        <Button size="small" onClick={() => Taro.navigateTo({ url: ROUTES.reports.collection })}>
          收费统计
        </Button>
        {filters.buildingId && (
          <Button
            size="small"
            loading={busy}
            onClick={() =>
              void submit(async () => {
                const pdf = await call('fees', 'reminderSlips', { buildingId: filters.buildingId });
                await openPdf(pdf.filename, pdf.base64);
              })
            }
          >
            打印本栋催缴单
          </Button>
        )}
        <Button size="small" type="primary" disabled={picked.length === 0} onClick={() => setBatch(true)} data-testid="batch-open">
          批量记录（{picked.length}）
        </Button>
      </View>

      {!data ? (
        <Pending error={error} onRetry={reload} />
      ) : rows.length === 0 ? (
        <Empty text="暂无欠费房屋" />
      ) : (
        <View>
          {rows.map((r) => (
            <View key={r.roomId} className="list-item arrears-item" data-testid="arrears-item">
              <View className="row">
                <Checkbox checked={picked.includes(r.roomId)} onChange={() => toggle(r.roomId)} data-testid="arrears-pick" />
                <Text className="list-item-title arrears-room" onClick={() => Taro.navigateTo({ url: routeUrl(ROUTES.fees.room, { id: r.roomId }) })}>
                  {r.roomLabel}
                </Text>
                <Text className="arrears-amount">{formatFen(r.amountFen)}</Text>
              </View>
              <View className="list-item-detail">
                欠费 {r.unpaidMonths.length} 个月：{r.unpaidMonths.map(formatMonth).join('、')}
              </View>
              <View className="list-item-meta">
                <Text className={`tag ${r.reminderCount > 0 ? '' : 'tag-muted'}`}>已催缴 {r.reminderCount} 次</Text>
                {!r.reachable && <Text className="tag tag-danger">联系不上</Text>}
                {r.reminderDueNow ? (
                  <Text className="tag tag-warning">今日应提醒</Text>
                ) : (
                  r.nextReminderDate && <Text className="tag tag-muted">下次提醒 {r.nextReminderDate}</Text>
                )}
                {(r.escalation === 'lawyer_letter' || r.escalation === 'lawsuit') && <Text className="tag tag-danger">{r.escalationLabel}（需经理决定）</Text>}
              </View>
              {r.limitation && (
                <View className="notice overdue" data-testid="arrears-limitation">
                  {formatMonth(r.limitation.month)}账单诉讼时效自{r.limitation.since}起算，
                  {r.limitation.expired ? `已于${r.limitation.expiresOn}届满` : `将于${r.limitation.expiresOn}届满（还剩${r.limitation.daysLeft}天）`}
                  ，请尽快书面催缴并留存送达凭证。
                </View>
              )}
              <View className="muted">{r.lastReminderAt ? `最近催缴 ${formatDateTime(r.lastReminderAt)}` : '尚未催缴'}</View>
            </View>
          ))}
          {next && (
            <Button block onClick={() => void more()}>
              加载更多
            </Button>
          )}
        </View>
      )}

      <Popup visible={batch} position="bottom" round onClose={() => setBatch(false)}>
        {batch && (
          <BatchForm
            rooms={rows.filter((r) => picked.includes(r.roomId))}
            onClose={() => setBatch(false)}
            onDone={() => {
              setBatch(false);
              setPicked([]);
              void reload();
            }}
          />
        )}
      </Popup>
    </View>
  );
}
