import type { WorkbenchItemView } from '@domain/api/workbench';
import type { WorkingCalendar } from '@domain/calendar';
import type { Deadline } from '@domain/deadlines';
import type { EpochMs, Id } from '@domain/model';
import type { Caller } from '@domain/roles';
import { localDateOf } from '@domain/time';
import { sectionOf, taskTiming } from '@domain/workbench';
import type { ActionContext } from '../_shared/function';
import { dueTexts } from './views';

/** The workbench's item builder, apart from the source list so a source module can use it (see sources.ts). */

export interface SourceEnv {
  ctx: ActionContext;
  caller: Caller;
  calendar: WorkingCalendar;
}

export type WorkbenchSource = (env: SourceEnv) => Promise<WorkbenchItemView[]>;

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
