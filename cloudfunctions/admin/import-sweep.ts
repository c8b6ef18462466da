import { AppError } from '@domain/errors';
import { IMPORT_OPEN_STATUSES } from '@domain/import-staging';
import type { EpochMs } from '@domain/model';
import { routeUrl, ROUTES } from '@domain/routes';
import { FEE_TEMPLATES } from '@domain/fee-import-templates';
import { raiseAlert } from '../_shared/alerts';
import { isBuffered } from '../_shared/ops/buffered-store';
import { runOperation } from '../_shared/ops/operation';
import type { Runtime } from '../_shared/runtime';
import type { Sweep } from '../_shared/sweep';
import type { ImportJob } from '../_shared/storage/onboarding-records';
import { systemAudit } from '../_shared/system-audit';
import { stepImport } from './imports';
import type { StepContext } from './step-context';

/** An open import nobody has stepped for this long was abandoned (page closed, call crashed). */
export const IMPORT_STALL_MS = 15 * 60_000;
/** Bounds of one timer run: imports looked at, steps each, and time. */
export const IMPORT_SWEEP_JOBS = 5;
export const IMPORT_SWEEP_STEPS = 20;
const IMPORT_SWEEP_BUDGET_MS = 20_000;

/** Codes that mean "someone else is at it right now", not "this import cannot go on". */
const TRANSIENT = new Set(['REQUEST_IN_PROGRESS', 'CONFLICT']);

/**
 * Finishes imports left half-done: each step is the same bounded step the page calls, run as an
 * operation keyed by the import's version (a run that dies is finished by the repair sweep, and a
 * page stepping at the same moment meets the cursor's compare-and-set). An import that cannot go
 * on (its file gone or changed) is left unapplied — it was never visible — and the importer is told.
 */
export const importSweep: Sweep = async (rt, now) => {
  const started = performance.now();
  const stale = await rt.store.find(
    'imports',
    { status: { $in: [...IMPORT_OPEN_STATUSES] }, updatedAt: { $lt: now - IMPORT_STALL_MS } },
    { sort: [['updatedAt', 1]], limit: IMPORT_SWEEP_JOBS },
  );
  let alertsCreated = 0;
  for (const first of stale) {
    let job: ImportJob | null = first;
    for (let n = 0; job && job.status !== 'committed' && n < IMPORT_SWEEP_STEPS; n++) {
      if (performance.now() - started > IMPORT_SWEEP_BUDGET_MS) return { alertsCreated, escalated: 0 };
      const current: ImportJob = job;
      try {
        job = await step(rt, now, current);
      } catch (e) {
        if (e instanceof AppError && TRANSIENT.has(e.code)) break;
        if (await reportStalled(rt, now, current, e instanceof AppError ? e.message : '导入中断')) alertsCreated++;
        break;
      }
    }
  }
  return { alertsCreated, escalated: 0 };
};

async function step(rt: Runtime, now: EpochMs, job: ImportJob): Promise<ImportJob | null> {
  const ctx = (opRt: Runtime): StepContext => ({ rt: opRt, store: opRt.store, now, audit: systemAudit(opRt, now) });
  // Inside a staff-run sweep (already one operation) the steps are not nested operations.
  if (isBuffered(rt.store)) return stepImport(ctx(rt), job);
  const request = { fn: 'timer', action: 'sweep.imports', identity: 'system', requestId: `${job._id}@${job.version}`, payload: null, now };
  await runOperation(rt, request, (opRt) => stepImport(ctx(opRt), job));
  return rt.store.get('imports', job._id);
}

async function reportStalled(rt: Runtime, now: EpochMs, job: ImportJob, reason: string): Promise<boolean> {
  // Moving `updatedAt` sends it to the back of the queue: a broken import does not hold the batch.
  await rt.store.update('imports', job._id, job.version, { stalled: { at: now, reason }, updatedAt: now });
  const what = job.kind === 'rooms' ? '房屋导入' : FEE_TEMPLATES[job.kind].title;
  return raiseAlert(rt, now, {
    key: `import-stalled:${job._id}`,
    personId: job.createdBy,
    communityId: job.communityId,
    title: `${what}未能完成`,
    body:
      job.committedAt === undefined
        ? `导入「${job.file.name}」已中断，系统无法继续：${reason}。文件中的行均未生效，请重新上传文件后导入。`
        : `导入「${job.file.name}」已生效，但整理未能完成：${reason}。请联系技术支持。`,
    link: routeUrl(ROUTES.admin.community, { id: job.communityId }),
    templateKey: 'result',
    templateValues: { thing1: `${what}·${job.file.name}`, phrase2: '未完成', thing3: reason, time4: now },
  });
}
