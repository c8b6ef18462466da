import type { UnmatchedPaymentView } from '@domain/api/fees';
import { UNMATCHED_REASONS } from '@domain/fee-import';
import { PAYMENT_CHANNELS, type UnmatchedPayment } from '@domain/fee-records';
import { AppError } from '@domain/errors';
import { requireCaller, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { applyPayment, feePolicy } from './ledger';
import { paymentView } from './money';
import { communityOf, staffRoom } from './scope';

/**
 * Payment rows an import could not match (no such room, nothing owing, more than owing): listed for
 * staff, never dropped. Assigning one to a room pays under the id the import gave it, so the same
 * file imported again finds it paid; setting one aside (a refund, not a fee) keeps it with the reason.
 */
export function unmatchedView(u: UnmatchedPayment): UnmatchedPaymentView {
  return {
    unmatchedId: u._id,
    line: u.row.line,
    roomLabel: u.row.label,
    months: u.row.months,
    amountFen: u.row.amountFen,
    paidOn: u.row.paidOn,
    channelLabel: PAYMENT_CHANNELS[u.row.channel],
    receiptNo: u.row.receiptNo,
    reason: UNMATCHED_REASONS[u.reason],
    status: u.status,
    ...(u.note ? { note: u.note } : {}),
    at: u.at,
  };
}

export const unmatchedPayments: Handler<'fees', 'unmatchedPayments'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const page = await ctx.store.page(
    'unmatchedPayments',
    { communityId: communityOf(caller), status: 'open' },
    { sort: [['at', 1]], limit: input.limit ?? 30, after: input.after },
  );
  return { items: page.items.map(unmatchedView), next: page.next };
};

export const resolveUnmatched: Handler<'fees', 'resolveUnmatched'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const held = await loadVisible(ctx.store, 'unmatchedPayments', input.unmatchedId, caller);
  if (held.status !== 'open') throw new AppError('UNMATCHED_DECIDED');
  const { row } = held;
  if (input.roomLabel) {
    // Staff give the room number the bank row should have had (as the arrears list shows it).
    const [found] = await ctx.store.find('rooms', { communityId: held.communityId, label: input.roomLabel }, { limit: 1 });
    if (!found) throw new AppError('NOT_FOUND', `本小区没有房号 ${input.roomLabel}`);
    const room = await staffRoom(ctx, caller, found._id);
    const payment = await applyPayment(
      ctx.store,
      {
        paymentId: held.paymentId,
        room,
        amountFen: row.amountFen,
        paidOn: row.paidOn,
        channel: row.channel,
        receiptNo: row.receiptNo,
        source: 'import',
        byId: caller.personId,
      },
      ctx.now,
      await feePolicy(ctx.store, room.communityId),
    );
    if (
      !(await ctx.store.update('unmatchedPayments', held._id, held.version, {
        status: 'resolved',
        roomId: room._id,
        resolvedBy: caller.personId,
        resolvedAt: ctx.now,
      }))
    )
      throw new AppError('UNMATCHED_DECIDED');
    await ctx.audit({
      type: 'unmatchedPayment.resolved',
      communityId: held.communityId,
      subject: { kind: 'unmatchedPayment', id: held._id },
      data: { roomId: room._id, paymentId: payment._id, amountFen: row.amountFen, receiptNo: row.receiptNo },
    });
    return { ...unmatchedView({ ...held, status: 'resolved' }), payment: paymentView(payment, room.label) };
  }
  const note = input.note ?? '';
  if (!note) throw new AppError('INVALID_INPUT', '请选择房屋，或填写搁置理由（如已退款）');
  if (!(await ctx.store.update('unmatchedPayments', held._id, held.version, { status: 'set_aside', note, resolvedBy: caller.personId, resolvedAt: ctx.now })))
    throw new AppError('UNMATCHED_DECIDED');
  await ctx.audit({
    type: 'unmatchedPayment.set_aside',
    communityId: held.communityId,
    subject: { kind: 'unmatchedPayment', id: held._id },
    data: { note, amountFen: row.amountFen, receiptNo: row.receiptNo },
  });
  return unmatchedView({ ...held, status: 'set_aside', note });
};
