/**
 * A refusal for lack of a role names who may do it, so the person knows whom to ask instead of
 * retrying: "您没有权限执行此操作，可由服务中心负责人、总经理办理". Roles come from the permission row;
 * where the rule is about a person rather than a role (the submitter, the assignee), `people` names them.
 */
import { ERROR_MESSAGES } from './errors';
import { ROLE_LABELS, type Role } from './roles';

export function forbiddenMessage(roles: readonly Role[], people: readonly string[] = []): string {
  const names = [...new Set([...people, ...roles.map((r) => ROLE_LABELS[r])])];
  if (names.length === 0) return ERROR_MESSAGES.FORBIDDEN;
  return `${ERROR_MESSAGES.FORBIDDEN}，可由${names.join('、')}办理`;
}
