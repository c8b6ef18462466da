import type { Id, Person } from '@domain/model';
import type { Storage } from './storage/port';

/** Who answers for a community when no one is assigned, and who receives its escalations. */
export function headsOf(store: Storage, communityIds: Id | Id[]): Promise<Person[]> {
  const ids = Array.isArray(communityIds) ? communityIds : [communityIds];
  if (ids.length === 0) return Promise.resolve([]);
  return store.find('people', { communityId: { $in: ids }, staffRole: 'head' }, { sort: [['_id', 1]] });
}

export function generalManagers(store: Storage): Promise<Person[]> {
  return store.find('people', { staffRole: 'general_manager' }, { sort: [['_id', 1]] });
}

export async function namesOf(store: Storage, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const people = await store.find('people', { _id: { $in: wanted } });
  return new Map(people.map((p) => [p._id, p.name]));
}
