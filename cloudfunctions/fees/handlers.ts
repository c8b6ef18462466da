import { REMINDER_CHANNELS, type BillView, type ReminderChannel, type ReminderView } from '@domain/api/fees';
import { AppError } from '@domain/errors';
import { billSchedule, isWrittenReminder } from '@domain/fees';
import type { FeeReminder } from '@domain/model';
import { requireCaller, type Handlers, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { mapPage, pageOf } from '../_shared/paging';
import { namesOf } from '../_shared/people';
import { roomsById } from '../_shared/views';
import { arrearsRows } from './arrears';
import { reminderPolicyOf } from '@domain/onboarding';
import { arrearsSummary, remindersOf, unpaidRoomsPage, unpaidScope } from './queries';

function reminderView(r: FeeReminder, byName: string): ReminderView {
  return { reminderId: r._id, billId: r.billId, channel: r.channel as ReminderChannel, byName, at: r.at, outcome: r.outcome };
}

export const myBills: Handler<'fees', 'myBills'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  // 'unpaid' sorts after 'paid', so descending status puts what needs paying first.
  const [page, community, unpaid] = await Promise.all([
    pageOf(
      ctx.store,
      'bills',
      { roomId: { $in: caller.roomIds } },
      [
        ['status', -1],
        ['month', -1],
      ],
      input,
    ),
    ctx.store.get('communities', caller.communityId ?? ''),
    // An owner's own unpaid bills are a handful; their total is the page's headline.
    input.after ? undefined : ctx.store.find('bills', { roomId: { $in: caller.roomIds }, status: 'unpaid' }),
  ]);
  if (!community) throw new AppError('NOT_FOUND', '未找到所在小区');
  const rooms = await roomsById(
    ctx.store,
    page.items.map((b) => b.roomId),
  );
  return {
    account: { ...community.companyAccount, notice: '请只向以上公司账户缴费，工作人员不会使用个人账户收取物业费' },
    ...(unpaid ? { unpaid: { count: unpaid.length, amountFen: unpaid.reduce((s, b) => s + b.amountFen, 0) } } : {}),
    ...(await mapPage(page, (bills) =>
      bills.map((b): BillView => ({
        billId: b._id,
        roomLabel: rooms.get(b.roomId)?.label ?? '',
        month: b.month,
        amountFen: b.amountFen,
        status: b.status,
        dueDate: b.dueDate,
        paidAt: b.paidAt,
      })),
    )),
  };
};

export const arrears: Handler<'fees', 'arrears'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const where = unpaidScope(caller);
  if (input.month) where.month = input.month;
  const [{ bills, next }, summary] = await Promise.all([unpaidRoomsPage(ctx.store, where, input), input.after ? undefined : arrearsSummary(ctx, where)]);
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
  return { items: arrearsRows(bills, reminders, rooms, ctx.now, reminderPolicyOf(community)), next, ...(summary ? { summary } : {}) };
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
  const written = isWrittenReminder(input.channel);
  await updateWithRetry(ctx.store, 'bills', bill._id, (cur) => {
    // The last reminder restarts the cadence; a written one also the limitation period.
    const next = billSchedule(cur, ctx.now, written ? ctx.now : null);
    return written ? next : { nextReminderDate: next.nextReminderDate };
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
  const page = await pageOf(ctx.store, 'reminders', { billId: input.billId }, [['at', -1]], input);
  const names = await namesOf(
    ctx.store,
    page.items.map((r) => r.byId),
  );
  return mapPage(page, (list) => list.map((r) => reminderView(r, names.get(r.byId) ?? '')));
};

export const feeHandlers: Handlers<'fees'> = { myBills, arrears, recordReminder, reminders };
