/**
 * An owner's claim on a room (房屋绑定): requested by the person, then approved or rejected once by
 * staff who checked it. Every rule is the table below: state × event → next state, or the error that
 * stops it. A rejected claim is final; the person may ask again, which opens a new binding.
 */
import type { ErrorCode } from './errors';
import { fail } from './errors';
import type { BindingStatus, EpochMs, Id, RoomBinding } from './model';

export type BindingEvent = 'approve' | 'reject';

export const BINDING_TRANSITIONS: Record<BindingStatus, Record<BindingEvent, BindingStatus | ErrorCode>> = {
  requested: { approve: 'approved', reject: 'rejected' },
  approved: { approve: 'BINDING_NOT_PENDING', reject: 'BINDING_NOT_PENDING' },
  rejected: { approve: 'BINDING_NOT_PENDING', reject: 'BINDING_NOT_PENDING' },
};

/** A claim that still counts: waiting for staff, or verified. A rejected one does not block a new request. */
export const OPEN_BINDING_STATUSES: readonly BindingStatus[] = ['requested', 'approved'];

/** What the person already holds on the room decides whether they may ask for it (again). */
export function checkCanRequest(existing: readonly Pick<RoomBinding, 'status'>[]): void {
  if (existing.some((b) => OPEN_BINDING_STATUSES.includes(b.status))) fail('ROOM_ALREADY_BOUND');
}

export interface BindingDecision {
  status: BindingStatus;
  decidedAt: EpochMs;
  decidedBy: Id;
  note?: string;
}

/** The patch staff's decision writes, or the refusal when the claim was already decided. */
export function decideBinding(binding: Pick<RoomBinding, 'status'>, event: BindingEvent, by: Id, at: EpochMs, note?: string): BindingDecision {
  const next = BINDING_TRANSITIONS[binding.status][event];
  if (!isBindingStatus(next)) return fail(next);
  return { status: next, decidedAt: at, decidedBy: by, note };
}

function isBindingStatus(s: BindingStatus | ErrorCode): s is BindingStatus {
  return s in BINDING_TRANSITIONS;
}

/**
 * What differs between the applicant and the owner on the company's register, for the staff who
 * verify ('' when name and phone both match). Staff decide; a mismatch is flagged, not refused:
 * a family member may apply with the owner's consent.
 */
export function registerMismatch(applicant: { name: string; phone?: string }, room: { ownerName?: string; ownerPhone?: string }): string {
  if (!room.ownerName && !room.ownerPhone) return '该房屋未登记业主，请线下核实';
  const parts: string[] = [];
  if (room.ownerName && room.ownerName !== applicant.name.trim()) parts.push('姓名与登记业主不一致');
  if (room.ownerPhone && room.ownerPhone !== applicant.phone) parts.push(applicant.phone ? '手机号与登记业主不一致' : '申请人未填写手机号');
  return parts.join('；');
}
