import type { BindingView } from '@domain/api/session';
import { checkCanRequest, decideBinding, registerMismatch } from '@domain/bindings';
import { AppError } from '@domain/errors';
import type { RoomBinding } from '@domain/model';
import { maskPhone } from '@domain/privacy';
import { homeArea, isStaff, ROLE_LABELS } from '@domain/roles';
import { loadCaller } from '../_shared/caller';
import { ensurePerson } from '../_shared/people';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { mapPage, pageOf } from '../_shared/paging';
import { visible, visibleOne } from '../_shared/staged';
import { communitiesOf, meView, roomsById } from '../_shared/views';
import { collectTodos } from './todos';
import { alertBindingDecided } from './binding-alerts';

function requireLocal(ctx: ActionContext): void {
  if (ctx.rt.mode !== 'local') throw new AppError('DEV_LOGIN_DISABLED');
}

async function bindingView(ctx: ActionContext, b: RoomBinding): Promise<BindingView> {
  const [person, rooms] = await Promise.all([ctx.store.get('people', b.personId), roomsById(ctx.store, [b.roomId])]);
  const room = rooms.get(b.roomId);
  // The staff who verify see both in full: that is what verifying takes (pendingBindings is staff-only).
  const verifier = ctx.caller !== null && isStaff(ctx.caller);
  return {
    bindingId: b._id,
    personName: person?.name ?? '',
    phoneMasked: maskPhone(person?.phone),
    roomLabel: room?.label ?? '',
    status: b.status,
    requestedAt: b.requestedAt,
    ...(verifier ? { applicantPhone: person?.phone, registeredName: room?.ownerName, registeredPhone: room?.ownerPhone } : {}),
    mismatch: person && room ? registerMismatch(person, room) : '',
    note: b.note,
  };
}

export const me: Handler<'session', 'me'> = async (ctx) => {
  if (ctx.person) return meView(ctx.rt, ctx.person, ctx.caller);
  // First visit from WeChat: record the person as a visitor; a verified room binding makes them an owner.
  const person = await ensurePerson(ctx.store, ctx.openid!, ctx.now);
  const loaded = await loadCaller(ctx.store, person.openid, ctx.now);
  return meView(ctx.rt, person, loaded?.caller ?? null);
};

export const todos: Handler<'session', 'todos'> = async (ctx) => {
  return collectTodos(ctx, requireCaller(ctx));
};

export const devPeople: Handler<'session', 'devPeople'> = async (ctx) => {
  requireLocal(ctx);
  const people = await ctx.store.find('people', {}, { sort: [['_id', 1]] });
  const out = [];
  for (const p of people) {
    const loaded = await loadCaller(ctx.store, p.openid, ctx.now);
    if (!loaded) continue;
    const { caller } = loaded;
    const main = caller.roles.find((r) => r !== 'owner' && r !== 'visitor') ?? caller.roles[0];
    out.push({ personId: p._id, name: p.name, roleLabel: ROLE_LABELS[main], area: homeArea(caller) });
  }
  return out;
};

export const devLogin: Handler<'session', 'devLogin'> = async (ctx, input) => {
  requireLocal(ctx);
  const person = await ctx.store.get('people', input.personId);
  if (!person) throw new AppError('NOT_FOUND', '没有这位演示人员');
  const loaded = await loadCaller(ctx.store, person.openid, ctx.now);
  return { token: person.openid, me: await meView(ctx.rt, person, loaded?.caller ?? null) };
};

export const updateProfile: Handler<'session', 'updateProfile'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const person = await updateWithRetry(ctx.store, 'people', caller.personId, () => ({ name: input.name, phone: input.phone }));
  await ctx.audit({ type: 'person.profile_updated', subject: { kind: 'person', id: person._id }, data: { name: input.name } });
  return meView(ctx.rt, person, caller);
};

export const listCommunities: Handler<'session', 'listCommunities'> = async (ctx) => {
  requireCaller(ctx);
  // An owner may have rooms in several communities: any community the company serves may be chosen.
  const all = await ctx.store.find('communities', {}, { sort: [['name', 1]] });
  return all.filter((c) => c.retiredAt === undefined).map((c) => ({ communityId: c._id, name: c.name }));
};

