import { OPEN_STATUSES, type Inquiry } from '@domain/inquiry';
import type { EpochMs } from '@domain/model';
import { hasRole, LEAD_ROLES, type Caller } from '@domain/roles';
import { COUNT_CAP } from '@domain/paging';
import { countUpTo } from '../_shared/paging';
import type { QueryOf, Storage } from '../_shared/storage/port';

type Where = QueryOf<Inquiry>;

export const DONE_STATUSES = ['answered', 'explained', 'accepted', 'unsatisfied'];

/** Everything open the caller may see: the general manager the escalations, staff their community's. */
export function openScope(staff: Caller): Where {
  const open = { $in: [...OPEN_STATUSES] };
  // Escalated as a range (a moment), not `$exists`: an index can then hand over the escalated only.
  return hasRole(staff, 'general_manager') ? { escalatedAt: { $gt: 0 }, status: open } : { communityId: staff.communityId, status: open };
}

/**
 * `inQueueOf` (src/domain/inquiry.ts) as disjoint store queries, so a page of the queue is read, not
 * filtered out of everything open: the general manager's escalations; otherwise, of the community's
 * open and not escalated, what is assigned to the caller, what is unassigned (leads: all of it;
 * butlers: in their buildings), and for the head what others hold that is overdue.
 * test/integration/paging checks the union equals `inQueueOf` over the demo data.
 */
export function queueBranches(staff: Caller, now: EpochMs): Where[] {
  if (hasRole(staff, 'general_manager')) return [openScope(staff)];
  const base: Where = { ...openScope(staff), escalatedAt: { $exists: false } };
  const out: Where[] = [{ ...base, assigneeId: staff.personId }];
  if (hasRole(staff, ...LEAD_ROLES)) out.push({ ...base, assigneeId: { $exists: false } });
  else if (staff.buildingIds.length > 0) out.push({ ...base, assigneeId: { $exists: false }, buildingId: { $in: staff.buildingIds } });
  if (hasRole(staff, 'head')) out.push({ ...base, assigneeId: { $exists: true, $ne: staff.personId }, due: { $lt: now } });
  return out;
}

const overdueOf = (w: Where, now: EpochMs): Where => {
  const due = w.due;
  // A branch already limited to the overdue stays as it is.
  return due !== undefined ? w : { ...w, due: { $lt: now } };
};

/**
 * How many are in the queue (up to the cap: "99+") and how many of them overdue (exactly: what is
 * overdue is what the sweeps chase), from the store (the branches are disjoint).
 */
export async function queueCounts(store: Storage, branches: Where[], now: EpochMs): Promise<{ total: number; overdue: number }> {
  const [totals, overdue] = await Promise.all([
    Promise.all(branches.map((b) => countUpTo(store, 'inquiries', b))),
    Promise.all(branches.map((b) => store.count('inquiries', overdueOf(b, now)))),
  ]);
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  return { total: Math.min(sum(totals), COUNT_CAP + 1), overdue: sum(overdue) };
}

/** The queue item due first, read as one record per branch. */
export async function firstDue(store: Storage, branches: Where[]): Promise<Inquiry | null> {
  const heads = await Promise.all(branches.map((b) => store.page('inquiries', b, { sort: [['due', 1]], limit: 1 })));
  return heads.flatMap((p) => p.items).sort((a, b) => a.due - b.due || (a._id < b._id ? -1 : 1))[0] ?? null;
}

/** The queue's filters once the text is resolved to its indexed term. */
export interface QueueNarrowing {
  status?: string;
  buildingId?: string;
  /** A staff member's id, or `none` for the unassigned. */
  assigneeId?: string;
  overdue?: boolean;
  kind?: string;
  /** The search text's rarest term (`words` index). */
  term?: string;
}

const allows = (cond: unknown, value: string): boolean => {
  if (cond === undefined) return true;
  if (typeof cond === 'string') return cond === value;
  const c = cond as { $in?: unknown[]; $ne?: unknown; $exists?: boolean };
  if (c.$exists === false) return false;
  if (c.$in && !c.$in.includes(value)) return false;
  return c.$ne !== value;
};

/**
 * Each branch of a queue narrowed by the filters, still as store queries (so a page is read, not
 * filtered): a filter a branch cannot meet drops the branch, e.g. "assigned to 王伟" drops the
 * "unassigned" branch. The filtered fields are in the inquiries' declared indexes.
 */
export function narrowBranches(branches: Where[], f: QueueNarrowing, now: EpochMs): Where[] {
  const out: Where[] = [];
  for (const b of branches) {
    const w: Where = { ...b };
    if (f.status) {
      if (!allows(b.status, f.status)) continue;
      w.status = f.status as Inquiry['status'];
    }
    if (f.buildingId) {
      if (!allows(b.buildingId, f.buildingId)) continue;
      w.buildingId = f.buildingId;
    }
    if (f.assigneeId === 'none') {
      const a = b.assigneeId as { $exists?: boolean } | string | undefined;
      if (typeof a === 'string' || a?.$exists === true) continue;
      w.assigneeId = { $exists: false };
    } else if (f.assigneeId) {
      if (!allows(b.assigneeId, f.assigneeId)) continue;
      w.assigneeId = f.assigneeId;
    }
    if (f.overdue) Object.assign(w, overdueOf(w, now));
    if (f.kind) w.kind = f.kind as Inquiry['kind'];
    if (f.term) w.words = f.term;
    out.push(w);
  }
  return out;
}
