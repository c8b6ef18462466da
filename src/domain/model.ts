import type { TemplateKey } from './alerts/templates';
import type { Staged } from './import-staging';
/**
 * Records shared by the app and the functions. Times are epoch milliseconds (`EpochMs`), days are
 * Shanghai calendar days 'YYYY-MM-DD' (`LocalDate`), money is integer fen (`Fen`).
 */
import type { ReminderProof } from './fees';

export type { Id, EpochMs, LocalDate, Fen } from './units';
import type { Id, EpochMs, LocalDate, Fen } from './units';

/** Every stored record carries its id and a version bumped by each conditional update. */
export interface StoredRecord {
  _id: Id;
  version: number;
  /** The last operations that wrote this record (server-side bookkeeping: a resumed write is applied once). */
  ops?: string[];
}

export interface Community extends StoredRecord {
  name: string;
  city: string;
  /** The company account owners pay into; the app never shows any other account. */
  companyAccount: { bank: string; accountName: string; accountNo: string };
  quorumRule?: { presentMoreThan: number; agreeMoreThan: number; agreeBase: 'all' | 'present' };
  /** Days of written notice before a special meeting (local regulations differ; default the rule book's). */
  noticeDays?: number;
  /** Who keeps the committee seal, by name as shown (kept with `sealKeeperId` when one is chosen). */
  sealKeeper?: string;
  /** The committee member who keeps the seal and alone records its use (absent or empty: the chair). */
  sealKeeperId?: Id;
  /** Fee reminder cadence and escalation thresholds; absent fields take the defaults. */
  feePolicy?: FeePolicySettings;
  /** Reminder cadences the community set (`settings.reminders`); absent ones take the defaults of `alerts/cadence.ts`. */
  reminders?: { [key: string]: { [field: string]: number | undefined } | undefined };
  /** Day of the quarter's first month the fund report is due (absent: the rule book's day). */
  fundReportDay?: number;
  /** Bumped with each settings change; the previous values are kept in `revisions`. */
  settingsVersion?: number;
  /** Nothing is deleted: a community the company no longer serves is retired and keeps its records. */
  retiredAt?: EpochMs;
  createdAt: EpochMs;
}

export interface FeePolicySettings {
  repeatEveryDays: number;
  lawyerLetterAfterMonths: number;
  lawsuitAfterMonths: number;
  lawsuitMinAmountFen: Fen;
}

export interface Building extends StoredRecord {
  communityId: Id;
  name: string;
  /** The import that last wrote it (absent: seeded or created by hand). */
  importId?: Id;
  /** Created by an import not yet committed: invisible until it is (`import-staging.ts`). */
  staged?: Staged<Pick<Building, 'name' | 'importId'>> | null;
}

export interface Room extends StoredRecord {
  communityId: Id;
  buildingId: Id;
  /** e.g. '1栋-1单元-301'; lists of arrears show this, never a name. */
  label: string;
  areaM2: number;
  unit?: string;
  /** The owner on the company's register, against which binding requests are checked. */
  ownerName?: string;
  ownerPhone?: string;
  /** The import that last wrote it; a re-import lists rooms it did not write for the head to retire. */
  importId?: Id;
  /** Retired rooms keep their records (bills, bindings) but take no new bindings. */
  retiredAt?: EpochMs;
  /** The day the company took the room on; bills start that month (pro rata) or the next. Absent → always billed. */
  activeFrom?: LocalDate;
  /** An import's new values, in force once that import commits (`import-staging.ts`). */
  staged?: Staged<RoomImportValues> | null;
}

/** The fields of a room an import writes. */
export type RoomImportValues = Pick<Room, 'buildingId' | 'label' | 'unit' | 'areaM2' | 'ownerName' | 'ownerPhone' | 'importId'>;

export type StaffRole = 'butler' | 'butler_supervisor' | 'head' | 'general_manager';
export type CommitteePosition = 'chair' | 'vice_chair' | 'member';

export interface Person extends StoredRecord {
  /** The platform identity (WeChat OPENID). Never taken from a request body. */
  openid: string;
  name: string;
  phone?: string;
  /** The community this person acts in; a general manager spans all communities of the company. */
  communityId: Id | null;
  staffRole?: StaffRole;
  /** The role on the person (the general manager's) was retired: it no longer counts; records stay. */
  staffRetiredAt?: EpochMs | null;
  /** Buildings a butler looks after. */
  buildingIds?: Id[];
  /** A company administrator (系统管理员): manages communities and their heads. */
  admin?: boolean;
  createdAt: EpochMs;
}

/**
 * A person's staff role in one community. A person may serve several communities; the one they act
 * in is `Person.communityId` (the session's switcher). Deactivation keeps the record (and all the
 * person's records) and ends access at the next request.
 */
