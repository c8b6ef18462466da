import type { EpochMs } from '@domain/model';
import type { Runtime } from './runtime';

export interface SweepResult {
  alertsCreated: number;
  escalated: number;
}

/**
 * A sweep looks for deadlines that are near or past and raises alerts / escalates. Each must be
 * idempotent: the timer runs them every hour, and running twice changes nothing more.
 * A feature writes its sweep against this type and adds it to SWEEPS in `alerts/sweeps.ts`.
 */
export type Sweep = (rt: Runtime, now: EpochMs) => Promise<SweepResult>;
