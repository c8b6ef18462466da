import type { WorkbenchItemView, WorkbenchView } from '@domain/api/workbench';
import type { WorkingCalendar } from '@domain/calendar';
import type { EpochMs, Id, LocalDate } from '@domain/model';
import { hasRole, type Caller } from '@domain/roles';
import { localDateOf } from '@domain/time';
import { canAssignTask, canCompleteTask, formatDayCn, sectionOf, taskTiming, weekdayCn, type ObligationRecord } from '@domain/workbench';
import type { Storage } from '../_shared/storage/port';
import { headsOf, namesOf } from '../_shared/people';

/** What every item view needs besides the item: the moment, the calendar, and names to show. */
export interface ViewContext {
  caller: Caller;
  now: EpochMs;
  calendar: WorkingCalendar;
  names: Map<Id, string>;
  /** The head's name per community: the default assignee. */
  headNames: Map<Id, string>;
  documentTitles: Map<Id, string>;
}

export async function viewContext(store: Storage, caller: Caller, now: EpochMs, calendar: WorkingCalendar, tasks: ObligationRecord[]): Promise<ViewContext> {
  const communityIds = [...new Set(tasks.map((t) => t.communityId))];
  const docIds = [...new Set(tasks.map((t) => t.done?.documentId).filter((id): id is string => !!id))];
  const [names, heads, docs] = await Promise.all([
    namesOf(
      store,
      tasks.flatMap((t) => [t.assigneeId, t.done?.byId]),
    ),
    headsOf(store, communityIds),
    docIds.length ? store.find('documents', { _id: { $in: docIds } }) : Promise.resolve([]),
  ]);
  const headNames = new Map<Id, string>();
  for (const h of heads) if (h.communityId && !headNames.has(h.communityId)) headNames.set(h.communityId, h.name);
  return { caller, now, calendar, names, headNames, documentTitles: new Map(docs.map((d) => [d._id, d.content.title])) };
}

/** The date words every item shows, whatever feature it comes from. */
export interface DueTexts {
  dueDateText: string;
  weekdayText: string;
  lastWorkingDateText?: string;
}

export function dueTexts(dueDate: LocalDate, lastWorkingDate: LocalDate): DueTexts {
  const texts: DueTexts = { dueDateText: formatDayCn(dueDate), weekdayText: weekdayCn(dueDate) };
  // A due day that is a day off: the office is closed, so say when it must really be done.
  if (lastWorkingDate !== dueDate) {
    texts.lastWorkingDateText = `到期日不上班，请在${formatDayCn(lastWorkingDate)}（${weekdayCn(lastWorkingDate)}）前完成`;
  }
  return texts;
}

export function obligationItem(t: ObligationRecord, vc: ViewContext): WorkbenchItemView {
  const timing = taskTiming(t, vc.now, vc.calendar);
  const assigneeId = t.assigneeId ?? null;
  const item: WorkbenchItemView = {
    id: t._id,
    source: 'obligation',
    kind: t.kind,
    title: t.title,
    communityId: t.communityId,
    dueDate: t.dueDate,
    due: t.due,
    ...dueTexts(t.dueDate, timing.lastWorkingDate),
    workingDaysLeft: timing.workingDaysLeft,
    countdownText: timing.countdownText,
    status: timing.status,
    section: sectionOf(timing.status, t.dueDate, localDateOf(vc.now)),
    provisional: timing.provisional,
    ruleText: t.ruleText,
    assigneeId,
    assigneeName: assigneeId ? (vc.names.get(assigneeId) ?? '') : `${vc.headNames.get(t.communityId) ?? '服务中心负责人'}（负责人）`,
    canMarkDone: !t.done && canCompleteTask(vc.caller, t),
    canAssign: !t.done && canAssignTask(vc.caller, t),
  };
  if (t.windowStart) item.windowStartText = `${formatDayCn(t.windowStart)}起`;
  if (t.done) {
    const d = t.done;
    item.done = { at: d.at, byName: vc.names.get(d.byId) ?? '' };
    if (d.note) item.done.note = d.note;
    if (d.file) item.done.file = d.file;
    if (d.documentId) {
      item.done.documentId = d.documentId;
      const title = vc.documentTitles.get(d.documentId);
      if (title) item.done.documentTitle = title;
    }
  }
  return item;
}

/** What every page of the workbench says besides its items. */
export function workbenchHeader(caller: Caller, now: EpochMs): Pick<WorkbenchView, 'today' | 'todayText' | 'scope'> {
  const today = localDateOf(now);
  const scope = hasRole(caller, 'general_manager') ? 'company' : hasRole(caller, 'head') ? 'community' : 'assigned';
  return { today, todayText: `${formatDayCn(today)} ${weekdayCn(today)}`, scope };
}
