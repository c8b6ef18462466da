import type { MyVote, OwnerNotice } from '@domain/api/meetings';
import { AppError } from '@domain/errors';
import { checkSeal } from '@domain/meeting-rules';
import { RESOLUTION_STATES, RESOLUTION_TRANSITIONS, step, VOTE_LABELS, type Resolution } from '@domain/meetings';
import { ROUTES, routeUrl } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { headsOf } from '../_shared/people';
import { archiveMeeting, keeperOf, refOf, requireCommunity, resolutionView } from './common';

const archiveStep = (ctx: ActionContext, r: Resolution, title: string, text: string, payload: Record<string, unknown>) =>
  archiveMeeting(ctx.store, { communityId: r.communityId, at: ctx.now, subject: { kind: 'resolution', id: r._id }, recordId: r._id, title, text, payload });

export const resolutions: Handler<'meetings', 'resolutions'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const list = await ctx.store.find('resolutions', { communityId: requireCommunity(caller) }, { sort: [['createdAt', -1]], limit: 200 });
  return list.map(resolutionView);
};

export const chairSign: Handler<'meetings', 'chairSign'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const r = await loadVisible(ctx.store, 'resolutions', input.resolutionId, caller);
  if (caller.committeePosition !== 'chair') throw new AppError('NOT_THE_CHAIR');
  step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, r.status, 'chairSign');
  const signature = { by: refOf(caller), at: ctx.now };
  const signed = await updateWithRetry(ctx.store, 'resolutions', r._id, (cur) => ({
    status: step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, cur.status, 'chairSign'),
    chairSignature: signature,
  }));
  await archiveStep(ctx, signed, `决议主任签字：${r.title}`, `${caller.name}签字`, { chairSignature: signature });
  await ctx.audit({ type: 'resolution.chair_signed', communityId: r.communityId, subject: { kind: 'resolution', id: r._id }, data: { by: caller.personId } });
  const keeper = await keeperOf(ctx, r.communityId);
  if (keeper) {
    await raiseAlert(ctx.rt, ctx.now, {
      key: `resolution-seal:${r._id}`,
      personId: keeper,
      communityId: r.communityId,
      title: `决议待加盖公章：${r.title}`,
      body: `主任已签署决议《${r.title}》，请加盖业委会公章并上传盖章页照片。`,
      link: routeUrl(ROUTES.meetings.resolutions),
      templateKey: 'deadline',
      templateValues: { thing1: r.title, time2: ctx.now, phrase3: '待盖章', thing4: '会议决议' },
    });
  }
  return resolutionView(signed);
};

export const applySeal: Handler<'meetings', 'applySeal'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const r = await loadVisible(ctx.store, 'resolutions', input.resolutionId, caller);
  const next = step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, r.status, 'seal');
  checkSeal(r, { keeperId: await keeperOf(ctx, r.communityId), actorId: caller.personId, hasPhoto: !!input.photo.fileId });
  const sealUseId = ctx.rt.newId('seal');
  const keeper = refOf(caller);
  const use = {
    _id: sealUseId,
    communityId: r.communityId,
    what: `决议：${r.title}`,
    resolutionId: r._id,
    at: ctx.now,
    keeper,
    authorisedBy: r.chairSignature!.by,
    photo: input.photo,
  };
  await ctx.store.insert('sealUses', use);
  const seal = { keeper, at: ctx.now, photo: input.photo, sealUseId };
  const sealed = await updateWithRetry(ctx.store, 'resolutions', r._id, (cur) => {
    step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, cur.status, 'seal');
    return { status: next, seal };
  });
  await archiveStep(ctx, sealed, `加盖业委会公章：${r.title}`, `${caller.name}用章，授权人${use.authorisedBy.name}`, { sealUse: use });
  await ctx.audit({ type: 'resolution.sealed', communityId: r.communityId, subject: { kind: 'resolution', id: r._id }, data: { sealUseId } });
  if (r.requiresPosting) {
    for (const head of await headsOf(ctx.store, r.communityId)) {
      await raiseAlert(ctx.rt, ctx.now, {
        key: `resolution-publish:${r._id}:${head._id}`,
        personId: head._id,
        communityId: r.communityId,
        title: `决议可公告：${r.title}`,
        body: `决议《${r.title}》已经主任签字并加盖公章，请确认后向业主公告。`,
        link: routeUrl(ROUTES.meetings.resolutions),
        templateKey: 'deadline',
        templateValues: { thing1: r.title, time2: ctx.now, phrase3: '待公告', thing4: '会议决议' },
      });
    }
  }
  return resolutionView(sealed);
};

export const sealLog: Handler<'meetings', 'sealLog'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const uses = await ctx.store.find('sealUses', { communityId: requireCommunity(caller) }, { sort: [['at', -1]], limit: 200 });
  return uses.map(({ version: _v, ops: _o, ...u }) => u);
};

export const publishResolution: Handler<'meetings', 'publishResolution'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const r = await loadVisible(ctx.store, 'resolutions', input.resolutionId, caller);
  const next = step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, r.status, 'publish');
  const published = await updateWithRetry(ctx.store, 'resolutions', r._id, (cur) => {
    step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, cur.status, 'publish');
    return { status: next, publishedAt: ctx.now, publishedBy: refOf(caller) };
  });
  await archiveStep(ctx, published, `决议向业主公告：${r.title}`, r.text, { publishedAt: ctx.now, publishedBy: refOf(caller) });
  await ctx.audit({ type: 'resolution.published', communityId: r.communityId, subject: { kind: 'resolution', id: r._id }, data: { title: r.title } });
  return resolutionView(published);
};

export const myVotes: Handler<'meetings', 'myVotes'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const meetings = await ctx.store.find('meetings', { communityId: requireCommunity(caller) }, { sort: [['day', -1]], limit: 100 });
  const out: MyVote[] = [];
  for (const m of meetings) {
    for (const motion of m.motions) {
      const v = motion.votes.find((x) => x.memberId === caller.personId);
      if (v)
        out.push({
          meetingId: m._id,
          meetingTitle: m.title,
          day: m.day,
          motionId: motion.motionId,
          motionTitle: motion.title,
          choice: VOTE_LABELS[v.choice],
          passed: motion.tally?.passed,
        });
    }
  }
  return out;
};

export const ownerNotices: Handler<'meetings', 'ownerNotices'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const communityId = requireCommunity(caller);
  const [res, posts] = await Promise.all([
    ctx.store.find('resolutions', { communityId, status: 'published' }, { sort: [['publishedAt', -1]], limit: 100 }),
    ctx.store.find('postings', { communityId, status: 'posted' }, { sort: [['postedAt', -1]], limit: 100 }),
  ]);
  // Owners read the wording only: no votes by name, no photos of the record book.
  const items: OwnerNotice[] = [
    ...res.map((r) => ({
      kind: 'resolution' as const,
      id: r._id,
      title: r.title,
      text: r.text,
      at: r.publishedAt!,
      signedBy: r.chairSignature?.by.name,
      sealed: !!r.seal,
    })),
    ...posts.map((p) => ({ kind: 'posting' as const, id: p._id, title: p.title, text: p.body, at: p.postedAt! })),
  ];
  return items.sort((a, b) => b.at - a.at);
};

export const resolutionHandlers: Pick<
  Handlers<'meetings'>,
  'resolutions' | 'chairSign' | 'applySeal' | 'sealLog' | 'publishResolution' | 'myVotes' | 'ownerNotices'
> = { resolutions, chairSign, applySeal, sealLog, publishResolution, myVotes, ownerNotices };
