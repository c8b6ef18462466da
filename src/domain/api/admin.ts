import { z } from 'zod';
import type { DashboardRow } from '../dashboard';
import { zFileRef } from '../files';
import type { CommitteePosition, EpochMs, Id, LocalDate } from '../model';
import { INVITATION_DEFAULT_DAYS, INVITATION_MAX_DAYS, zElection, zInvitationCode, zSettings, type CommunitySettings, type AppointedRole } from '../onboarding';
import type { RowError, RowOutcome } from '../room-import';
import { APPOINTABLE_ROLES, INVITABLE_ROLES } from '../roles';
import { action, noInput, zId, zLocalDate, zText } from './contract';

export interface CommunityAdminView {
  communityId: Id;
  name: string;
  city: string;
  retired: boolean;
  rooms: number;
  staff: number;
  committee: number;
}

export interface ImportView {
  importId: Id;
  kind: 'rooms' | 'bills' | 'payments';
  /** 'settling': committed (every row in force) and being tidied; the page keeps stepping. */
  status: 'staging' | 'applying' | 'settling' | 'committed';
  fileName: string;
  total: number;
  staged: number;
  applied: number;
  /** 0–100 for the progress bar. */
  percent: number;
  /** Payments also count the rows held as unmatched. */
  counts: Record<RowOutcome, number> & { unmatched?: number };
  missing: Array<{ roomId: Id; label: string }>;
  createdAt: EpochMs;
  /** Set when the timer could not finish an abandoned import (e.g. the file is gone). */
  stalled?: string;
}

/** An invitation's scannable image: WeChat's mini-program code, or locally a QR of the link; none when neither could be made. */
export interface InvitationQrView {
  kind: 'wxacode' | 'local' | 'none';
  /** A data URL (image/png or image/gif) the page shows as is. */
  image?: string;
  /** Why there is no image (the page then shows the code and the link). */
  reason?: string;
  link: string;
}

export interface InvitationView {
  invitationId: Id;
  role: AppointedRole;
  roleLabel: string;
  buildingIds: Id[];
  expiresAt: EpochMs;
  status: 'open' | 'used' | 'expired' | 'revoked';
  hint: string;
  /** Only in the answer that creates it: the code is not stored and cannot be shown again. */
  code?: string;
  /** The mini-program page that redeems it (a QR code of this path opens the join page). */
  link?: string;
}

export interface StaffView {
  personId: Id;
  name: string;
  phone?: string;
  /** A general manager is listed to the company administrator only: the role spans every community. */
  role: AppointedRole;
  roleLabel: string;
  buildingIds: Id[];
  active: boolean;
}

export interface SeatView {
  seatId: Id;
  personId: Id;
  name: string;
  position: CommitteePosition;
  positionLabel: string;
  termStart: LocalDate;
  termEnd: LocalDate;
  filingNo?: string;
}

export interface SettingsView {
  communityId: Id;
  settings: CommunitySettings;
  settingsVersion: number;
  history: Array<{ versionNo: number; values: Record<string, unknown>; replacedAt: EpochMs; replacedBy: string }>;
  /** The committee today, chair first: who may be chosen to keep the seal. */
  committee: Array<{ personId: Id; name: string; position: CommitteePosition; positionLabel: string }>;
}

export interface DeactivateResult {
  /** Open inquiries and duties still assigned to the person; when non-zero and no `reassignTo`, nothing changed. */
  openWork: number;
  /** Handed over by this call: a batch at most; while fewer than `openWork`, the page calls again. */
  reassigned: number;
  deactivated: boolean;
}

const zCommunity = z.strictObject({ communityId: zId });
const zAccount = zSettings.shape.companyAccount;

