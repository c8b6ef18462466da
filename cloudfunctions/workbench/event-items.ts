import type { TodoItem } from '@domain/api/session';
import { eventDeadline, type NotificationEvent } from '@domain/notification-events';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { routeUrl, ROUTES } from '@domain/routes';
import { formatLocal } from '@domain/time';
import type { ActionContext } from '../_shared/function';
import type { QueryOf } from '../_shared/storage/port';
import { dueItem, type WorkbenchSource } from './due-item';

/** What `onWorkbenchOf` allows, as a query: the head the community's open events, others the ones they recorded. */
function openQuery(caller: Caller): QueryOf<NotificationEvent> | null {
  if (hasRole(caller, 'general_manager')) return { status: 'open' };
  if (!caller.communityId || !hasRole(caller, ...COMMUNITY_STAFF_ROLES)) return null;
  const q: QueryOf<NotificationEvent> = { communityId: caller.communityId, status: 'open' };
  if (!hasRole(caller, 'head')) q.recordedById = caller.personId;
  return q;
}

/** Open 需通报事项 as workbench items, acted on in the events page (起草通报). */
export const eventSource: WorkbenchSource = async ({ ctx, caller, calendar }) => {
  const query = openQuery(caller);
  if (!query) return [];
  const open = await ctx.store.find('notificationEvents', query, { sort: [['due', 1]], limit: 200 });
  return open.map((e) =>
    dueItem(
      {
        id: `event:${e._id}`,
        source: 'event',
        kind: 'notification_event',
        title: `通报：${e.description}`,
        communityId: e.communityId,
        deadline: eventDeadline(e, calendar),
        link: routeUrl(ROUTES.staff.events, { id: e._id }),
        assigneeId: e.recordedById,
        assigneeName: e.recordedByName,
      },
      ctx.now,
      calendar,
    ),
  );
};

/** Home and 待办: the open events, counted by the store; the first (soonest due) gives the words. */
export async function eventTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const query = openQuery(caller);
  if (!query || hasRole(caller, 'general_manager')) return [];
  const [count, [first]] = await Promise.all([
    ctx.store.count('notificationEvents', query),
    ctx.store.find('notificationEvents', query, { sort: [['due', 1]], limit: 1 }),
  ]);
  if (!count || !first) return [];
  const overdue = first.due < ctx.now;
  return [
    {
      key: 'notification-events',
      kind: 'notification_event',
      title: `待通报事项 ${count} 项`,
      detail: first.description,
      due: first.due,
      dueText: overdue ? `${formatLocal(first.due, 'M月D日')}已到期` : `${formatLocal(first.due, 'M月D日')}前通报`,
      overdue,
      link: ROUTES.staff.events,
    },
  ];
}
