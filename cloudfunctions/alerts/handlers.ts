import type { InboxItemView } from '@domain/api/alerts';
import type { InboxItem } from '@domain/model';
import { AppError } from '@domain/errors';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { runSweeps } from './sweeps';

const unreadCount = (ctx: ActionContext, personId: string): Promise<number> => ctx.store.count('inbox', { personId, readAt: { $exists: false } });

const NEWEST_FIRST: Array<['createdAt', -1]> = [['createdAt', -1]];
const view = (i: InboxItem): InboxItemView => ({ inboxId: i._id, title: i.title, body: i.body, link: i.link, createdAt: i.createdAt, readAt: i.readAt });

/**
 * Unread first: the list walks the unread messages, then the read ones, each newest first. The
 * cursor says which of the two it is in (`u:` / `r:` + the store's cursor), so a page may end one
 * walk and begin the other.
 */
export const inbox: Handler<'alerts', 'inbox'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const limit = input.limit ?? 20;
  const after = input.after ?? 'u:';
  if (!/^[ur]:/.test(after)) throw new AppError('INVALID_INPUT');
  const items: InboxItem[] = [];
  let next: string | null = null;
  if (after.startsWith('u:')) {
    const page = await ctx.store.page(
      'inbox',
      { personId: caller.personId, readAt: { $exists: false } },
      { sort: NEWEST_FIRST, limit, after: after.slice(2) || undefined },
    );
    items.push(...page.items);
    next = page.next ? `u:${page.next}` : 'r:';
  }
  const readAfter = next === 'r:' ? '' : after.startsWith('r:') ? after.slice(2) : null;
  if (readAfter !== null && items.length < limit) {
    const page = await ctx.store.page(
      'inbox',
      { personId: caller.personId, readAt: { $exists: true } },
      { sort: NEWEST_FIRST, limit: limit - items.length, after: readAfter || undefined },
    );
    items.push(...page.items);
    next = page.next ? `r:${page.next}` : null;
  }
  return { items: items.map(view), next, unread: await unreadCount(ctx, caller.personId) };
};

export const markRead: Handler<'alerts', 'markRead'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const item = await ctx.store.get('inbox', input.inboxId);
  if (!item || item.personId !== caller.personId) throw new AppError('NOT_FOUND');
  // Counted before the write: the operation applies its writes after the handler returns.
  const unread = await unreadCount(ctx, caller.personId);
  if (item.readAt) return { unread };
  await updateWithRetry(ctx.store, 'inbox', item._id, (cur) => ({ readAt: cur.readAt ?? ctx.now }));
  return { unread: Math.max(0, unread - 1) };
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
