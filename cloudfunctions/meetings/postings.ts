import { AppError } from '@domain/errors';
import { POSTING_STATES, POSTING_TRANSITIONS, step, type Posting } from '@domain/meetings';
import { hasRole } from '@domain/roles';
import { ROUTES, routeUrl } from '@domain/routes';
import { forbiddenMessage } from '@domain/who-may';
import { raiseAlert } from '../_shared/alerts';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { headsOf } from '../_shared/people';
import { archiveMeeting, postingView, refOf, requireCommunity } from './common';

const archivePosting = (ctx: ActionContext, p: Posting, title: string, text: string, payload: Record<string, unknown>) =>
  archiveMeeting(ctx.store, {
    communityId: p.communityId,
    at: ctx.now,
    subject: { kind: 'posting', id: p._id },
    recordId: p._id,
    title,
    text,
    payload,
    kind: 'committee_notice',
  });

export const submitPosting: Handler<'meetings', 'submitPosting'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const content = { title: input.title, body: input.body, attachments: input.attachments };
  let saved: Posting;
  if (input.postingId) {
    const current = await loadVisible(ctx.store, 'postings', input.postingId, caller);
    if (current.submittedBy.personId !== caller.personId) throw new AppError('FORBIDDEN', forbiddenMessage([], [`提交人${current.submittedBy.name}`]));
    saved = await updateWithRetry(ctx.store, 'postings', current._id, (cur) => ({
      ...content,
      status: step(POSTING_TRANSITIONS, POSTING_STATES, cur.status, 'resubmit'),
      submittedAt: ctx.now,
    }));
    await ctx.audit({ type: 'posting.resubmitted', communityId, subject: { kind: 'posting', id: saved._id }, data: { title: input.title } });
  } else {
    saved = await ctx.store.insert('postings', {
      _id: ctx.rt.newId('post'),
      communityId,
      ...content,
      status: 'submitted',
      submittedBy: refOf(caller),
      submittedAt: ctx.now,
    });
    await ctx.audit({ type: 'posting.submitted', communityId, subject: { kind: 'posting', id: saved._id }, data: { title: input.title } });
  }
  await archivePosting(ctx, saved, `业委会公告提交：${input.title}`, `${caller.name}提交：${input.body}`, { ...content, submittedBy: saved.submittedBy });
  for (const head of await headsOf(ctx.store, communityId)) {
    await raiseAlert(ctx.rt, ctx.now, {
      key: `posting-review:${saved._id}:${saved.version}:${head._id}`,
      personId: head._id,
      communityId,
      title: `业委会公告待审核：${input.title}`,
      body: `${caller.name}提交了需张贴的公告《${input.title}》，请审核后张贴或退回。`,
      link: routeUrl(ROUTES.meetings.postings),
      templateKey: 'deadline',
      templateValues: { thing1: input.title, time2: ctx.now, phrase3: '待审核', thing4: '业委会公告' },
    });
  }
  return postingView(saved);
};

export const reviewPosting: Handler<'meetings', 'reviewPosting'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const p = await loadVisible(ctx.store, 'postings', input.postingId, caller);
  const review = { by: refOf(caller), at: ctx.now, event: input.event, reason: input.event === 'return' ? input.reason : undefined };
  // Approval posts at once: the confirmation the head gave showed the owner-facing wording.
  const updated = await updateWithRetry(ctx.store, 'postings', p._id, (cur) => {
    const next = step(POSTING_TRANSITIONS, POSTING_STATES, cur.status, input.event);
    if (input.event === 'return') return { status: next, review };
    return { status: step(POSTING_TRANSITIONS, POSTING_STATES, next, 'post'), review, postedAt: ctx.now, postedBy: refOf(caller) };
  });
  const words = input.event === 'approve' ? '审核通过并张贴' : `退回：${review.reason}`;
  await archivePosting(ctx, updated, `业委会公告审核：${p.title}`, `${caller.name}${words}`, { review, postedAt: updated.postedAt });
  await ctx.audit({
    type: input.event === 'approve' ? 'posting.posted' : 'posting.returned',
    communityId: p.communityId,
    subject: { kind: 'posting', id: p._id },
    data: { ...review },
  });
  await raiseAlert(ctx.rt, ctx.now, {
    key: `posting-reviewed:${p._id}:${updated.version}`,
    personId: p.submittedBy.personId,
    communityId: p.communityId,
    title: `公告${input.event === 'approve' ? '已张贴' : '被退回'}：${p.title}`,
    body: `服务中心${caller.name}${words}。`,
    link: routeUrl(ROUTES.meetings.postings),
    templateKey: 'answered',
    templateValues: { thing1: p.title, phrase2: input.event === 'approve' ? '已张贴' : '已退回', time3: ctx.now },
  });
  return postingView(updated);
};

export const postings: Handler<'meetings', 'postings'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const all = await ctx.store.find('postings', { communityId }, { sort: [['submittedAt', -1]], limit: 200 });
  return all.filter((p) => hasRole(caller, 'head') || p.submittedBy.personId === caller.personId).map(postingView);
};

export const postingHandlers: Pick<Handlers<'meetings'>, 'submitPosting' | 'reviewPosting' | 'postings'> = { submitPosting, reviewPosting, postings };
