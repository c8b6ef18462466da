import type { BillView, RoomFeesView } from '@domain/api/fees';
import { DEFAULT_PAGE } from '@domain/api/contract';
import { AppError } from '@domain/errors';
import { owingFen } from '@domain/fee-ledger';
import { monthRates, totalsId } from '@domain/fee-totals';
import { billsAtRisk, ESCALATION_DECISIONS, ESCALATION_LABELS, escalationStep } from '@domain/fees';
import type { Bill } from '@domain/model';
import { CENTRE_ROLES, hasRole } from '@domain/roles';
import { addMonths, localDateOf, monthOf } from '@domain/time';
import { requireCaller, type Handlers, type Handler } from '../_shared/function';
import { namesOf } from '../_shared/people';
import { visible } from '../_shared/staged';
import { roomsById } from '../_shared/views';
import { feePolicy } from './ledger';
import { decideReport, generateBills, paymentReports, paymentView, recordPayment, reportPaid, reportView, schedule, setSchedule } from './money';
import { addProof, arrears, recordReminder, reminderBatch, roomReminders, unreachable, updateContact } from './reminding';
import { communityOf, isRoomsButler, maskPhone, staffRoom } from './scope';
import { waitingForFeeImports } from './settling';
import { reminderSlips } from './slips';
import { resolveUnmatched, unmatchedPayments } from './unmatched';

function billView(b: Bill, roomLabel: string): BillView {
  return {
    billId: b._id,
    roomId: b.roomId,
    roomLabel,
    month: b.month,
    amountFen: b.amountFen,
    owingFen: owingFen(b),
    status: b.status,
    dueDate: b.dueDate,
    paidAt: b.paidAt,
    ...(b.item ? { item: b.item } : {}),
  };
}

/**
 * The owner's bills a page at a time: unpaid before paid ('unpaid' sorts after 'paid', so status
 * descending), newest month first. What is owed is summed over every unpaid bill, not just the page.
 */
export const myBills: Handler<'fees', 'myBills'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const mine = { roomId: { $in: caller.roomIds } };
  const [page, unpaid, community, rooms] = await Promise.all([
    ctx.store.page('bills', mine, {
      sort: [
        ['status', -1],
        ['month', -1],
      ],
      limit: input.limit ?? DEFAULT_PAGE,
      after: input.after,
    }),
    ctx.store.find('bills', { ...mine, status: 'unpaid' }),
    ctx.store.get('communities', caller.communityId ?? ''),
    roomsById(ctx.store, caller.roomIds),
  ]);
  if (!community) throw new AppError('NOT_FOUND', '未找到所在小区');
  const label = (id: string) => rooms.get(id)?.label ?? '';
  const open = unpaid.filter((b) => owingFen(b) > 0);
  return {
    account: { ...community.companyAccount, notice: '请只向以上公司账户缴费，工作人员不会使用个人账户收取物业费' },
    owing: {
      fen: open.reduce((s, b) => s + owingFen(b), 0),
      bills: open.length,
      rooms: [...new Set(open.map((b) => b.roomId))].map((roomId) => ({ roomId, roomLabel: label(roomId) })),
    },
    items: page.items.map((b) => billView(b, label(b.roomId))),
    next: page.next,
  };
};

/** The owner's own payments and "我已缴费" reports, newest first (reports show a rejection's reason). */
export const myPayments: Handler<'fees', 'myPayments'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const rooms = await roomsById(ctx.store, caller.roomIds);
  const label = (id: string) => rooms.get(id)?.label ?? '';
  const reports = await ctx.store.find('paymentReports', { personId: caller.personId }, { sort: [['at', -1]], limit: 20 });
  const page = await ctx.store.page('payments', { roomId: { $in: caller.roomIds } }, { sort: [['paidOn', -1]], limit: input.limit ?? 30, after: input.after });
  // Reports still open or sent back lead the first page; confirmed ones appear as their payment.
  const open = input.after ? [] : reports.filter((r) => r.status !== 'confirmed').map((r) => reportView(r, label(r.roomId)));
  return { items: [...open, ...page.items.map((p) => paymentView(p, label(p.roomId)))], next: page.next };
};

