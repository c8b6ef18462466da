import { z } from 'zod';
import type { CalendarGrid } from '../calendar-admin';
import type { Deadline } from '../deadlines';
import { zFileRef, type FileRef } from '../files';
import type { CalendarOverrideFields, EpochMs, Id, LocalDate } from '../model';
import type { WorkbenchSection } from '../workbench';
import { action, noInput, pageFields, zId, zLocalDate, zMonth, zYear, type Paged } from './contract';
import { eventsApi } from './events';

/**
 * One due item on the workbench. Obligations are the first source; another feature can put its own
 * due items here (see `cloudfunctions/workbench/sources.ts`), which then carry a `link` to act on
 * them instead of 标记完成.
 */
export interface WorkbenchItemView {
  id: Id;
  /** 'obligation', or the feature that contributed the item. */
  source: string;
  kind: string;
  title: string;
  communityId: Id;
  dueDate: LocalDate;
  due: EpochMs;
  /** '2026年11月5日' and '星期四'. */
  dueDateText: string;
  weekdayText: string;
  /** Set when the due day is a day off: the last working day before it, in words. */
  lastWorkingDateText?: string;
  windowStartText?: string;
  workingDaysLeft: number;
  /** '还剩2个工作日' / '今天到期' / '已逾期3个工作日' / '已完成'. */
  countdownText: string;
  status: 'open' | 'overdue' | 'done';
  section: WorkbenchSection;
  provisional: boolean;
  ruleText: string;
  assigneeId: Id | null;
  assigneeName: string;
  canMarkDone: boolean;
  canAssign: boolean;
  done?: { at: EpochMs; byName: string; note?: string; file?: FileRef; documentId?: Id; documentTitle?: string };
  /** Page to act on an item another feature contributed. */
  link?: string;
}

/**
 * A page of the workbench: open items by due moment (so 已逾期, 本周, 本月 and 以后 follow each other
 * and each item says its section), or, with `done`, those done in the last weeks, latest first. The
 * counts are the store's, whatever has been loaded; `later` and `done` stop past COUNT_CAP (`paging.ts`).
 */
export interface WorkbenchView extends Paged<WorkbenchItemView> {
  today: LocalDate;
  todayText: string;
  /** 'community' (head), 'assigned' (butler, supervisor: only what is theirs), 'company' (general manager). */
  scope: 'community' | 'assigned' | 'company';
  counts: Record<WorkbenchSection, number>;
}

export interface AssigneeView {
  personId: Id;
  name: string;
  roleLabel: string;
}

export interface CalendarHistoryView {
  at: EpochMs;
  byName: string;
  /** What the record said before this change, in words; absent for the first version. */
  previous?: string;
  change: string;
}

export interface CalendarOverrideView extends CalendarOverrideFields {
  id: Id;
  summary: string;
  revoked: boolean;
  version: number;
  updatedAt: EpochMs;
  updatedByName: string;
  history: CalendarHistoryView[];
}

export interface CalendarMonthView extends CalendarGrid {
  /** Whether an administrator's whole-year list replaces the shipped data for this year. */
  yearSource: 'admin' | 'shipped' | 'none';
}

const zDay = zLocalDate;
const zDayName = z.string().trim().min(1, '请填写名称').max(20, '名称不能超过20个字');
const zDayList = z.array(z.strictObject({ date: zDay, name: zDayName })).max(80, '天数过多');

export const workbenchApi = {
  list: action<WorkbenchView>()(
    '工作台：已逾期、本周、本月和以后到期的事项，按到期先后分页；done 为近期已完成的事项（打开时自动生成未来几个月的例行事项）',
    z.strictObject({ done: z.boolean().optional(), ...pageFields }),
  ),
  generate: action<{ created: number; total: number }>()('生成本小区未来几个月的例行事项（可重复执行，不会重复生成）', noInput),
  markDone: action<WorkbenchItemView>()(
    '标记事项完成，并记录产生的文件',
    z.strictObject({
      taskId: zId,
      note: z.string().trim().max(500, '说明不能超过500个字').optional(),
      file: zFileRef.optional(),
      documentId: zId.optional(),
    }),
  ),
  assign: action<WorkbenchItemView>()('把事项分派给管家或管家主管（不指定则由负责人本人负责）', z.strictObject({ taskId: zId, assigneeId: zId.nullable() })),
  assignees: action<AssigneeView[]>()('可分派事项的工作人员', noInput),
  calendarMonth: action<CalendarMonthView>()('工作日历：某月每天是否上班及原因', z.strictObject({ month: zMonth })),
  calendarOverrides: action<CalendarOverrideView[]>()('日历修正记录（含修改人、时间和历史）', noInput),
  setCalendarDay: action<CalendarOverrideView>()(
    '新增或更正某一天（放假或上班）',
    z.strictObject({ date: zDay, kind: z.enum(['holiday', 'workday'], { error: '请选择放假或上班' }), name: zDayName.optional() }),
  ),
  setCalendarYear: action<CalendarOverrideView>()(
    '新增或更正某一年的放假和调休上班安排',
    z.strictObject({ year: zYear, holidays: zDayList, workdays: zDayList }),
  ),
  importCalendar: action<{ saved: CalendarOverrideView[]; unchanged: number }>()(
    '导入日历数据（JSON 列表）；有任何错误则全部不保存',
    z.strictObject({ text: z.string().min(1, '请粘贴日历数据').max(100_000, '日历数据过长') }),
  ),
  revokeCalendarOverride: action<CalendarOverrideView>()('撤销一条日历修正（保留记录，不再生效）', z.strictObject({ id: zId })),
  calendarPreview: action<Deadline & { dueDateText: string; weekdayText: string }>()(
    '试算：按当前日历计算通报或答复的截止日期',
    z.strictObject({ rule: z.enum(['notification', 'inquiry_answer'], { error: '请选择规则' }), day: zDay }),
  ),
  ...eventsApi,
};

export type { WorkbenchSection };
