import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WorkbenchItemView } from '@domain/api/workbench';
import { formatDateTime } from '../../../utils/format';
import { openLink } from '../../../utils/nav';
import { openFile } from '../../../api/files';

function countdownClass(item: WorkbenchItemView): string {
  if (item.status === 'done') return 'countdown-done';
  if (item.status === 'overdue') return 'countdown-overdue';
  return item.workingDaysLeft <= 2 ? 'countdown-soon' : 'countdown-open';
}

/** One duty: what, by when (date, weekday, working days left), under which rule, whose, and its actions. */
export function TaskCard({ item, onDone, onAssign }: { item: WorkbenchItemView; onDone: () => void; onAssign: () => void }) {
  return (
    <View className={`list-item task-card task-${item.status}`} data-testid="task-card" data-task-id={item.id}>
      <View className="task-head">
        <Text className="list-item-title task-title">{item.title}</Text>
        <Text className={`task-countdown ${countdownClass(item)}`} data-testid="task-countdown">
          {item.countdownText}
        </Text>
      </View>

      <View className="task-due" data-testid="task-due">
        <Text className="task-due-label">截止</Text>
        <Text className="task-due-date">{item.dueDateText}</Text>
        <Text className="task-due-weekday">{item.weekdayText}</Text>
        {item.provisional && <Text className="tag tag-warning task-provisional">暂定</Text>}
      </View>
      {item.windowStartText && <View className="list-item-meta">{item.windowStartText}，至截止日止</View>}
      {item.lastWorkingDateText && <View className="task-last-working">{item.lastWorkingDateText}</View>}
      {item.provisional && <View className="list-item-meta">该年度官方放假安排尚未发布，按周末计算，日期为暂定。</View>}

      <View className="task-rule" data-testid="task-rule">
        <Text className="task-rule-mark">规定</Text>
        <Text>{item.ruleText}</Text>
      </View>

      {item.done ? (
        <View className="task-done-box">
          <View>
            已完成 · {item.done.byName} · {formatDateTime(item.done.at)}
          </View>
          {item.done.note && <View className="muted">说明：{item.done.note}</View>}
          {item.done.documentTitle && <View className="muted">关联文件：{item.done.documentTitle}</View>}
          {item.done.file && (
            <View className="task-file" onClick={() => void openFile(item.done!.file!)}>
              附件：{item.done.file.name}
            </View>
          )}
        </View>
      ) : (
        <View className="row task-foot">
          <Text className="muted task-assignee">负责：{item.assigneeName || '未指定'}</Text>
          <View className="task-actions">
            {item.canAssign && (
              <Button size="small" fill="outline" className="task-assign" onClick={onAssign}>
                分派
              </Button>
            )}
            {item.canMarkDone && (
              <Button size="small" type="primary" className="task-mark-done" data-testid="task-mark-done" onClick={onDone}>
                标记完成
              </Button>
            )}
            {item.link && (
              <Button size="small" type="primary" fill="outline" onClick={() => openLink(item.link!)}>
                去办理
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
