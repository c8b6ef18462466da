import type { FileRef } from '@domain/files';
import type { Decision, Inquiry, InquiryEvent } from '@domain/inquiry';
import type { EpochMs } from '@domain/model';
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
