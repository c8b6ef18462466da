import type { CommitteeDocument } from '@domain/documents';
import { can, MEETING_STATES, MEETING_TRANSITIONS } from '@domain/meetings';
import type { ActionContext } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { archiveMeeting } from './common';

/**
 * After any sign-off event on minutes: once every attendee has signed (or a refusal is recorded),
 * the meeting's minutes are signed. Called by the filings sign-off, which owns the deliveries.
 */
export async function completeMinutesIfSigned(ctx: ActionContext, doc: CommitteeDocument): Promise<void> {
  if (doc.kind !== 'minutes' || doc.supersededBy) return;
  const [meeting] = await ctx.store.find('meetings', { minutesDocumentId: doc._id }, { limit: 1 });
  if (!meeting || !can(MEETING_TRANSITIONS, MEETING_STATES, meeting.status, 'completeMinutes')) return;
  const deliveries = await ctx.store.find('deliveries', { documentId: doc._id });
  if (deliveries.some((d) => d.signStatus !== 'SIGNED' && d.signStatus !== 'REFUSED')) return;
  await updateWithRetry(ctx.store, 'meetings', meeting._id, (cur) =>
    cur.status === 'minutes_sent' ? { status: 'minutes_signed' as const, minutesSignedAt: ctx.now } : {},
  );
  await archiveMeeting(ctx.store, {
    communityId: meeting.communityId,
    at: ctx.now,
    subject: { kind: 'meeting', id: meeting._id },
    recordId: meeting._id,
    title: `${meeting.title} 纪要签署完成`,
    text: `第${doc.versionNo}版纪要：${deliveries.filter((d) => d.signStatus === 'SIGNED').length}人签署，${deliveries.filter((d) => d.signStatus === 'REFUSED').length}人拒签`,
    payload: { documentId: doc._id, versionNo: doc.versionNo },
  });
  await ctx.audit({
    type: 'meeting.minutes_signed',
    communityId: meeting.communityId,
    subject: { kind: 'meeting', id: meeting._id },
    data: { documentId: doc._id },
  });
}
