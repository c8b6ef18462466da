import { fundReportDayOf } from '@domain/alerts/settings';
import type { WorkingCalendar } from '@domain/calendar';
import { generateObligations } from '@domain/obligations';
import { localDateOf, type EpochMs } from '@domain/time';
import { GENERATE_MONTHS, newObligationRecord, taskNextActionAt } from '@domain/workbench';
import type { Storage } from '../_shared/storage/port';
import type { AuditWriter } from '../_shared/system-audit';

/**
 * Materialises a community's recurring duties for the generation horizon. Ids are deterministic and
 * writes are insert-if-absent, so the workbench, the 生成 button and the hourly sweep can all run it
 * any number of times: a task exists once, and a stored task (its assignee, its completion) is never
 * touched — except an open duty whose due day a community setting has since moved (the quarterly
 * fund report's day), which takes the new day. One read finds what exists, so the usual call writes nothing.
 */
export async function ensureObligations(
  store: Storage,
  communityId: string,
  now: EpochMs,
  calendar: WorkingCalendar,
  audit: AuditWriter,
): Promise<{ created: string[] }> {
  const community = await store.get('communities', communityId);
  const tasks = generateObligations({ communityId, from: localDateOf(now), months: GENERATE_MONTHS, calendar, fundReportDay: fundReportDayOf(community) });
  if (tasks.length === 0) return { created: [] };
  const existing = await store.find('obligations', { _id: { $in: tasks.map((t) => t._id) } });
  const have = new Map(existing.map((t) => [t._id, t]));
  const created: string[] = [];
  for (const task of tasks) {
    const stored = have.get(task._id);
    if (stored) {
      if (stored.doneAt === undefined && stored.dueDate !== task.dueDate) {
        const { dueDate, due, lastWorkingDate, provisional, ruleText } = task;
        // A lost race means another run wrote the same new day.
        await store.update('obligations', stored._id, stored.version, {
          dueDate,
          due,
          lastWorkingDate,
          provisional,
          ruleText,
          nextActionAt: taskNextActionAt({ due, doneAt: undefined }, calendar),
        });
      }
      continue;
    }
    if (await store.insertIfAbsent('obligations', newObligationRecord(task, now, calendar))) created.push(task._id);
  }
  if (created.length > 0) {
    await audit({ type: 'obligation.generated', communityId, subject: { kind: 'community', id: communityId }, data: { ids: created } });
  }
  return { created };
}
