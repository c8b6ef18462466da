import type { TodoItem } from '@domain/api/session';
import type { Caller } from '@domain/roles';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';

export async function inboxTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const unread = await ctx.store.count('inbox', { personId: caller.personId, readAt: { $exists: false } });
  return unread === 0 ? [] : [{ key: 'inbox-unread', kind: 'inbox', title: '未读消息', detail: `${unread} 条新消息`, count: unread, link: ROUTES.messages }];
}
