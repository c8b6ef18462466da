import { z } from 'zod';
import type { Deadline } from '../deadlines';
import { NOTIFICATION_CATEGORIES } from '../documents';
import type { EpochMs, Id, LocalDate } from '../model';
import { EVENT_DESCRIPTION_MAX, type EventStatus, type NotificationCategory } from '../notification-events';
import { action, pageFields, zId, zKeyOf, zLocalDate, zText, type Paged } from './contract';

/** One 需通报事项 as staff see it: the event, the clock it started, and the letter that closed it. */
export interface EventView {
  eventId: Id;
  category: NotificationCategory;
  categoryLabel: string;
  occurredOn: LocalDate;
  description: string;
  recordedByName: string;
  recordedAt: EpochMs;
  /** Under today's calendar. */
  deadline: Deadline;
  dueDateText: string;
  countdownText: string;
  status: EventStatus;
  statusLabel: string;
  /** The draft notification already started for it (reopen it rather than start another). */
  draftId?: Id;
  notified?: { documentId: Id; at: EpochMs; late: boolean };
}

/** Part of the workbench function: events are due items on the staff workbench. */
export const eventsApi = {
  recordEvent: action<EventView>()(
    '记录需通报事项（事件发生或决定作出后须在规定工作日内通报业委会），开始计时',
    z.strictObject({
      category: zKeyOf(NOTIFICATION_CATEGORIES, '请选择通报类别'),
      occurredOn: zLocalDate,
      description: zText('事项说明', EVENT_DESCRIPTION_MAX),
    }),
  ),
  events: action<Paged<EventView>>()(
    '需通报事项（open：待通报，最早到期的在前；notified：已通报，最近的在前；分页）',
    z.strictObject({ status: z.enum(['open', 'notified']).default('open'), ...pageFields }),
  ),
  event: action<EventView>()('一条需通报事项', z.strictObject({ eventId: zId })),
};
