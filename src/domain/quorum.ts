/**
 * Whether a committee vote carries. Default (the rule book): more than half of all members present
 * and more than half of ALL members agreeing; no proxies. Local regulations differ, so a community
 * may store its own fractions and choose whether agreement is counted against all members or only
 * those present.
 */
export interface QuorumRule {
  /** Fraction of the roster that must be strictly exceeded by those present. */
  presentMoreThan: number;
  /** Fraction of the agree base that must be strictly exceeded by those agreeing. */
  agreeMoreThan: number;
  agreeBase: 'all' | 'present';
}

export const DEFAULT_QUORUM_RULE: QuorumRule = { presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'all' };

export interface QuorumInput {
  rosterSize: number;
  present: number;
  agree: number;
  rule?: QuorumRule;
}

export interface QuorumResult {
  met: boolean;
  presentOk: boolean;
  agreeOk: boolean;
  presentNeeded: number;
  agreeNeeded: number;
}

// Fractions are inexact in binary (0.57 × 100 = 56.99999999999999); without this, "more than 57"
// would wrongly be satisfied by 57.
const EPSILON = 1e-9;

/** The smallest whole count strictly greater than fraction × base. */
export function countNeeded(fraction: number, base: number): number {
  return Math.floor(fraction * base + EPSILON) + 1;
}

function requireCount(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${label}应为不小于0的整数`);
}

function requireFraction(value: number, label: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new Error(`${label}应为0到1之间（不含1）的比例`);
}

export function validateQuorumRule(rule: QuorumRule): void {
  requireFraction(rule.presentMoreThan, '出席比例');
  requireFraction(rule.agreeMoreThan, '同意比例');
  if (rule.agreeBase !== 'all' && rule.agreeBase !== 'present') throw new Error('同意票的计算基数应为全体委员或出席委员');
}

export function checkQuorum({ rosterSize, present, agree, rule = DEFAULT_QUORUM_RULE }: QuorumInput): QuorumResult {
  validateQuorumRule(rule);
  requireCount(rosterSize, '委员总数');
  requireCount(present, '出席人数');
  requireCount(agree, '同意人数');
  if (rosterSize < 1) throw new Error('委员总数至少为1人');
  if (present > rosterSize) throw new Error(`出席人数（${present}）不能多于委员总数（${rosterSize}）`);
  if (agree > present) throw new Error(`同意人数（${agree}）不能多于出席人数（${present}）`);

  const presentNeeded = countNeeded(rule.presentMoreThan, rosterSize);
  const agreeNeeded = countNeeded(rule.agreeMoreThan, rule.agreeBase === 'all' ? rosterSize : present);
  const presentOk = present >= presentNeeded;
  const agreeOk = agree >= agreeNeeded;
  return { met: presentOk && agreeOk, presentOk, agreeOk, presentNeeded, agreeNeeded };
}
