import { createHash } from 'crypto';
import type { InvitationView, StaffView } from '@domain/api/admin';
import { AppError } from '@domain/errors';
import { STAFF_ROLE_LABELS, type StaffMember } from '@domain/model';
import { canInvite, checkInvitation, INVITATION_DEFAULT_DAYS, requireManager, type AppointedRole, type InvitedRole } from '@domain/onboarding';
import { INVITABLE_ROLES } from '@domain/roles';
import { ROUTES, routeUrl } from '@domain/routes';
import { randomCode } from '../_shared/bootstrap';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { visible } from '../_shared/staged';
import { ensurePerson } from '../_shared/people';
import type { Invitation } from '../_shared/storage/onboarding-records';
import { liveCommunity } from './communities';

const DAY_MS = 86_400_000;
/** The record's id is derived from the code: a code is found by its hash and never stored. */
const invitationIdFor = (code: string) => `inv_${createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 32)}`;
const memberIdFor = (personId: string, communityId: string) => `staff_${personId}_${communityId}`;

function invitationView(inv: Invitation, now: number, code?: string): InvitationView {
  const status = inv.usedBy ? 'used' : inv.revokedAt !== undefined ? 'revoked' : now > inv.expiresAt ? 'expired' : 'open';
  return {
    invitationId: inv._id,
    role: inv.role,
    roleLabel: STAFF_ROLE_LABELS[inv.role],
    buildingIds: inv.buildingIds,
    expiresAt: inv.expiresAt,
    status,
    hint: inv.hint,
    ...(code ? { code, link: routeUrl(ROUTES.admin.join, { code }) } : {}),
  };
}

async function checkBuildings(ctx: ActionContext, communityId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await visible(ctx.store, await ctx.store.find('buildings', { _id: { $in: unique }, communityId }));
  if (found.length !== unique.length) throw new AppError('NOT_FOUND', '楼栋不属于本小区');
  return unique;
}

export const createInvitation: Handler<'admin', 'createInvitation'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  if (!canInvite(caller, input.role)) throw new AppError('INVITATION_ROLE_FORBIDDEN');
  await liveCommunity(ctx.store, input.communityId);
  const buildingIds = input.role === 'butler' ? await checkBuildings(ctx, input.communityId, input.buildingIds ?? []) : [];
  const code = randomCode(10);
  const inv = await ctx.store.insert('invitations', {
    _id: invitationIdFor(code),
    communityId: input.communityId,
    role: input.role,
    buildingIds,
    createdBy: caller.personId,
    createdAt: ctx.now,
    expiresAt: ctx.now + (input.validDays ?? INVITATION_DEFAULT_DAYS) * DAY_MS,
    hint: code.slice(-3),
  });
  await ctx.audit({
    type: 'invitation.created',
    communityId: input.communityId,
    subject: { kind: 'invitation', id: inv._id },
    data: { role: input.role, buildingIds, expiresAt: inv.expiresAt },
  });
  return invitationView(inv, ctx.now, code);
};

/**
 * The invitation's scannable code, made on request (read-only: nothing stored, the code is never
 * kept): the inviter holds the code, and only a manager of its community gets the image. The
 * mini-program code opens the join page with the code as its `scene`.
 */
export const invitationQr: Handler<'admin', 'invitationQr'> = async (ctx, input) => {
  const inv = await ctx.store.get('invitations', invitationIdFor(input.code));
  checkInvitation(inv, ctx.now);
  requireManager(requireCaller(ctx), inv!.communityId);
  const link = routeUrl(ROUTES.admin.join, { code: input.code });
  if (!ctx.rt.miniCode) return { kind: 'none', reason: '当前环境无法生成小程序码，请把邀请码发给对方', link };
  const made = await ctx.rt.miniCode({ scene: input.code, page: ROUTES.admin.join.slice(1), link });
  return made.ok ? { kind: made.kind, image: made.dataUrl, link } : { kind: 'none', reason: made.reason, link };
};

export const invitations: Handler<'admin', 'invitations'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  const list = await ctx.store.find('invitations', { communityId: input.communityId }, { sort: [['createdAt', -1]], limit: 50 });
  return list.map((i) => invitationView(i, ctx.now));
};

