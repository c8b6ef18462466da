import type { AuditEventType } from '@domain/audit';
import type { FileRef } from '@domain/files';
import type { Decision, Inquiry, InquiryEvent } from '@domain/inquiry';
import type { EpochMs, Person } from '@domain/model';
import type { Runtime } from '../_shared/runtime';
import type { Storage } from '../_shared/storage/port';

/**
 * A thread line's id is the inquiry's version after the change it records: every change bumps the
 * version exactly once, so the thread is ordered and a retried write cannot add a line twice.
 */
export const eventId = (inquiryId: string, version: number): string => `${inquiryId}:${String(version).padStart(4, '0')}`;

export interface ThreadEntry {
  text?: string;
  photos?: FileRef[];
  data?: Record<string, unknown>;
}

export async function appendEvent(
  store: Storage,
  inq: Inquiry,
  decision: Pick<Decision, 'event' | 'from' | 'to'> | { event: 'ask'; from: null; to: 'received' },
  actorId: string | null,
  at: EpochMs,
  entry: ThreadEntry = {},
): Promise<void> {
  const record: Omit<InquiryEvent, 'version'> = {
    _id: eventId(inq._id, inq.version),
    inquiryId: inq._id,
    communityId: inq.communityId,
    type: decision.event,
    actorId,
    from: decision.from,
    to: decision.to,
    at,
  };
  if (entry.text) record.text = entry.text;
  if (entry.photos?.length) record.photos = entry.photos;
  if (entry.data) record.data = entry.data;
  await store.insertIfAbsent('inquiryEvents', record);
}

export function threadOf(store: Storage, inquiryId: string): Promise<InquiryEvent[]> {
  return store.find('inquiryEvents', { inquiryId }, { sort: [['_id', 1]] });
}

/** The sweep acts without a request, so it writes its audit line itself (actor: the system). */
export async function auditBySystem(rt: Runtime, at: EpochMs, inq: Inquiry, type: InquiryAuditType, data: Record<string, unknown>): Promise<void> {
  await rt.store.insert('audit', {
    _id: rt.newId('audit'),
    type,
    communityId: inq.communityId,
    actorId: null,
    subject: { kind: 'inquiry', id: inq._id },
    data,
    at,
  });
}

type InquiryAuditType = Extract<AuditEventType, `inquiry.${string}`>;

/** Who answers for a community when no one is assigned, and who receives escalations. */
export async function headsOf(store: Storage, communityId: string): Promise<Person[]> {
  return store.find('people', { communityId, staffRole: 'head' }, { sort: [['_id', 1]] });
}

export async function generalManagers(store: Storage): Promise<Person[]> {
  return store.find('people', { staffRole: 'general_manager' }, { sort: [['_id', 1]] });
}
