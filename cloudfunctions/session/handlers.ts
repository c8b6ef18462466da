import { createHash } from 'crypto';
import type { BindingView } from '@domain/api/session';
import { checkCanRequest, decideBinding } from '@domain/bindings';
import { AppError } from '@domain/errors';
import type { RoomBinding } from '@domain/model';
import { maskPhone } from '@domain/privacy';
import { homeArea, hasRole, ROLE_LABELS } from '@domain/roles';
import { loadCaller } from '../_shared/caller';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { mapPage, pageOf } from '../_shared/paging';
import { meView, roomsById } from '../_shared/views';
import { collectTodos } from './todos';
import { alertBindingDecided } from './binding-alerts';

function requireLocal(ctx: ActionContext): void {
  if (ctx.rt.mode !== 'local') throw new AppError('DEV_LOGIN_DISABLED');
}

async function bindingView(ctx: ActionContext, b: RoomBinding): Promise<BindingView> {
  const [person, rooms] = await Promise.all([ctx.store.get('people', b.personId), roomsById(ctx.store, [b.roomId])]);
  return {
    bindingId: b._id,
    personName: person?.name ?? '',
    phoneMasked: maskPhone(person?.phone),
    roomLabel: rooms.get(b.roomId)?.label ?? '',
    status: b.status,
    requestedAt: b.requestedAt,
  };
}

const personIdFor = (openid: string) => `person_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;

export const me: Handler<'session', 'me'> = async (ctx) => {
  if (ctx.person) return meView(ctx.rt, ctx.person, ctx.caller);
  // First visit from WeChat: record the person as a visitor; a verified room binding makes them an owner.
  // The id is a function of the identity, so ten first visits at once make one person, not one and nine errors.
  const _id = personIdFor(ctx.openid!);
  await ctx.store.insertIfAbsent('people', { _id, openid: ctx.openid!, name: '微信用户', communityId: null, createdAt: ctx.now });
  const person = (await ctx.store.get('people', _id))!;
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
  const caller = requireCaller(ctx);
  const all = await ctx.store.find('communities', {}, { sort: [['name', 1]] });
  // A person already attached to a community only ever binds rooms there.
  return all.filter((c) => caller.communityId === null || c._id === caller.communityId).map((c) => ({ communityId: c._id, name: c.name }));
};

export const listRooms: Handler<'session', 'listRooms'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  if (caller.communityId !== null && caller.communityId !== input.communityId && !hasRole(caller, 'general_manager')) {
    throw new AppError('NOT_FOUND');
  }
  const page = await pageOf(ctx.store, 'rooms', { communityId: input.communityId }, [['label', 1]], input);
  const rooms = await roomsById(
    ctx.store,
    page.items.map((r) => r._id),
  );
  return mapPage(page, (items) => items.map((r) => ({ roomId: r._id, label: r.label, buildingName: rooms.get(r._id)?.buildingName ?? '' })));
};

export const requestBinding: Handler<'session', 'requestBinding'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await ctx.store.get('rooms', input.roomId);
  if (!room || (caller.communityId !== null && room.communityId !== caller.communityId)) throw new AppError('NOT_FOUND', '房屋不存在');
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
  if (person.communityId === null) {
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
};
