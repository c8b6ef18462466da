import { whoMayHandle } from '@domain/inquiry';
import { forbiddenMessage } from '@domain/who-may';

describe('a refusal names who may act', () => {
  it('names people before roles, once each', () => {
    expect(forbiddenMessage(['head', 'head'], ['被指派的工作人员'])).toBe('您没有权限执行此操作，可由被指派的工作人员、服务中心负责人办理');
    expect(forbiddenMessage([], ['提交人王伟'])).toBe('您没有权限执行此操作，可由提交人王伟办理');
  });

  it('an escalated inquiry is the general manager’s; an assigned one the assignee’s and the leads’; else the community staff’s', () => {
    const butler = { roles: ['butler' as const] };
    const gm = { roles: ['general_manager' as const] };
    expect(whoMayHandle(butler, { escalatedAt: 1, assigneeId: 'p1' })).toBe('您没有权限执行此操作，可由总经理办理');
    expect(whoMayHandle(butler, { assigneeId: 'p1' })).toBe('您没有权限执行此操作，可由被指派的工作人员、服务中心负责人、管家主管办理');
    expect(whoMayHandle(gm, { assigneeId: 'p1' })).toBe('您没有权限执行此操作，可由管家、管家主管、服务中心负责人办理');
    expect(whoMayHandle(gm, {})).toBe('您没有权限执行此操作，可由管家、管家主管、服务中心负责人办理');
  });
});
