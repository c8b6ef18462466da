import type { Handlers } from '../_shared/function';
import { calendarHandlers } from './calendar-handlers';
import { taskHandlers } from './task-handlers';
import { eventHandlers } from './events';

/** The duties themselves, the events that start a notification clock, and the calendar their due dates rest on. */
export const workbenchHandlers: Handlers<'workbench'> = { ...taskHandlers, ...eventHandlers, ...calendarHandlers };
