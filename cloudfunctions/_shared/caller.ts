import type { Person } from '@domain/model';
import type { Caller, Role } from '@domain/roles';
import { localDateOf } from '@domain/time';
import type { Storage } from './storage/port';

/**
 * Turns a platform identity into a Caller: the person and the roles the records give them today in
 * the community they act in (`person.communityId`, changed by the session's switcher). Staff roles
 * come from the person's `staffMembers` record for that community (an inactive one: none), else from
 * `person.staffRole` (the general manager; staff recorded before memberships existed). Committee
 * seats count from their first to their last day, Shanghai days; rooms are the approved bindings.
 */
export async function loadCaller(store: Storage, openid: string, now: number): Promise<{ person: Person; caller: Caller } | null> {
  const [person] = await store.find('people', { openid }, { limit: 1 });
  if (!person) return null;
  const today = localDateOf(now);
  const here = person.communityId;
  const [seats, bindings, memberships] = await Promise.all([
    store.find('committeeSeats', { personId: person._id, termStart: { $lte: today }, termEnd: { $gte: today } }),
    store.find('roomBindings', { personId: person._id, status: 'approved' }),
    store.find('staffMembers', { personId: person._id }),
  ]);
  const inHere = <T extends { communityId: string }>(list: T[]) => (here === null ? list : list.filter((x) => x.communityId === here));
  const membership = memberships.find((m) => m.communityId === here);
  // A retired role on the person counts no more; the general manager's spans every community.
  const personRole = person.staffRetiredAt ? undefined : person.staffRole;
  const staffRole = personRole === 'general_manager' ? personRole : membership ? (membership.active ? membership.role : undefined) : personRole;
  const mySeats = inHere(seats).filter((s) => s.endedAt === undefined || s.endedAt > now);
  const myBindings = inHere(bindings);
  const roles: Role[] = [];
  if (staffRole) roles.push(staffRole);
  if (person.admin) roles.push('admin');
  if (mySeats.length > 0) roles.push('committee');
  if (myBindings.length > 0) roles.push('owner');
  if (roles.length === 0) roles.push('visitor');
  return {
    person,
    caller: {
      personId: person._id,
      name: person.name,
      communityId: here,
      roles,
      committeePosition: mySeats[0]?.position,
      roomIds: myBindings.map((b) => b.roomId),
      buildingIds: (membership ? membership.buildingIds : person.buildingIds) ?? [],
    },
  };
}
