import type { WorkingCalendar } from '../calendar';
import type { EpochMs, LocalDate } from '../units';
import { INQUIRY_REMINDER_WORKING_DAYS, NOTIFICATION_WORKING_DAYS, OPINION_REMINDER_WORKING_DAYS, REMINDER_REPEAT_DAYS, REMINDER_START_DAY } from '../rules';
import { addCalendarDays, localDateOf, startOfLocalDay } from '../time';

/**
 * Every reminder cadence of the product, as data: when a deadline alerts before it falls due, how
 * often it chases once it has passed, and whom it escalates to. Meetings and fees read theirs here.
 * A community may override a cadence in its settings: `settings.reminders.<key>` (see cadenceFor),
 * stored on the community record as `reminders`.
 */
export interface Cadence {
  /** Alert when this many working days (or fewer) remain before the due day; 0 = no alert before. */
  beforeWorkingDays: number;
  /** Once past due, alert again every this many working days after the due day; 0 = once, when it passes. */
  repeatEveryWorkingDays: number;
  /**
   * Escalations once past due: to whom, and how many working days after the due day (0 = as soon as
   * it has passed; 1 = from the first working day after the due day; 2 = a further working day).
   */
  escalate: ReadonlyArray<{ to: 'head' | 'general_manager'; afterWorkingDays: number }>;
}

/**
 * A reminder that recurs rather than chases a deadline: owners' unpaid bills, from a day of the bill's
 * month, then every so many calendar days after the last attempt (any channel restarts it) until paid.
 * Calendar days, not working days: an owner may be reminded on a weekend, staff alerts may not.
 */
export interface RecurringCadence {
  /** Day of the bill's month on which reminders start; the rule book fixes it, so no community overrides it. */
  startDay: number;
  repeatEveryDays: number;
}

export const DEFAULT_CADENCES = {
  /** A member has not signed a delivered filing, notification or report. */
  unsignedDelivery: { beforeWorkingDays: 1, repeatEveryWorkingDays: 2, escalate: [] },
  /** A member has not given an opinion by the response deadline; the sender collects after it. */
  opinion: { beforeWorkingDays: OPINION_REMINDER_WORKING_DAYS, repeatEveryWorkingDays: 0, escalate: [] },
  /** An inquiry not answered in time: overdue → the head, a further working day → the general manager. */
  inquiry: {
    beforeWorkingDays: INQUIRY_REMINDER_WORKING_DAYS,
    repeatEveryWorkingDays: 0,
    escalate: [
      { to: 'head', afterWorkingDays: 0 },
      { to: 'general_manager', afterWorkingDays: 2 },
    ],
  },
  /** A notification (通报) owed since an event: before the 3rd working day, daily after it. */
  notificationEvent: { beforeWorkingDays: NOTIFICATION_WORKING_DAYS - 1, repeatEveryWorkingDays: 1, escalate: [{ to: 'head', afterWorkingDays: 0 }] },
  /** Workbench obligations (reports, proposals): the workbench sweep's own stages, stated here. */
  obligation: { beforeWorkingDays: 2, repeatEveryWorkingDays: 0, escalate: [{ to: 'head', afterWorkingDays: 0 }] },
  /** Owners' unpaid bills (the fees reminders): from the 15th of the bill's month, every 7 days until paid. */
  bill: { startDay: REMINDER_START_DAY, repeatEveryDays: REMINDER_REPEAT_DAYS },
} as const satisfies Record<string, Cadence | RecurringCadence>;

type Table = typeof DEFAULT_CADENCES;
/** The cadences of deadlines (working days, escalations). */
export type CadenceKey = { [K in keyof Table]: Table[K] extends Cadence ? K : never }[keyof Table];
/** Every key a community may override in `settings.reminders`. */
export type ReminderKey = keyof Table;
export const REMINDER_KEYS = Object.keys(DEFAULT_CADENCES) as ReminderKey[];

/** The most working days a deadline cadence may be set to (before, or between repeats). */
export const MAX_CADENCE_WORKING_DAYS = 30;
/** The longest a community may leave between two bill reminders. */
export const MAX_BILL_REPEAT_DAYS = 90;

const isCount = (v: unknown, min = 0, max = MAX_CADENCE_WORKING_DAYS): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The community's own override of one cadence, if it stored one (own keys only). */
function overrideOf(key: ReminderKey, community: unknown): Record<string, unknown> | null {
  const reminders = (community as { reminders?: unknown } | null | undefined)?.reminders;
  if (!reminders || typeof reminders !== 'object' || !Object.prototype.hasOwnProperty.call(reminders, key)) return null;
  const own = (reminders as Record<string, unknown>)[key];
  return own && typeof own === 'object' ? (own as Record<string, unknown>) : null;
}

/**
 * A community's cadence: its `settings.reminders[key]` where present and sane, the default otherwise.
 * Read defensively: communities created before settings existed have none, and a hand-edited value
 * that is not a small whole number is ignored rather than trusted.
 */
