import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SettingsView } from '@domain/api/admin';
import type { CommunitySettings } from '@domain/onboarding';
import { DEFAULT_CADENCES, type SettableReminder } from '@domain/alerts/cadence';
import { QUARTERLY_FUND_REPORT_DAY, SPECIAL_MEETING_NOTICE_DAYS } from '@domain/rules';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { formatDateTime } from '../../../utils/format';

type Num = (s: CommunitySettings) => number;
type NumberField = [string, Num, (s: CommunitySettings, v: number) => CommunitySettings];

/** A settable reminder cadence (alerts/cadence.ts), shown with its default when the community has none. */
function cadenceField(label: string, key: SettableReminder, field: 'beforeWorkingDays' | 'repeatEveryWorkingDays'): NumberField {
  return [
    label,
    (s) => s.reminders?.[key]?.[field] ?? DEFAULT_CADENCES[key][field],
    (s, v) => ({ ...s, reminders: { ...s.reminders, [key]: { ...s.reminders?.[key], [field]: v } } }),
  ];
}

const NUMBERS: NumberField[] = [
  ['出席须超过（比例）', (s) => s.quorumRule.presentMoreThan, (s, v) => ({ ...s, quorumRule: { ...s.quorumRule, presentMoreThan: v } })],
  ['同意须超过（比例）', (s) => s.quorumRule.agreeMoreThan, (s, v) => ({ ...s, quorumRule: { ...s.quorumRule, agreeMoreThan: v } })],
  [`专题会议提前书面通知天数（不少于${SPECIAL_MEETING_NOTICE_DAYS}天）`, (s) => s.noticeDays, (s, v) => ({ ...s, noticeDays: v })],
  // One interval, kept in both places the contract states it (settings.reminders.bill is the one read).
  [
    '缴费提醒间隔（天）',
    (s) => s.feePolicy.repeatEveryDays,
    (s, v) => ({ ...s, feePolicy: { ...s.feePolicy, repeatEveryDays: v }, reminders: { ...s.reminders, bill: { repeatEveryDays: v } } }),
  ],
  ['季度收支报告日（季度首月第几日）', (s) => s.fundReportDay ?? QUARTERLY_FUND_REPORT_DAY, (s, v) => ({ ...s, fundReportDay: v })],
  cadenceField('未签收文件逾期后催办间隔（工作日）', 'unsignedDelivery', 'repeatEveryWorkingDays'),
  cadenceField('需通报事项到期前提醒（工作日）', 'notificationEvent', 'beforeWorkingDays'),
  cadenceField('需通报事项逾期后催办间隔（工作日）', 'notificationEvent', 'repeatEveryWorkingDays'),
  ['律师函（欠费月数）', (s) => s.feePolicy.lawyerLetterAfterMonths, (s, v) => ({ ...s, feePolicy: { ...s.feePolicy, lawyerLetterAfterMonths: v } })],
  ['起诉（欠费月数）', (s) => s.feePolicy.lawsuitAfterMonths, (s, v) => ({ ...s, feePolicy: { ...s.feePolicy, lawsuitAfterMonths: v } })],
  ['起诉（欠费金额，分）', (s) => s.feePolicy.lawsuitMinAmountFen, (s, v) => ({ ...s, feePolicy: { ...s.feePolicy, lawsuitMinAmountFen: v } })],
];
const TEXTS: Array<[string, keyof CommunitySettings['companyAccount']]> = [
  ['开户银行', 'bank'],
  ['户名', 'accountName'],
  ['账号', 'accountNo'],
];

/** Settings every feature reads, with the earlier versions listed (nothing is overwritten unkept). */
export function SettingsSection({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const [s, setS] = useState(view.settings);
  useEffect(() => setS(view.settings), [view]);
  const { busy, submit } = useSubmit();
  const save = () =>
    submit(
      async () => onSaved(await call('admin', 'updateSettings', { communityId: view.communityId, settings: s, expectedVersion: view.settingsVersion })),
      '已保存',
    );

  return (
    <View className="card" data-testid="settings-section">
      <View className="section-title">小区设置（第 {view.settingsVersion} 版）</View>
      {TEXTS.map(([label, key]) => (
        <View key={key} className="field">
          <Text className="field-label">{label}</Text>
          <Input
            className="field-input"
            value={s.companyAccount[key]}
            onInput={(e) => setS({ ...s, companyAccount: { ...s.companyAccount, [key]: e.detail.value } })}
          />
        </View>
      ))}
      <View className="field">
        <Text className="field-label">同意票基数</Text>
        <Text
          className="chip chip-on"
          onClick={() => setS({ ...s, quorumRule: { ...s.quorumRule, agreeBase: s.quorumRule.agreeBase === 'all' ? 'present' : 'all' } })}
        >
          {s.quorumRule.agreeBase === 'all' ? '全体委员' : '出席委员'}
        </Text>
      </View>
      {NUMBERS.map(([label, get, set]) => (
        <View key={label} className="field">
          <Text className="field-label">{label}</Text>
          <Input className="field-input" type="digit" value={String(get(s))} onInput={(e) => setS(set(s, Number(e.detail.value)))} />
        </View>
      ))}
      <SealKeeperField view={view} s={s} onChange={setS} />
      <Button type="primary" loading={busy} onClick={() => void save()}>
        保存
      </Button>
      {view.history.map((h) => (
        <View key={h.versionNo} className="list-item-meta">
          第 {h.versionNo} 版，{h.replacedBy} 于 {formatDateTime(h.replacedAt)} 修改
        </View>
      ))}
    </View>
  );
}

/**
 * The seal's keeper is chosen from today's committee; none chosen, the chair keeps it. The name is
 * kept alongside the id so older screens that show `sealKeeper` still read right.
 */
function SealKeeperField({ view, s, onChange }: { view: SettingsView; s: CommunitySettings; onChange: (s: CommunitySettings) => void }) {
  const chair = view.committee.find((m) => m.position === 'chair');
  const current = view.committee.some((m) => m.personId === s.sealKeeperId) ? s.sealKeeperId : '';
  const pick = (personId: string, name: string) => onChange({ ...s, sealKeeperId: personId, sealKeeper: name });
  return (
    <View className="field" data-testid="seal-keeper">
      <Text className="field-label">印章保管人（记录每次用章）</Text>
      <View>
        <Text className={`chip${current ? '' : ' chip-on'}`} data-testid="seal-keeper-chair" onClick={() => pick('', chair ? chair.name : '')}>
          主任{chair ? `（${chair.name}）` : ''}（默认）
        </Text>
        {view.committee
          .filter((m) => m.position !== 'chair')
          .map((m) => (
            <Text
              key={m.personId}
              className={`chip${current === m.personId ? ' chip-on' : ''}`}
              data-testid={`seal-keeper-${m.personId}`}
              onClick={() => pick(m.personId, m.name)}
            >
              {m.name}（{m.positionLabel}）
            </Text>
          ))}
      </View>
    </View>
  );
}
