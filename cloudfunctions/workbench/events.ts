import { cadenceFor } from '@domain/alerts/cadence';
import type { EventView } from '@domain/api/events';
import type { WorkingCalendar } from '@domain/calendar';
import { NOTIFICATION_CATEGORIES, type CommitteeDocument, type DocumentContent } from '@domain/documents';
import { AppError } from '@domain/errors';
import type { EpochMs, Id } from '@domain/model';
import {
  canSeeEvent,
  checkLinkedContent,
  closeEvent,
  eventDeadline,
  EVENT_STATUS_LABELS,
  prepareEvent,
  type NotificationEvent,
} from '@domain/notification-events';
import { hasRole, type Caller } from '@domain/roles';
import { formatDayCn, taskTiming } from '@domain/workbench';
import { requireCaller, type ActionContext, type Handler, type Handlers } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import type { QueryOf } from '../_shared/storage/port';

/**
 * 需通报事项 (`src/domain/notification-events.ts`): staff record an event, which starts the
 * notification clock; the draft composed for it is linked (filings `saveDraft` with `eventId`) and
 * sending it closes the event in the same operation (`closeLinkedEvent`, called by filings `send`).
 */

export function eventView(e: NotificationEvent, now: EpochMs, calendar: WorkingCalendar): EventView {
  const deadline = eventDeadline(e, calendar);
  const timing = taskTiming({ due: deadline.due, dueDate: deadline.dueDate, doneAt: e.notified?.at }, now, calendar);
  return {
    eventId: e._id,
    category: e.category,
    categoryLabel: NOTIFICATION_CATEGORIES[e.category],
    occurredOn: e.occurredOn,
    description: e.description,
    recordedByName: e.recordedByName,
    recordedAt: e.recordedAt,
    deadline,
    dueDateText: formatDayCn(deadline.dueDate),
    countdownText: e.notified ? (e.notified.late ? '已通报（逾期）' : '已通报') : timing.countdownText,
    status: e.status,
    statusLabel: EVENT_STATUS_LABELS[e.status],
    ...(e.draftId ? { draftId: e.draftId } : {}),
    ...(e.notified ? { notified: { documentId: e.notified.documentId, at: e.notified.at, late: e.notified.late } } : {}),
  };
}

async function loadEvent(ctx: ActionContext, caller: Caller, id: Id): Promise<NotificationEvent> {
  const e = await ctx.store.get('notificationEvents', id);
  if (!e || !canSeeEvent(caller, e)) throw new AppError('NOT_FOUND', '事项不存在');
  return e;
}

export const recordEvent: Handler<'workbench', 'recordEvent'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = caller.communityId!;
  const [calendar, community] = await Promise.all([ctx.calendar(), ctx.store.get('communities', communityId)]);
  const fields = prepareEvent(input, {
    now: ctx.now,
    calendar,
    communityId,
    recorder: { personId: caller.personId, name: caller.name },
    cadence: cadenceFor('notificationEvent', community),
  });
  const event = await ctx.store.insert('notificationEvents', { _id: ctx.rt.newId('nev'), ...fields });
  await ctx.audit({
    type: 'notificationEvent.recorded',
    communityId,
    subject: { kind: 'notificationEvent', id: event._id },
    data: { category: event.category, occurredOn: event.occurredOn, dueDate: event.deadline.dueDate, description: event.description },
  });
  return eventView(event, ctx.now, calendar);
};

export const events: Handler<'workbench', 'events'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const query: QueryOf<NotificationEvent> = { status: input.status };
  if (!hasRole(caller, 'general_manager')) query.communityId = caller.communityId ?? '';
  // Open ones soonest due first (what to write next); notified ones newest first.
  const sort: Array<['due' | 'recordedAt', 1 | -1]> = input.status === 'open' ? [['due', 1]] : [['recordedAt', -1]];
  const [calendar, page] = await Promise.all([
    ctx.calendar(),
    ctx.store.page('notificationEvents', query, { sort, limit: input.limit ?? 30, after: input.after }),
  ]);
  return { items: page.items.map((e) => eventView(e, ctx.now, calendar)), next: page.next };
};

export const event: Handler<'workbench', 'event'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  return eventView(await loadEvent(ctx, caller, input.eventId), ctx.now, await ctx.calendar());
};

export const eventHandlers: Pick<Handlers<'workbench'>, 'recordEvent' | 'events' | 'event'> = { recordEvent, events, event };

/**
 * filings `saveDraft` with an `eventId`: the event must be the caller's community's and still open,
 * and the draft a notification of the event's day. Remembers the draft on the event, so 起草通报
 * reopens it.
 */
export async function linkDraft(ctx: ActionContext, caller: Caller, eventId: Id, draft: { _id: Id; communityId: Id; content: DocumentContent }): Promise<void> {
  const e = await loadEvent(ctx, caller, eventId);
  if (e.status !== 'open') throw new AppError('INVALID_INPUT', '该事项已通报');
  checkLinkedContent(e, draft.communityId, draft.content);
  if (e.draftId !== draft._id) await updateWithRetry(ctx.store, 'notificationEvents', e._id, () => ({ draftId: draft._id }));
}

/** Checks a linked draft still fits its event before anything of the send is written. */
export async function checkLinkedSend(ctx: ActionContext, doc: Pick<CommitteeDocument, 'eventId' | 'communityId' | 'content'>): Promise<void> {
  if (!doc.eventId) return;
  const e = await ctx.store.get('notificationEvents', doc.eventId);
  if (e && e.status === 'open') checkLinkedContent(e, doc.communityId, doc.content);
}

/** filings `send`: the notification went out, so the event it was written for is closed (once). */
export async function closeLinkedEvent(ctx: ActionContext, doc: CommitteeDocument, calendar: WorkingCalendar): Promise<void> {
  if (!doc.eventId) return;
  const e = await ctx.store.get('notificationEvents', doc.eventId);
  if (!e) return;
  const patch = closeEvent(e, doc, doc.sentById ?? '', ctx.now, calendar);
  if (!patch) return;
  const closed = await updateWithRetry(ctx.store, 'notificationEvents', e._id, (cur) => closeEvent(cur, doc, doc.sentById ?? '', ctx.now, calendar) ?? {});
  await ctx.audit({
    type: 'notificationEvent.notified',
    communityId: e.communityId,
    subject: { kind: 'notificationEvent', id: e._id },
    data: { documentId: doc._id, late: closed.notified?.late ?? false, dueDate: eventDeadline(e, calendar).dueDate },
  });
}
