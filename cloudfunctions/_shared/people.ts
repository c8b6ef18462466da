import { createHash } from 'crypto';
import type { EpochMs, Id, Person } from '@domain/model';
import type { Storage } from './storage/port';

/** A first visit's person id is a function of the identity, so ten first visits at once make one person. */
export const personIdFor = (openid: string): Id => `person_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;

/** The person of a platform identity, recorded as a visitor on the first visit. */
export async function ensurePerson(store: Storage, openid: string, now: EpochMs): Promise<Person> {
  const [found] = await store.find('people', { openid }, { limit: 1 });
  if (found) return found;
  const _id = personIdFor(openid);
  await store.insertIfAbsent('people', { _id, openid, name: '微信用户', communityId: null, createdAt: now });
  return (await store.get('people', _id))!;
}

/** Who answers for a community when no one is assigned, and who receives its escalations. */
export async function headsOf(store: Storage, communityIds: Id | Id[]): Promise<Person[]> {
  const ids = Array.isArray(communityIds) ? communityIds : [communityIds];
  if (ids.length === 0) return [];
  // Heads recorded on the person (the demo, older data) unless a membership there says otherwise,
  // and heads who joined by invitation.
  const [legacy, members] = await Promise.all([
    store.find('people', { communityId: { $in: ids }, staffRole: 'head' }, { sort: [['_id', 1]] }),
    store.find('staffMembers', { communityId: { $in: ids }, active: true }),
  ]);
  const overridden = new Set((await store.find('staffMembers', { personId: { $in: legacy.map((p) => p._id) } })).map((m) => `${m.personId}|${m.communityId}`));
  const heads = legacy.filter((p) => !overridden.has(`${p._id}|${p.communityId}`));
  const invited = members.filter((m) => m.role === 'head').map((m) => m.personId);
  const more = invited.length ? await store.find('people', { _id: { $in: invited } }) : [];
  const seen = new Set(heads.map((p) => p._id));
  return [...heads, ...more.filter((p) => !seen.has(p._id))].sort((a, b) => a._id.localeCompare(b._id));
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

/** `headsOf` by community, read once per community for the length of a sweep. */
export function headIdsByCommunity(store: Storage): (communityId: Id) => Promise<string[]> {
  const cache = new Map<Id, Promise<string[]>>();
  return (communityId) => {
    if (!cache.has(communityId))
      cache.set(
        communityId,
        headsOf(store, communityId).then((ps) => ps.map((p) => p._id)),
      );
    return cache.get(communityId)!;
  };
}
