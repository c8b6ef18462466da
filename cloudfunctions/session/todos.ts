import type { TodoItem } from '@domain/api/session';
import type { Caller } from '@domain/roles';
import type { ActionContext } from '../_shared/function';
import { bindingTodos } from './binding-todos';
import { feeTodos } from '../fees/todos';
import { filingTodos } from '../filings/todos';
import { inboxTodos } from '../alerts/todos';
import { inquiryTodos } from '../inquiries/todos';
import { meetingTodos } from '../meetings/todos';
import { workbenchTodos } from '../workbench/todos';
import { eventTodos } from '../workbench/event-items';

/**
 * Each area contributes what a person must do next. A new feature adds its provider here, and the
 * home screen and 待办 pick it up without change.
 */
export type TodoProvider = (ctx: ActionContext, caller: Caller) => Promise<TodoItem[]>;

const PROVIDERS: TodoProvider[] = [bindingTodos, feeTodos, inboxTodos, inquiryTodos, filingTodos, workbenchTodos, eventTodos, meetingTodos];

export async function collectTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const lists = await Promise.all(PROVIDERS.map((p) => p(ctx, caller)));
  // Overdue first, then by due moment; undated items last.
  return lists.flat().sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || (a.due ?? Infinity) - (b.due ?? Infinity));
}
