import type { CommitteeDocument, RosterMember } from '@domain/documents';
import { deliveryFlags, newDelivery, type DeliveryEventRecord } from '@domain/signoff';
import { requireCaller, type ActionContext } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { appendArchive } from './archive';
import { deliveryEventArchive } from './archive-content';
import { alertDelivered } from './hooks';

/**
 * Written delivery of a sent document to each member named: one delivery record, its 'delivered'
 * event, the archive entry and the member's alert. Filings send to the whole roster; the meetings
 * function sends a special meeting's notice to every member and the minutes to the members present.
 */
export async function deliverToEach(ctx: ActionContext, sent: CommitteeDocument, members: readonly RosterMember[]): Promise<void> {
  const caller = requireCaller(ctx);
  for (const member of members) {
    const delivery = newDelivery({
      documentId: sent._id,
      communityId: sent.communityId,
      documentKind: sent.kind,
      member,
      now: ctx.now,
      responseDue: sent.responseDue,
    });
    await ctx.store.insertIfAbsent('deliveries', delivery);
    const event: Omit<DeliveryEventRecord, 'version'> = {
      _id: `${delivery._id}_e1`,
      communityId: sent.communityId,
      documentId: sent._id,
      deliveryId: delivery._id,
      memberId: member.personId,
      n: 1,
      type: 'delivered',
      at: ctx.now,
      actorId: caller.personId,
      actorName: caller.name,
    };
    if (await ctx.store.insertIfAbsent('deliveryEvents', event)) {
      await appendArchive(ctx.store, deliveryEventArchive(sent, { ...delivery, version: 1 }, { ...event, version: 1 }));
    }
    await alertDelivered(ctx.rt, ctx.now, sent, { ...delivery, version: 1 });
  }
}

/** A corrected version leaves nothing open on the old one's deliveries (their stored flags say so). */
export async function closeDeliveries(ctx: ActionContext, documentId: string): Promise<void> {
  const open = await ctx.store.find('deliveries', { documentId, pending: true });
  for (const d of open) await updateWithRetry(ctx.store, 'deliveries', d._id, (cur) => deliveryFlags(cur, true));
}
