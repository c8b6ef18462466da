import type { TodoItem } from '@domain/api/session';
import { COMMUNITY_STAFF_ROLES, hasRole, type Caller } from '@domain/roles';
import { ROUTES } from '@domain/routes';
import type { ActionContext } from '../_shared/function';

export async function bindingTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  if (hasRole(caller, 'visitor')) {
    const requested = await ctx.store.count('roomBindings', { personId: caller.personId, status: 'requested' });
    return [
      requested > 0
        ? { key: 'binding-wait', kind: 'binding', title: '房屋绑定审核中', detail: '工作人员核实后即可查看账单、提问', link: ROUTES.me }
        : { key: 'binding-start', kind: 'binding', title: '绑定您的房屋', detail: '绑定并经核实后可查看账单、提问、接收通知', link: ROUTES.owner.bindRoom },
    ];
  }
  if (!hasRole(caller, ...COMMUNITY_STAFF_ROLES)) return [];
  const pending = await ctx.store.count('roomBindings', { communityId: caller.communityId, status: 'requested' });
  if (pending === 0) return [];
  return [
    { key: 'binding-review', kind: 'binding', title: '房屋绑定待核实', detail: `${pending} 个申请等待核实`, count: pending, link: ROUTES.staff.bindings },
  ];
}
