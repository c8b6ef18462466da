import type { MeView, RoomView } from '@domain/api/session';
import type { Person, Room } from '@domain/model';
import { homeArea, type Caller } from '@domain/roles';
import type { Runtime } from './runtime';
import type { Storage } from './storage/port';

/** Rooms by id with their building names, read in two queries whatever the count. */
export async function roomsById(store: Storage, roomIds: string[]): Promise<Map<string, Room & { buildingName: string }>> {
  const ids = [...new Set(roomIds)];
  if (ids.length === 0) return new Map();
  const rooms = await store.find('rooms', { _id: { $in: ids } });
  const buildings = await store.find('buildings', { _id: { $in: [...new Set(rooms.map((r) => r.buildingId))] } });
  const names = new Map(buildings.map((b) => [b._id, b.name]));
  return new Map(rooms.map((r) => [r._id, { ...r, buildingName: names.get(r.buildingId) ?? '' }]));
}

export async function meView(rt: Runtime, person: Person, caller: Caller | null): Promise<MeView> {
  const { store } = rt;
  const [community, bindings] = await Promise.all([
    person.communityId ? store.get('communities', person.communityId) : Promise.resolve(null),
    store.find('roomBindings', { personId: person._id, status: { $in: ['requested', 'approved'] } }),
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
    staffRole: person.staffRole,
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
