import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CalendarOverrideView } from '@domain/api/workbench';
import { call } from '../../../api/client';
import { useSubmit } from '../../../components/useSubmit';

type DayLine = { date: string; name: string };

// One day a line, "2027-01-01 元旦": how the State Council's notice is usually copied out.
const toLines = (days: DayLine[] = []): string => days.map((d) => `${d.date} ${d.name}`).join('\n');
const fromLines = (text: string): DayLine[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date = '', ...rest] = l.split(/[\s,，、]+/);
      return { date, name: rest.join(' ') };
    });

/** A whole year's holidays and 调休 working days; it replaces the shipped data for that year. */
export function YearForm({
  initialYear,
  existing,
  onClose,
  onDone,
}: {
  initialYear: number;
  existing?: CalendarOverrideView;
  onClose: () => void;
  onDone: () => void;
}) {
  const [year, setYear] = useState(String(existing?.year ?? initialYear));
  const [holidays, setHolidays] = useState(toLines(existing?.holidays));
  const [workdays, setWorkdays] = useState(toLines(existing?.workdays));
  const { busy: saving, submit } = useSubmit();

  async function save(): Promise<void> {
    const y = Number(year);
    if (!Number.isInteger(y)) {
      void Taro.showToast({ title: '请填写年份', icon: 'none' });
      return;
    }
    if (await submit(() => call('workbench', 'setCalendarYear', { year: y, holidays: fromLines(holidays), workdays: fromLines(workdays) }), '已保存全年安排'))
      onDone();
  }

  return (
    <View className="sheet" data-testid="year-form">
      <View className="sheet-title">录入全年放假安排</View>
      <View className="muted">保存后该年以此为准（替换内置数据）。每行一天：日期 名称，如“2027-01-01 元旦”。</View>
      <View className="form-label">年份</View>
      <Input className="text-input" type="number" maxlength={4} value={year} onInput={(e) => setYear(e.detail.value)} />
      <View className="form-label">放假日</View>
      <Textarea
        className="import-text year-text"
        maxlength={5000}
        value={holidays}
        placeholder="2027-01-01 元旦"
        onInput={(e) => setHolidays(e.detail.value)}
      />
      <View className="form-label">调休上班日</View>
      <Textarea
        className="import-text year-text"
        maxlength={5000}
        value={workdays}
        placeholder="2027-02-07 春节"
        onInput={(e) => setWorkdays(e.detail.value)}
      />
      <Text className="muted">原有安排保留在修改历史中。</Text>
      <View className="sheet-actions">
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
