import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SeatView } from '@domain/api/admin';
import { POSITION_LABELS, type CommitteePosition } from '@domain/model';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

const POSITIONS: Array<CommitteePosition | ''> = ['', 'chair', 'vice_chair', 'member'];

/** The roster of today, and an election result: owners with verified rooms, each with a position. */
export function CommitteeSection(props: {
  communityId: string;
  seats: SeatView[];
  candidates: Array<{ personId: string; name: string; rooms: string[] }>;
  onChanged: () => void;
  /** Opens the retirement panel for a member leaving before their term ends. */
  onRetire: (seat: SeatView) => void;
}) {
  const { communityId, seats, candidates, onChanged } = props;
  const [positions, setPositions] = useState<Record<string, CommitteePosition | ''>>({});
  const [term, setTerm] = useState({ termStart: '', termEnd: '', filingNo: '' });
  const { busy, submit } = useSubmit();

  const cycle = (personId: string) => {
    const at = POSITIONS.indexOf(positions[personId] ?? '');
    setPositions({ ...positions, [personId]: POSITIONS[(at + 1) % POSITIONS.length] });
  };
  const record = () =>
    submit(async () => {
      const members = Object.entries(positions)
        .filter((e): e is [string, CommitteePosition] => e[1] !== '')
        .map(([personId, position]) => ({ personId, position }));
      await call('admin', 'recordElection', { communityId, ...term, filingNo: term.filingNo || undefined, members });
      setPositions({});
      onChanged();
    }, '已登记');

  return (
    <View className="card" data-testid="committee-section">
      <View className="section-title">业委会名单（今日）</View>
      {seats.map((s) => (
        <View key={s.seatId} className="row list-item-meta">
          <Text>
            {s.positionLabel} · {s.name} · {s.termStart} 至 {s.termEnd}
            {s.filingNo ? ` · 备案号 ${s.filingNo}` : ''}
          </Text>
          <Text className="tag tag-danger" onClick={() => props.onRetire(s)}>
            离任
          </Text>
        </View>
      ))}
      <View className="section-title">登记选举结果</View>
      <View className="muted">点选业主切换职务（主任 → 副主任 → 委员 → 不选）。新名单自任期开始日起生效，原名单至前一日止，均存档。</View>
      {candidates.map((c) => (
        <Text key={c.personId} className={`chip ${positions[c.personId] ? 'chip-on' : ''}`} onClick={() => cycle(c.personId)}>
          {c.name}（{c.rooms[0]}）{positions[c.personId] ? ` ${POSITION_LABELS[positions[c.personId] as CommitteePosition]}` : ''}
        </Text>
      ))}
      {(['termStart', 'termEnd', 'filingNo'] as const).map((k) => (
        <View key={k} className="field">
          <Text className="field-label">{{ termStart: '任期开始日', termEnd: '任期结束日', filingNo: '备案号（选填）' }[k]}</Text>
          <Input
            className="field-input"
            placeholder={k === 'filingNo' ? '' : 'YYYY-MM-DD'}
            value={term[k]}
            onInput={(e) => setTerm({ ...term, [k]: e.detail.value })}
          />
        </View>
      ))}
      <Button type="primary" loading={busy} onClick={() => void record()}>
        登记
      </Button>
    </View>
  );
}
