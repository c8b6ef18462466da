import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { QuarterRow, RosterEntry } from '@domain/api/meetings';
import { CHANNEL_LABELS, type CommunicationChannel } from '@domain/meetings';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';
import { Chips, Rule, today } from '../fields';

/** After a decline: a communication with the chair and vice chair (day, who, how, summary) meets the quarter. */
export function CommunicationForm({ row, roster, onDone }: { row: QuarterRow; roster: RosterEntry[]; onDone: () => void }) {
  const p = row.proposal!;
  const [on, setOn] = useState(today() > row.quarter.lastDay ? row.quarter.lastDay : today());
  const [channel, setChannel] = useState<CommunicationChannel>('visit');
  const [who, setWho] = useState<string[]>([p.chair.personId, ...roster.filter((m) => m.position === '副主任').map((m) => m.personId)]);
  const [summary, setSummary] = useState('');
  const { busy, submit } = useSubmit();
  return (
    <View data-testid="communication-form">
      <Rule>主任认为无需开会时，本季度须至少有一次与主任、副主任的沟通记录（日期、参与人、方式、内容摘要）。</Rule>
      <Picker mode="date" value={on} start={row.quarter.firstDay} end={row.quarter.lastDay} onChange={(e) => setOn(String(e.detail.value))}>
        <View className="mt-picker">沟通日期：{on}</View>
      </Picker>
      <View className="mt-chips">
        {(Object.keys(CHANNEL_LABELS) as CommunicationChannel[]).map((c) => (
          <View key={c} className={`mt-chip${channel === c ? ' mt-chip-on' : ''}`} data-testid={`comm-channel-${c}`} onClick={() => setChannel(c)}>
            {CHANNEL_LABELS[c]}
          </View>
        ))}
      </View>
      <Chips people={roster} chosen={who} testid="comm" onToggle={(id) => setWho(who.includes(id) ? who.filter((x) => x !== id) : [...who, id])} />
      <TextArea value={summary} onChange={setSummary} placeholder="内容摘要" data-testid="comm-summary" />
      <Button
        size="small"
        loading={busy}
        data-testid="comm-submit"
        disabled={!summary.trim() || who.length === 0}
        onClick={() =>
          void submit(async () => {
            await call('meetings', 'recordCommunication', { period: row.period, on, channel, participantIds: who, summary });
            setSummary('');
            onDone();
          }, '已记录')
        }
      >
        记录沟通
      </Button>
    </View>
  );
}