export const listRooms: Handler<'session', 'listRooms'> = async (ctx, input) => {
  requireCaller(ctx);
  const community = await ctx.store.get('communities', input.communityId);
  if (!community || community.retiredAt !== undefined) throw new AppError('NOT_FOUND');
  // Retired rooms keep their records but take no new bindings.
  const page = await pageOf(ctx.store, 'rooms', { communityId: input.communityId, retiredAt: { $exists: false } }, [['label', 1]], input);
  // A page may come back short while an import is open: its new rooms are not rooms yet.
  const shown = { ...page, items: await visible(ctx.store, page.items) };
  const rooms = await roomsById(
    ctx.store,
    shown.items.map((r) => r._id),
  );
  return mapPage(shown, (items) => items.map((r) => ({ roomId: r._id, label: r.label, buildingName: rooms.get(r._id)?.buildingName ?? '' })));
};

export const requestBinding: Handler<'session', 'requestBinding'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await visibleOne(ctx.store, await ctx.store.get('rooms', input.roomId));
  if (!room) throw new AppError('NOT_FOUND', '房屋不存在');
  if (room.retiredAt !== undefined) throw new AppError('ROOM_RETIRED');
  const earlier = await ctx.store.find('roomBindings', { personId: caller.personId, roomId: room._id });
  checkCanRequest(earlier);
  // The n-th request for this room has a fixed id: of two requests at once only one is stored.
  const binding = await ctx.store.insert('roomBindings', {
    _id: `binding_${caller.personId}_${room._id}_${earlier.length + 1}`,
    communityId: room.communityId,
    personId: caller.personId,
    roomId: room._id,
    status: 'requested',
    requestedAt: ctx.now,
  });
  let person = ctx.person!;
  // The request's community becomes the one the person acts in (their first, or one they switch to).
  if (person.communityId !== room.communityId) {
    person = await updateWithRetry(ctx.store, 'people', person._id, () => ({ communityId: room.communityId }));
  }
  await ctx.audit({
    type: 'binding.requested',
    communityId: room.communityId,
    subject: { kind: 'roomBinding', id: binding._id },
    data: { roomId: room._id },
  });
  return meView(ctx.rt, person, caller);
};

export const pendingBindings: Handler<'session', 'pendingBindings'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where = { communityId: caller.communityId, status: 'requested' };
  const [page, total] = await Promise.all([
    pageOf(ctx.store, 'roomBindings', where, [['requestedAt', 1]], input),
    input.after ? undefined : ctx.store.count('roomBindings', where),
  ]);
  return { ...(await mapPage(page, (items) => Promise.all(items.map((b) => bindingView(ctx, b))))), ...(total !== undefined ? { total } : {}) };
};

export const decideBindingAction: Handler<'session', 'decideBinding'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  await loadVisible(ctx.store, 'roomBindings', input.bindingId, caller);
  const decided = await updateWithRetry(ctx.store, 'roomBindings', input.bindingId, (b) =>
    decideBinding(b, input.approve ? 'approve' : 'reject', caller.personId, ctx.now, input.note),
  );
  await ctx.audit({
    type: input.approve ? 'binding.approved' : 'binding.rejected',
    communityId: decided.communityId,
    subject: { kind: 'roomBinding', id: decided._id },
    data: { note: input.note ?? null },
  });
  await alertBindingDecided(ctx.rt, ctx.now, decided);
  return bindingView(ctx, decided);
};

export const switchCommunity: Handler<'session', 'switchCommunity'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const person = ctx.person!;
  const allowed = await communitiesOf(ctx.store, person, caller);
  if (!allowed.some((c) => c.communityId === input.communityId)) throw new AppError('NOT_COMMUNITY_MEMBER');
  const updated = await updateWithRetry(ctx.store, 'people', person._id, () => ({ communityId: input.communityId }));
  await ctx.audit({
    type: 'person.community_switched',
    subject: { kind: 'person', id: person._id },
    data: { from: person.communityId, to: input.communityId },
  });
  const loaded = await loadCaller(ctx.store, person.openid, ctx.now);
  // Roles are those of the new community; the buffered read sees the switch already.
  return meView(ctx.rt, updated, loaded?.caller ?? null);
};

export const sessionHandlers: Handlers<'session'> = {
  me,
  todos,
  devPeople,
  devLogin,
  updateProfile,
  listCommunities,
  listRooms,
  requestBinding,
  pendingBindings,
  decideBinding: decideBindingAction,
  switchCommunity,
};
