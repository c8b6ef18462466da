import { z } from 'zod';
import { AppError, fail } from './errors';
import type { CommitteePosition, CommitteeSeat, Community, EpochMs, FeePolicySettings, Id, LocalDate } from './model';
import { policyOf, type ReminderPolicy } from './fees';
import { remindersOf } from './alerts/cadence';
import { fundReportDayOf, zFundReportDay, zReminders } from './alerts/settings';
import { DEFAULT_QUORUM_RULE, validateQuorumRule, type QuorumRule } from './quorum';
import type { APPOINTABLE_ROLES, INVITABLE_ROLES } from './roles';
import { REMINDER_REPEAT_DAYS, SPECIAL_MEETING_NOTICE_DAYS } from './rules';

/**
 * Onboarding and administration rules: invitations, the committee roster over time, community
 * settings. Pure: the handlers in `cloudfunctions/admin/` pass in `now` and the records.
 */

// ── Invitations ────────────────────────────────────────────────────────────────────────────────

export type InvitedRole = (typeof INVITABLE_ROLES)[number];
export type AppointedRole = (typeof APPOINTABLE_ROLES)[number];
/** An invitation is valid this long unless the inviter chooses fewer days. */
export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;

export interface InvitationState {
  expiresAt: EpochMs;
  usedBy?: Id;
  revokedAt?: EpochMs;
}

/** Whether an invitation can still be redeemed: unused, not withdrawn, not expired. */
export function checkInvitation(inv: InvitationState | null, now: EpochMs): void {
  if (!inv) fail('INVITATION_INVALID');
  if (inv.usedBy) fail('INVITATION_USED');
  if (inv.revokedAt !== undefined) fail('INVITATION_INVALID');
  if (now > inv.expiresAt) fail('INVITATION_EXPIRED');
}

/** The code's alphabet has no 0/O/1/I/L so it can be read out over the phone. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const zInvitationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${CODE_ALPHABET}]{10}$`), '邀请码应为10位字母或数字');

// ── The committee roster over time ─────────────────────────────────────────────────────────────

/** A seat counts on a day when the day is inside its term, both ends included (Shanghai days). */
export const seatActiveOn = (seat: Pick<CommitteeSeat, 'termStart' | 'termEnd'>, day: LocalDate): boolean => seat.termStart <= day && day <= seat.termEnd;

const ORDER: Record<CommitteePosition, number> = { chair: 0, vice_chair: 1, member: 2 };

/** The roster of a given day: seats active that day, chair first, one seat per person. */
export function rosterAt<S extends Pick<CommitteeSeat, 'termStart' | 'termEnd' | 'position' | 'personId'>>(seats: S[], day: LocalDate): S[] {
  const seen = new Set<Id>();
  return seats
    .filter((s) => seatActiveOn(s, day))
    .sort((a, b) => ORDER[a.position] - ORDER[b.position] || a.personId.localeCompare(b.personId))
    .filter((s) => !seen.has(s.personId) && seen.add(s.personId));
}

export const zElection = z
  .strictObject({
    communityId: z.string().trim().min(1),
    termStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写任期开始日'),
    termEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写任期结束日'),
    filingNo: z.string().trim().max(40, '备案号不能超过40个字').optional(),
    members: z
      .array(z.strictObject({ personId: z.string().trim().min(1), position: z.enum(['chair', 'vice_chair', 'member']) }))
      .min(1, '请至少填写一名委员')
      .max(30, '委员不能超过30人'),
  })
  .superRefine((e, ctx) => {
    if (e.termEnd < e.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '任期结束日不能早于开始日' });
    if (e.members.filter((m) => m.position === 'chair').length !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: '选举结果应有且只有一名主任' });
    if (new Set(e.members.map((m) => m.personId)).size !== e.members.length)
      ctx.addIssue({ code: 'custom', path: ['members'], message: '同一人不能担任两个职务' });
  });

// ── Community settings ─────────────────────────────────────────────────────────────────────────

export const DEFAULT_FEE_POLICY: FeePolicySettings = {
  repeatEveryDays: REMINDER_REPEAT_DAYS,
  lawyerLetterAfterMonths: 6,
  lawsuitAfterMonths: 12,
  lawsuitMinAmountFen: 300_000,
};

/**
 * The share of ALL members a rule guarantees agree when it passes. With agreement counted against
 * those present, the guarantee is the product of the two fractions.
 */
export const guaranteedAgreeShare = (r: QuorumRule): number => (r.agreeBase === 'all' ? r.agreeMoreThan : r.agreeMoreThan * r.presentMoreThan);

