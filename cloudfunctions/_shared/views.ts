import type { MeView, RoomView } from '@domain/api/session';
import type { Person, Room } from '@domain/model';
import { hasRole, homeArea, type Caller } from '@domain/roles';
import type { Runtime } from './runtime';
import { visible } from './staged';
import type { Storage } from './storage/port';

/** Rooms by id with their building names, read in two queries whatever the count. */
export async function roomsById(store: Storage, roomIds: string[]): Promise<Map<string, Room & { buildingName: string }>> {
  const ids = [...new Set(roomIds)];
  if (ids.length === 0) return new Map();
  const rooms = await visible(store, await store.find('rooms', { _id: { $in: ids } }));
  const buildings = await visible(store, await store.find('buildings', { _id: { $in: [...new Set(rooms.map((r) => r.buildingId))] } }));
  const names = new Map(buildings.map((b) => [b._id, b.name]));
  return new Map(rooms.map((r) => [r._id, { ...r, buildingName: names.get(r.buildingId) ?? '' }]));
}

/**
 * The communities a person may act in (the switcher): where they serve as staff, sit on the
 * committee, or hold or claim a room, and the one they act in now. The company administrators: all.
 */
export async function communitiesOf(store: Storage, person: Person, caller: Caller | null): Promise<Array<{ communityId: string; name: string }>> {
  const all = (await store.find('communities', {}, { sort: [['name', 1]] })).filter((c) => c.retiredAt === undefined);
  if (caller && hasRole(caller, 'admin', 'general_manager')) return all.map((c) => ({ communityId: c._id, name: c.name }));
  const [members, seats, bindings] = await Promise.all([
    store.find('staffMembers', { personId: person._id, active: true }),
    store.find('committeeSeats', { personId: person._id }),
    store.find('roomBindings', { personId: person._id, status: { $in: ['requested', 'approved'] } }),
  ]);
  const mine = new Set<string>([...members, ...seats, ...bindings].map((r) => r.communityId));
  if (person.communityId) mine.add(person.communityId);
  return all.filter((c) => mine.has(c._id)).map((c) => ({ communityId: c._id, name: c.name }));
}

export async function meView(rt: Runtime, person: Person, caller: Caller | null): Promise<MeView> {
  const { store } = rt;
  const [community, bindings, communities] = await Promise.all([
    person.communityId ? store.get('communities', person.communityId) : Promise.resolve(null),
    store.find('roomBindings', { personId: person._id, status: { $in: ['requested', 'approved'] } }),
    communitiesOf(store, person, caller),
  ]);
  const rooms = await roomsById(
    store,
    bindings.map((b) => b.roomId),
  );
  const roles = caller?.roles ?? ['visitor'];
  return {
    personId: person._id,
    name: person.name,
    phone: person.phone,
    communityId: person.communityId,
    communityName: community?.name ?? null,
    roles,
    area: homeArea({ roles }),
    staffRole: caller?.roles.find(
      (r): r is NonNullable<Person['staffRole']> => r === 'butler' || r === 'butler_supervisor' || r === 'head' || r === 'general_manager',
    ),
    communities,
    committeePosition: caller?.committeePosition,
    rooms: bindings.map((b): RoomView => ({
      roomId: b.roomId,
      label: rooms.get(b.roomId)?.label ?? '',
      buildingName: rooms.get(b.roomId)?.buildingName ?? '',
      status: b.status,
    })),
    localMode: rt.mode === 'local',
  };
}
