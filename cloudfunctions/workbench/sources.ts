/**
 * EXTENSION POINT — where the workbench's items come from.
 *
 * The workbench lists every due item of the caller in 已逾期 / 本周 / 本月 with its due date,
 * working-day countdown and rule, a page at a time in due order (`list` in task-handlers.ts; its
 * counts in sections.ts). Obligations (the recurring duties) are the only source today. A feature
 * that wants its own due items there (filings: latest filing dates; inquiries: answer deadlines)
 * builds each with `dueItem(...)` below, so the date words, countdown and section are computed the
 * same way as for obligations, with a `link` to the page where it is acted on (标记完成 is for
 * obligations only); the list then merges its due-ordered page with the obligations' page by the
 * same cursor, as `pageUnion` (`_shared/paging.ts`) merges queries, and adds its section counts.
 */
import type { WorkbenchItemView } from '@domain/api/workbench';
import type { WorkingCalendar } from '@domain/calendar';
import type { Deadline } from '@domain/deadlines';
import type { EpochMs, Id } from '@domain/model';
import { localDateOf } from '@domain/time';
import { sectionOf, taskTiming } from '@domain/workbench';
import { dueTexts } from './views';

export interface DueItemInput {
  /** Unique across sources: prefix it with the source, e.g. 'filing:doc_123'. */
  id: Id;
  source: string;
  kind: string;
  title: string;
  communityId: Id;
  deadline: Pick<Deadline, 'due' | 'dueDate' | 'ruleText'>;
  link: string;
  assigneeId?: Id | null;
  assigneeName?: string;
}

/** An open item of another feature, with the same date words and countdown as an obligation. */
export function dueItem(input: DueItemInput, now: EpochMs, calendar: WorkingCalendar): WorkbenchItemView {
  const { deadline } = input;
  const timing = taskTiming({ due: deadline.due, dueDate: deadline.dueDate }, now, calendar);
  return {
    id: input.id,
    source: input.source,
    kind: input.kind,
    title: input.title,
    communityId: input.communityId,
    dueDate: deadline.dueDate,
    due: deadline.due,
    ...dueTexts(deadline.dueDate, timing.lastWorkingDate),
    workingDaysLeft: timing.workingDaysLeft,
    countdownText: timing.countdownText,
    status: timing.status,
    section: sectionOf(timing.status, deadline.dueDate, localDateOf(now)),
    provisional: timing.provisional,
    ruleText: deadline.ruleText,
    assigneeId: input.assigneeId ?? null,
    assigneeName: input.assigneeName ?? '',
    canMarkDone: false,
    canAssign: false,
    link: input.link,
  };
}
