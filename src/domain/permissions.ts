import type { Access } from './api/contract';
import type { ActionName, FunctionName } from './api';
import type { Role } from './roles';

const STAFF: readonly Role[] = ['butler', 'butler_supervisor', 'head', 'general_manager'];
const CENTRE: readonly Role[] = ['head', 'general_manager'];

/**
 * The one permission table: who may call each action. Every handler is checked against it before it
 * runs; record-level rules (own delivery, own inquiry, same community) are checked by the domain.
 * The type makes a missing row a compile error.
 */
export const PERMISSIONS: { [F in FunctionName]: { [A in ActionName<F>]: Access } } = {
  session: {
    me: 'identified',
    todos: 'signedIn',
    devPeople: 'public',
    devLogin: 'public',
    updateProfile: 'signedIn',
    listCommunities: 'signedIn',
    listRooms: 'signedIn',
    requestBinding: ['visitor', 'owner', 'committee'],
    pendingBindings: ['butler', 'butler_supervisor', 'head'],
    decideBinding: ['butler', 'butler_supervisor', 'head'],
  },
  fees: {
    myBills: ['owner'],
    arrears: STAFF,
    recordReminder: ['butler', 'butler_supervisor', 'head'],
    reminders: STAFF,
  },
  alerts: {
    inbox: 'signedIn',
    markRead: 'signedIn',
    consent: 'signedIn',
    sweep: CENTRE,
  },
};

export function accessOf(fn: FunctionName, actionName: string): Access | undefined {
  return (PERMISSIONS[fn] as Record<string, Access>)[actionName];
}

export function roleAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'identified' || access === 'signedIn') return true;
  return roles.some((r) => access.includes(r));
}
