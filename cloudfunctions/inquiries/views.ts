import type { InquiryDetailView, InquirySummaryView, InquiryThreadItem } from '@domain/api/inquiries';
import type { WorkingCalendar } from '@domain/calendar';
import { workingDaysLeft } from '@domain/deadlines';
import {
  AWAITING_RATING,
  CLASSIFICATION_LABELS,
  INQUIRY_RULE_TEXT,
  KIND_LABELS,
  OPEN_STATUSES,
  STATUS_LABELS,
  isOverdue,
  mayDo,
  reopenUntil,
  seesFullPhone,
  type Inquiry,
  type InquiryEvent,
} from '@domain/inquiry';
import { POSITION_LABELS, STAFF_ROLE_LABELS, type EpochMs, type Person } from '@domain/model';
import { maskPhone } from '@domain/privacy';
import type { Caller } from '@domain/roles';
import type { Storage } from '../_shared/storage/port';
import { roomsById } from '../_shared/views';

/** Names and rooms a batch of inquiries refers to, read once per request whatever the count. */
export interface ViewContext {
  viewer: Caller;
  now: EpochMs;
  calendar: WorkingCalendar;
  people: Map<string, Person>;
  rooms: Map<string, { label: string }>;
}

export async function viewContext(
  store: Storage,
  viewer: Caller,
  now: EpochMs,
  calendar: WorkingCalendar,
  inquiries: Inquiry[],
  events: InquiryEvent[] = [],
): Promise<ViewContext> {
  const personIds = new Set<string>();
  for (const i of inquiries) {
    personIds.add(i.askerId);
    if (i.assigneeId) personIds.add(i.assigneeId);
  }
  for (const e of events) if (e.actorId) personIds.add(e.actorId);
  const [people, rooms] = await Promise.all([
    personIds.size ? store.find('people', { _id: { $in: [...personIds] } }) : Promise.resolve([]),
    roomsById(
      store,
      inquiries.flatMap((i) => (i.roomId ? [i.roomId] : [])),
    ),
  ]);
  return { viewer, now, calendar, people: new Map(people.map((p) => [p._id, p])), rooms };
}

const excerptOf = (text: string): string => {
  const line = text.split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

export function summaryView(i: Inquiry, vc: ViewContext): InquirySummaryView {
  const view: InquirySummaryView = {
    inquiryId: i._id,
    channel: i.channel,
    kind: i.kind,
    kindLabel: KIND_LABELS[i.kind],
    status: i.status,
    statusLabel: STATUS_LABELS[i.status],
    excerpt: excerptOf(i.text),
    askerName: vc.people.get(i.askerId)?.name ?? '',
    askedByMe: i.askerId === vc.viewer.personId,
    receivedAt: i.receivedAt,
    due: i.due,
    dueDate: i.dueDate,
    dueProvisional: i.dueProvisional,
    overdue: isOverdue(i, vc.now),
    escalated: i.escalatedAt !== undefined,
    awaitingRating: AWAITING_RATING.includes(i.status),
    photoCount: i.photos.length,
  };
  // A closed item shows no countdown, so none is computed (a calendar walk per item).
  if (OPEN_STATUSES.includes(i.status)) view.workingDaysLeft = workingDaysLeft(vc.now, i, vc.calendar);
  if (i.roomId) view.roomLabel = vc.rooms.get(i.roomId)?.label ?? '';
  if (i.assigneeId) {
    view.assigneeId = i.assigneeId;
    view.assigneeName = vc.people.get(i.assigneeId)?.name ?? '';
  }
  if (i.classification) view.classification = i.classification;
  if (i.auditDate) view.auditDate = i.auditDate;
  return view;
}

function eventLabel(e: InquiryEvent, i: Inquiry, vc: ViewContext): string {
  switch (e.type) {
    case 'ask':
      return `提出${KIND_LABELS[i.kind]}`;
    case 'assign':
      return `指派给 ${vc.people.get(String(e.data?.assigneeId ?? ''))?.name ?? '工作人员'}`;
    case 'classify_reasonable':
      return `受理：${CLASSIFICATION_LABELS.reasonable}诉求，将按期答复`;
    case 'explain':
      return '解释说明';
    case 'escalate':
      return '服务中心无法解决，已上报总经理';
    case 'answer':
      return '答复';
    case 'follow_up':
      return '追问';
    case 'flag_overdue':
      return '已逾期未答复，已上报服务中心负责人';
    case 'rate_satisfied':
      return '评价：满意';
    case 'rate_unsatisfied':
      return '评价：不满意';
    case 'reopen':
    case 'reopen_to_gm':
      return '重新打开';
  }
}

function actorRole(e: InquiryEvent, i: Inquiry, vc: ViewContext): string {
  if (!e.actorId) return '系统';
  const p = vc.people.get(e.actorId);
  if (p?.staffRole) return STAFF_ROLE_LABELS[p.staffRole];
  if (e.actorId === i.askerId) {
    const position = vc.viewer.personId === i.askerId ? vc.viewer.committeePosition : undefined;
    return i.channel === 'committee' ? `业委会${position ? POSITION_LABELS[position] : '委员'}` : '业主';
  }
  return '';
}

export function threadItem(e: InquiryEvent, i: Inquiry, vc: ViewContext): InquiryThreadItem {
  const item: InquiryThreadItem = {
    eventId: e._id,
    type: e.type,
    label: eventLabel(e, i, vc),
    actorName: e.actorId ? (vc.people.get(e.actorId)?.name ?? '') : '系统',
    actorRole: actorRole(e, i, vc),
    photos: e.photos ?? [],
    at: e.at,
  };
  if (e.text) item.text = e.text;
  return item;
}

export function detailView(i: Inquiry, events: InquiryEvent[], vc: ViewContext): InquiryDetailView {
  const v = vc.viewer;
  const phone = vc.people.get(i.askerId)?.phone;
  const until = reopenUntil(i);
  const reopenEvent = i.escalatedAt !== undefined ? 'reopen_to_gm' : 'reopen';
  const view: InquiryDetailView = {
    ...summaryView(i, vc),
    text: i.text,
    photos: i.photos,
    askerPhone: seesFullPhone(v, i) ? (phone ?? '') : maskPhone(phone),
    ruleText: INQUIRY_RULE_TEXT,
    thread: events.map((e) => threadItem(e, i, vc)),
    can: {
      followUp: mayDo(v, i, 'follow_up'),
      rate: mayDo(v, i, 'rate_satisfied'),
      reopen: mayDo(v, i, reopenEvent) && until !== undefined && vc.now <= until,
      assign: mayDo(v, i, 'assign'),
      classify: mayDo(v, i, 'classify_reasonable'),
      answer: mayDo(v, i, 'answer'),
      explain: mayDo(v, i, 'explain'),
      escalate: mayDo(v, i, 'escalate'),
    },
  };
  if (i.rating) view.rating = i.rating;
  if (until !== undefined) view.reopenUntil = until;
  return view;
}
