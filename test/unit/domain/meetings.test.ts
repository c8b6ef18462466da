import { ERROR_MESSAGES, type ErrorCode } from '@domain/errors';
import {
  can,
  MEETING_STATES,
  MEETING_TRANSITIONS,
  POSTING_STATES,
  POSTING_TRANSITIONS,
  PROPOSAL_STATES,
  PROPOSAL_TRANSITIONS,
  RESOLUTION_STATES,
  RESOLUTION_TRANSITIONS,
  ROUTINE_AGENDA,
  step,
} from '@domain/meetings';
import {
  checkFilingResolution,
  checkSeal,
  meetingNoticeDaysOf,
  planNotice,
  presentQuorum,
  proposalOpen,
  publishable,
  quarterBounds,
  quarterStatus,
  requireResolvable,
  sealKeeperIdOf,
  sealKeeperOf,
  checkSealKeeperChoice,
  checkReportAttendance,
  quorumHint,
  tallyMotion,
  type QuarterInput,
} from '@domain/meeting-rules';
import { SPECIAL_MEETING_NOTICE_DAYS } from '@domain/rules';
import { expectAppError } from '../../helpers/errors';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);

const TABLES = [
  ['proposal', PROPOSAL_TRANSITIONS, PROPOSAL_STATES],
  ['meeting', MEETING_TRANSITIONS, MEETING_STATES],
  ['resolution', RESOLUTION_TRANSITIONS, RESOLUTION_STATES],
  ['posting', POSTING_TRANSITIONS, POSTING_STATES],
] as const;

describe('transition tables as data', () => {
  it.each(TABLES)('%s: every cell is a state of the table or an error with a Chinese message', (_name, table, states) => {
    for (const row of Object.values(table) as Array<Record<string, string>>) {
      for (const cell of Object.values(row)) {
        if (!(states as readonly string[]).includes(cell)) expect(ERROR_MESSAGES[cell as ErrorCode]).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(Object.keys(table).sort()).toEqual([...states].sort());
  });

  it('proposal: proposed → accepted / delegated → accepted / declined; answered proposals stay answered', () => {
    expect(step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'proposed', 'accept')).toBe('accepted');
    expect(step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'proposed', 'delegate')).toBe('delegated');
    expect(step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'delegated', 'accept')).toBe('accepted');
    expect(step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'proposed', 'decline')).toBe('declined');
    expect(step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'delegated', 'decline')).toBe('declined');
    expectAppError(() => step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'delegated', 'delegate'), 'PROPOSAL_NOT_OPEN');
    expectAppError(() => step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'declined', 'accept'), 'PROPOSAL_NOT_OPEN');
    expectAppError(() => step(PROPOSAL_TRANSITIONS, PROPOSAL_STATES, 'accepted', 'decline'), 'PROPOSAL_NOT_OPEN');
    expect([proposalOpen('proposed'), proposalOpen('delegated'), proposalOpen('accepted'), proposalOpen('declined')]).toEqual([true, true, false, false]);
  });

  it('meeting: scheduled → held → minutes_sent → minutes_signed; a correction reopens signatures', () => {
    expect(step(MEETING_TRANSITIONS, MEETING_STATES, 'scheduled', 'recordHeld')).toBe('held');
    expect(step(MEETING_TRANSITIONS, MEETING_STATES, 'held', 'sendMinutes')).toBe('minutes_sent');
    expect(step(MEETING_TRANSITIONS, MEETING_STATES, 'minutes_sent', 'completeMinutes')).toBe('minutes_signed');
    expect(step(MEETING_TRANSITIONS, MEETING_STATES, 'minutes_signed', 'correctMinutes')).toBe('minutes_sent');
    expectAppError(() => step(MEETING_TRANSITIONS, MEETING_STATES, 'scheduled', 'sendMinutes'), 'MEETING_NOT_HELD');
    expectAppError(() => step(MEETING_TRANSITIONS, MEETING_STATES, 'minutes_sent', 'sendMinutes'), 'MINUTES_ALREADY_SENT');
    expectAppError(() => step(MEETING_TRANSITIONS, MEETING_STATES, 'held', 'recordHeld'), 'MEETING_NOT_SCHEDULED');
  });

  it('resolution: cannot be published before the chair signs and the seal is applied, in that order', () => {
    expectAppError(() => step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'passed', 'publish'), 'RESOLUTION_NOT_SIGNED');
    expectAppError(() => step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'passed', 'seal'), 'RESOLUTION_NOT_SIGNED');
    expectAppError(() => step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'chair_signed', 'publish'), 'RESOLUTION_NOT_SEALED');
    expect(step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'passed', 'chairSign')).toBe('chair_signed');
    expect(step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'chair_signed', 'seal')).toBe('sealed');
    expect(step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'sealed', 'publish')).toBe('published');
    expectAppError(() => step(RESOLUTION_TRANSITIONS, RESOLUTION_STATES, 'published', 'publish'), 'RESOLUTION_ALREADY_DONE');
    const photo = { fileId: 'f', name: 'p.jpg' } as never;
    const by = { personId: 'c', name: '主任' };
    expect(publishable({ status: 'chair_signed', chairSignature: { by, at: 1 } })).toBe(false);
    expect(publishable({ status: 'sealed', chairSignature: { by, at: 1 }, seal: { keeper: by, at: 2, photo, sealUseId: 's' } })).toBe(true);
  });

  it('posting: the head approves or returns; only an approved notice is posted; a returned one may be resubmitted', () => {
    expectAppError(() => step(POSTING_TRANSITIONS, POSTING_STATES, 'submitted', 'post'), 'POSTING_NOT_APPROVED');
    expect(step(POSTING_TRANSITIONS, POSTING_STATES, 'submitted', 'return')).toBe('returned');
    expect(step(POSTING_TRANSITIONS, POSTING_STATES, 'returned', 'resubmit')).toBe('submitted');
    expect(step(POSTING_TRANSITIONS, POSTING_STATES, 'submitted', 'approve')).toBe('approved');
    expect(step(POSTING_TRANSITIONS, POSTING_STATES, 'approved', 'post')).toBe('posted');
    expect(can(POSTING_TRANSITIONS, POSTING_STATES, 'posted', 'approve')).toBe(false);
  });

  it('the routine agenda is the rule book’s three items', () => {
    expect(ROUTINE_AGENDA).toHaveLength(3);
    expect(ROUTINE_AGENDA.join()).toContain('维修资金');
  });
});

