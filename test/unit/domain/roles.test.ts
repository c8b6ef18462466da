import { PERMISSIONS } from '@domain/permissions';
import {
  OWNER_SIDE_ROLES,
  BUTLER_ROLES,
  CENTRE_ROLES,
  COMMUNITY_STAFF_ROLES,
  isStaffRole,
  LEAD_ROLES,
  RESIDENT_ROLES,
  STAFF_ROLES,
  type Role,
} from '@domain/roles';
import { findInCode, sourceFiles } from '../../helpers/source-scan';

describe('role groups', () => {
  it('staff groups are parts of the staff, and the general manager works above the community', () => {
    for (const group of [CENTRE_ROLES, COMMUNITY_STAFF_ROLES, LEAD_ROLES, BUTLER_ROLES]) for (const r of group) expect(STAFF_ROLES).toContain(r);
    expect(COMMUNITY_STAFF_ROLES).not.toContain('general_manager');
    expect([...COMMUNITY_STAFF_ROLES, 'general_manager'].sort()).toEqual([...STAFF_ROLES].sort());
    expect(LEAD_ROLES).not.toContain('butler');
  });

  it("the owners' side and residents are never staff", () => {
    for (const r of [...OWNER_SIDE_ROLES, ...RESIDENT_ROLES]) expect(isStaffRole(r, STAFF_ROLES)).toBe(false);
  });

  it('isStaffRole answers for an absent role too', () => {
    expect(isStaffRole(undefined, STAFF_ROLES)).toBe(false);
    expect(isStaffRole('head', CENTRE_ROLES)).toBe(true);
    expect(isStaffRole('butler', CENTRE_ROLES)).toBe(false);
  });

  it('the permission table grants by the named groups', () => {
    expect(PERMISSIONS.fees.arrears).toEqual(STAFF_ROLES);
    expect(PERMISSIONS.alerts.sweep).toEqual(CENTRE_ROLES);
    expect(PERMISSIONS.session.decideBinding).toEqual(COMMUNITY_STAFF_ROLES);
    expect(PERMISSIONS.inquiries.ask).toEqual(OWNER_SIDE_ROLES);
    expect(PERMISSIONS.session.requestBinding).toEqual(RESIDENT_ROLES);
  });

  it('nowhere else lists two or more roles by hand', () => {
    const roles: Role[] = ['visitor', 'owner', 'committee', ...STAFF_ROLES];
    const lit = `'(?:${roles.join('|')})'`;
    // A list of role literals, or a hasRole call naming two or more of them.
    const pattern = new RegExp(`\\[\\s*${lit}\\s*,\\s*${lit}|hasRole\\([^)]*${lit}\\s*,\\s*${lit}`);
    const files = sourceFiles('src', 'cloudfunctions').filter((f) => f !== 'src/domain/roles.ts' && !f.startsWith('cloudfunctions/_shared/seed/'));
    // Values that look like roles but are not: an inquiry's channel, a login page's home areas.
    const notRoles = [/z\.enum\(\['owner', 'committee'\]/, /areas: \[/];
    expect(findInCode(files, pattern).filter((h) => !notRoles.some((n) => n.test(h.text)))).toEqual([]);
  });
});