export const redeemInvitation: Handler<'admin', 'redeemInvitation'> = async (ctx, input) => {
  const inv = await ctx.store.get('invitations', invitationIdFor(input.code));
  checkInvitation(inv, ctx.now);
  const community = await liveCommunity(ctx.store, inv!.communityId);
  const person = await ensurePerson(ctx.store, ctx.openid!, ctx.now);
  // Single use: of two redeemers at once one update lands; the other re-plans, sees it used, and is refused.
  if (!(await ctx.store.update('invitations', inv!._id, inv!.version, { usedBy: person._id, usedAt: ctx.now }))) throw new AppError('INVITATION_USED');
  const redeemed = async () => {
    await ctx.audit({
      type: 'invitation.redeemed',
      communityId: community._id,
      subject: { kind: 'invitation', id: inv!._id },
      data: { role: inv!.role, personId: person._id },
    });
    return { communityId: community._id, role: inv!.role };
  };
  if (inv!.role === 'general_manager') {
    // The company's general manager spans every community: the role is on the person, not a membership.
    await updateWithRetry(ctx.store, 'people', person._id, () => ({
      staffRole: 'general_manager' as const,
      staffRetiredAt: null,
      communityId: community._id,
      name: input.name,
    }));
    return redeemed();
  }
  const role = inv!.role;
  // Staff recorded on the person keep that role where they have it, as a membership, before they move on.
  if (person.staffRole && person.staffRole !== 'general_manager' && person.communityId && person.communityId !== community._id) {
    await membershipOf(ctx, person.communityId, person._id);
  }
  const _id = memberIdFor(person._id, community._id);
  const existing = await ctx.store.get('staffMembers', _id);
  const fields = { role, buildingIds: inv!.buildingIds, active: true, invitationId: inv!._id, since: ctx.now };
  if (existing) await keepRevision(ctx, existing);
  if (existing) await updateWithRetry(ctx.store, 'staffMembers', _id, () => fields);
  else await ctx.store.insert('staffMembers', { _id, communityId: community._id, personId: person._id, ...fields });
  await updateWithRetry(ctx.store, 'people', person._id, () => ({ communityId: community._id, name: input.name }));
  return redeemed();
};

export async function keepRevision(ctx: ActionContext, m: StaffMember): Promise<void> {
  await ctx.store.insertIfAbsent('revisions', {
    _id: `rev_${m._id}_${m.version}`,
    collection: 'staffMembers',
    recordId: m._id,
    communityId: m.communityId,
    versionNo: m.version,
    values: { role: m.role, buildingIds: m.buildingIds, active: m.active },
    replacedAt: ctx.now,
    replacedBy: ctx.caller?.personId ?? null,
  });
}

/** The membership of a person in a community; staff recorded on the person (before memberships) get one now. */
export async function membershipOf(ctx: ActionContext, communityId: string, personId: string): Promise<StaffMember> {
  const _id = memberIdFor(personId, communityId);
  const found = await ctx.store.get('staffMembers', _id);
  if (found) return found;
  const person = await ctx.store.get('people', personId);
  if (!person || person.communityId !== communityId || !person.staffRole || person.staffRole === 'general_manager') throw new AppError('STAFF_NOT_FOUND');
  const record = { _id, communityId, personId, role: person.staffRole, buildingIds: person.buildingIds ?? [], active: true, since: person.createdAt };
  await ctx.store.insert('staffMembers', record);
  return { ...record, version: 1 };
}

/** The company's general managers serve every community; only the company administrator sees (and retires) them here. */
const GM_LIMIT = 20;

export const staff: Handler<'admin', 'staff'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  const [members, legacy, gms] = await Promise.all([
    ctx.store.find('staffMembers', { communityId: input.communityId }),
    ctx.store.find('people', { communityId: input.communityId, staffRole: { $in: [...INVITABLE_ROLES] } }),
    canInvite(caller, 'general_manager') ? ctx.store.find('people', { staffRole: 'general_manager' }, { limit: GM_LIMIT }) : [],
  ]);
  const withMembership = new Set(members.map((m) => m.personId));
  const rows: Array<{ personId: string; role: AppointedRole; buildingIds: string[]; active: boolean }> = [
    ...members,
    ...legacy
      .filter((p) => !withMembership.has(p._id))
      .map((p) => ({ personId: p._id, role: p.staffRole as InvitedRole, buildingIds: p.buildingIds ?? [], active: true })),
    ...gms.map((p) => ({ personId: p._id, role: 'general_manager' as const, buildingIds: [], active: !p.staffRetiredAt })),
  ];
  const people = new Map((await ctx.store.find('people', { _id: { $in: rows.map((r) => r.personId) } })).map((p) => [p._id, p]));
  return rows
    .map((r): StaffView => ({
      personId: r.personId,
      name: people.get(r.personId)?.name ?? '',
      phone: people.get(r.personId)?.phone,
      role: r.role,
      roleLabel: STAFF_ROLE_LABELS[r.role],
      buildingIds: r.buildingIds,
      active: r.active,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
};

export const updateStaff: Handler<'admin', 'updateStaff'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  if (!canInvite(caller, input.role)) throw new AppError('INVITATION_ROLE_FORBIDDEN');
  const m = await membershipOf(ctx, input.communityId, input.personId);
  if (!m.active) throw new AppError('STAFF_NOT_FOUND');
  const buildingIds = input.role === 'butler' ? await checkBuildings(ctx, input.communityId, input.buildingIds) : [];
  await keepRevision(ctx, m);
  const updated = await updateWithRetry(ctx.store, 'staffMembers', m._id, () => ({ role: input.role, buildingIds }));
  await ctx.audit({
    type: 'staff.changed',
    communityId: input.communityId,
    subject: { kind: 'staffMember', id: m._id },
    data: { before: { role: m.role, buildingIds: m.buildingIds }, after: { role: input.role, buildingIds } },
  });
  const person = await ctx.store.get('people', m.personId);
  return {
    personId: m.personId,
    name: person?.name ?? '',
    phone: person?.phone,
    role: updated.role,
    roleLabel: STAFF_ROLE_LABELS[updated.role],
    buildingIds,
    active: true,
  };
};