export const adminApi = {
  bootstrap: action<{ personId: Id }>()(
    '首位系统管理员：以初始化脚本打印的一次性初始化码登记',
    z.strictObject({ code: z.string().trim().min(8, '初始化码无效').max(64, '初始化码无效'), name: zText('姓名', 20) }),
  ),
  communities: action<CommunityAdminView[]>()('公司的小区列表（含停用的）', noInput),
  createCommunity: action<CommunityAdminView>()('新建小区', z.strictObject({ name: zText('小区名称', 30), city: zText('城市', 20), companyAccount: zAccount })),
  retireCommunity: action<CommunityAdminView>()('停用小区（记录保留）', zCommunity),
  settings: action<SettingsView>()('小区设置及历史版本', zCommunity),
  updateSettings: action<SettingsView>()(
    '修改小区设置（旧版本保留）',
    z.strictObject({ communityId: zId, settings: zSettings, expectedVersion: z.number().int().min(0) }),
  ),
  importStart: action<ImportView>()(
    '上传表格并校验（房屋与业主、账单或缴费；有任何错误则不导入）',
    z.strictObject({ communityId: zId, file: zFileRef, kind: z.enum(['rooms', 'bills', 'payments'], { error: '请选择导入类别' }).optional() }),
  ),
  importStep: action<ImportView>()('继续导入：暂存或应用下一批行（每次调用在函数时限内完成）', z.strictObject({ importId: zId })),
  imports: action<ImportView[]>()('本小区的导入记录', zCommunity),
  retireRooms: action<{ retired: number }>()(
    '停用重新导入时文件中没有的房屋',
    z.strictObject({ communityId: zId, roomIds: z.array(zId).min(1, '请选择房屋').max(500) }),
  ),
  buildings: action<Array<{ buildingId: Id; name: string }>>()('小区的楼栋', zCommunity),
  createInvitation: action<InvitationView>()(
    '邀请员工：生成一次性邀请码（过期失效）',
    z.strictObject({
      communityId: zId,
      role: z.enum(APPOINTABLE_ROLES),
      buildingIds: z.array(zId).max(50).optional(),
      validDays: z.number().int().min(1).max(INVITATION_MAX_DAYS).optional(),
    }),
  ),
  invitations: action<InvitationView[]>()('本小区的邀请', zCommunity),
  invitationQr: action<InvitationQrView>()('邀请的小程序码（本地运行时为链接的二维码）', z.strictObject({ code: zInvitationCode })),
  redeemInvitation: action<{ communityId: Id; role: AppointedRole }>()(
    '以邀请码加入小区成为员工',
    z.strictObject({ code: zInvitationCode, name: zText('姓名', 20) }),
  ),
  staff: action<StaffView[]>()('本小区的员工', zCommunity),
  updateStaff: action<StaffView>()(
    '调整员工角色或负责楼栋',
    z.strictObject({ communityId: zId, personId: zId, role: z.enum(INVITABLE_ROLES), buildingIds: z.array(zId).max(50) }),
  ),
  deactivateStaff: action<DeactivateResult>()(
    '停用员工（立即失去权限，记录保留；未办结事项转给接手人）',
    z.strictObject({ communityId: zId, personId: zId, reassignTo: zId.optional(), reason: zText('交接原因', 60).optional() }),
  ),
  recordElection: action<SeatView[]>()('登记业委会选举结果（职务、任期、备案号）', zElection),
  endSeat: action<SeatView>()('委员提前离任：任期截至指定日（记录保留）', z.strictObject({ seatId: zId, lastDay: zLocalDate })),
  roster: action<{ day: LocalDate; seats: SeatView[] }>()('某日的业委会名单（缺省为今天）', z.strictObject({ communityId: zId, day: zLocalDate.optional() })),
  candidates: action<Array<{ personId: Id; name: string; rooms: string[] }>>()('可登记为委员的业主（已核实房屋）', zCommunity),
  dashboard: action<DashboardRow[]>()('总经理：各小区对比（逾期质询、未签收送达、逾期事项、收缴率）', noInput),
};

export const INVITATION_DAYS_DEFAULT = INVITATION_DEFAULT_DAYS;
export type { RowError };
