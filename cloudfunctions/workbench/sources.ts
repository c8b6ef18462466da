/**
 * EXTENSION POINT — where the workbench's items come from besides the obligations.
 *
 * The workbench lists every due item of the caller in 已逾期 / 本周 / 本月 with its due date,
 * working-day countdown and rule, a page at a time in due order (`list` in task-handlers.ts; the
 * obligations' counts in sections.ts). A feature that wants its own due items there (需通报事项 today)
 * writes a `WorkbenchSource` in its own folder: given `{ ctx, caller, calendar }`, it returns the
 * caller's open items, each built with `dueItem(...)` (due-item.ts) so the date words, countdown and
 * section are computed the same way as for obligations, with a `link` to the page where it is acted on
 * (标记完成 is for obligations only), and adds it to `SOURCES` here (one line).
 *
 * A source must be read-only, cheap and bounded (a due-ordered read with a limit): its items join the
 * first page of the list, merged by due moment, and its sections join the counts. A source whose open
 * items could grow with history must page with the obligations instead.
 */
import { eventSource } from './event-items';
import type { WorkbenchSource } from './due-item';

export type { SourceEnv, WorkbenchSource, DueItemInput } from './due-item';
export { dueItem } from './due-item';

export const SOURCES: WorkbenchSource[] = [eventSource];
