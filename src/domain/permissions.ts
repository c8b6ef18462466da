import type { Access } from './api/contract';
import type { ActionName, FunctionName } from './api';
import { ownValue } from './own';
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
  filings: {
    composers: STAFF,
    setComposers: ['head'],
    previewDue: STAFF,
    saveDraft: STAFF,
    revise: STAFF,
    send: STAFF,
    list: STAFF,
    get: ['committee', ...STAFF],
    myDeliveries: ['committee'],
    open: ['committee'],
    sign: ['committee'],
    object: ['committee'],
    answer: ['committee'],
    reply: STAFF,
    recordRefusal: STAFF,
    record: ['committee', ...STAFF],
    exportRecord: ['committee', ...STAFF],
    decide: CENTRE,
    publishToOwners: ['head'],
    published: ['owner', 'committee', ...STAFF],
    publishedDocument: ['owner', 'committee', ...STAFF],
    archiveSearch: ['committee', ...STAFF],
    verifyArchive: STAFF,
  },
  inquiries: {
    ask: ['owner', 'committee'],
    mine: ['owner', 'committee'],
    committeeList: ['committee'],
    get: 'signedIn',
    followUp: ['owner', 'committee'],
    rate: ['owner', 'committee'],
    reopen: ['owner', 'committee'],
    queue: STAFF,
    assignees: STAFF,
    assign: ['butler', 'butler_supervisor', 'head'],
    classify: STAFF,
    answer: STAFF,
    stats: CENTRE,
  },
  workbench: {
    // The general manager oversees every community's duties but does them through the head.
    list: STAFF,
    generate: ['head'],
    markDone: ['butler', 'butler_supervisor', 'head'],
    assign: ['head'],
    assignees: ['head'],
    calendarMonth: STAFF,
    calendarOverrides: CENTRE,
    setCalendarDay: CENTRE,
    setCalendarYear: CENTRE,
    importCalendar: CENTRE,
    revokeCalendarOverride: CENTRE,
    calendarPreview: CENTRE,
  },
};

export function accessOf(fn: FunctionName, actionName: string): Access | undefined {
  return ownValue(PERMISSIONS[fn] as Record<string, Access>, actionName);
}

export function roleAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'identified' || access === 'signedIn') return true;
  return roles.some((r) => access.includes(r));
}
