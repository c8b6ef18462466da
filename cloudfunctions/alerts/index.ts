import { errorEnvelope, okEnvelope, type Envelope } from '@domain/envelope';
import { AppError } from '@domain/errors';
import { defineFunction } from '../_shared/function';
import { getRuntime, type Runtime } from '../_shared/runtime';
import { alertHandlers } from './handlers';
import { runSweeps } from './sweeps';

const fn = defineFunction('alerts', alertHandlers);

/** CloudBase timer triggers call with `{ Type: 'Timer', TriggerName, Time }` and no user. */
const isTimer = (event: unknown): boolean => (event as { Type?: unknown } | null)?.Type === 'Timer';

export async function handle(rt: Runtime, event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (!isTimer(event)) return fn.handle(rt, event, context);
  try {
    return okEnvelope(await runSweeps(rt, rt.clock.now()));
  } catch (e) {
    console.error('[alerts] timer sweep failed', e);
    return errorEnvelope(new AppError('INTERNAL').toBody());
  }
}

export const main = (event: unknown, context?: unknown): Promise<Envelope<unknown>> => handle(getRuntime(), event, context);
