import { canCompose, type ComposerSettings, type RosterMember } from '@domain/documents';
import { AppError } from '@domain/errors';
import type { Community, Id } from '@domain/model';
import { DEFAULT_QUORUM_RULE, type QuorumRule } from '@domain/quorum';
import type { Caller } from '@domain/roles';
import type { Storage } from '../_shared/storage/port';

export type CommunityWithSettings = Community & ComposerSettings;

export async function communityOf(store: Storage, communityId: Id): Promise<CommunityWithSettings> {
  const community = await store.get('communities', communityId);
  if (!community) throw new AppError('NOT_FOUND', '未找到所在小区');
  return community;
}

/** Composing is a record-level right: the table lets staff in, the community's list decides. */
export async function requireComposer(store: Storage, caller: Caller, communityId: Id): Promise<CommunityWithSettings> {
  const community = await communityOf(store, communityId);
  if (!canCompose(caller, community)) throw new AppError('NOT_A_COMPOSER');
  return community;
}

export const quorumRuleOf = (community: Community): QuorumRule => community.quorumRule ?? DEFAULT_QUORUM_RULE;

/** The committee as it stands on `today`: active seats, chair first. */
export async function rosterOn(store: Storage, communityId: Id, today: string): Promise<RosterMember[]> {
  const seats = await store.find('committeeSeats', { communityId, termStart: { $lte: today }, termEnd: { $gte: today } });
  const people = await store.find('people', { _id: { $in: [...new Set(seats.map((s) => s.personId))] } });
  const names = new Map(people.map((p) => [p._id, p.name]));
  const order = { chair: 0, vice_chair: 1, member: 2 } as const;
  const seen = new Set<Id>();
  return seats
    .sort((a, b) => order[a.position] - order[b.position] || a.personId.localeCompare(b.personId))
    .filter((s) => !seen.has(s.personId) && seen.add(s.personId))
    .map((s) => ({ personId: s.personId, name: names.get(s.personId) ?? '', position: s.position }));
}
