import { REMINDER_CHANNELS, type BillView, type ReminderChannel, type ReminderView } from '@domain/api/fees';
import { AppError } from '@domain/errors';
import { isWrittenReminder } from '@domain/fees';
import type { FeeReminder } from '@domain/model';
import { requireCaller, type Handlers, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { roomsById } from '../_shared/views';
import { arrearsRows } from './arrears';
import { reminderPolicyOf } from '@domain/onboarding';
import { remindersOf, unpaidBillsFor } from './queries';

function reminderView(r: FeeReminder, byName: string): ReminderView {
  return { reminderId: r._id, billId: r.billId, channel: r.channel as ReminderChannel, byName, at: r.at, outcome: r.outcome };
}

export const myBills: Handler<'fees', 'myBills'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const [bills, community, rooms] = await Promise.all([
    ctx.store.find('bills', { roomId: { $in: caller.roomIds } }, { sort: [['month', -1]] }),
    ctx.store.get('communities', caller.communityId ?? ''),
    roomsById(ctx.store, caller.roomIds),
  ]);
  if (!community) throw new AppError('NOT_FOUND', '未找到所在小区');
  return {
    account: { ...community.companyAccount, notice: '请只向以上公司账户缴费，工作人员不会使用个人账户收取物业费' },
    bills: bills.map((b): BillView => ({
      billId: b._id,
      roomLabel: rooms.get(b.roomId)?.label ?? '',
      month: b.month,
      amountFen: b.amountFen,
      status: b.status,
      dueDate: b.dueDate,
      paidAt: b.paidAt,
    })),
  };
};

export const arrears: Handler<'fees', 'arrears'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const bills = (await unpaidBillsFor(ctx.store, caller)).filter((b) => !input.month || b.month === input.month);
  const [reminders, rooms] = await Promise.all([
    remindersOf(
      ctx.store,
      bills.map((b) => b._id),
    ),
    roomsById(
      ctx.store,
      bills.map((b) => b.roomId),
    ),
  ]);
  // The community's own cadence and escalation thresholds (its settings); the rule book's where it has none.
  const community = caller.communityId ? await ctx.store.get('communities', caller.communityId) : null;
  return arrearsRows(bills, reminders, rooms, ctx.now, reminderPolicyOf(community)).sort(
    (a, b) => b.amountFen - a.amountFen || a.roomLabel.localeCompare(b.roomLabel),
  );
};

export const recordReminder: Handler<'fees', 'recordReminder'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const bill = await loadVisible(ctx.store, 'bills', input.billId, caller);
  if (bill.status === 'paid') throw new AppError('INVALID_TRANSITION', '该账单已缴清，无需催缴');
  const reminder = await ctx.store.insert('reminders', {
    _id: ctx.rt.newId('reminder'),
    communityId: bill.communityId,
    billId: bill._id,
    roomId: bill.roomId,
    channel: input.channel,
    byId: caller.personId,
    at: ctx.now,
    outcome: input.outcome,
    written: isWrittenReminder(input.channel),
    reachable: input.reachable ?? true,
  });
  await ctx.audit({
    type: 'bill.reminded',
    communityId: bill.communityId,
    subject: { kind: 'bill', id: bill._id },
    data: { channel: input.channel, label: REMINDER_CHANNELS[input.channel] },
  });
  return reminderView(reminder, caller.name);
};

export const reminders: Handler<'fees', 'reminders'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  await loadVisible(ctx.store, 'bills', input.billId, caller);
  const list = await remindersOf(ctx.store, [input.billId]);
  const people = await ctx.store.find('people', { _id: { $in: [...new Set(list.map((r) => r.byId))] } });
  const names = new Map(people.map((p) => [p._id, p.name]));
  return list.map((r) => reminderView(r, names.get(r.byId) ?? ''));
};

export const feeHandlers: Handlers<'fees'> = { myBills, arrears, recordReminder, reminders };