describe('special meeting notice: latest date and lateness', () => {
  it('is meeting day − 5 calendar days by default, over a month end and through a holiday', () => {
    expect(planNotice({ meetingDay: '2026-03-03', now: sh('2026-02-20T09:00:00'), noticeDays: 5 }).deadline.dueDate).toBe('2026-02-26');
    expect(planNotice({ meetingDay: '2028-03-03', now: sh('2028-02-20T09:00:00'), noticeDays: 5 }).deadline.dueDate).toBe('2028-02-27');
    // National Day does not move a calendar-day rule.
    expect(planNotice({ meetingDay: '2026-10-06', now: sh('2026-09-20T09:00:00'), noticeDays: 5 }).deadline.dueDate).toBe('2026-10-01');
  });

  it('reads the community setting defensively, with the rule book’s default', () => {
    expect(meetingNoticeDaysOf({})).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    expect(meetingNoticeDaysOf(null)).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    // The settings screen saves `noticeDays`; a record below the rule book's minimum never shortens the notice.
    expect(meetingNoticeDaysOf({ noticeDays: 7 })).toBe(7);
    expect(meetingNoticeDaysOf({ noticeDays: SPECIAL_MEETING_NOTICE_DAYS - 2 })).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    expect(meetingNoticeDaysOf({ noticeDays: '7' })).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    expect(meetingNoticeDaysOf({ noticeDays: -1 })).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    expect(meetingNoticeDaysOf({ noticeDays: 2.5 })).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    expect(meetingNoticeDaysOf({ noticeDays: 61 })).toBe(SPECIAL_MEETING_NOTICE_DAYS);
    const seven = planNotice({ meetingDay: '2026-07-10', now: sh('2026-06-20T09:00:00'), noticeDays: 7 });
    expect(seven.deadline.dueDate).toBe('2026-07-03');
    expect(seven.deadline.ruleText).toContain('7天');
  });

  it('sending on the latest day is on time; a day later needs a reason and is marked late', () => {
    expect(planNotice({ meetingDay: '2026-07-10', now: sh('2026-07-05T23:59:00'), noticeDays: 5 }).late).toBe(false);
    expectAppError(() => planNotice({ meetingDay: '2026-07-10', now: sh('2026-07-06T08:00:00'), noticeDays: 5 }), 'LATE_REASON_REQUIRED');
    expect(planNotice({ meetingDay: '2026-07-10', now: sh('2026-07-06T08:00:00'), noticeDays: 5, lateReason: ' 突发漏水 ' })).toMatchObject({
      late: true,
      lateReason: '突发漏水',
    });
    expectAppError(() => planNotice({ meetingDay: '2026-07-01', now: sh('2026-07-06T08:00:00'), noticeDays: 5, lateReason: 'x' }), 'INVALID_INPUT');
  });
});

