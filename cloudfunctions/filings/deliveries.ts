import { deliveryAuditType } from '@domain/audit';
import type { DeliveryView } from '@domain/api/filings';
import { categoryLabel, KIND_LABELS, type CommitteeDocument } from '@domain/documents';
import { AppError } from '@domain/errors';
import { isStaff } from '@domain/roles';
import { applySignoff, deliveryEventId, deliveryId, deliveryFlags, type Delivery, type DeliveryEventRecord, type SignoffCommand } from '@domain/signoff';
import { requireCaller, type ActionContext, type Handlers, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { mapPage, pageOf } from '../_shared/paging';
import type { QueryOf } from '../_shared/storage/port';
import { containsText, rarestTerm } from '../_shared/text-search';
import { appendArchive } from './archive';
import { alertObjection, alertReply } from './hooks';
import { deliveryEventArchive } from './archive-content';
import { requireComposer } from './community';
import { documentsById } from './loaders';
import { deliveryView } from './views';
import { completeMinutesIfSigned } from '../meetings/minutes-hook';

type H = Handlers<'filings'>;

const ATTEMPTS = 30;

/**
 * One command on one delivery: the pure table decides, a compare-and-set writes the new state, then
 * the event is appended (its id is the delivery's event number, so it exists once) and archived.
 * A lost race re-reads and re-decides: two concurrent signatures by one member give one signature
 * and one ALREADY_SIGNED, never two.
 */
async function act(
  ctx: ActionContext,
  id: string,
  command: SignoffCommand,
): Promise<{ delivery: Delivery; doc: CommitteeDocument; event?: DeliveryEventRecord }> {
  const caller = requireCaller(ctx);
  const actor = { personId: caller.personId, name: caller.name, isStaff: isStaff(caller) };
  let doc: CommitteeDocument | null = null;
  for (let i = 0; i < ATTEMPTS; i++) {
    const delivery = await loadVisible(ctx.store, 'deliveries', id, caller);
    doc = doc ?? (await ctx.store.get('documents', delivery.documentId));
    if (!doc) throw new AppError('NOT_FOUND');
    const result = applySignoff(delivery, doc, command, { now: ctx.now, actor });
    if (!result) return { delivery, doc };
    const patch = { ...result.patch, ...deliveryFlags({ ...delivery, ...result.patch }, !!doc.supersededBy) };
    if (!(await ctx.store.update('deliveries', id, delivery.version, patch))) continue;
    const updated: Delivery = { ...delivery, ...patch, version: delivery.version + 1 };
    const event = await ctx.store.insert('deliveryEvents', { _id: deliveryEventId(id, result.event.n), ...result.event });
    await appendArchive(ctx.store, deliveryEventArchive(doc, updated, event));
    await ctx.audit({
      type: deliveryAuditType(event.type),
      communityId: delivery.communityId,
      subject: { kind: 'delivery', id },
      data: { documentId: delivery.documentId, memberId: delivery.memberId, n: event.n, text: event.text, ...event.data },
    });
    await completeMinutesIfSigned(ctx, doc);
    return { delivery: updated, doc, event };
  }
  throw new AppError('CONFLICT');
}

const view = (ctx: ActionContext, r: { delivery: Delivery; doc: CommitteeDocument }): DeliveryView => deliveryView(r.delivery, r.doc, ctx.now);

const deliveryLine = ({ deliveryId, documentId, deliveredAt, readStatus, signStatus, state, stateLabel, responseDue, overdue }: DeliveryView) => ({
  deliveryId,
  documentId,
  deliveredAt,
  readStatus,
  signStatus,
  state,
  stateLabel,
  responseDue,
  overdue,
});

/** The member's deliveries, newest first; the tab is a stored flag, so a page is a page. */
/** A member's text search reads at most this many of the newest matching documents. */
const TEXT_HITS = 200;

export const myDeliveries: Handler<'filings', 'myDeliveries'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where: QueryOf<Delivery> = { memberId: caller.personId };
  if (input.tab !== 'all') where.pending = input.tab === 'pending';
  const text = input.text?.trim();
  if (text) {
    // The documents list's text search over the community's sent documents, then the member's own deliveries of them.
    const sent: QueryOf<CommitteeDocument> = { communityId: caller.communityId ?? '', status: 'sent' };
    const term = await rarestTerm(text, (t) => ctx.store.count('documents', { ...sent, words: t }));
    if (!term) return { items: [], next: null };
    const hits = await ctx.store.find('documents', { ...sent, words: term }, { sort: [['updatedAt', -1]], limit: TEXT_HITS });
    const found = hits.filter((d) => containsText(`${d.content.title}\n${d.content.body}`, text));
    where._id = { $in: found.map((d) => deliveryId(d._id, caller.personId)) };
  }
  const page = await pageOf(ctx.store, 'deliveries', where, [['deliveredAt', -1]], input);
  const docs = await documentsById(
    ctx.store,
    page.items.map((d) => d.documentId),
  );
  return mapPage(page, (items) =>
    items.map((d) => {
      const doc = docs.get(d.documentId)!;
      return {
        delivery: deliveryLine(deliveryView(d, doc, ctx.now)),
        document: {
          documentId: doc._id,
          kind: doc.kind,
          kindLabel: KIND_LABELS[doc.kind],
          categoryLabel: categoryLabel(doc.kind, doc.content.category),
          title: doc.content.title,
          sentAt: doc.sentAt,
          sentByName: doc.sentByName,
          responseDue: doc.responseDue,
          versionNo: doc.versionNo,
          supersededBy: doc.supersededBy,
        },
      };
    }),
  );
};

export const open: Handler<'filings', 'open'> = async (ctx, input) => {
  return view(ctx, await act(ctx, input.deliveryId, { event: 'open' }));
};

export const sign: Handler<'filings', 'sign'> = async (ctx, input) => {
  return view(ctx, await act(ctx, input.deliveryId, { event: 'sign' }));
};

export const object: Handler<'filings', 'object'> = async (ctx, input) => {
  const r = await act(ctx, input.deliveryId, { event: 'object', text: input.text });
  if (r.event) await alertObjection(ctx.rt, ctx.now, r.doc, r.delivery, r.event.n);
  return view(ctx, r);
};

export const answer: Handler<'filings', 'answer'> = async (ctx, input) => {
  return view(ctx, await act(ctx, input.deliveryId, { event: 'answer', choice: input.choice, text: input.text }));
};

export const reply: Handler<'filings', 'reply'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const delivery = await loadVisible(ctx.store, 'deliveries', input.deliveryId, caller);
  // Explaining an objection is the centre's word: the head, the general manager or a granted composer.
  await requireComposer(ctx.store, caller, delivery.communityId);
  const r = await act(ctx, input.deliveryId, { event: 'reply', text: input.text });
  if (r.event) await alertReply(ctx.rt, ctx.now, r.doc, r.delivery, r.event.n);
  return view(ctx, r);
};

export const recordRefusal: Handler<'filings', 'recordRefusal'> = async (ctx, input) => {
  return view(ctx, await act(ctx, input.deliveryId, { event: 'recordRefusal', reason: input.reason }));
};

export const deliveryHandlers: Pick<H, 'myDeliveries' | 'open' | 'sign' | 'object' | 'answer' | 'reply' | 'recordRefusal'> = {
  myDeliveries,
  open,
  sign,
  object,
  answer,
  reply,
  recordRefusal,
};