export function cadenceFor(key: CadenceKey, community: unknown): Cadence {
  const base: Cadence = DEFAULT_CADENCES[key];
  const o = overrideOf(key, community);
  if (!o) return base;
  return {
    beforeWorkingDays: isCount(o.beforeWorkingDays) ? o.beforeWorkingDays : base.beforeWorkingDays,
    repeatEveryWorkingDays: isCount(o.repeatEveryWorkingDays) ? o.repeatEveryWorkingDays : base.repeatEveryWorkingDays,
    escalate: base.escalate,
  };
}

/**
 * A community's bill-reminder cadence: `settings.reminders.bill.repeatEveryDays` where sane, else the
 * older fee-policy field `feePolicy.repeatEveryDays` (communities that set it before keep their
 * cadence), else the default. The start day is always the rule book's.
 */
export function billCadenceFor(community: unknown): RecurringCadence {
  const base = DEFAULT_CADENCES.bill;
  const own = overrideOf('bill', community)?.repeatEveryDays;
  const legacy = (community as { feePolicy?: { repeatEveryDays?: unknown } } | null | undefined)?.feePolicy?.repeatEveryDays;
  const every = [own, legacy].find((v): v is number => isCount(v, 1, MAX_BILL_REPEAT_DAYS));
  return { startDay: base.startDay, repeatEveryDays: every ?? base.repeatEveryDays };
}

/**
 * The cadences a community may set, and the only ones read per community: the others' sweeps keep the
 * default (offering a setting nothing reads would mislead whoever changes it).
 */
export const SETTABLE_REMINDERS = ['unsignedDelivery', 'notificationEvent'] as const satisfies readonly CadenceKey[];
export type SettableReminder = (typeof SETTABLE_REMINDERS)[number];

export type ReminderSettings = { [K in SettableReminder]: Pick<Cadence, 'beforeWorkingDays' | 'repeatEveryWorkingDays'> } & {
  bill: Pick<RecurringCadence, 'repeatEveryDays'>;
};

/** The settable cadences a community runs on, its overrides applied (what its settings page shows). */
export function remindersOf(community: unknown): ReminderSettings {
  const pick = (k: SettableReminder) => {
    const c = cadenceFor(k, community);
    return { beforeWorkingDays: c.beforeWorkingDays, repeatEveryWorkingDays: c.repeatEveryWorkingDays };
  };
  return {
    unsignedDelivery: pick('unsignedDelivery'),
    notificationEvent: pick('notificationEvent'),
    bill: { repeatEveryDays: billCadenceFor(community).repeatEveryDays },
  };
}

/**
 * Which alert of a cadence is due now for a deadline, named so that a sweep can key its alert by
 * it (each step alerts once): `before` while at most `beforeWorkingDays` working days remain,
 * `after-1`, `after-2`, … each `repeatEveryWorkingDays` working days after the due day (`after-1`
 * only, from the first working day after, when it does not repeat). Null in between.
 */
export function chaseStep(cadence: Cadence, due: EpochMs, now: EpochMs, calendar: WorkingCalendar): string | null {
  const today = localDateOf(now);
  const dueDay: LocalDate = localDateOf(due);
  if (now <= due) {
    const left = calendar.workingDaysBetween(today, dueDay);
    return cadence.beforeWorkingDays > 0 && left <= cadence.beforeWorkingDays ? 'before' : null;
  }
  const passed = calendar.workingDaysBetween(dueDay, today);
  if (cadence.repeatEveryWorkingDays === 0) return passed >= 1 ? 'after-1' : null;
  const n = Math.floor(passed / cadence.repeatEveryWorkingDays);
  return n >= 1 ? `after-${n}` : null;
}

/**
 * When the chase step next changes after `now` (the start of that Shanghai day), looking at most
 * `horizonDays` ahead; null when it never will (no repeat after the last step). The sweep stores it
 * so that it reads only the deliveries whose next step has come.
 */
export function nextChaseAt(cadence: Cadence, due: EpochMs, now: EpochMs, calendar: WorkingCalendar, horizonDays = 120): EpochMs | null {
  const current = chaseStep(cadence, due, now, calendar);
  let day = localDateOf(now);
  for (let i = 0; i < horizonDays; i++) {
    day = addCalendarDays(day, 1);
    const start = startOfLocalDay(day);
    if (chaseStep(cadence, due, start, calendar) !== current) return start;
  }
  return cadence.repeatEveryWorkingDays === 0 && current !== null ? null : startOfLocalDay(day);
}

/** The escalations due by now: each once the working days after the due day have passed. */
export function escalationsDue(cadence: Cadence, due: EpochMs, now: EpochMs, calendar: WorkingCalendar): Array<Cadence['escalate'][number]> {
  if (now <= due) return [];
  const passed = calendar.workingDaysBetween(localDateOf(due), localDateOf(now));
  return cadence.escalate.filter((e) => passed >= e.afterWorkingDays);
}
