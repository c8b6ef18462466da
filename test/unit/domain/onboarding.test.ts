import { compareCommunities, latestCollection } from '@domain/dashboard';
import { ZERO_TOTALS } from '@domain/fee-totals';
import { AppError } from '@domain/errors';
import { canInvite, canManageCommunity, checkInvitation, checkQuorumFloor, rosterAt, seatActiveOn, zElection } from '@domain/onboarding';

const codeOf = (f: () => void): string => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('invitations', () => {
  it('work until they expire, once, unless withdrawn', () => {
    expect(codeOf(() => checkInvitation({ expiresAt: 100 }, 100))).toBe('OK');
    expect(codeOf(() => checkInvitation({ expiresAt: 100 }, 101))).toBe('INVITATION_EXPIRED');
    expect(codeOf(() => checkInvitation({ expiresAt: 100, usedBy: 'p' }, 50))).toBe('INVITATION_USED');
    expect(codeOf(() => checkInvitation({ expiresAt: 100, revokedAt: 10 }, 50))).toBe('INVITATION_INVALID');
    expect(codeOf(() => checkInvitation(null, 50))).toBe('INVITATION_INVALID');
  });
  it('only the company appoints a head; a head manages only their own community', () => {
    expect(canInvite({ roles: ['head'] }, 'head')).toBe(false);
    expect(canInvite({ roles: ['head'] }, 'butler')).toBe(true);
    expect(canInvite({ roles: ['admin'] }, 'head')).toBe(true);
    expect(canManageCommunity({ roles: ['head'], communityId: 'a' }, 'b')).toBe(false);
    expect(canManageCommunity({ roles: ['general_manager'], communityId: null }, 'b')).toBe(true);
  });
});

describe('the roster over time', () => {
  const seats = [
    { personId: 'b', position: 'member' as const, termStart: '2026-01-01', termEnd: '2026-12-31' },
    { personId: 'a', position: 'chair' as const, termStart: '2026-01-01', termEnd: '2026-12-31' },
    { personId: 'c', position: 'member' as const, termStart: '2027-01-01', termEnd: '2031-12-31' },
  ];
  it('counts a seat from its first to its last day, both included', () => {
    expect(seatActiveOn(seats[0], '2026-12-31')).toBe(true);
    expect(seatActiveOn(seats[0], '2027-01-01')).toBe(false);
  });
  it('gives the roster of any day, chair first', () => {
    expect(rosterAt(seats, '2026-06-01').map((s) => s.personId)).toEqual(['a', 'b']);
    expect(rosterAt(seats, '2027-01-01').map((s) => s.personId)).toEqual(['c']);
  });
  it('an election has exactly one chair, no one twice, and an end after its start', () => {
    const base = { communityId: 'c', termStart: '2026-01-01', termEnd: '2030-12-31', members: [{ personId: 'a', position: 'chair' as const }] };
    expect(zElection.safeParse(base).success).toBe(true);
    expect(zElection.safeParse({ ...base, members: [{ personId: 'a', position: 'member' }] }).success).toBe(false);
    expect(zElection.safeParse({ ...base, termEnd: '2025-12-31' }).success).toBe(false);
  });
});

describe('the quorum floor', () => {
  it('never below more than half of all members agreeing', () => {
    expect(codeOf(() => checkQuorumFloor({ presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'all' }))).toBe('OK');
    expect(codeOf(() => checkQuorumFloor({ presentMoreThan: 0.5, agreeMoreThan: 0.4, agreeBase: 'all' }))).toBe('SETTINGS_INVALID');
    expect(codeOf(() => checkQuorumFloor({ presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'present' }))).toBe('SETTINGS_INVALID');
    expect(codeOf(() => checkQuorumFloor({ presentMoreThan: 0.75, agreeMoreThan: 0.75, agreeBase: 'present' }))).toBe('OK');
  });
});

describe('the collection rate on the dashboard', () => {
  const row = (month: string, billedFen: number, paidForMonthFen: number) => ({ ...ZERO_TOTALS, buildingId: 'b1', month, billedFen, paidForMonthFen });
  it('is the latest billed month up to now, summed over buildings, from the kept totals', () => {
    const rows = [row('2026-09', 10000, 10000), row('2026-10', 20000, 15000), { ...row('2026-10', 20000, 0), buildingId: 'b2' }, row('2026-12', 5000, 0)];
    expect(latestCollection(rows, '2026-11')).toEqual({ month: '2026-10', bp: 3750 });
    expect(latestCollection([], '2026-11')).toEqual({ month: null, bp: null });
  });
});

describe('the comparison bars', () => {
  it('are each figure’s share of its largest value, 0 when all are 0', () => {
    const rows = compareCommunities([
      {
        communityId: 'a',
        name: 'A',
        figures: { overdueInquiries: 4, unsignedDeliveries: 0, overdueObligations: 1, overdueEvents: 2 },
        collection: { month: '2026-10', bp: 8750 },
      },
      {
        communityId: 'b',
        name: 'B',
        figures: { overdueInquiries: 1, unsignedDeliveries: 0, overdueObligations: 3, overdueEvents: 0 },
        collection: { month: null, bp: null },
      },
    ]);
    expect(rows.map((r) => r.collectionText)).toEqual(['87.50%（2026-10）', '—']);
    expect(rows.map((r) => r.bars)).toEqual([
      { overdueInquiries: 100, unsignedDeliveries: 0, overdueObligations: 33, overdueEvents: 100 },
      { overdueInquiries: 25, unsignedDeliveries: 0, overdueObligations: 100, overdueEvents: 0 },
    ]);
  });
});
