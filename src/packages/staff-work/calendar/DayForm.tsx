import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CalendarMonthView } from '@domain/api/workbench';
import { formatDayCn, weekdayCn } from '@domain/workbench';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

type Day = CalendarMonthView['days'][number];

/** Add or correct one day: off (a holiday, a closure) or on (a make-up working day), with its name. */
export function DayForm({ day, onClose, onDone }: { day: Day; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<'holiday' | 'workday'>(day.working ? 'holiday' : 'workday');
  const [name, setName] = useState(day.name ?? '');
  const { busy: saving, submit } = useSubmit();

  async function save(): Promise<void> {
    const trimmed = name.trim();
    if (await submit(() => call('workbench', 'setCalendarDay', { date: day.date, kind, ...(trimmed ? { name: trimmed } : {}) }), '已保存')) onDone();
  }

  return (
    <View className="sheet" data-testid="day-form">
      <View className="sheet-title">
        {formatDayCn(day.date)} {weekdayCn(day.date)}
      </View>
      <View className="muted">
        当前：{day.working ? '上班' : '休息'}（{day.reasonText}
        {day.name ? `，${day.name}` : ''}）{day.provisional ? '，暂定' : ''}
      </View>
      <View className="form-label">更正为</View>
      <View className="choice-row">
        {(['holiday', 'workday'] as const).map((k) => (
          <View key={k} className={`choice${kind === k ? ' choice-active' : ''}`} data-testid={`day-kind-${k}`} onClick={() => setKind(k)}>
            {k === 'holiday' ? '放假' : '上班'}
          </View>
        ))}
      </View>
      <View className="form-label">名称（选填）</View>
      <Input className="text-input" placeholder="如：元旦、春节调休、停电检修" maxlength={20} value={name} onInput={(e) => setName(e.detail.value)} />
      <Text className="muted">修改后原记录保留在修改历史中，可随时撤销。</Text>
      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} data-testid="day-save" onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
