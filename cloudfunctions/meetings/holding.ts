import type { MeetingView } from '@domain/api/meetings';
import type { RosterMember } from '@domain/documents';
import { AppError } from '@domain/errors';
import { checkReportAttendance, isReportMeeting, presentQuorum, requireResolvable, tallyMotion } from '@domain/meeting-rules';
import { MEETING_KIND_LABELS, MEETING_STATES, MEETING_TRANSITIONS, step, VOTE_LABELS, type Meeting, type Motion, type Resolution } from '@domain/meetings';
import { POSITION_LABELS, type Id } from '@domain/model';
import { ROUTES, routeUrl } from '@domain/routes';
import { localDateOf } from '@domain/time';
import { raiseAlert } from '../_shared/alerts';
import { generalManagers } from '../_shared/people';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { communityOf, quorumRuleOf } from '../filings/community';
import { archiveMeeting, closeObligation, committeeOf, obligationIdFor, refOf, requireCommunity, resolutionView, viewsOf } from './common';
import { papersOf, sendPaper, staffOf } from './papers';

type Caller = ReturnType<typeof requireCaller>;

const view = async (ctx: ActionContext, m: Meeting): Promise<MeetingView> => (await viewsOf(ctx.store, [m]))[0]!;

const motionsFrom = (start: number, list: Array<{ title: string; filingId?: Id; requiresPosting: boolean }>): Motion[] =>
  list.map((m, i) => ({ motionId: `m${start + i + 1}`, title: m.title, filingId: m.filingId, requiresPosting: m.requiresPosting, votes: [] }));

/** A linked filing must be one of this community's sent filings. */
async function checkFilings(ctx: ActionContext, caller: Caller, motions: Motion[]): Promise<void> {
  for (const m of motions.filter((x) => x.filingId)) {
    const doc = await loadVisible(ctx.store, 'documents', m.filingId!, caller);
    if (doc.kind !== 'filing' || doc.status !== 'sent') throw new AppError('INVALID_INPUT', '议题关联的须是已送达的申报');
  }
}

const periodOf = (kind: Meeting['kind'], day: string): string | undefined =>
  kind === 'half_year' ? `${day.slice(0, 4)}-H1` : kind === 'annual' ? day.slice(0, 4) : undefined;

export const schedule: Handler<'meetings', 'schedule'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  if (input.day < localDateOf(ctx.now)) throw new AppError('INVALID_INPUT', '会议日期不能早于今天');
  const motions = motionsFrom(0, input.motions);
  await checkFilings(ctx, caller, motions);
  const id = ctx.rt.newId('mtg');
  const by = refOf(caller);
  const meeting: Omit<Meeting, 'version'> = {
    _id: id,
    communityId,
    kind: input.kind,
    title: input.title,
    period: periodOf(input.kind, input.day),
    status: 'scheduled',
    day: input.day,
    time: input.time,
    place: input.place,
    agenda: input.agenda,
    motions,
    convener: by,
    createdBy: by,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.insert('meetings', meeting);
  await archiveMeeting(ctx.store, {
    communityId,
    at: ctx.now,
    subject: { kind: 'meeting', id },
    recordId: id,
    title: input.title,
    text: `${MEETING_KIND_LABELS[input.kind]} ${input.day}${input.time ? ` ${input.time}` : ''} ${input.place}；议题：${motions.map((m) => m.title).join('；')}`,
    payload: { ...meeting },
  });
  await ctx.audit({ type: 'meeting.scheduled', communityId, subject: { kind: 'meeting', id }, data: { kind: input.kind, day: input.day } });
  return view(ctx, { ...meeting, version: 1 });
};

export const get: Handler<'meetings', 'get'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  const [resolutions, { roster }, staff, papers, community] = await Promise.all([
    ctx.store.find('resolutions', { meetingId: meeting._id }),
    committeeOf(ctx, meeting.communityId),
    staffOf(ctx, meeting.communityId),
    papersOf(ctx, meeting),
    communityOf(ctx.store, meeting.communityId),
  ]);
  return {
    meeting: await view(ctx, meeting),
    resolutions: resolutions.map(resolutionView),
    roster: roster.map((m) => ({ personId: m.personId, name: m.name, position: POSITION_LABELS[m.position] })),
    staff,
    papers,
    quorumRule: quorumRuleOf(community),
  };
};

