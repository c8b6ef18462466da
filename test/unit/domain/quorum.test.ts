import { DEFAULT_QUORUM_RULE, checkQuorum, countNeeded, type QuorumRule } from '@domain/quorum';

describe('default rule: more than half present, more than half of all members agree', () => {
  it.each([
    // roster, present, agree, met, presentOk, agreeOk, presentNeeded, agreeNeeded
    [5, 3, 3, true, true, true, 3, 3],
    [5, 3, 2, false, true, false, 3, 3],
    [5, 2, 2, false, false, false, 3, 3],
    [5, 5, 3, true, true, true, 3, 3],
    [5, 5, 2, false, true, false, 3, 3],
    [4, 2, 2, false, false, false, 3, 3],
    [4, 3, 3, true, true, true, 3, 3],
    [7, 4, 4, true, true, true, 4, 4],
    [7, 4, 3, false, true, false, 4, 4],
    [1, 1, 1, true, true, true, 1, 1],
    [5, 0, 0, false, false, false, 3, 3],
  ])('%i members, %i present, %i agree -> met %s', (rosterSize, present, agree, met, presentOk, agreeOk, presentNeeded, agreeNeeded) => {
    expect(checkQuorum({ rosterSize, present, agree })).toEqual({ met, presentOk, agreeOk, presentNeeded, agreeNeeded });
  });
});

describe('configurable rules', () => {
  it('counts agreement against those present when configured', () => {
    const rule: QuorumRule = { ...DEFAULT_QUORUM_RULE, agreeBase: 'present' };
    expect(checkQuorum({ rosterSize: 5, present: 3, agree: 2, rule })).toEqual({
      met: true,
      presentOk: true,
      agreeOk: true,
      presentNeeded: 3,
      agreeNeeded: 2,
    });
    expect(checkQuorum({ rosterSize: 5, present: 4, agree: 2, rule }).met).toBe(false);
  });

  it('handles two-thirds without floating-point slips', () => {
    const rule: QuorumRule = { presentMoreThan: 2 / 3, agreeMoreThan: 2 / 3, agreeBase: 'all' };
    // 2/3 of 6 is exactly 4, so "more than" needs 5.
    expect(checkQuorum({ rosterSize: 6, present: 4, agree: 4, rule })).toMatchObject({ met: false, presentNeeded: 5, agreeNeeded: 5 });
    expect(checkQuorum({ rosterSize: 6, present: 5, agree: 5, rule }).met).toBe(true);
    expect(countNeeded(2 / 3, 9)).toBe(7);
    // 0.57 × 100 is 56.99999999999999 in binary floating point; more than 57 still needs 58.
    expect(countNeeded(0.57, 100)).toBe(58);
    expect(countNeeded(0.5, 0)).toBe(1);
  });
});

describe('input validation', () => {
  it.each([
    [{ rosterSize: 5, present: 6, agree: 3 }, '出席人数（6）不能多于委员总数（5）'],
    [{ rosterSize: 5, present: 3, agree: 4 }, '同意人数（4）不能多于出席人数（3）'],
    [{ rosterSize: 5, present: -1, agree: 0 }, '出席人数应为不小于0的整数'],
    [{ rosterSize: 5, present: 2.5, agree: 0 }, '出席人数应为不小于0的整数'],
    [{ rosterSize: 0, present: 0, agree: 0 }, '委员总数至少为1人'],
    [
      { rosterSize: 5, present: 3, agree: 3, rule: { presentMoreThan: 1, agreeMoreThan: 0.5, agreeBase: 'all' as const } },
      '出席比例应为0到1之间（不含1）的比例',
    ],
  ])('%j throws', (input, message) => {
    expect(() => checkQuorum(input)).toThrow(message);
  });
});