describe('votes and quorum (no proxies)', () => {
  const present = ['a', 'b', 'c'];

  it('five members, three present, three for: passes; abstentions and silence do not agree', () => {
    const t = tallyMotion({
      rosterSize: 5,
      presentIds: present,
      votes: [
        { memberId: 'a', choice: 'for' },
        { memberId: 'b', choice: 'for' },
        { memberId: 'c', choice: 'for' },
      ],
    });
    expect(t).toMatchObject({ present: 3, agree: 3, against: 0, abstain: 0, passed: true });
    const two = tallyMotion({
      rosterSize: 5,
      presentIds: present,
      votes: [
        { memberId: 'a', choice: 'for' },
        { memberId: 'b', choice: 'for' },
        { memberId: 'c', choice: 'abstain' },
      ],
    });
    expect(two).toMatchObject({ agree: 2, abstain: 1, passed: false });
    expect(two.quorum.agreeNeeded).toBe(3);
    const silent = tallyMotion({ rosterSize: 5, presentIds: present, votes: [{ memberId: 'a', choice: 'for' }] });
    expect(silent).toMatchObject({ agree: 1, abstain: 2, passed: false });
  });

  it('absences: two of five present cannot pass even if both agree', () => {
    const t = tallyMotion({
      rosterSize: 5,
      presentIds: ['a', 'b'],
      votes: [
        { memberId: 'a', choice: 'for' },
        { memberId: 'b', choice: 'for' },
      ],
    });
    expect(t.quorum.presentOk).toBe(false);
    expect(t.passed).toBe(false);
    expect(presentQuorum(5, 2)).toBe(false);
    expect(presentQuorum(5, 3)).toBe(true);
  });

  it('an absent member’s vote (a proxy) and a second vote are refused', () => {
    expectAppError(() => tallyMotion({ rosterSize: 5, presentIds: present, votes: [{ memberId: 'z', choice: 'for' }] }), 'NOT_AN_ATTENDEE');
    expectAppError(
      () =>
        tallyMotion({
          rosterSize: 5,
          presentIds: present,
          votes: [
            { memberId: 'a', choice: 'for' },
            { memberId: 'a', choice: 'against' },
          ],
        }),
      'INVALID_INPUT',
    );
  });

  it('a community counting agreement against those present', () => {
    const t = tallyMotion({
      rosterSize: 7,
      presentIds: ['a', 'b', 'c', 'd'],
      votes: [
        { memberId: 'a', choice: 'for' },
        { memberId: 'b', choice: 'for' },
        { memberId: 'c', choice: 'for' },
        { memberId: 'd', choice: 'against' },
      ],
      rule: { presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'present' },
    });
    expect(t.passed).toBe(true);
  });

  it('a meeting below quorum takes no resolution, and a failed motion none either', () => {
    const passed = tallyMotion({ rosterSize: 1, presentIds: ['a'], votes: [{ memberId: 'a', choice: 'for' }] });
    const att = { memberIds: [], memberNames: [], staff: [], rosterSize: 5, recordedBy: { personId: 'h', name: 'h' }, recordedAt: 1 };
    expectAppError(() => requireResolvable({ attendance: { ...att, quorumPresent: false } }, passed), 'NO_RESOLUTION_WITHOUT_QUORUM');
    expectAppError(() => requireResolvable({ attendance: undefined }, passed), 'MEETING_NOT_HELD');
    expectAppError(() => requireResolvable({ attendance: { ...att, quorumPresent: true } }, { ...passed, passed: false }), 'MOTION_NOT_PASSED');
    expect(requireResolvable({ attendance: { ...att, quorumPresent: true } }, passed)).toBe(passed);
  });
});

