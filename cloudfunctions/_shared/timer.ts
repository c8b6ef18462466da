import { AppError } from '@domain/errors';

/**
 * CloudBase calls a timer-triggered function with `{ Type: 'Timer', TriggerName, Time }`. That shape
 * proves nothing (any caller can send it), so it is used only to refuse: a client-callable function
 * that receives it answers TIMER_ONLY, and the timer function runs only when the runtime confirms
 * from the invocation context that the platform timer started it.
 */
export const isTimerEvent = (event: unknown): boolean => typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

export function refuseTimerEvent(event: unknown): void {
  if (isTimerEvent(event)) throw new AppError('TIMER_ONLY');
}
