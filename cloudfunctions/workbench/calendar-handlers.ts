import type { CalendarHistoryView, CalendarOverrideView } from '@domain/api/workbench';
import { parseCalendarImport, SHIPPED_YEARS } from '@domain/calendar';
import { contentFields, contentsOf, monthGrid, overrideSummary, recordIdOf, sameContent, yearRecordId, type OverrideContent } from '@domain/calendar-admin';
import { inquiryAnswerDeadline, notificationDeadline } from '@domain/deadlines';
import { AppError } from '@domain/errors';
import type { CalendarOverrideRecord } from '@domain/model';
import type { AuditEvent } from '@domain/audit';
import { yearOfMonth } from '@domain/time';
import { formatDayCn, weekdayCn } from '@domain/workbench';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { namesOf } from '../_shared/people';

type CalendarActions =
  'calendarMonth' | 'calendarOverrides' | 'setCalendarDay' | 'setCalendarYear' | 'importCalendar' | 'revokeCalendarOverride' | 'calendarPreview';

const COLL = 'calendarOverrides' as const;
const SUBJECT = 'calendarOverride';

/** What an audit line keeps of a record: everything it said, so any earlier version can be read back. */
function snapshot(r: CalendarOverrideRecord): Record<string, unknown> {
  const { _id, ...rest } = r;
  return { id: _id, ...rest };
}

/**
 * A correction is a new version of the day's or year's one record (compare-and-set), with the
 * previous version kept in the audit log. Saying again what is already in force writes nothing.
 */
async function save(ctx: ActionContext, content: OverrideContent): Promise<{ record: CalendarOverrideRecord; changed: boolean }> {
  const caller = requireCaller(ctx);
  const id = recordIdOf(content);
  const fields = { ...contentFields(content), revoked: false, updatedBy: caller.personId, updatedAt: ctx.now };
  const audit = (previous: CalendarOverrideRecord | null, record: CalendarOverrideRecord) =>
    ctx.audit({
      type: 'calendar.override_set',
      communityId: null,
      subject: { kind: SUBJECT, id },
      data: { previous: previous ? snapshot(previous) : null, next: snapshot(record), summary: overrideSummary(record) },
    });
  if (await ctx.store.insertIfAbsent(COLL, { _id: id, ...fields } as CalendarOverrideRecord)) {
    const record = (await ctx.store.get(COLL, id))!;
    await audit(null, record);
    return { record, changed: true };
  }
  const current = (await ctx.store.get(COLL, id))!;
  if (sameContent(current, content)) return { record: current, changed: false };
  let previous: CalendarOverrideRecord = current;
  const record = await updateWithRetry(ctx.store, COLL, id, (latest) => {
    previous = latest;
    return fields;
  });
  await audit(previous, record);
  return { record, changed: true };
}

async function views(ctx: ActionContext, records: CalendarOverrideRecord[]): Promise<CalendarOverrideView[]> {
  const ids = records.map((r) => r._id);
  const events = ids.length ? await ctx.store.find('audit', { 'subject.kind': SUBJECT, 'subject.id': { $in: ids } }, { sort: [['at', -1]] }) : [];
  const names = await namesOf(ctx.store, [...records.map((r) => r.updatedBy), ...events.map((e) => e.actorId)]);
  return records.map((r): CalendarOverrideView => {
    // Newest first by the version each change produced: several changes can share one moment.
    const versionOf = (e: AuditEvent): number => (e.data.next as CalendarOverrideRecord).version;
    const history = events
      .filter((e) => e.subject.id === r._id)
      .sort((a, b) => versionOf(b) - versionOf(a))
      .map((e): CalendarHistoryView => {
        const prev = e.data.previous as CalendarOverrideRecord | null;
        const next = e.data.next as CalendarOverrideRecord;
        const entry: CalendarHistoryView = {
          at: e.at,
          byName: (e.actorId && names.get(e.actorId)) || '',
          change: e.type === 'calendar.override_revoked' ? '撤销' : overrideSummary(next),
        };
        if (prev) entry.previous = `${overrideSummary(prev)}${prev.revoked ? '（已撤销）' : ''}`;
        return entry;
      });
    const view: CalendarOverrideView = {
      id: r._id,
      scope: r.scope,
      summary: overrideSummary(r),
      revoked: r.revoked === true,
      version: r.version,
      updatedAt: r.updatedAt,
      updatedByName: names.get(r.updatedBy) ?? '',
      history,
    };
    if (r.scope === 'day') Object.assign(view, { date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) });
    else Object.assign(view, { year: r.year, holidays: r.holidays ?? [], workdays: r.workdays ?? [] });
    return view;
  });
}

