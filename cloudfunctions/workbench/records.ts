import type { EpochMs, Person } from '@domain/model';
import type { ActionContext } from '../_shared/function';
import type { Runtime } from '../_shared/runtime';
import type { Storage } from '../_shared/storage/port';

export type AuditWriter = ActionContext['audit'];

/** The sweep acts without a request, so it writes its audit lines itself (actor: the system). */
export function systemAudit(rt: Runtime, at: EpochMs): AuditWriter {
  return async (e) => {
    await rt.store.insert('audit', {
      _id: rt.newId('audit'),
      type: e.type,
      communityId: e.communityId ?? null,
      actorId: null,
      subject: e.subject,
      data: e.data,
      at,
    });
  };
}

/** The default owner of every unassigned duty. */
export function headsOf(store: Storage, communityIds: string[]): Promise<Person[]> {
  if (communityIds.length === 0) return Promise.resolve([]);
  return store.find('people', { communityId: { $in: communityIds }, staffRole: 'head' }, { sort: [['_id', 1]] });
}

export async function namesOf(store: Storage, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const people = await store.find('people', { _id: { $in: wanted } });
  return new Map(people.map((p) => [p._id, p.name]));
}
