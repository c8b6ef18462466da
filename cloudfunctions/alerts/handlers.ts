import type { InboxItemView } from '@domain/api/alerts';
import { AppError } from '@domain/errors';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { pageOf } from '../_shared/paging';
import { runSweeps } from './sweeps';

const unreadCount = (ctx: ActionContext, personId: string): Promise<number> => ctx.store.count('inbox', { personId, readAt: { $exists: false } });

export const inbox: Handler<'alerts', 'inbox'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const [page, unread] = await Promise.all([
    pageOf(ctx.store, 'inbox', { personId: caller.personId }, [['createdAt', -1]], input),
    unreadCount(ctx, caller.personId),
  ]);
  const items = page.items.map((i): InboxItemView => ({
    inboxId: i._id,
    title: i.title,
    body: i.body,
    link: i.link,
    createdAt: i.createdAt,
    readAt: i.readAt,
  }));
  return { items, next: page.next, unread };
};

export const markRead: Handler<'alerts', 'markRead'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const item = await ctx.store.get('inbox', input.inboxId);
  if (!item || item.personId !== caller.personId) throw new AppError('NOT_FOUND');
  if (!item.readAt) await updateWithRetry(ctx.store, 'inbox', item._id, (cur) => ({ readAt: cur.readAt ?? ctx.now }));
  return { unread: await unreadCount(ctx, caller.personId) };
};

export const consent: Handler<'alerts', 'consent'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  // One accepted request allows exactly one message of that template; keep the count per person.
  const id = `sub:${caller.personId}:${input.templateKey}`;
  const before = await ctx.store.get('subscriptions', id);
  if (!before)
    await ctx.store.insertIfAbsent('subscriptions', { _id: id, personId: caller.personId, templateKey: input.templateKey, remaining: 0, updatedAt: ctx.now });
  // An atomic increment: fifty taps at once are fifty consents, none lost to a compare-and-set race.
  const added = input.accepted ? 1 : 0;
  await ctx.store.increment('subscriptions', id, { remaining: added }, { updatedAt: ctx.now });
  return { remaining: (before?.remaining ?? 0) + added };
};

export const sweep: Handler<'alerts', 'sweep'> = async (ctx) => {
  return runSweeps(ctx.rt, ctx.now);
};

export const alertHandlers: Handlers<'alerts'> = { inbox, markRead, consent, sweep };