describe('seal and filing links', () => {
  it('the seal: only the named keeper, only with a photo, never on an empty text', () => {
    expectAppError(() => checkSeal({ status: 'chair_signed', text: '决议' }, { keeperId: 'k', actorId: 'x', hasPhoto: true }), 'NOT_THE_SEAL_KEEPER');
    expectAppError(() => checkSeal({ status: 'chair_signed', text: '决议' }, { keeperId: undefined, actorId: 'x', hasPhoto: true }), 'NOT_THE_SEAL_KEEPER');
    expectAppError(() => checkSeal({ status: 'chair_signed', text: '决议' }, { keeperId: 'k', actorId: 'k', hasPhoto: false }), 'SEAL_PHOTO_REQUIRED');
    expectAppError(() => checkSeal({ status: 'chair_signed', text: ' ' }, { keeperId: 'k', actorId: 'k', hasPhoto: true }), 'INVALID_INPUT');
    expect(() => checkSeal({ status: 'chair_signed', text: '决议' }, { keeperId: 'k', actorId: 'k', hasPhoto: true })).not.toThrow();
    expect(sealKeeperIdOf({ sealKeeperId: 'p1' })).toBe('p1');
    expect(sealKeeperIdOf({ sealKeeperId: '' })).toBeUndefined();
    expect(sealKeeperIdOf({ sealKeeperId: 3 })).toBeUndefined();
  });

  it('the keeper: the member the settings name while on the committee, else the chair', () => {
    const roster = [
      { personId: 'chair', position: 'chair' },
      { personId: 'vice', position: 'vice_chair' },
    ];
    expect(sealKeeperOf({ sealKeeperId: 'vice' }, roster)).toBe('vice');
    expect(sealKeeperOf({ sealKeeperId: '' }, roster)).toBe('chair');
    expect(sealKeeperOf({}, roster)).toBe('chair');
    // The named keeper's term ended: the seal does not wait on an ex-member.
    expect(sealKeeperOf({ sealKeeperId: 'gone' }, roster)).toBe('chair');
    expect(sealKeeperOf({ sealKeeperId: 'gone' }, [])).toBeUndefined();
    expect(() => checkSealKeeperChoice('vice', roster)).not.toThrow();
    expect(() => checkSealKeeperChoice(undefined, roster)).not.toThrow();
    expectAppError(() => checkSealKeeperChoice('gone', roster), 'SETTINGS_INVALID');
  });

  it('a fund filing is approved only with a passed resolution of its community', () => {
    const fund = { communityId: 'c1', content: { category: 'building_fund_repair' } } as never;
    const other = { communityId: 'c1', content: { category: 'new_measure' } } as never;
    const tally = tallyMotion({
      rosterSize: 3,
      presentIds: ['a', 'b'],
      votes: [
        { memberId: 'a', choice: 'for' },
        { memberId: 'b', choice: 'for' },
      ],
    });
    const res = { communityId: 'c1', tally, filingId: 'f1' };
    expectAppError(() => checkFilingResolution(fund, 'approved', null, 'f1'), 'RESOLUTION_REQUIRED');
    expect(() => checkFilingResolution(fund, 'approved', res, 'f1')).not.toThrow();
    expect(() => checkFilingResolution(fund, 'rejected', null, 'f1')).not.toThrow();
    expect(() => checkFilingResolution(other, 'approved', null, 'f2')).not.toThrow();
    expectAppError(() => checkFilingResolution(fund, 'approved', { ...res, communityId: 'c2' }, 'f1'), 'RESOLUTION_MISMATCH');
    expectAppError(() => checkFilingResolution(fund, 'approved', { ...res, tally: { ...tally, passed: false } }, 'f1'), 'RESOLUTION_MISMATCH');
    expectAppError(() => checkFilingResolution(fund, 'approved', res, 'f9'), 'RESOLUTION_MISMATCH');
  });
});

