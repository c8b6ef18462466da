import { AppError } from '@domain/errors';
import { OPEN_STATUSES } from '@domain/inquiry';
import type { Person } from '@domain/model';
import { canInvite, requireManager } from '@domain/onboarding';
import { localDateOf } from '@domain/time';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { appendEvent } from '../inquiries/thread';
import { retireSeat } from './committee';
import { keepRevision, membershipOf } from './staff';

/** Open items handed over per call and per kind: a call stays bounded; the page calls again for the rest. */
export const HANDOVER_BATCH = 100;

const activeGm = (p: Person | null): boolean => p?.staffRole === 'general_manager' && !p.staffRetiredAt;

/**
 * Who may take the retiring person's work: another general manager (who serves every community),
 * or someone active on the staff of each community the work is in.
 */
async function checkReceiver(ctx: ActionContext, personId: string, toId: string, communities: Set<string>): Promise<string> {
  if (toId === personId) throw new AppError('ASSIGNEE_NOT_STAFF');
  const to = await ctx.store.get('people', toId);
  if (to && activeGm(to)) return to.name;
  for (const c of communities) {
    const m = await membershipOf(ctx, c, toId).catch(() => null);
    if (!m?.active) throw new AppError('ASSIGNEE_NOT_STAFF', `${to?.name ?? '接手人'}不在该员工有未办结事项的每个小区任职`);
  }
  return to?.name ?? '';
}

/**
 * Retires a person from what they hold here — a staff role in the community, the general manager's
 * role (the company administrator only), a committee seat — effective on their next request (the
 * caller loader reads these records every time); records stay. Open work is not left with nobody:
 * with work open and no colleague named, nothing changes and the count comes back so the page can
 * ask whom to hand it to; each handed-over inquiry's thread says who to whom, and why. A general
 * manager's open work is in every community, so it is handed over wherever it is, a batch per call.
 */
export const deactivateStaff: Handler<'admin', 'deactivateStaff'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  const person = await ctx.store.get('people', input.personId);
  if (!person) throw new AppError('STAFF_NOT_FOUND');
  const isGm = activeGm(person);
  if (isGm && !canInvite(caller, 'general_manager')) throw new AppError('INVITATION_ROLE_FORBIDDEN');
  const m = isGm ? null : await membershipOf(ctx, input.communityId, input.personId).catch(() => null);
  const today = localDateOf(ctx.now);
  const seats = (await ctx.store.find('committeeSeats', { communityId: input.communityId, personId: input.personId, termEnd: { $gte: today } })).filter(
    (s) => s.endedAt === undefined && s.termStart <= today,
  );
  if (!isGm && !m && seats.length === 0) throw new AppError('STAFF_NOT_FOUND');
  if (!isGm && !m?.active && seats.length === 0) return { openWork: 0, reassigned: 0, deactivated: true };
  const staffHeld = isGm || Boolean(m?.active);
  const where = isGm ? {} : { communityId: input.communityId };
  const inquiryQuery = { ...where, assigneeId: input.personId, status: { $in: [...OPEN_STATUSES] } };
  const dutyQuery = { ...where, assigneeId: input.personId, doneAt: { $exists: false } };
  const [inquiryCount, dutyCount, openInquiries, openDuties] = staffHeld
    ? await Promise.all([
        ctx.store.count('inquiries', inquiryQuery),
        ctx.store.count('obligations', dutyQuery),
        ctx.store.find('inquiries', inquiryQuery, { limit: HANDOVER_BATCH }),
        ctx.store.find('obligations', dutyQuery, { limit: HANDOVER_BATCH }),
      ])
    : [0, 0, [], []];
  const openWork = inquiryCount + dutyCount;
  if (openWork > 0 && !input.reassignTo) return { openWork, reassigned: 0, deactivated: false };
  const moving = new Set([...openInquiries, ...openDuties].map((w) => w.communityId));
  const toName = input.reassignTo ? await checkReceiver(ctx, input.personId, input.reassignTo, moving.size ? moving : new Set([input.communityId])) : '';
  const reason = input.reason?.trim() || `${person.name}已停用`;
  for (const i of openInquiries) {
    const moved = await updateWithRetry(ctx.store, 'inquiries', i._id, () => ({ assigneeId: input.reassignTo }));
    await appendEvent(ctx.store, moved, { event: 'assign', from: moved.status, to: moved.status }, caller.personId, ctx.now, {
      text: `交接：${person.name} → ${toName}（${reason}）`,
      data: { handover: true, fromId: input.personId, toId: input.reassignTo ?? null, reason },
    });
  }
  for (const o of openDuties) await updateWithRetry(ctx.store, 'obligations', o._id, () => ({ assigneeId: input.reassignTo ?? null }));
  const reassigned = openInquiries.length + openDuties.length;
  // More than a batch: this call moved one; the person keeps the role until the last batch is moved.
  if (reassigned < openWork) return { openWork, reassigned, deactivated: false };
  if (m?.active) {
    await keepRevision(ctx, m);
    await updateWithRetry(ctx.store, 'staffMembers', m._id, () => ({ active: false, deactivatedAt: ctx.now, deactivatedBy: caller.personId }));
  }
  if (isGm) await updateWithRetry(ctx.store, 'people', person._id, () => ({ staffRetiredAt: ctx.now }));
  for (const seat of seats) await retireSeat(ctx, seat);
  if (staffHeld) {
    await ctx.audit({
      type: 'staff.deactivated',
      communityId: input.communityId,
      subject: { kind: 'staffMember', id: m?._id ?? person._id },
      data: { role: m?.role ?? 'general_manager', reassignedTo: input.reassignTo ?? null, openWork },
    });
  }
  return { openWork, reassigned, deactivated: true };
};
