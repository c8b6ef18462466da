import type { Person } from '@domain/model';
import type { Caller, Role } from '@domain/roles';
import { localDateOf } from '@domain/time';
import type { Storage } from './storage/port';

/** Turns a platform identity into a Caller: the person and the roles the roster gives them today. */
export async function loadCaller(store: Storage, openid: string, now: number): Promise<{ person: Person; caller: Caller } | null> {
  const [person] = await store.find('people', { openid }, { limit: 1 });
  if (!person) return null;
  const today = localDateOf(now);
  const [seats, bindings] = await Promise.all([
    store.find('committeeSeats', { personId: person._id, termStart: { $lte: today }, termEnd: { $gte: today } }),
    store.find('roomBindings', { personId: person._id, status: 'approved' }),
  ]);
  const roles: Role[] = [];
  if (person.staffRole) roles.push(person.staffRole);
  if (seats.length > 0) roles.push('committee');
  if (bindings.length > 0) roles.push('owner');
  if (roles.length === 0) roles.push('visitor');
  return {
    person,
    caller: {
      personId: person._id,
      name: person.name,
      communityId: person.communityId,
      roles,
      committeePosition: seats[0]?.position,
      roomIds: bindings.map((b) => b.roomId),
      buildingIds: person.buildingIds ?? [],
    },
  };
}