export const recordAttendance: Handler<'meetings', 'recordAttendance'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  const next = step(MEETING_TRANSITIONS, MEETING_STATES, meeting.status, 'recordHeld');
  const { roster } = await committeeOf(ctx, meeting.communityId);
  const ids = [...new Set(input.memberIds)];
  const present = roster.filter((m) => ids.includes(m.personId));
  if (present.length !== ids.length) throw new AppError('INVALID_INPUT', '出席人须为在任委员（不得委托出席）');
  if (isReportMeeting(meeting.kind)) {
    checkReportAttendance(
      meeting.kind,
      input.staff,
      (await generalManagers(ctx.store)).map((p) => p._id),
    );
  }
  const community = await communityOf(ctx.store, meeting.communityId);
  const added = motionsFrom(meeting.motions.length, input.motions);
  await checkFilings(ctx, caller, added);
  const attendance = {
    memberIds: present.map((m) => m.personId),
    memberNames: present.map((m) => m.name),
    staff: input.staff,
    rosterSize: roster.length,
    recordedBy: refOf(caller),
    recordedAt: ctx.now,
    quorumPresent: presentQuorum(roster.length, present.length, quorumRuleOf(community)),
  };
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, (cur) => {
    step(MEETING_TRANSITIONS, MEETING_STATES, cur.status, 'recordHeld');
    return { status: next, attendance, motions: [...cur.motions, ...added], updatedAt: ctx.now };
  });
  await archiveMeeting(ctx.store, {
    communityId: meeting.communityId,
    at: ctx.now,
    subject: { kind: 'meeting', id: meeting._id },
    recordId: meeting._id,
    title: `${meeting.title} 出席情况`,
    text: `出席委员：${attendance.memberNames.join('、') || '无'}（共${roster.length}名委员）；服务中心：${input.staff.map((s) => `${s.name}（${s.role}）`).join('、') || '无'}${attendance.quorumPresent ? '' : '；未达到法定人数，不能形成决议'}`,
    payload: { attendance, motions: added },
  });
  await ctx.audit({
    type: 'meeting.attendance_recorded',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { present: present.length, rosterSize: roster.length, quorumPresent: attendance.quorumPresent },
  });
  if (isReportMeeting(meeting.kind)) {
    const kind = meeting.kind === 'half_year' ? 'half' : 'annual';
    await closeObligation(ctx, obligationIdFor(meeting.communityId, kind, meeting.period ?? ''), caller.personId, `已召开${meeting.title}`);
  }
  return view(ctx, updated);
};

