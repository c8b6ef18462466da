import { startOfLocalDay } from '@domain/time';
import type { PaymentReportView, PaymentView } from '@domain/api/fees';
import { AppError } from '@domain/errors';
import { yuan } from '@domain/fee-ledger';
import { PAYMENT_CHANNELS, type Payment, type PaymentReport } from '@domain/fee-records';
import type { Room } from '@domain/model';
import { ROUTES, routeUrl } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { roomsImportOpen, visible } from '../_shared/staged';
import { roomsById } from '../_shared/views';
import { applyPayment, feePolicy, generateForRooms, scheduleOf } from './ledger';
import { communityOf, roomInForce, staffRoom } from './scope';

export function paymentView(p: Payment, roomLabel: string): PaymentView {
  return {
    paymentId: p._id,
    roomLabel,
    amountFen: p.amountFen,
    paidOn: p.paidOn,
    channel: p.channel,
    channelLabel: PAYMENT_CHANNELS[p.channel],
    receiptNo: p.receiptNo,
    months: p.allocations.map((a) => ({ month: a.month, fen: a.fen })),
  };
}

export function reportView(r: PaymentReport, roomLabel: string): PaymentReportView {
  return {
    reportId: r._id,
    roomId: r.roomId,
    roomLabel,
    amountFen: r.amountFen,
    paidOn: r.paidOn,
    screenshot: r.screenshot,
    status: r.status,
    ...(r.reason ? { reason: r.reason } : {}),
    at: r.at,
  };
}

export const schedule: Handler<'fees', 'schedule'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const s = await scheduleOf(ctx.store, communityOf(caller));
  return s ? { rate: s.rate, proRata: s.proRata, rooms: Object.keys(s.rooms ?? {}).length } : null;
};

export const setSchedule: Handler<'fees', 'setSchedule'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = communityOf(caller);
  const rooms = input.rooms ?? {};
  if (Object.keys(rooms).length) {
    const found = await visible(ctx.store, await ctx.store.find('rooms', { _id: { $in: Object.keys(rooms) }, communityId }));
    if (found.length !== Object.keys(rooms).length) throw new AppError('NOT_FOUND', '个别房屋不在本小区');
  }
  const current = await ctx.store.get('feeSchedules', communityId);
  const next = { rate: input.rate, proRata: input.proRata, rooms, updatedAt: ctx.now, updatedBy: caller.personId };
  if (current) {
    if (!(await ctx.store.update('feeSchedules', communityId, current.version, next))) throw new AppError('CONFLICT');
  } else {
    await ctx.store.insert('feeSchedules', { _id: communityId, communityId, ...next });
  }
  await ctx.audit({
    type: 'feeSchedule.set',
    communityId,
    subject: { kind: 'community', id: communityId },
    data: { rate: input.rate, proRata: input.proRata, rooms: Object.keys(rooms).length },
  });
  return { ok: true };
};

/**
 * One chunk of a month's bills: the app calls again with `next` until it is null. Each chunk fits in
 * the function's time limit, and a chunk run twice creates nothing new.
 */
export const generateBills: Handler<'fees', 'generateBills'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = communityOf(caller);
  const sched = await scheduleOf(ctx.store, communityId);
  if (!sched) throw new AppError('NO_FEE_SCHEDULE');
  // Bills go by the rooms in force: while a rooms import is open, its staged rooms are neither.
  if (await roomsImportOpen(ctx.store, communityId)) throw new AppError('IMPORT_BUSY');
  const page = await ctx.store.page('rooms', { communityId }, { sort: [['_id', 1]], limit: input.limit ?? 200, after: input.after });
  const created = await generateForRooms(ctx.store, page.items, sched, input.month, ctx.now, await feePolicy(ctx.store, communityId));
  if (created > 0) {
    await ctx.audit({ type: 'bill.generated', communityId, subject: { kind: 'community', id: communityId }, data: { month: input.month, created } });
  }
  return { created, next: page.next };
};

export const recordPayment: Handler<'fees', 'recordPayment'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await staffRoom(ctx, caller, input.roomId);
  const payment = await applyPayment(
    ctx.store,
    {
      paymentId: ctx.rt.newId('payment'),
      room,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      channel: input.channel,
      receiptNo: input.receiptNo,
      source: 'staff',
      byId: caller.personId,
    },
    ctx.now,
    await feePolicy(ctx.store, room.communityId),
  );
  await ctx.audit({
    type: 'payment.recorded',
    communityId: room.communityId,
    subject: { kind: 'payment', id: payment._id },
    data: {
      roomId: room._id,
      amountFen: payment.amountFen,
      paidOn: payment.paidOn,
      channel: payment.channel,
      receiptNo: payment.receiptNo,
      billIds: payment.allocations.map((a) => a.billId),
    },
  });
  return paymentView(payment, room.label);
};