async function viewOf(ctx: ActionContext, record: CalendarOverrideRecord): Promise<CalendarOverrideView> {
  return (await views(ctx, [record]))[0]!;
}

/** The same checks an import gets, so a form cannot store what an import would refuse. */
function validated(item: unknown): OverrideContent {
  const parsed = parseCalendarImport([item]);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => e.replace(/^第1项：?/, ''));
    throw new AppError('INVALID_INPUT', errors[0], errors);
  }
  return contentsOf(parsed.value)[0]!;
}

export const calendarMonth: Handler<'workbench', 'calendarMonth'> = async (ctx, input) => {
  const year = yearOfMonth(input.month);
  const [calendar, yearRecord] = await Promise.all([ctx.calendar(), ctx.store.get(COLL, yearRecordId(year))]);
  const yearSource = yearRecord && !yearRecord.revoked ? 'admin' : SHIPPED_YEARS.includes(year) ? 'shipped' : 'none';
  return { ...monthGrid(input.month, calendar), yearSource };
};

export const calendarOverrides: Handler<'workbench', 'calendarOverrides'> = async (ctx) => {
  const records = await ctx.store.find(COLL, {}, { sort: [['updatedAt', -1]] });
  return views(ctx, records);
};

export const setCalendarDay: Handler<'workbench', 'setCalendarDay'> = async (ctx, input) => {
  return viewOf(ctx, (await save(ctx, validated(input))).record);
};

export const setCalendarYear: Handler<'workbench', 'setCalendarYear'> = async (ctx, input) => {
  return viewOf(ctx, (await save(ctx, validated(input))).record);
};

export const importCalendar: Handler<'workbench', 'importCalendar'> = async (ctx, input) => {
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch {
    throw new AppError('CALENDAR_IMPORT_INVALID', '导入的内容不是有效的 JSON，未保存任何内容', ['不是有效的 JSON：请检查括号、引号和逗号']);
  }
  const parsed = parseCalendarImport(json);
  if (!parsed.ok) {
    throw new AppError('CALENDAR_IMPORT_INVALID', `导入的日历数据有${parsed.errors.length}处错误，未保存任何内容`, parsed.errors);
  }
  // Everything is validated before the first write, so an invalid list stores nothing.
  const saved: CalendarOverrideRecord[] = [];
  let unchanged = 0;
  for (const content of contentsOf(parsed.value)) {
    const { record, changed } = await save(ctx, content);
    if (changed) saved.push(record);
    else unchanged++;
  }
  return { saved: await views(ctx, saved), unchanged };
};

export const revokeCalendarOverride: Handler<'workbench', 'revokeCalendarOverride'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const found = await ctx.store.get(COLL, input.id);
  if (!found) throw new AppError('NOT_FOUND');
  let previous: CalendarOverrideRecord | null = null;
  const record = await updateWithRetry(ctx.store, COLL, input.id, (current) => {
    if (current.revoked) throw new AppError('CALENDAR_OVERRIDE_REVOKED');
    previous = current;
    return { revoked: true, updatedBy: caller.personId, updatedAt: ctx.now };
  });
  await ctx.audit({
    type: 'calendar.override_revoked',
    communityId: null,
    subject: { kind: SUBJECT, id: input.id },
    data: { previous: snapshot(previous!), next: snapshot(record), summary: overrideSummary(record) },
  });
  return viewOf(ctx, record);
};

export const calendarPreview: Handler<'workbench', 'calendarPreview'> = async (ctx, input) => {
  const calendar = await ctx.calendar();
  const deadline = input.rule === 'notification' ? notificationDeadline(input.day, calendar) : inquiryAnswerDeadline(input.day, calendar);
  return { ...deadline, dueDateText: formatDayCn(deadline.dueDate), weekdayText: weekdayCn(deadline.dueDate) };
};

export const calendarHandlers: Pick<Handlers<'workbench'>, CalendarActions> = {
  calendarMonth,
  calendarOverrides,
  setCalendarDay,
  setCalendarYear,
  importCalendar,
  revokeCalendarOverride,
  calendarPreview,
};
