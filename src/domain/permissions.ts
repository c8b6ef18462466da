import type { Access } from './api/contract';
import type { ActionName, FunctionName } from './api';
import { ownValue } from './own';
import {
  CENTRE_ROLES,
  COMMUNITY_STAFF_ROLES,
  COMPANY_ADMIN_ROLES,
  CONTACT_UPDATE_ROLES,
  LEAD_ROLES,
  MANAGER_ROLES,
  OWNER_SIDE_ROLES,
  POSTING_ROLES,
  RESIDENT_ROLES,
  STAFF_ROLES,
  type Role,
} from './roles';

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
    switchCommunity: 'signedIn',
  },
  // Record-level: a head manages only their own community (`requireManager` in the domain).
  admin: {
    bootstrap: 'identified',
    communities: COMPANY_ADMIN_ROLES,
    createCommunity: COMPANY_ADMIN_ROLES,
    retireCommunity: COMPANY_ADMIN_ROLES,
    settings: MANAGER_ROLES,
    updateSettings: MANAGER_ROLES,
    importStart: MANAGER_ROLES,
    importStep: MANAGER_ROLES,
    imports: MANAGER_ROLES,
    retireRooms: MANAGER_ROLES,
    buildings: MANAGER_ROLES,
    createInvitation: MANAGER_ROLES,
    invitations: MANAGER_ROLES,
    invitationQr: MANAGER_ROLES,
    redeemInvitation: 'identified',
    staff: MANAGER_ROLES,
    updateStaff: MANAGER_ROLES,
    deactivateStaff: MANAGER_ROLES,
    recordElection: MANAGER_ROLES,
    endSeat: MANAGER_ROLES,
    roster: MANAGER_ROLES,
    candidates: MANAGER_ROLES,
    dashboard: ['general_manager', 'admin'],
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
    unreachable: CONTACT_UPDATE_ROLES,
    updateContact: CONTACT_UPDATE_ROLES,
    // Escalation and the figures are the managers': never a butler's call.
    decideEscalation: CENTRE_ROLES,
    dashboard: CENTRE_ROLES,
    reminderSlips: COMMUNITY_STAFF_ROLES,
    unmatchedPayments: COMMUNITY_STAFF_ROLES,
    resolveUnmatched: COMMUNITY_STAFF_ROLES,
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
    discardDraft: STAFF_ROLES,
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
    recordPdf: ['committee', ...STAFF_ROLES],
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
    queueFilters: STAFF_ROLES,
    assign: COMMUNITY_STAFF_ROLES,
    classify: STAFF_ROLES,
    answer: STAFF_ROLES,
    stats: CENTRE_ROLES,
    trend: CENTRE_ROLES,
  },
  workbench: {
    // The general manager oversees every community's duties but does them through the head.
    list: STAFF_ROLES,
    generate: ['head'],
    markDone: COMMUNITY_STAFF_ROLES,
    assign: ['head'],
    assignees: ['head'],
    // The administrator corrects the calendar, so reads it too; staff read it for their deadlines.
    calendarMonth: [...STAFF_ROLES, ...COMPANY_ADMIN_ROLES],
    // The calendar is company-wide: only the company administrator corrects it, never one community's head.
    calendarOverrides: COMPANY_ADMIN_ROLES,
    setCalendarDay: COMPANY_ADMIN_ROLES,
    setCalendarYear: COMPANY_ADMIN_ROLES,
    importCalendar: COMPANY_ADMIN_ROLES,
    revokeCalendarOverride: COMPANY_ADMIN_ROLES,
    calendarPreview: COMPANY_ADMIN_ROLES,
    // Whoever works in the community records what happened; the general manager reads every community's.
    recordEvent: COMMUNITY_STAFF_ROLES,
    events: STAFF_ROLES,
    event: STAFF_ROLES,
  },
  meetings: {
    quarters: ['committee', ...STAFF_ROLES],
    propose: ['head'],
    // Record-level: only the chair, or the member the chair delegated to (checked by the handler).
    replyProposal: ['committee'],
    recordCommunication: ['head'],
    schedule: ['head'],
    previewNotice: CENTRE_ROLES,
    sendNotice: ['head'],
    correctNotice: ['head'],
    get: ['committee', ...STAFF_ROLES],
    // The butler supervisor keeps the minutes (seed 3.4), or the head.
    recordAttendance: LEAD_ROLES,
    recordVotes: LEAD_ROLES,
    sendMinutes: LEAD_ROLES,
    correctMinutes: LEAD_ROLES,
    resolutions: ['committee', ...STAFF_ROLES],
    chairSign: ['committee'],
    // The keeper is named in the community settings: a member or a staff member (checked by the handler).
    applySeal: ['committee', ...COMMUNITY_STAFF_ROLES],
    sealLog: ['committee', ...STAFF_ROLES],
    publishResolution: ['head'],
    myVotes: ['committee'],
    submitPosting: ['committee'],
    reviewPosting: ['head'],
    postings: POSTING_ROLES,
    ownerNotices: [...OWNER_SIDE_ROLES, ...STAFF_ROLES],
  },
};

export function accessOf(fn: FunctionName, actionName: string): Access | undefined {
  return ownValue(PERMISSIONS[fn] as Record<string, Access>, actionName);
}

export function roleAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'identified' || access === 'signedIn') return true;
  return roles.some((r) => access.includes(r));
}
