import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { CalendarMonthView, CalendarOverrideView } from '@domain/api/workbench';
import { addMonths, localDateOf, monthNumber, yearOfMonth } from '@domain/time';
import { RULE_PHRASES } from '@domain/rules';
import { appNow, call, showError } from '../../../api/client';
import { Pending } from '../../../components/States';
import { usePageData } from '../../../components/usePageData';
import { useSession } from '../../../stores/session';
import { COMPANY_ADMIN_ROLES } from '@domain/roles';
import { monthOf } from '../../../utils/format';
import { DayForm } from './DayForm';
import { ImportForm } from './ImportForm';
import { MonthGrid } from './MonthGrid';
import { OverrideList } from './OverrideList';
import { YearForm } from './YearForm';
import './index.scss';

const YEAR_SOURCE_TEXT: Record<CalendarMonthView['yearSource'], string> = {
  shipped: '国家公布的放假安排（系统内置）',
  admin: '管理员录入的全年安排',
  none: '尚无官方安排',
};

const startMonth = (): string => monthOf(appNow());

/** Try a rule against the calendar in force, to see what a correction changes. */
function Preview() {
  const [day, setDay] = useState(() => localDateOf(appNow()));
  const [result, setResult] = useState<string | null>(null);

  useEffect(() => {
    void run(day);
    // Once on open; later runs follow the picker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function run(value: string): Promise<void> {
    setDay(value);
    try {
      const d = await call('workbench', 'calendarPreview', { rule: 'notification', day: value });
      setResult(`通报须在 ${d.dueDateText}（${d.weekdayText}）前送达${d.provisional ? '（暂定）' : ''}`);
    } catch (e) {
      showError(e);
    }
  }

  return (
    <View className="card" data-testid="calendar-preview">
      <View className="card-title">试算通报期限</View>
      <View className="row">
        <Text className="muted">事件发生日</Text>
        <Picker mode="date" value={day} onChange={(e) => void run(String(e.detail.value))}>
          <View className="picker-field">{day}</View>
        </Picker>
      </View>
      <View className="preview-result">{result ?? `选择日期后显示按当前日历计算的截止日（${RULE_PHRASES.notificationWithin}）`}</View>
    </View>
  );
}

export default function CalendarPage() {
  const [month, setMonth] = useState(startMonth);
  // The calendar is company-wide: every staff member reads it, only the company administrator corrects it.
  const admin = useSession((s) => s.me?.roles.some((r) => COMPANY_ADMIN_ROLES.includes(r)) ?? false);
  // The month arrows and the forms below stay put while the next month loads.
  const { data, error, reload } = usePageData(
    () => Promise.all([call('workbench', 'calendarMonth', { month }), admin ? call('workbench', 'calendarOverrides', {}) : Promise.resolve([])]),
    [month, admin],
    { keepData: true },
  );
  const [picked, setPicked] = useState<CalendarMonthView['days'][number] | null>(null);
  const [yearForm, setYearForm] = useState<{ existing?: CalendarOverrideView } | null>(null);

  function go(delta: number): void {
    setMonth(addMonths(month, delta));
  }

  function changed(): void {
    setPicked(null);
    setYearForm(null);
    void reload();
  }

  if (!data) {
    return (
      <View className="page calendar-page">
        <Pending error={error} onRetry={reload} />
      </View>
    );
  }

  const [grid, overrides] = data;
  const year = yearOfMonth(month);
  const yearRecord = overrides.find((o) => o.scope === 'year' && o.year === year && !o.revoked);

  return (
    <View className="page calendar-page" data-testid="calendar-page">
      <View className="card">
        <View className="row month-nav">
          <Text className="month-arrow" data-testid="month-prev" onClick={() => go(-1)}>
            ‹ 上月
          </Text>
          <Text className="month-title" data-testid="month-title">
            {year}年{monthNumber(month)}月
          </Text>
          <Text className="month-arrow" data-testid="month-next" onClick={() => go(1)}>
            下月 ›
          </Text>
        </View>
        <View className="muted year-source">
          {year}年依据：{YEAR_SOURCE_TEXT[grid.yearSource]}
        </View>
        {grid.notice && (
          <View className="notice provisional-notice" data-testid="provisional-notice">
            {grid.notice}
          </View>
        )}
        <MonthGrid grid={grid} onPick={(date) => (admin ? setPicked(grid.days.find((d) => d.date === date) ?? null) : undefined)} />
        <View className="legend">
          <Text className="legend-item legend-holiday">休 放假</Text>
          <Text className="legend-item legend-makeup">班 调休上班</Text>
          <Text className="legend-item legend-override">框 人工修正</Text>
        </View>
        {admin ? (
          <>
            <View className="muted">点击某一天可新增或更正该日安排。</View>
            <View className="card-actions">
              <Button size="small" fill="outline" data-testid="year-open" onClick={() => setYearForm({ existing: yearRecord })}>
                {yearRecord ? `更正${year}年全年安排` : `录入${year}年全年安排`}
              </Button>
            </View>
          </>
        ) : (
          <View className="muted" data-testid="calendar-read-only">
            工作日历全公司统一，由公司管理员维护；如发现与官方安排不符，请联系公司管理员更正。
          </View>
        )}
      </View>

      {admin && (
        <>
          <Preview />
          <ImportForm onDone={changed} />
          <View className="section">
            <View className="section-title">
              <Text>修正记录</Text>
              <Text className="section-extra">共 {overrides.length} 条</Text>
            </View>
            <OverrideList list={overrides} onChanged={changed} onEditYear={(o) => setYearForm({ existing: o })} />
          </View>
        </>
      )}

      <Popup visible={picked !== null} position="bottom" round onClose={() => setPicked(null)}>
        {picked && <DayForm day={picked} onClose={() => setPicked(null)} onDone={changed} />}
      </Popup>
      <Popup visible={yearForm !== null} position="bottom" round onClose={() => setYearForm(null)}>
        {yearForm && <YearForm initialYear={year} existing={yearForm.existing} onClose={() => setYearForm(null)} onDone={changed} />}
      </Popup>
    </View>
  );
}