/** Local rules may be stricter, never looser than more than half of all members agreeing. */
export function checkQuorumFloor(rule: QuorumRule): void {
  try {
    validateQuorumRule(rule);
  } catch (e) {
    fail('SETTINGS_INVALID', (e as Error).message);
  }
  if (guaranteedAgreeShare(rule) < 0.5 - 1e-9) fail('SETTINGS_INVALID', '表决规则不能低于全体委员过半数同意');
}

const zFraction = z.number().min(0, '比例应在0到1之间').lt(1, '比例应小于1');
export const zSettings = z.strictObject({
  companyAccount: z.strictObject({
    bank: z.string().trim().min(1, '请填写开户银行').max(40),
    accountName: z.string().trim().min(1, '请填写户名').max(40),
    accountNo: z
      .string()
      .trim()
      .regex(/^[\d ]{8,32}$/, '账号应为8到32位数字'),
  }),
  quorumRule: z.strictObject({ presentMoreThan: zFraction, agreeMoreThan: zFraction, agreeBase: z.enum(['all', 'present']) }),
  noticeDays: z
    .number()
    .int('通知天数应为整数')
    .min(SPECIAL_MEETING_NOTICE_DAYS, `专题会议通知不能少于${SPECIAL_MEETING_NOTICE_DAYS}天`)
    .max(60, '会议通知天数过长'),
  sealKeeper: z.string().trim().max(30, '印章保管人不能超过30个字'),
  /** The member who records each use of the seal; empty: the chair. Checked against the roster when saved. */
  sealKeeperId: z.string().trim().max(64).optional(),
  feePolicy: z.strictObject({
    repeatEveryDays: z.number().int('催缴间隔应为整数').min(1, '催缴间隔应在1至90之间（单位：天）').max(90, '催缴间隔应在1至90之间（单位：天）'),
    lawyerLetterAfterMonths: z.number().int().min(1).max(60),
    lawsuitAfterMonths: z.number().int().min(1).max(120),
    lawsuitMinAmountFen: z.number().int().min(0),
  }),
  reminders: zReminders.optional(),
  fundReportDay: zFundReportDay.optional(),
});
export type CommunitySettings = z.infer<typeof zSettings>;

/** The settings a community runs on: its own, or the rule book's defaults where it has none. */
export function settingsOf(c: Community): CommunitySettings {
  const reminders = remindersOf(c);
  return {
    companyAccount: c.companyAccount,
    quorumRule: c.quorumRule ?? DEFAULT_QUORUM_RULE,
    noticeDays: c.noticeDays ?? SPECIAL_MEETING_NOTICE_DAYS,
    sealKeeper: c.sealKeeper ?? '',
    sealKeeperId: c.sealKeeperId ?? '',
    // The bill cadence is read from the one cadence table; the old field mirrors it.
    feePolicy: { ...DEFAULT_FEE_POLICY, ...c.feePolicy, repeatEveryDays: reminders.bill.repeatEveryDays },
    reminders,
    fundReportDay: fundReportDayOf(c),
  };
}

/** The reminder policy a community's fee features run on: the rule book's start day, its own cadence and thresholds. */
export function reminderPolicyOf(c: Community | null): ReminderPolicy {
  return policyOf(c);
}

/** Checks a settings change beyond field shapes: the quorum floor, and escalation steps in order. */
export function checkSettings(s: CommunitySettings): void {
  checkQuorumFloor(s.quorumRule);
  if (s.feePolicy.lawsuitAfterMonths < s.feePolicy.lawyerLetterAfterMonths) fail('SETTINGS_INVALID', '起诉的欠费月数不能少于律师函');
  // One interval, stated in two places for older clients: they must agree (settings.reminders.bill wins when read).
  const bill = s.reminders?.bill?.repeatEveryDays;
  if (bill !== undefined && bill !== s.feePolicy.repeatEveryDays) fail('SETTINGS_INVALID', '缴费提醒间隔前后不一致');
}

/** Who may manage a community: the company administrator and the general manager, or its own head. */
export function canManageCommunity(c: { roles: readonly string[]; communityId: Id | null }, communityId: Id): boolean {
  if (c.roles.includes('admin') || c.roles.includes('general_manager')) return true;
  return c.roles.includes('head') && c.communityId === communityId;
}
export function requireManager(c: { roles: readonly string[]; communityId: Id | null }, communityId: Id): void {
  if (!canManageCommunity(c, communityId)) throw new AppError('NOT_FOUND');
}
/** Only the company may appoint a head; only the company administrator (系统管理员) a general manager. */
export function canInvite(c: { roles: readonly string[] }, role: AppointedRole): boolean {
  if (role === 'general_manager') return c.roles.includes('admin');
  return role !== 'head' || c.roles.includes('admin') || c.roles.includes('general_manager');
}
