import type { FunctionName } from '@domain/api';
import type { Envelope } from '@domain/envelope';
import { handle as admin } from '../admin';
import { handle as alerts } from '../alerts';
import { handle as fees } from '../fees';
import { handle as filings } from '../filings';
import { handle as inquiries } from '../inquiries';
import { handle as meetings } from '../meetings';
import { handle as session } from '../session';
import { handle as workbench } from '../workbench';
import type { Runtime } from './runtime';

/**
 * Every function's entry, for the local host and the integration tests, which call the same
 * `handle` the deployed `main` calls, only with the embedded runtime.
 */
export type Handle = (rt: Runtime, event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

export const FUNCTIONS: Record<FunctionName, Handle> = { session, fees, alerts, inquiries, filings, workbench, meetings, admin };
