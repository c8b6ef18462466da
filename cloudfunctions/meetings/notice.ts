import { isLate, specialMeetingNoticeDeadline } from '@domain/deadlines';
import { AppError } from '@domain/errors';
import { meetingNoticeDaysOf, planNotice } from '@domain/meeting-rules';
import type { Meeting } from '@domain/meetings';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { communityOf } from '../filings/community';
import { archiveMeeting, committeeOf, requireCommunity, viewsOf } from './common';
import { sendPaper } from './papers';

const when = (m: Pick<Meeting, 'day' | 'time'>): string => (m.time ? `${m.day} ${m.time}` : m.day);

/** The notice's text: the meeting's facts first, then what the head wrote. */
function noticeBody(meeting: Meeting, body: string): string {
  const motions = meeting.motions.map((m, i) => `${i + 1}. ${m.title}`).join('\n');
  return [`会议时间：${when(meeting)}`, `地点：${meeting.place}`, `议程：${meeting.agenda.join('；')}`, motions ? `表决议题：\n${motions}` : '', body]
    .filter(Boolean)
    .join('\n');
}

async function planFor(ctx: ActionContext, meeting: Meeting, lateReason: string | undefined) {
  const community = await communityOf(ctx.store, meeting.communityId);
  return planNotice({ meetingDay: meeting.day, now: ctx.now, noticeDays: meetingNoticeDaysOf(community), lateReason });
}

export const previewNotice: Handler<'meetings', 'previewNotice'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const noticeDays = meetingNoticeDaysOf(await communityOf(ctx.store, requireCommunity(caller)));
  const deadline = specialMeetingNoticeDeadline(input.day, noticeDays);
  return { deadline, late: isLate(deadline, ctx.now), noticeDays };
};

export const sendNotice: Handler<'meetings', 'sendNotice'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  if (meeting.noticeDocumentId) throw new AppError('DUPLICATE', '会议通知已送达；如需修改请更正通知（新版本重新送达）');
  const plan = await planFor(ctx, meeting, input.lateReason);
  const { roster } = await committeeOf(ctx, meeting.communityId);
  if (roster.length === 0) throw new AppError('NO_COMMITTEE_MEMBERS');
  const doc = await sendPaper(
    ctx,
    caller,
    { meeting, kind: 'meeting_notice', title: `会议通知：${meeting.title}`, body: noticeBody(meeting, input.body), attachments: input.attachments },
    roster,
    { deadline: plan.deadline, late: plan.late, lateReason: plan.lateReason },
  );
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, () => ({ noticeDocumentId: doc._id, updatedAt: ctx.now }));
  await ctx.audit({
    type: 'meeting.notice_sent',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { documentId: doc._id, late: plan.late },
  });
  return (await viewsOf(ctx.store, [updated]))[0]!;
};

/**
 * A correction of a sent notice (a changed day, place, wording or materials) is a new version sent
 * to every member again, signed again; the notice-days rule is checked against the day the corrected
 * notice reaches them, so a late correction needs a reason and is marked late.
 */
export const correctNotice: Handler<'meetings', 'correctNotice'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const meeting = await loadVisible(ctx.store, 'meetings', input.meetingId, caller);
  if (meeting.status !== 'scheduled') throw new AppError('MEETING_NOT_SCHEDULED');
  const old = meeting.noticeDocumentId ? await ctx.store.get('documents', meeting.noticeDocumentId) : null;
  if (!old) throw new AppError('INVALID_INPUT', '会议通知尚未送达，请直接发送通知');
  if (old.supersededBy) throw new AppError('DOCUMENT_SUPERSEDED');
  const changed: Meeting = { ...meeting, day: input.day ?? meeting.day, time: input.time ?? meeting.time, place: input.place ?? meeting.place };
  const plan = await planFor(ctx, changed, input.lateReason);
  const { roster } = await committeeOf(ctx, meeting.communityId);
  if (roster.length === 0) throw new AppError('NO_COMMITTEE_MEMBERS');
  const versionNo = old.versionNo + 1;
  const doc = await sendPaper(
    ctx,
    caller,
    {
      meeting: changed,
      kind: 'meeting_notice',
      title: `会议通知（第${versionNo}版更正）：${meeting.title}`,
      body: noticeBody(changed, input.body),
      attachments: input.attachments,
    },
    roster,
    { seriesId: old.seriesId, versionNo, supersedes: old._id, deadline: plan.deadline, late: plan.late, lateReason: plan.lateReason },
  );
  const updated = await updateWithRetry(ctx.store, 'meetings', meeting._id, () => ({
    noticeDocumentId: doc._id,
    day: changed.day,
    time: changed.time,
    place: changed.place,
    updatedAt: ctx.now,
  }));
  await archiveMeeting(ctx.store, {
    communityId: meeting.communityId,
    at: ctx.now,
    subject: { kind: 'meeting', id: meeting._id },
    recordId: meeting._id,
    title: `${meeting.title} 会议通知更正为第${versionNo}版`,
    text: `第${old.versionNo}版已被更正（保留存档）；会议时间 ${when(changed)}，地点 ${changed.place}${plan.late ? `；逾期送达，原因：${plan.lateReason}` : ''}`,
    payload: { documentId: doc._id, supersedes: old._id, versionNo, day: changed.day, time: changed.time, place: changed.place, late: plan.late },
  });
  await ctx.audit({
    type: 'meeting.notice_corrected',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { documentId: doc._id, supersedes: old._id, versionNo, late: plan.late },
  });
  return (await viewsOf(ctx.store, [updated]))[0]!;
};

export const noticeHandlers: Pick<Handlers<'meetings'>, 'previewNotice' | 'sendNotice' | 'correctNotice'> = { previewNotice, sendNotice, correctNotice };
