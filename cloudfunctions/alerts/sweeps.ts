import type { EpochMs } from '@domain/model';
import { backfillSweep } from '../_shared/backfill';
import { repairOperations } from '../_shared/ops/operation';
import type { Runtime } from '../_shared/runtime';
import type { Sweep, SweepResult } from '../_shared/sweep';
import { importSweep } from '../admin/import-sweep';
import { anchorSweep } from '../filings/anchors';
import { deliveryChaseSweep } from '../filings/chase';
import { inquiryGmEscalationSweep } from '../inquiries/escalation';
import { feeSweep } from '../fees/sweep';
import { opinionSweep } from '../filings/sweeps';
import { inquirySweep } from '../inquiries/sweep';
import { meetingSweep } from '../meetings/sweep';
import { obligationSweep } from '../workbench/sweep';
import { notificationEventSweep } from '../workbench/event-sweep';

export type { Sweep, SweepResult };

/** Finishing operations a crash left half-applied comes first: the other sweeps then see whole records. */
const repairSweep: Sweep = async (rt, now) => {
  await repairOperations(rt, now);
  return { alertsCreated: 0, escalated: 0 };
};

const SWEEPS: Sweep[] = [
  repairSweep,
  // Right after the repair: an abandoned import is finished before bills look at its community's rooms.
  importSweep,
  // Old records get their derived fields before the sweeps below select by them.
  backfillSweep,
  inquirySweep,
  opinionSweep,
  obligationSweep,
  notificationEventSweep,
  anchorSweep,
  deliveryChaseSweep,
  inquiryGmEscalationSweep,
  meetingSweep,
  feeSweep,
];

export async function runSweeps(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const total: SweepResult = { alertsCreated: 0, escalated: 0 };
  // One at a time: sweeps may touch the same records, and the timer has time to spare.
  for (const sweep of SWEEPS) {
    const r = await sweep(rt, now);
    total.alertsCreated += r.alertsCreated;
    total.escalated += r.escalated;
  }
  return total;
}
