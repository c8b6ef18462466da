import type { QuarterRow } from '@domain/api/meetings';
import { AppError } from '@domain/errors';
import { quarterStatus } from '@domain/meeting-rules';
import {
  CHANNEL_LABELS,
  MEETING_KIND_LABELS,
  PROPOSAL_STATES,
  PROPOSAL_TRANSITIONS,
  ROUTINE_AGENDA,
  step,
  type Meeting,
  type MeetingProposal,
} from '@domain/meetings';
import { POSITION_LABELS, type Id } from '@domain/model';
import { ROUTES, routeUrl } from '@domain/routes';
import { hasRole } from '@domain/roles';
import { localDateOf, type Quarter } from '@domain/time';
import { raiseAlert } from '../_shared/alerts';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { archiveMeeting, closeObligation, committeeOf, obligationIdFor, proposalView, refOf, requireCommunity, viewsOf } from './common';

const proposalId = (communityId: Id, period: string): Id => `mp_${communityId}_${period}`;
const parsePeriod = (period: string): { year: number; quarter: Quarter } => ({ year: Number(period.slice(0, 4)), quarter: Number(period.slice(6)) as Quarter });

async function quarterRow(ctx: ActionContext, communityId: Id, period: string): Promise<QuarterRow> {
  const [proposal, meetings, communications] = await Promise.all([
    ctx.store.get('meetingProposals', proposalId(communityId, period)),
    ctx.store.find('meetings', { communityId, period, kind: 'routine' }),
    ctx.store.find('communications', { communityId, period }, { sort: [['on', 1]] }),
  ]);
  const { year, quarter } = parsePeriod(period);
  const held = meetings.filter((m) => m.status !== 'scheduled').map((m) => m.day);
  const status = quarterStatus({
    year,
    quarter,
    today: localDateOf(ctx.now),
    proposal: proposal ? { proposedOn: localDateOf(proposal.proposedAt), status: proposal.status } : undefined,
    meetingsHeld: held,
    communications: communications.map((c) => c.on),
  });
  return {
    period,
    quarter: status,
    proposal: proposal ? proposalView(proposal) : undefined,
    meetings: await viewsOf(ctx.store, meetings),
    communications: communications.map(({ version: _v, ops: _o, ...c }) => ({ ...c, channelLabel: CHANNEL_LABELS[c.channel] })),
  };
}

export const quarters: Handler<'meetings', 'quarters'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const [rows, { roster }] = await Promise.all([
    Promise.all([1, 2, 3, 4].map((q) => quarterRow(ctx, communityId, `${input.year}-Q${q}`))),
    committeeOf(ctx, communityId),
  ]);
  return {
    rows,
    canPropose: hasRole(caller, 'head'),
    roster: roster.map((m) => ({ personId: m.personId, name: m.name, position: POSITION_LABELS[m.position] })),
  };
};

export const propose: Handler<'meetings', 'propose'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const { chair } = await committeeOf(ctx, communityId);
  if (!chair) throw new AppError('NO_COMMITTEE_MEMBERS', '业委会暂无主任，无法提议');
  const proposal: Omit<MeetingProposal, 'version'> = {
    _id: proposalId(communityId, input.period),
    communityId,
    period: input.period,
    status: 'proposed',
    agenda: input.agenda?.length ? input.agenda : [...ROUTINE_AGENDA],
    note: input.note || undefined,
    proposedBy: refOf(caller),
    proposedAt: ctx.now,
    chair: { personId: chair.personId, name: chair.name },
    addresseeId: chair.personId,
  };
  if (!(await ctx.store.insertIfAbsent('meetingProposals', proposal))) throw new AppError('DUPLICATE', '本季度已提议过例行会议');
  await archiveMeeting(ctx.store, {
    communityId,
    at: ctx.now,
    subject: { kind: 'proposal', id: proposal._id },
    recordId: proposal._id,
    title: `提议召开${input.period}${MEETING_KIND_LABELS.routine}`,
    text: `${caller.name}向主任${chair.name}提议；议程：${proposal.agenda.join('；')}`,
    payload: { ...proposal },
  });
  await ctx.audit({
    type: 'proposal.made',
    communityId,
    subject: { kind: 'proposal', id: proposal._id },
    data: { period: input.period, chairId: chair.personId },
  });
  await closeObligation(ctx, obligationIdFor(communityId, 'meeting', input.period), caller.personId, '已在会议页面向主任提议');
  await alertProposal(ctx, proposal, chair.personId);
  return proposalView({ ...proposal, version: 1 });
};

function alertProposal(ctx: ActionContext, p: Omit<MeetingProposal, 'version'>, personId: Id): Promise<boolean> {
  return raiseAlert(ctx.rt, ctx.now, {
    key: `meeting-proposal:${p._id}:${personId}`,
    personId,
    communityId: p.communityId,
    title: `会议提议待答复：${p.period}例行会议`,
    body: `服务中心${p.proposedBy.name}提议召开${p.period}${MEETING_KIND_LABELS.routine}，请答复同意召开、委托召集或认为无需召开。`,
    link: routeUrl(ROUTES.meetings.proposal, { id: p._id }),
    templateKey: 'deadline',
    templateValues: { thing1: `${p.period}例行会议`, time2: ctx.now, phrase3: '待答复', thing4: '服务中心提议开会' },
  });
}