export const roomFees: Handler<'fees', 'roomFees'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await staffRoom(ctx, caller, input.roomId);
  const policy = await feePolicy(ctx.store, room.communityId);
  const [bills, account, bindings, decisions] = await Promise.all([
    ctx.store.find('bills', { roomId: room._id, status: 'unpaid' }, { sort: [['month', 1]] }),
    ctx.store.get('feeAccounts', room._id),
    ctx.store.find('roomBindings', { communityId: room.communityId, status: 'approved' }),
    ctx.store.find('escalations', { roomId: room._id }, { sort: [['at', -1]] }),
  ]);
  const open = bills.filter((b) => owingFen(b) > 0);
  const ownerIds = bindings.filter((b) => b.roomId === room._id).map((b) => b.personId);
  const owners = ownerIds.length ? await ctx.store.find('people', { _id: { $in: ownerIds } }) : [];
  const full = isRoomsButler(caller, room);
  const show = (phone: string) => ({ phone: full ? phone : maskPhone(phone), masked: !full });
  const amountFen = open.reduce((s, b) => s + owingFen(b), 0);
  const step = open[0] ? escalationStep({ totalFen: amountFen, oldestUnpaidMonth: open[0].month }, ctx.now, policy) : 'none';
  const names = await namesOf(
    ctx.store,
    decisions.map((d) => d.byId),
  );
  const view: RoomFeesView = {
    roomId: room._id,
    roomLabel: room.label,
    buildingId: room.buildingId,
    bills: open.map((b) => billView(b, room.label)),
    amountFen,
    phones: [
      ...owners.filter((o) => o.phone).map((o) => ({ ...show(o.phone as string), source: '业主本人' })),
      ...(account?.altContacts ?? []).map((c) => ({ ...show(c.phone), source: c.source })),
    ],
    altContacts: full || hasRole(caller, 'head') ? (account?.altContacts ?? []) : [],
    atRisk: billsAtRisk(
      open.map((b) => ({ billId: b._id, month: b.month, dueDate: b.dueDate, lastProvenAt: b.lastProvenAt })),
      ctx.now,
      policy,
    ),
    escalation: step,
    escalationLabel: ESCALATION_LABELS[step],
    canDecideEscalation: hasRole(caller, ...CENTRE_ROLES) && (step === 'lawyer_letter' || step === 'lawsuit'),
    decisions: decisions.map((d) => ({
      step: ESCALATION_LABELS[d.step],
      decision: ESCALATION_DECISIONS[d.decision],
      reason: d.reason,
      byName: names.get(d.byId) ?? '',
      at: d.at,
      ...(d.letter ? { letter: d.letter } : {}),
    })),
  };
  return view;
};

/** A manager's decision on a suggested step; the product never offers cutting water, power, heat or gas. */
export const decideEscalation: Handler<'fees', 'decideEscalation'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await staffRoom(ctx, caller, input.roomId);
  const account = await ctx.store.get('feeAccounts', room._id);
  if (!account || account.owingFen <= 0 || !account.oldestUnpaidMonth) throw new AppError('NOTHING_OWING');
  if (input.decision === 'decide' && input.step === 'lawyer_letter' && !input.letter) throw new AppError('INVALID_INPUT', '决定发送律师函时请附上律师函');
  await ctx.store.insert('escalations', {
    _id: ctx.rt.newId('escalation'),
    communityId: room.communityId,
    roomId: room._id,
    step: input.step,
    decision: input.decision,
    reason: input.reason,
    ...(input.letter ? { letter: input.letter } : {}),
    owingFen: account.owingFen,
    oldestUnpaidMonth: account.oldestUnpaidMonth,
    byId: caller.personId,
    at: ctx.now,
  });
  await ctx.audit({
    type: 'room.escalation_decided',
    communityId: room.communityId,
    subject: { kind: 'room', id: room._id },
    data: { step: input.step, decision: input.decision, reason: input.reason, owingFen: account.owingFen },
  });
  return { ok: true };
};

/** Rates by month for the community and each building, from the running totals only. */
export const dashboard: Handler<'fees', 'dashboard'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const communityId = communityOf(caller, input.communityId);
  const to = input.to ?? monthOf(localDateOf(ctx.now));
  const from = input.from ?? addMonths(to, -11);
  // Earlier months are read too: arrears at the start of a month sum everything before it.
  const rows = await ctx.store.find('feeTotals', { communityId, month: { $lte: to } });
  const [buildings, accounts] = await Promise.all([
    ctx.store.find('buildings', { communityId }, { sort: [['name', 1]] }).then((bs) => visible(ctx.store, bs)),
    ctx.store.find('feeAccounts', { communityId, owingFen: { $gt: 0 } }),
  ]);
  const inRange = (m: { month: string }) => m.month >= from && m.month <= to;
  return {
    months: monthRates(rows).filter(inRange),
    buildings: buildings.map((b) => ({
      buildingId: b._id,
      name: b.name,
      owingFen: accounts.filter((a) => a.buildingId === b._id).reduce((s, a) => s + a.owingFen, 0),
      rows: monthRates(rows.filter((r) => r._id === totalsId(communityId, b._id, r.month))).filter(inRange),
    })),
    owingFen: accounts.reduce((s, a) => s + a.owingFen, 0),
    owingRooms: accounts.length,
  };
};

export const feeHandlers: Handlers<'fees'> = waitingForFeeImports({
  myBills,
  myPayments,
  reportPaid,
  schedule,
  setSchedule,
  generateBills,
  arrears,
  roomFees,
  roomReminders,
  recordReminder,
  reminderBatch,
  addProof,
  recordPayment,
  paymentReports,
  decideReport,
  unreachable,
  updateContact,
  decideEscalation,
  dashboard,
  reminderSlips,
  unmatchedPayments,
  resolveUnmatched,
});