async function buildingButlers(ctx: ActionContext, room: Room): Promise<string[]> {
  const staff = await ctx.store.find('people', { communityId: room.communityId, staffRole: 'butler' });
  const mine = staff.filter((p) => (p.buildingIds ?? []).includes(room.buildingId)).map((p) => p._id);
  if (mine.length) return mine;
  return (await ctx.store.find('people', { communityId: room.communityId, staffRole: 'head' })).map((p) => p._id);
}

export const reportPaid: Handler<'fees', 'reportPaid'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  if (!caller.roomIds.includes(input.roomId)) throw new AppError('NOT_FOUND');
  const room = await roomInForce(ctx, caller, input.roomId);
  const report = await ctx.store.insert('paymentReports', {
    _id: ctx.rt.newId('payreport'),
    communityId: room.communityId,
    buildingId: room.buildingId,
    roomId: room._id,
    personId: caller.personId,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    screenshot: input.screenshot,
    status: 'pending',
    at: ctx.now,
  });
  for (const personId of await buildingButlers(ctx, room)) {
    await raiseAlert(ctx.rt, ctx.now, {
      key: `payreport:${report._id}:${personId}`,
      personId,
      communityId: room.communityId,
      title: '业主申报已缴费',
      body: `${room.label} 申报已缴 ${yuan(input.amountFen)} 元，请核对到账后确认`,
      link: ROUTES.fees.payments,
      templateKey: 'deadline',
      templateValues: { thing1: `${room.label}缴费待确认`, time2: startOfLocalDay(input.paidOn), phrase3: '待确认', thing4: '请核对公司账户到账' },
    });
  }
  await ctx.audit({
    type: 'paymentReport.submitted',
    communityId: room.communityId,
    subject: { kind: 'paymentReport', id: report._id },
    data: { roomId: room._id, amountFen: input.amountFen, paidOn: input.paidOn },
  });
  return reportView(report, room.label);
};

export const paymentReports: Handler<'fees', 'paymentReports'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const page = await ctx.store.page(
    'paymentReports',
    { communityId: communityOf(caller), status: 'pending' },
    { sort: [['at', 1]], limit: input.limit ?? 30, after: input.after },
  );
  const rooms = await roomsById(
    ctx.store,
    page.items.map((r) => r.roomId),
  );
  return { items: page.items.map((r) => reportView(r, rooms.get(r.roomId)?.label ?? '')), next: page.next };
};

/** Confirming turns the report into a payment (oldest bill first); rejecting tells the owner why. */
export const decideReport: Handler<'fees', 'decideReport'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const report = await loadVisible(ctx.store, 'paymentReports', input.reportId, caller);
  const room = await staffRoom(ctx, caller, report.roomId);
  if (report.status !== 'pending') throw new AppError('REPORT_DECIDED');
  let patch: Partial<PaymentReport>;
  if (input.confirm) {
    const payment = await applyPayment(
      ctx.store,
      {
        paymentId: `payment_${report._id}`,
        room,
        amountFen: report.amountFen,
        paidOn: report.paidOn,
        channel: 'bank_transfer',
        receiptNo: input.receiptNo || report._id,
        source: 'owner_report',
        byId: caller.personId,
        reportId: report._id,
      },
      ctx.now,
      await feePolicy(ctx.store, room.communityId),
    );
    patch = { status: 'confirmed', decidedBy: caller.personId, decidedAt: ctx.now, paymentId: payment._id };
    await ctx.audit({
      type: 'paymentReport.confirmed',
      communityId: room.communityId,
      subject: { kind: 'paymentReport', id: report._id },
      data: { paymentId: payment._id },
    });
  } else {
    if (!input.reason) throw new AppError('INVALID_INPUT', '退回时请填写理由，业主会看到');
    patch = { status: 'rejected', reason: input.reason, decidedBy: caller.personId, decidedAt: ctx.now };
    await ctx.audit({
      type: 'paymentReport.rejected',
      communityId: room.communityId,
      subject: { kind: 'paymentReport', id: report._id },
      data: { reason: input.reason },
    });
  }
  if (!(await ctx.store.update('paymentReports', report._id, report.version, patch))) throw new AppError('REPORT_DECIDED');
  const decided = { ...report, ...patch };
  await raiseAlert(ctx.rt, ctx.now, {
    key: `payreport:${report._id}:decided`,
    personId: report.personId,
    communityId: room.communityId,
    title: input.confirm ? '缴费已确认' : '缴费申报被退回',
    body: input.confirm ? `${room.label} ${yuan(report.amountFen)} 元已确认到账` : `${room.label} 的缴费申报被退回：${input.reason}`,
    link: routeUrl(ROUTES.owner.bills),
    templateKey: 'answered',
    templateValues: {
      thing1: input.confirm ? '物业费缴费已确认' : '缴费申报被退回',
      phrase2: input.confirm ? '已确认' : '已退回',
      time3: startOfLocalDay(report.paidOn),
    },
  });
  return reportView(decided, room.label);
};