export interface StaffMember extends StoredRecord {
  communityId: Id;
  personId: Id;
  role: Exclude<StaffRole, 'general_manager'>;
  buildingIds: Id[];
  active: boolean;
  invitationId?: Id;
  since: EpochMs;
  deactivatedAt?: EpochMs;
  deactivatedBy?: Id;
}

export type BindingStatus = 'requested' | 'approved' | 'rejected';

/** An owner's claim on a room; staff verify it before the owner sees bills or asks as an owner. */
export interface RoomBinding extends StoredRecord {
  communityId: Id;
  personId: Id;
  roomId: Id;
  status: BindingStatus;
  requestedAt: EpochMs;
  decidedAt?: EpochMs;
  decidedBy?: Id;
  note?: string;
}

/** A seat on the owners' committee for a term. */
export interface CommitteeSeat extends StoredRecord {
  communityId: Id;
  personId: Id;
  position: CommitteePosition;
  termStart: LocalDate;
  termEnd: LocalDate;
  /** The election result that created it, and its filing number with the street office (备案号). */
  electionId?: Id;
  filingNo?: string;
  /** The member was retired: no committee access from this instant (the day still counts in the roster). */
  endedAt?: EpochMs;
}

export const POSITION_LABELS: Record<CommitteePosition, string> = {
  chair: '主任',
  vice_chair: '副主任',
  member: '委员',
};

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  butler: '管家',
  butler_supervisor: '管家主管',
  head: '服务中心负责人',
  general_manager: '总经理',
};

/** One room's property fee for one month. */
export interface Bill extends StoredRecord {
  communityId: Id;
  buildingId: Id;
  roomId: Id;
  /** 'YYYY-MM' */
  month: string;
  amountFen: Fen;
  status: 'unpaid' | 'paid';
  /** Reminders for this bill start on the 15th of its month. */
  dueDate: LocalDate;
  paidAt?: EpochMs;
  /** Paid so far in fen (a partial payment leaves the bill unpaid); absent on bills from before partial payments. */
  paidFen?: Fen;
  /** The last proven written reminder covering this bill: the limitation period counts from it. */
  lastProvenAt?: EpochMs;
  /** A fee item besides the property fee, from an imported bill (parking, shared utilities); absent → 物业费. */
  item?: string;
  createdAt: EpochMs;
}

/** One recorded reminder attempt (催缴), kept for the limitation period and as proof of delivery. */
export interface FeeReminder extends StoredRecord {
  communityId: Id;
  /** The oldest bill it covered (kept for records made before one contact could cover several). */
  billId: Id;
  /** Every unpaid bill the contact was about: one contact, counted once. */
  billIds?: Id[];
  buildingId?: Id;
  roomId: Id;
  channel: string;
  /** A person, or 'system' for the product's own message to the owner. */
  byId: Id;
  at: EpochMs;
  outcome: string;
  /** A written channel; it interrupts the limitation period only once `proof` is attached. */
  written: boolean;
  reachable: boolean;
  proof?: ReminderProof;
  /** The alert the product sent (its inbox item's read time is the read receipt). */
  alertKey?: string;
}

/** The in-app inbox: where an alert lands when no subscribe-message quota is left, and always for the record. */
export interface InboxItem extends StoredRecord {
  personId: Id;
  communityId: Id | null;
  title: string;
  body: string;
  link?: string;
  createdAt: EpochMs;
  readAt?: EpochMs;
  /** Dedupe key: the same alert is never put in one inbox twice. */
  alertKey?: string;
}

/** Remaining one-time subscribe-message consents of one person for one template. */
export interface SubscriptionQuota extends StoredRecord {
  personId: Id;
  templateKey: TemplateKey;
  remaining: number;
  updatedAt: EpochMs;
}

/**
 * An administrator's correction of the official calendar: one day, or a whole year's list.
 * Stored with a deterministic id (`day:2027-01-01`, `year:2027`); a change bumps the version and
 * the audit log keeps what it was before.
 */
export interface CalendarOverrideFields {
  scope: 'day' | 'year';
  date?: LocalDate;
  kind?: 'holiday' | 'workday';
  name?: string;
  year?: number;
  holidays?: Array<{ date: LocalDate; name: string }>;
  workdays?: Array<{ date: LocalDate; name: string }>;
}

export interface CalendarOverrideRecord extends StoredRecord, CalendarOverrideFields {
  /** Nothing is deleted: a withdrawn correction stays stored, marked revoked, and the calendar ignores it. */
  revoked?: boolean;
  updatedBy: Id;
  updatedAt: EpochMs;
}
