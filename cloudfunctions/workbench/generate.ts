import type { WorkingCalendar } from '@domain/calendar';
import { generateObligations } from '@domain/obligations';
import { localDateOf, type EpochMs } from '@domain/time';
import { GENERATE_MONTHS, newObligationRecord } from '@domain/workbench';
import type { Storage } from '../_shared/storage/port';
import type { AuditWriter } from '../_shared/system-audit';

/**
 * Materialises a community's recurring duties for the generation horizon. Ids are deterministic and
 * writes are insert-if-absent, so the workbench, the 生成 button and the hourly sweep can all run it
 * any number of times: a task exists once, and a stored task (its assignee, its completion) is never
 * touched. One read finds what exists, so the usual call writes nothing.
 */
export async function ensureObligations(
  store: Storage,
  communityId: string,
  now: EpochMs,
  calendar: WorkingCalendar,
  audit: AuditWriter,
): Promise<{ created: string[] }> {
  const tasks = generateObligations({ communityId, from: localDateOf(now), months: GENERATE_MONTHS, calendar });
  if (tasks.length === 0) return { created: [] };
  const existing = await store.find('obligations', { _id: { $in: tasks.map((t) => t._id) } });
  const have = new Set(existing.map((t) => t._id));
  const created: string[] = [];
  for (const task of tasks) {
    if (have.has(task._id)) continue;
    if (await store.insertIfAbsent('obligations', newObligationRecord(task, now, calendar))) created.push(task._id);
  }
  if (created.length > 0) {
    await audit({ type: 'obligation.generated', communityId, subject: { kind: 'community', id: communityId }, data: { ids: created } });
  }
  return { created };
}