describe('the quarter’s routine-meeting duty', () => {
  const q = (over: Partial<QuarterInput>): QuarterInput => ({ year: 2026, quarter: 4, today: '2026-10-05', meetingsHeld: [], communications: [], ...over });

  it('quarter bounds, Q4 over the year end', () => {
    expect(quarterBounds(2026, 4)).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(quarterBounds(2026, 1)).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
  });

  it('open early; at risk after the 10th without a proposal; a proposal clears that', () => {
    expect(quarterStatus(q({})).status).toBe('open');
    expect(quarterStatus(q({ today: '2026-10-10' })).status).toBe('open');
    expect(quarterStatus(q({ today: '2026-10-11' }))).toMatchObject({ status: 'at_risk' });
    expect(quarterStatus(q({ today: '2026-10-11', proposal: { proposedOn: '2026-10-08', status: 'proposed' } })).status).toBe('open');
  });

  it('at risk with 10 days left and neither meeting nor communication; missed once over', () => {
    const accepted = { proposedOn: '2026-10-08', status: 'accepted' as const };
    expect(quarterStatus(q({ today: '2026-12-21', proposal: accepted })).status).toBe('open');
    expect(quarterStatus(q({ today: '2026-12-22', proposal: accepted })).status).toBe('at_risk');
    expect(quarterStatus(q({ today: '2027-01-01', proposal: accepted })).status).toBe('missed');
  });

  it('met by a meeting held in the quarter (not one held in another quarter)', () => {
    expect(quarterStatus(q({ today: '2026-11-01', meetingsHeld: ['2026-10-20'] }))).toMatchObject({ status: 'met', metBy: 'meeting' });
    expect(quarterStatus(q({ today: '2026-12-25', meetingsHeld: ['2026-09-20'] })).status).toBe('at_risk');
  });

  it('declining never blocks the fallback: a recorded communication meets a declined quarter', () => {
    const declined = { proposedOn: '2026-10-08', status: 'declined' as const };
    expect(quarterStatus(q({ today: '2026-12-25', proposal: declined })).status).toBe('at_risk');
    expect(quarterStatus(q({ today: '2026-12-25', proposal: declined, communications: ['2026-12-24'] }))).toMatchObject({
      status: 'met',
      metBy: 'communication',
    });
    expect(quarterStatus(q({ today: '2027-02-01', proposal: declined, communications: ['2026-11-02'] })).status).toBe('met');
    expect(quarterStatus(q({ today: '2027-02-01', proposal: declined })).status).toBe('missed');
    // Without a decline a communication does not replace the meeting.
    expect(quarterStatus(q({ today: '2027-02-01', proposal: { proposedOn: '2026-10-08', status: 'accepted' }, communications: ['2026-11-02'] })).status).toBe(
      'missed',
    );
  });
});

describe('report meetings and the attendance hint', () => {
  const gm = { personId: 'gm1', name: '王总', role: '总经理' };
  const head = { personId: 'h1', name: '周经理', role: '项目负责人' };

  it('a half-year or annual report is held only with the general manager listed as attending', () => {
    for (const kind of ['half_year', 'annual'] as const) {
      expect(() => checkReportAttendance(kind, [head, gm], ['gm1'])).not.toThrow();
      expectAppError(() => checkReportAttendance(kind, [head], ['gm1']), 'GENERAL_MANAGER_REQUIRED');
      expectAppError(() => checkReportAttendance(kind, [], ['gm1']), 'GENERAL_MANAGER_REQUIRED');
      // A name typed in as 总经理 does not stand for the company's general manager account …
      expectAppError(() => checkReportAttendance(kind, [{ name: '王总', role: '总经理' }], ['gm1']), 'GENERAL_MANAGER_REQUIRED');
      // … unless the company has none registered.
      expect(() => checkReportAttendance(kind, [{ name: '王总', role: '公司总经理' }], [])).not.toThrow();
      expectAppError(() => checkReportAttendance(kind, [{ name: '李四', role: '副经理' }], []), 'GENERAL_MANAGER_REQUIRED');
    }
    expect(ERROR_MESSAGES.GENERAL_MANAGER_REQUIRED).toContain('总经理');
  });

  it('other meetings need no general manager', () => {
    expect(() => checkReportAttendance('routine', [], ['gm1'])).not.toThrow();
    expect(() => checkReportAttendance('special', [head], ['gm1'])).not.toThrow();
  });

  it('the hint counts with the community’s own rule, not the default', () => {
    const byDefault = quorumHint({ presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'all' }, 7);
    expect(byDefault).toMatchObject({ presentNeeded: 4, agreeNeeded: 4 });
    expect(byDefault.text).toContain('超过全体委员的半数（本届7人，至少4人）');
    const twoThirds = quorumHint({ presentMoreThan: 2 / 3, agreeMoreThan: 0.5, agreeBase: 'all' }, 7);
    expect(twoThirds.presentNeeded).toBe(5);
    expect(twoThirds.text).toContain('三分之二（本届7人，至少5人）');
    const ofPresent = quorumHint({ presentMoreThan: 0.6, agreeMoreThan: 0.75, agreeBase: 'present' }, 10);
    expect(ofPresent).toMatchObject({ presentNeeded: 7, agreeNeeded: undefined });
    expect(ofPresent.text).toContain('超过出席委员的75%');
    expect(ofPresent.text).toContain('超过全体委员的60%');
  });
});
