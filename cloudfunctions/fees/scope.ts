import { AppError } from '@domain/errors';
import type { Room } from '@domain/model';
import { CENTRE_ROLES, hasRole, LEAD_ROLES, type Caller } from '@domain/roles';
import type { ActionContext } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { visibleOne } from '../_shared/staged';

/** A butler (not a lead or a manager) works only on the buildings assigned to them. */
export const buildingBound = (caller: Caller): boolean => hasRole(caller, 'butler') && !hasRole(caller, ...LEAD_ROLES, ...CENTRE_ROLES);

/** The butler assigned to the room's building: the one person who sees the owner's phone in full. */
export const isRoomsButler = (caller: Caller, room: Pick<Room, 'buildingId'>): boolean =>
  hasRole(caller, 'butler') && caller.buildingIds.includes(room.buildingId);

/**
 * A room of the caller's community as readers see it: the values in force (an import's staged values
 * only once it commits), and a room an uncommitted import creates is NOT_FOUND.
 */
export async function roomInForce(ctx: Pick<ActionContext, 'store'>, caller: Caller, roomId: string): Promise<Room> {
  const room = await visibleOne(ctx.store, await loadVisible(ctx.store, 'rooms', roomId, caller));
  if (!room) throw new AppError('NOT_FOUND');
  return room;
}

/** A room the caller may work on; another building's room is NOT_FOUND to a building-bound butler. */
export async function staffRoom(ctx: ActionContext, caller: Caller, roomId: string): Promise<Room> {
  const room = await roomInForce(ctx, caller, roomId);
  if (buildingBound(caller) && !caller.buildingIds.includes(room.buildingId)) throw new AppError('NOT_FOUND');
  return room;
}

export function communityOf(caller: Caller, wanted?: string): string {
  const id = wanted ?? caller.communityId;
  if (!id || (caller.communityId !== null && caller.communityId !== id && !hasRole(caller, 'general_manager')))
    throw new AppError('NOT_FOUND', '未找到所在小区');
  return id;
}

/** 139****1234: enough to recognise a number, not to call it. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