export const replyProposal: Handler<'meetings', 'replyProposal'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const current = await loadVisible(ctx.store, 'meetingProposals', input.proposalId, caller);
  if (current.addresseeId !== caller.personId) throw new AppError('NOT_PROPOSAL_ADDRESSEE');
  const next = step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, current.status, input.event);
  const by = refOf(caller);
  let delegate: { personId: Id; name: string } | undefined;
  if (input.event === 'delegate') {
    const { roster } = await committeeOf(ctx, current.communityId);
    const member = roster.find((m) => m.personId === input.delegateId && m.personId !== caller.personId);
    if (!member) throw new AppError('INVALID_INPUT', '请选择在任的副主任或委员');
    delegate = { personId: member.personId, name: member.name };
  }
  const meetingId = input.event === 'accept' ? `mtg_${current._id}` : undefined;
  const reply = {
    by,
    at: ctx.now,
    event: input.event,
    day: input.event === 'accept' ? input.day : undefined,
    time: input.event === 'accept' ? input.time : undefined,
    place: input.event === 'accept' ? input.place : undefined,
    reason: input.event === 'decline' ? input.reason : undefined,
  };
  const updated = await updateWithRetry(ctx.store, 'meetingProposals', current._id, (cur) => {
    if (cur.status !== current.status) throw new AppError('PROPOSAL_NOT_OPEN');
    return { status: next, reply, ...(delegate ? { delegate, addresseeId: delegate.personId } : {}), ...(meetingId ? { meetingId } : {}) };
  });
  if (input.event === 'accept') {
    const meeting: Omit<Meeting, 'version'> = {
      _id: meetingId!,
      communityId: current.communityId,
      kind: 'routine',
      title: `${current.period}${MEETING_KIND_LABELS.routine}`,
      period: current.period,
      proposalId: current._id,
      status: 'scheduled',
      day: input.day,
      time: input.time,
      place: input.place,
      agenda: current.agenda,
      motions: [],
      convener: by,
      createdBy: by,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.store.insert('meetings', meeting);
  }
  const words = {
    accept: `同意召开：${reply.day}${reply.time ? ` ${reply.time}` : ''} ${reply.place}`,
    delegate: `委托${delegate?.name ?? ''}召集`,
    decline: `认为无需召开：${reply.reason}`,
  };
  await archiveMeeting(ctx.store, {
    communityId: current.communityId,
    at: ctx.now,
    subject: { kind: 'proposal', id: current._id },
    recordId: current._id,
    title: `${current.period}例行会议提议的答复`,
    text: `${caller.name}${words[input.event]}`,
    payload: { reply, delegate, meetingId, status: next },
  });
  const type = ({ accept: 'proposal.accepted', delegate: 'proposal.delegated', decline: 'proposal.declined' } as const)[input.event];
  await ctx.audit({ type, communityId: current.communityId, subject: { kind: 'proposal', id: current._id }, data: { ...reply } });
  if (delegate) await alertProposal(ctx, updated, delegate.personId);
  await raiseAlert(ctx.rt, ctx.now, {
    key: `meeting-proposal-reply:${current._id}:${input.event}:${caller.personId}`,
    personId: current.proposedBy.personId,
    communityId: current.communityId,
    title: `会议提议已答复：${current.period}`,
    body: `${caller.name}${words[input.event]}。`,
    link: routeUrl(ROUTES.meetings.quarters),
    templateKey: 'answered',
    templateValues: { thing1: `${current.period}例行会议`, phrase2: '已答复', time3: ctx.now },
  });
  return proposalView(updated);
};

export const recordCommunication: Handler<'meetings', 'recordCommunication'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const { roster } = await committeeOf(ctx, communityId);
  const participants = roster.filter((m) => input.participantIds.includes(m.personId));
  if (participants.length !== new Set(input.participantIds).size) throw new AppError('INVALID_INPUT', '参与人须为在任委员');
  if (!participants.some((m) => m.position === 'chair' || m.position === 'vice_chair')) throw new AppError('COMMUNICATION_NEEDS_LEADERS');
  const id = ctx.rt.newId('com');
  const record = {
    _id: id,
    communityId,
    period: input.period,
    on: input.on,
    channel: input.channel,
    participants: participants.map((m) => ({ personId: m.personId, name: m.name })),
    summary: input.summary,
    recordedBy: refOf(caller),
    recordedAt: ctx.now,
  };
  await ctx.store.insert('communications', record);
  await archiveMeeting(ctx.store, {
    communityId,
    at: ctx.now,
    subject: { kind: 'communication', id },
    recordId: id,
    title: `${input.period}与业委会的沟通（${CHANNEL_LABELS[input.channel]}）`,
    text: `${input.on} ${record.participants.map((p) => p.name).join('、')}：${input.summary}`,
    payload: { ...record },
  });
  await ctx.audit({ type: 'communication.recorded', communityId, subject: { kind: 'communication', id }, data: { period: input.period, on: input.on } });
  return quarterRow(ctx, communityId, input.period);
};

export const proposalHandlers: Pick<Handlers<'meetings'>, 'quarters' | 'propose' | 'replyProposal' | 'recordCommunication'> = {
  quarters,
  propose,
  replyProposal,
  recordCommunication,
};
