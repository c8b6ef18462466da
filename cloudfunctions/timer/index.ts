import { errorEnvelope, okEnvelope, type Envelope } from '@domain/envelope';
import { AppError } from '@domain/errors';
import { getRuntime } from '../_shared/platform';
import type { Runtime } from '../_shared/runtime';
import { isTimerEvent } from '../_shared/timer';
import { runSweeps } from '../alerts/sweeps';

/**
 * The hourly sweeps, and nothing else: no client action lives here. Two locks, each enough alone:
 * the function security rule (`"timer": { "invoke": false }`, applied by scripts/init-cloudbase.ts)
 * stops every client call before it reaches the code, and the runtime must confirm from the
 * invocation context, not the event body, that the platform timer started this run.
 */
export async function handle(rt: Runtime, event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (!rt.fromTimer(context) || !isTimerEvent(event)) {
    console.warn('[timer] refused an invocation that did not come from the platform timer');
    return errorEnvelope(new AppError('TIMER_ONLY').toBody());
  }
  try {
    return okEnvelope(await runSweeps(rt, rt.clock.now()));
  } catch (e) {
    console.error('[timer] sweep failed', e);
    return errorEnvelope(new AppError('INTERNAL').toBody());
  }
}

export const main = (event: unknown, context?: unknown): Promise<Envelope<unknown>> => handle(getRuntime(), event, context);
