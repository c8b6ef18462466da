/**
 * A community's recurring duties to its committee, materialised as tasks. Ids are derived from the
 * community, the kind and the period, so generating the same range again yields the same records
 * and a scheduler can upsert them blindly.
 */
import type { WorkingCalendar } from './calendar';
import {
  annualReportDeadline,
  auditWindow,
  auditWindowDeadline,
  culturePublicationDeadline,
  quarterlyFundReportDeadline,
  halfYearReportDeadline,
  monthlyPlDeadline,
  routineMeetingProposalDeadline,
  type Deadline,
  type DeadlineRule,
} from './deadlines';
import { RULE_PHRASES } from './rules';
import { addMonths, dateInMonth, monthNumber, monthOf, parseLocalDate, quarterOf, yearOfMonth, type EpochMs, type LocalDate, type YearMonth } from './time';

export type ObligationKind =
  'monthly_pl' | 'audit_window' | 'routine_meeting_proposal' | 'culture_publication' | 'quarterly_fund_report' | 'half_year_report' | 'annual_report';

export interface ObligationTask {
  _id: string;
  communityId: string;
  kind: ObligationKind;
  title: string;
  /** 'YYYY-MM' (monthly), 'YYYY-Qn' (quarterly), 'YYYY-H1' (half-year) or 'YYYY' (annual). */
  period: string;
  dueDate: LocalDate;
  due: EpochMs;
  /**
   * The last working day on or before `dueDate`: when the due day falls in a holiday (e.g. 5 October)
   * the office is closed, so staff must finish by this day. The rule's own date is left as written.
   */
  lastWorkingDate: LocalDate;
  /** True when `lastWorkingDate` rests on a year the calendar does not cover yet. */
  provisional: boolean;
  rule: DeadlineRule;
  ruleText: string;
  /** First day of a duty that is a window (the audit days, the publication month). */
  windowStart?: LocalDate;
}

export type ObligationStatus = 'done' | 'open' | 'overdue';

export interface GenerateObligationsInput {
  communityId: string;
  from: LocalDate;
  months: number;
  calendar: WorkingCalendar;
  /** The community's day for the quarterly fund report (its setting); the rule book's day when absent. */
  fundReportDay?: number;
}

const ID_KEYS: Record<ObligationKind, string> = {
  monthly_pl: 'pl',
  audit_window: 'audit',
  routine_meeting_proposal: 'meeting',
  culture_publication: 'culture',
  quarterly_fund_report: 'funds',
  half_year_report: 'half',
  annual_report: 'annual',
};

type Draft = { kind: ObligationKind; period: string; title: string; deadline: Deadline; windowStart?: LocalDate };

/** Every duty whose due date falls in `month`. */
function draftsDueIn(month: YearMonth, fundReportDay: number | undefined): Draft[] {
  const year = yearOfMonth(month);
  const m = monthNumber(month);
  const reported = addMonths(month, -1);
  const drafts: Draft[] = [
    {
      kind: 'monthly_pl',
      period: reported,
      title: `报送${yearOfMonth(reported)}年${monthNumber(reported)}月财务损益表`,
      deadline: monthlyPlDeadline(reported),
    },
    {
      kind: 'audit_window',
      period: month,
      title: `${year}年${m}月质询、审计接待（${RULE_PHRASES.auditWindowDays}）`,
      deadline: auditWindowDeadline(month),
      windowStart: auditWindow(month).start,
    },
  ];
  if (m % 3 === 1) {
    const q = quarterOf(month);
    drafts.push(
      {
        kind: 'routine_meeting_proposal',
        period: `${year}-Q${q}`,
        title: `提议召开${year}年第${q}季度例行工作沟通会议`,
        deadline: routineMeetingProposalDeadline(year, q),
      },
      {
        kind: 'culture_publication',
        period: `${year}-Q${q}`,
        title: `报送${year}年第${q}季度社区文化报刊、宣传品`,
        deadline: culturePublicationDeadline(year, q),
        windowStart: dateInMonth(month, 1),
      },
      {
        kind: 'quarterly_fund_report',
        period: `${year}-Q${q}`,
        title: `报告${q === 1 ? year - 1 : year}年第${q === 1 ? 4 : q - 1}季度物业费及专项维修资金收支情况`,
        deadline: quarterlyFundReportDeadline(year, q, fundReportDay),
      },
    );
  }
  if (m === 6) {
    drafts.push({ kind: 'half_year_report', period: `${year}-H1`, title: `${year}年半年度工作汇报`, deadline: halfYearReportDeadline(year) });
  }
  if (m === 12) {
    drafts.push({ kind: 'annual_report', period: `${year}`, title: `${year}年年度工作汇报`, deadline: annualReportDeadline(year) });
  }
  return drafts;
}

/**
 * The duties due in the `months` calendar months starting with the month of `from`, skipping any
 * already due before `from` (a community set up mid-month does not start with overdue tasks).
 */
export function generateObligations({ communityId, from, months, calendar, fundReportDay }: GenerateObligationsInput): ObligationTask[] {
  parseLocalDate(from);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new Error('生成月数应为1至120之间的整数');
  if (communityId.trim() === '') throw new Error('缺少小区编号');
  const tasks: ObligationTask[] = [];
  for (let i = 0; i < months; i++) {
    for (const draft of draftsDueIn(addMonths(monthOf(from), i), fundReportDay)) {
      const { deadline } = draft;
      if (deadline.dueDate < from) continue;
      const lastWorking = calendar.workingDayOnOrBefore(deadline.dueDate);
      const task: ObligationTask = {
        _id: `ob:${communityId}:${ID_KEYS[draft.kind]}:${draft.period}`,
        communityId,
        kind: draft.kind,
        title: draft.title,
        period: draft.period,
        dueDate: deadline.dueDate,
        due: deadline.due,
        lastWorkingDate: lastWorking.date,
        provisional: lastWorking.provisional,
        rule: deadline.rule,
        ruleText: deadline.ruleText,
      };
      tasks.push(draft.windowStart ? { ...task, windowStart: draft.windowStart } : task);
    }
  }
  // Plain code-unit order, not localeCompare, so the order cannot depend on the machine's locale.
  const key = (t: ObligationTask): string => `${t.dueDate} ${t._id}`;
  return tasks.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function obligationStatus(task: Pick<ObligationTask, 'due'>, doneAt: EpochMs | undefined, now: EpochMs): ObligationStatus {
  if (doneAt !== undefined) return 'done';
  return now > task.due ? 'overdue' : 'open';
}
