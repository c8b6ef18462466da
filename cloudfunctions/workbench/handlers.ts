import type { Handlers } from '../_shared/function';
import { calendarHandlers } from './calendar-handlers';
import { taskHandlers } from './task-handlers';

/** Two halves of one function: the duties themselves, and the calendar their due dates rest on. */
export const workbenchHandlers: Handlers<'workbench'> = { ...taskHandlers, ...calendarHandlers };
