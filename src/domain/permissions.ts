import type { Access } from './api/contract';
import type { ActionName, FunctionName } from './api';
import { ownValue } from './own';
import { CENTRE_ROLES, COMMUNITY_STAFF_ROLES, LEAD_ROLES, OWNER_SIDE_ROLES, RESIDENT_ROLES, STAFF_ROLES, type Role } from './roles';

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
    requestBinding: RESIDENT_ROLES,
    pendingBindings: COMMUNITY_STAFF_ROLES,
    decideBinding: COMMUNITY_STAFF_ROLES,
  },
  fees: {
    myBills: ['owner'],
    myPayments: ['owner'],
    reportPaid: ['owner'],
    schedule: STAFF_ROLES,
    setSchedule: ['head'],
    generateBills: LEAD_ROLES,
    arrears: STAFF_ROLES,
    roomFees: STAFF_ROLES,
    roomReminders: STAFF_ROLES,
    recordReminder: COMMUNITY_STAFF_ROLES,
    reminderBatch: COMMUNITY_STAFF_ROLES,
    addProof: COMMUNITY_STAFF_ROLES,
    recordPayment: COMMUNITY_STAFF_ROLES,
    paymentReports: COMMUNITY_STAFF_ROLES,
    decideReport: COMMUNITY_STAFF_ROLES,
    // The head and the room's own butler (checked per building by the handler).
    unreachable: ['head', 'butler'],
    updateContact: ['head', 'butler'],
    // Escalation and the figures are the managers': never a butler's call.
    decideEscalation: CENTRE_ROLES,
    dashboard: CENTRE_ROLES,
    reminderSlips: COMMUNITY_STAFF_ROLES,
  },
  alerts: {
    inbox: 'signedIn',
    markRead: 'signedIn',
    consent: 'signedIn',
    sweep: CENTRE_ROLES,
  },
  filings: {
    composers: STAFF_ROLES,
    setComposers: ['head'],
    previewDue: STAFF_ROLES,
    saveDraft: STAFF_ROLES,
    revise: STAFF_ROLES,
    send: STAFF_ROLES,
    list: STAFF_ROLES,
    get: ['committee', ...STAFF_ROLES],
    myDeliveries: ['committee'],
    open: ['committee'],
    sign: ['committee'],
    object: ['committee'],
    answer: ['committee'],
    reply: STAFF_ROLES,
    recordRefusal: STAFF_ROLES,
    record: ['committee', ...STAFF_ROLES],
    exportRecord: ['committee', ...STAFF_ROLES],
    decide: CENTRE_ROLES,
    publishToOwners: ['head'],
    published: [...OWNER_SIDE_ROLES, ...STAFF_ROLES],
    publishedDocument: [...OWNER_SIDE_ROLES, ...STAFF_ROLES],
    archiveSearch: ['committee', ...STAFF_ROLES],
    // Members verify too: the check is worth most in the hands of the people holding the anchors.
    verifyArchive: ['committee', ...STAFF_ROLES],
    archiveAnchors: ['committee', ...STAFF_ROLES],
  },
  inquiries: {
    ask: OWNER_SIDE_ROLES,
    mine: OWNER_SIDE_ROLES,
    committeeList: ['committee'],
    get: 'signedIn',
    followUp: OWNER_SIDE_ROLES,
    rate: OWNER_SIDE_ROLES,
    reopen: OWNER_SIDE_ROLES,
    queue: STAFF_ROLES,
    assignees: STAFF_ROLES,
    assign: COMMUNITY_STAFF_ROLES,
    classify: STAFF_ROLES,
    answer: STAFF_ROLES,
    stats: CENTRE_ROLES,
  },
  workbench: {
    // The general manager oversees every community's duties but does them through the head.
    list: STAFF_ROLES,
    generate: ['head'],
    markDone: COMMUNITY_STAFF_ROLES,
    assign: ['head'],
    assignees: ['head'],
    calendarMonth: STAFF_ROLES,
    calendarOverrides: CENTRE_ROLES,
    setCalendarDay: CENTRE_ROLES,
    setCalendarYear: CENTRE_ROLES,
    importCalendar: CENTRE_ROLES,
    revokeCalendarOverride: CENTRE_ROLES,
    calendarPreview: CENTRE_ROLES,
  },
};

export function accessOf(fn: FunctionName, actionName: string): Access | undefined {
  return ownValue(PERMISSIONS[fn] as Record<string, Access>, actionName);
}

export function roleAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'identified' || access === 'signedIn') return true;
  return roles.some((r) => access.includes(r));
}