export const recordVotes: Handler<'meetings', 'recordVotes'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  if (!meeting.attendance) throw new AppError('MEETING_NOT_HELD');
  const motion = meeting.motions.find((m) => m.motionId === input.motionId);
  if (!motion) throw new AppError('NOT_FOUND', '议题不存在');
  const resolutionId = `res_${meeting._id}_${motion.motionId}`;
  if (await ctx.store.get('resolutions', resolutionId)) throw new AppError('RESOLUTION_ALREADY_DONE', '该议题已形成决议，表决不能再修改');
  const community = await communityOf(ctx.store, meeting.communityId);
  const tally = tallyMotion({
    rosterSize: meeting.attendance.rosterSize,
    presentIds: meeting.attendance.memberIds,
    votes: input.votes,
    rule: quorumRuleOf(community),
  });
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, (cur) => ({
    motions: cur.motions.map((m) => (m.motionId === motion.motionId ? { ...m, votes: input.votes, tally } : m)),
    updatedAt: ctx.now,
  }));
  const names = new Map(meeting.attendance.memberIds.map((id, i) => [id, meeting.attendance!.memberNames[i]]));
  await archiveMeeting(ctx.store, {
    communityId: meeting.communityId,
    at: ctx.now,
    subject: { kind: 'meeting', id: meeting._id },
    recordId: meeting._id,
    title: `${meeting.title} 表决：${motion.title}`,
    text: `${input.votes.map((v) => `${names.get(v.memberId)}${VOTE_LABELS[v.choice]}`).join('，')}；${tally.passed ? '通过' : '未通过'}`,
    payload: { motionId: motion.motionId, votes: input.votes, tally },
  });
  await ctx.audit({
    type: 'meeting.votes_recorded',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { motionId: motion.motionId, passed: tally.passed, agree: tally.agree },
  });
  if (tally.passed && meeting.attendance.quorumPresent) {
    requireResolvable(meeting, tally);
    const resolution: Omit<Resolution, 'version'> = {
      _id: resolutionId,
      communityId: meeting.communityId,
      meetingId: meeting._id,
      motionId: motion.motionId,
      title: motion.title,
      text: `${meeting.title}（${meeting.day}）经出席委员表决，同意${tally.agree}票、反对${tally.against}票、弃权${tally.abstain}票，通过：${motion.title}`,
      filingId: motion.filingId,
      requiresPosting: motion.requiresPosting,
      status: 'passed',
      passedOn: meeting.day,
      tally,
      createdAt: ctx.now,
    };
    await ctx.store.insert('resolutions', resolution);
    await archiveMeeting(ctx.store, {
      communityId: meeting.communityId,
      at: ctx.now,
      subject: { kind: 'resolution', id: resolutionId },
      recordId: resolutionId,
      title: `决议：${motion.title}`,
      text: resolution.text,
      payload: { ...resolution },
    });
    const { chair } = await committeeOf(ctx, meeting.communityId);
    if (chair) {
      await raiseAlert(ctx.rt, ctx.now, {
        key: `resolution-sign:${resolutionId}`,
        personId: chair.personId,
        communityId: meeting.communityId,
        title: `决议待主任签字：${motion.title}`,
        body: `${meeting.title}通过的决议《${motion.title}》待您签字。`,
        link: routeUrl(ROUTES.meetings.resolutions),
        templateKey: 'deadline',
        templateValues: { thing1: motion.title, time2: ctx.now, phrase3: '待签字', thing4: '会议决议' },
      });
    }
  }
  return view(ctx, updated);
};

async function minutesTo(ctx: ActionContext, meeting: Meeting): Promise<RosterMember[]> {
  const { roster } = await committeeOf(ctx, meeting.communityId);
  const present = new Set(meeting.attendance?.memberIds ?? []);
  return roster.filter((m) => present.has(m.personId));
}

export const sendMinutes: Handler<'meetings', 'sendMinutes'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  const next = step(MEETING_TRANSITIONS, MEETING_STATES, meeting.status, 'sendMinutes');
  const to = await minutesTo(ctx, meeting);
  const doc = await sendPaper(
    ctx,
    caller,
    { meeting, kind: 'minutes', title: `会议纪要：${meeting.title}`, body: input.text, attachments: input.attachments },
    to,
  );
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, (cur) => {
    step(MEETING_TRANSITIONS, MEETING_STATES, cur.status, 'sendMinutes');
    return { status: next, minutesDocumentId: doc._id, updatedAt: ctx.now };
  });
  await ctx.audit({
    type: 'meeting.minutes_sent',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { documentId: doc._id },
  });
  return view(ctx, updated);
};

export const correctMinutes: Handler<'meetings', 'correctMinutes'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  const next = step(MEETING_TRANSITIONS, MEETING_STATES, meeting.status, 'correctMinutes');
  const old = await ctx.store.get('documents', meeting.minutesDocumentId ?? '');
  if (!old) throw new AppError('MEETING_NOT_HELD');
  if (old.supersededBy) throw new AppError('DOCUMENT_SUPERSEDED');
  const to = await minutesTo(ctx, meeting);
  const doc = await sendPaper(ctx, caller, { meeting, kind: 'minutes', title: old.content.title, body: input.text, attachments: input.attachments }, to, {
    seriesId: old.seriesId,
    versionNo: old.versionNo + 1,
    supersedes: old._id,
  });
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, () => ({ status: next, minutesDocumentId: doc._id, updatedAt: ctx.now }));
  await ctx.audit({
    type: 'meeting.minutes_corrected',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { documentId: doc._id, supersedes: old._id, versionNo: doc.versionNo },
  });
  return view(ctx, updated);
};

export const holdingHandlers: Pick<Handlers<'meetings'>, 'schedule' | 'get' | 'recordAttendance' | 'recordVotes' | 'sendMinutes' | 'correctMinutes'> = {
  schedule,
  get,
  recordAttendance,
  recordVotes,
  sendMinutes,
  correctMinutes,
};
