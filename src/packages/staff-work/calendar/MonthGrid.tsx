import { Text, View } from '@tarojs/components';
import type { CalendarMonthView } from '@domain/api/workbench';

// Chinese wall calendars start the week on Monday.
const HEADS = ['一', '二', '三', '四', '五', '六', '日'];

function mark(d: CalendarMonthView['days'][number]): string {
  if (d.overridden) return d.working ? '班' : '休';
  if (d.reason === 'holiday') return '休';
  if (d.reason === 'makeup_workday') return '班';
  return '';
}

/** The month as a wall calendar: days off tinted, 调休 workdays marked 班, administrator corrections outlined. */
export function MonthGrid({ grid, onPick }: { grid: CalendarMonthView; onPick: (date: string) => void }) {
  const leading = (grid.days[0]!.weekday + 6) % 7;
  return (
    <View className="month-grid" data-testid="month-grid">
      {HEADS.map((h, i) => (
        <View key={h} className={`grid-head${i >= 5 ? ' grid-head-weekend' : ''}`}>
          {h}
        </View>
      ))}
      {Array.from({ length: leading }, (_, i) => (
        <View key={`blank-${i}`} className="grid-cell grid-blank" />
      ))}
      {grid.days.map((d) => {
        const classes = [
          'grid-cell',
          d.working ? 'grid-working' : 'grid-off',
          d.reason === 'holiday' || (d.overridden && !d.working) ? 'grid-holiday' : '',
          d.reason === 'makeup_workday' || (d.overridden && d.working) ? 'grid-makeup' : '',
          d.overridden ? 'grid-overridden' : '',
          d.provisional ? 'grid-provisional' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <View key={d.date} className={classes} data-testid="grid-day" data-date={d.date} onClick={() => onPick(d.date)}>
            <Text className="grid-day">{d.day}</Text>
            {mark(d) && <Text className="grid-mark">{mark(d)}</Text>}
            <Text className="grid-name">{d.name ?? ''}</Text>
          </View>
        );
      })}
    </View>
  );
}
