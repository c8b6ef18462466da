import { defineFunction } from '../_shared/function';
import { alertHandlers } from './handlers';

/**
 * Client actions only. The hourly sweep lives in the `timer` function, which the function security
 * rule closes to clients; a timer-shaped event sent here is refused (TIMER_ONLY) by the dispatcher.
 * Staff can still run the sweeps on demand through the permission-checked `sweep` action.
 */
const fn = defineFunction('alerts', alertHandlers);

export const handle = fn.handle;
export const main = fn.main;
