import type { CommitteePosition, Id, StaffRole } from './model';

/**
 * Roles as the permission table sees them. A person can hold several (an owner who sits on the
 * committee is both `owner` and `committee`). `visitor` is a signed-in person with no verified role yet.
 */
export type Role = 'visitor' | 'owner' | 'committee' | StaffRole | 'admin';

export const ROLE_LABELS: Record<Role, string> = {
  visitor: '访客',
  owner: '业主',
  committee: '业委会委员',
  butler: '管家',
  butler_supervisor: '管家主管',
  head: '服务中心负责人',
  general_manager: '总经理',
  admin: '系统管理员',
};
/** The staff roles an invitation can give (the general manager is appointed by the company, not invited). */
export const INVITABLE_ROLES = ['butler', 'butler_supervisor', 'head'] as const satisfies readonly StaffRole[];
/** What an invitation can make someone: a community's staff, or (invited by the company administrator) its general manager. */
export const APPOINTABLE_ROLES = [...INVITABLE_ROLES, 'general_manager'] as const satisfies readonly StaffRole[];
/** The company administrators: a named 系统管理员, and the general manager, who runs the company. */
export const COMPANY_ADMIN_ROLES: readonly Role[] = ['admin', 'general_manager'];
/** Who manages a community: the company administrators, and (for their own community) its head. */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'general_manager', 'head'];

/**
 * The role groups the rules speak of, named once: the permission table, the domain and the handlers
 * all say which group they mean instead of listing roles.
 */
/** Everyone employed by the property company. */
export const STAFF_ROLES: readonly StaffRole[] = ['butler', 'butler_supervisor', 'head', 'general_manager'];
/** The centre's management: the community's head and, above every community, the general manager. */
export const CENTRE_ROLES: readonly StaffRole[] = ['head', 'general_manager'];
/** Staff working inside one community (all but the general manager): they take duties, bindings and reminders. */
export const COMMUNITY_STAFF_ROLES: readonly StaffRole[] = ['butler', 'butler_supervisor', 'head'];
/** Who leads the butlers' work: assigns items to others and handles any unassigned one. */
export const LEAD_ROLES: readonly StaffRole[] = ['head', 'butler_supervisor'];
/** The butlers, supervisor included: they compose for the committee only when the head allows it. */
export const BUTLER_ROLES: readonly StaffRole[] = ['butler', 'butler_supervisor'];
/** The owners' side: owners and their committee. They ask the centre and read what it publishes. */
export const OWNER_SIDE_ROLES: readonly Role[] = ['owner', 'committee'];
/** Anyone not on the staff who may claim a room. */
export const RESIDENT_ROLES: readonly Role[] = ['visitor', 'owner', 'committee'];
/** Who sees the rooms whose owners cannot be reached and records a new contact: the head and the building's butler. */
export const CONTACT_UPDATE_ROLES: readonly StaffRole[] = ['head', 'butler'];
/** Notices the committee wants posted: members submit, the head reviews. */
export const POSTING_ROLES: readonly Role[] = ['committee', 'head'];

export const isStaffRole = (role: string | undefined, group: readonly StaffRole[]): boolean => group.includes(role as StaffRole);

/** Who is calling, resolved from the platform identity and the stored roster. */
export interface Caller {
  personId: Id;
  name: string;
  communityId: Id | null;
  roles: Role[];
  committeePosition?: CommitteePosition;
  /** Approved rooms of an owner. */
  roomIds: Id[];
  buildingIds: Id[];
}

export const isStaff = (c: Pick<Caller, 'roles'>): boolean => c.roles.some((r) => (STAFF_ROLES as readonly Role[]).includes(r));
export const hasRole = (c: Pick<Caller, 'roles'>, ...roles: Role[]): boolean => c.roles.some((r) => roles.includes(r));

/** The area of the app a person lands in: decides the home screen and which subpackage they use. */
export type HomeArea = 'owner' | 'committee' | 'staff' | 'admin' | 'visitor';

export function homeArea(c: Pick<Caller, 'roles'>): HomeArea {
  if (isStaff(c)) return 'staff';
  if (hasRole(c, 'admin')) return 'admin';
  if (hasRole(c, 'committee')) return 'committee';
  if (hasRole(c, 'owner')) return 'owner';
  return 'visitor';
}

/** Records of one community are invisible to another's people; the general manager spans them all. */
export function canSeeCommunity(c: Pick<Caller, 'roles' | 'communityId'>, communityId: Id | null): boolean {
  if (hasRole(c, 'general_manager')) return true;
  return communityId !== null && c.communityId === communityId;
}
