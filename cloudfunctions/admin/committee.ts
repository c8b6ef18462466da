import type { SeatView } from '@domain/api/admin';
import { AppError } from '@domain/errors';
import { POSITION_LABELS, type CommitteeSeat } from '@domain/model';
import { requireManager, rosterAt } from '@domain/onboarding';
import { addCalendarDays, localDateOf } from '@domain/time';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { namesOf } from '../_shared/people';
import { appendArchive } from '../filings/archive';
import { liveCommunity } from './communities';

async function seatViews(ctx: ActionContext, seats: CommitteeSeat[]): Promise<SeatView[]> {
  const names = await namesOf(
    ctx.store,
    seats.map((s) => s.personId),
  );
  return seats.map((s) => ({
    seatId: s._id,
    personId: s.personId,
    name: names.get(s.personId) ?? '',
    position: s.position,
    positionLabel: POSITION_LABELS[s.position],
    termStart: s.termStart,
    termEnd: s.termEnd,
    filingNo: s.filingNo,
  }));
}

/** Every roster change is a link of the community's archive chain: who sat, from when to when. */
async function archiveRoster(ctx: ActionContext, communityId: string, subjectId: string, title: string, seats: SeatView[]): Promise<void> {
  await appendArchive(ctx.store, {
    type: 'committee_roster',
    communityId,
    at: ctx.now,
    subject: { kind: 'election', id: subjectId },
    documentId: subjectId,
    documentKind: 'notification',
    category: 'committee_roster',
    title,
    text: seats.map((s) => `${s.positionLabel} ${s.name} ${s.termStart}至${s.termEnd}`).join('；'),
    payload: {
      seats: seats.map((s) => ({ personId: s.personId, position: s.position, termStart: s.termStart, termEnd: s.termEnd, filingNo: s.filingNo ?? null })),
    },
  });
}

/**
 * A member retired from the committee: the seat ends today and, from this moment, gives no access
 * (`endedAt`, read by the caller loader on their next request); today's roster still shows them.
 */
export async function retireSeat(ctx: ActionContext, seat: CommitteeSeat): Promise<void> {
  const today = localDateOf(ctx.now);
  const ended = await updateWithRetry(ctx.store, 'committeeSeats', seat._id, () => ({
    termEnd: today < seat.termStart ? seat.termStart : today,
    endedAt: ctx.now,
  }));
  await recordSeatEnded(ctx, seat, ended);
}

/** A seat that ended, on the record: the roster archived with the departure, and the audit. */
async function recordSeatEnded(ctx: ActionContext, seat: CommitteeSeat, ended: CommitteeSeat): Promise<SeatView> {
  const [view] = await seatViews(ctx, [ended]);
  await archiveRoster(ctx, seat.communityId, seat._id, `委员离任：${view.name}`, [view]);
  await ctx.audit({
    type: 'committee.seat_ended',
    communityId: seat.communityId,
    subject: { kind: 'election', id: seat.electionId ?? seat._id },
    data: { personId: seat.personId, termEnd: ended.termEnd },
  });
  return view;
}

/**
 * An election result replaces the roster from its first day: seats of the previous committee still
 * running then end the day before (kept, with their dates), and the new seats start.
 */
export const recordElection: Handler<'admin', 'recordElection'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  await liveCommunity(ctx.store, input.communityId);
  const ids = input.members.map((m) => m.personId);
  const owners = await ctx.store.find('roomBindings', { personId: { $in: ids }, communityId: input.communityId, status: 'approved' });
  const ownerIds = new Set(owners.map((b) => b.personId));
  const notOwner = ids.filter((id) => !ownerIds.has(id));
  if (notOwner.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      '委员应为本小区已核实房屋的业主',
      notOwner.map((id) => ({ path: 'members', message: id })),
    );
  const electionId = ctx.rt.newId('elect');
  const dayBefore = addCalendarDays(input.termStart, -1);
  const running = await ctx.store.find('committeeSeats', { communityId: input.communityId, termEnd: { $gte: input.termStart } });
  for (const s of running) {
    const end = s.termStart > dayBefore ? s.termStart : dayBefore;
    await updateWithRetry(ctx.store, 'committeeSeats', s._id, () => ({ termEnd: end }));
    await ctx.audit({
      type: 'committee.seat_ended',
      communityId: input.communityId,
      subject: { kind: 'election', id: s.electionId ?? s._id },
      data: { personId: s.personId, termEnd: end },
    });
  }
  const seats: CommitteeSeat[] = [];
  for (const m of input.members) {
    const seat = await ctx.store.insert('committeeSeats', {
      _id: ctx.rt.newId('seat'),
      communityId: input.communityId,
      personId: m.personId,
      position: m.position,
      termStart: input.termStart,
      termEnd: input.termEnd,
      electionId,
      ...(input.filingNo ? { filingNo: input.filingNo } : {}),
    });
    seats.push(seat);
  }
  const views = await seatViews(ctx, rosterAt(seats, input.termStart));
  await archiveRoster(ctx, input.communityId, electionId, `业委会选举结果 ${input.termStart}至${input.termEnd}`, views);
  await ctx.audit({
    type: 'committee.elected',
    communityId: input.communityId,
    subject: { kind: 'election', id: electionId },
    data: { electionId, termStart: input.termStart, termEnd: input.termEnd, filingNo: input.filingNo ?? null, members: seats.length },
  });
  return views;
};

export const endSeat: Handler<'admin', 'endSeat'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const seat = await ctx.store.get('committeeSeats', input.seatId);
  if (!seat) throw new AppError('NOT_FOUND');
  requireManager(caller, seat.communityId);
  if (input.lastDay < seat.termStart || input.lastDay > seat.termEnd) throw new AppError('INVALID_INPUT', '离任日期应在任期之内');
  const ended = await updateWithRetry(ctx.store, 'committeeSeats', seat._id, () => ({ termEnd: input.lastDay }));
  return recordSeatEnded(ctx, seat, ended);
};

/** The roster of any day: what the approval record and the quorum of that day counted. */
export const roster: Handler<'admin', 'roster'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  const day = input.day ?? localDateOf(ctx.now);
  const seats = await ctx.store.find('committeeSeats', { communityId: input.communityId, termStart: { $lte: day }, termEnd: { $gte: day } });
  return { day, seats: await seatViews(ctx, rosterAt(seats, day)) };
};

export const candidates: Handler<'admin', 'candidates'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  const bindings = await ctx.store.find('roomBindings', { communityId: input.communityId, status: 'approved' });
  const rooms = new Map((await ctx.store.find('rooms', { _id: { $in: [...new Set(bindings.map((b) => b.roomId))] } })).map((r) => [r._id, r.label]));
  const names = await namesOf(
    ctx.store,
    bindings.map((b) => b.personId),
  );
  const byPerson = new Map<string, string[]>();
  for (const b of bindings) byPerson.set(b.personId, [...(byPerson.get(b.personId) ?? []), rooms.get(b.roomId) ?? '']);
  return [...byPerson.entries()]
    .map(([personId, labels]) => ({ personId, name: names.get(personId) ?? '', rooms: labels.sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
};
