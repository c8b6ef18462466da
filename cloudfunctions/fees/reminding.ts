import type { ArrearsRow } from '@domain/api/fees';
import { AppError } from '@domain/errors';
import type { FeeAccount } from '@domain/fee-records';
import { isWrittenReminder, proofAccepted, provenAt, REMINDER_CHANNELS, UNREACHABLE_AFTER_FAILURES, type ReminderProof } from '@domain/fees';
import type { Paged } from '@domain/api/contract';
import { endOfLocalDay, localDateOf } from '@domain/time';
import { requireCaller, type Handler } from '../_shared/function';
import { loadVisible, updateWithRetry } from '../_shared/guards';
import { namesOf } from '../_shared/people';
import type { QueryOf } from '../_shared/storage/port';
import { arrearsRows, reminderView } from './arrears';
import type { TotalsChange } from '@domain/fee-totals';
import { applyTotals, feePolicy, recordContact } from './ledger';
import { buildingBound, communityOf, roomInForce, staffRoom } from './scope';

type AccountQuery = QueryOf<FeeAccount>;

function scopeQuery(caller: Parameters<typeof buildingBound>[0], buildingId?: string): AccountQuery {
  const q: AccountQuery = { communityId: communityOf(caller), owingFen: { $gt: 0 } };
  if (buildingBound(caller)) {
    if (buildingId && !caller.buildingIds.includes(buildingId)) throw new AppError('NOT_FOUND');
    q.buildingId = buildingId ?? { $in: caller.buildingIds };
  } else if (buildingId) q.buildingId = buildingId;
  return q;
}

export const arrears: Handler<'fees', 'arrears'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const q = scopeQuery(caller, input.buildingId);
  if (input.minMonths) q.unpaidCount = { $gte: input.minMonths };
  if (input.dueToday) q.nextStaffAt = { $lte: endOfLocalDay(localDateOf(ctx.now)) };
  const page = await ctx.store.page('feeAccounts', q, { sort: [['roomLabel', 1]], limit: input.limit ?? 30, after: input.after });
  const policy = await feePolicy(ctx.store, communityOf(caller));
  return { items: await arrearsRows(ctx.store, page.items, ctx.now, policy), next: page.next };
};

export const unreachable: Handler<'fees', 'unreachable'> = async (ctx, input): Promise<Paged<ArrearsRow>> => {
  const caller = requireCaller(ctx);
  const q = scopeQuery(caller);
  q.failedInRow = { $gte: UNREACHABLE_AFTER_FAILURES };
  const page = await ctx.store.page('feeAccounts', q, { sort: [['roomLabel', 1]], limit: input.limit ?? 30, after: input.after });
  const policy = await feePolicy(ctx.store, communityOf(caller));
  return { items: await arrearsRows(ctx.store, page.items, ctx.now, policy), next: page.next };
};

export const roomReminders: Handler<'fees', 'roomReminders'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  await roomInForce(ctx, caller, input.roomId);
  const page = await ctx.store.page('reminders', { roomId: input.roomId }, { sort: [['at', -1]], limit: input.limit ?? 30, after: input.after });
  const billIds = [...new Set(page.items.flatMap((r) => r.billIds ?? [r.billId]))];
  const [names, bills] = await Promise.all([
    namesOf(
      ctx.store,
      page.items.map((r) => r.byId),
    ),
    billIds.length ? ctx.store.find('bills', { _id: { $in: billIds } }) : [],
  ]);
  const months = new Map(bills.map((b) => [b._id, b.month]));
  return { items: page.items.map((r) => reminderView(r, names.get(r.byId) ?? '', months)), next: page.next };
};

type ContactInput = Pick<Parameters<Handler<'fees', 'recordReminder'>>[1], 'channel' | 'outcome' | 'reachable'>;

/** What a butler's contact with one room records, for one reminder or a batch. */
const staffContact = (reminderId: string, room: Parameters<typeof recordContact>[1]['room'], input: ContactInput, byId: string) => ({
  reminderId,
  room,
  channel: input.channel,
  written: isWrittenReminder(input.channel),
  outcome: input.outcome,
  reachable: input.reachable ?? true,
  byId,
  auto: false,
});

export const recordReminder: Handler<'fees', 'recordReminder'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await staffRoom(ctx, caller, input.roomId);
  const policy = await feePolicy(ctx.store, room.communityId);
  const reminderId = ctx.rt.newId('reminder');
  const { created, billIds } = await recordContact(ctx.store, staffContact(reminderId, room, input, caller.personId), ctx.now, policy);
  if (!created) throw new AppError('NOTHING_OWING', '该房屋已无欠费，无需催缴');
  await ctx.audit({
    type: 'room.reminded',
    communityId: room.communityId,
    subject: { kind: 'room', id: room._id },
    data: { channel: input.channel, label: REMINDER_CHANNELS[input.channel], billIds },
  });
  const stored = await ctx.store.get('reminders', reminderId);
  const bills = await ctx.store.find('bills', { _id: { $in: billIds } });
  return reminderView(stored!, caller.name, new Map(bills.map((b) => [b._id, b.month])));
};

/** A butler's round: one contact per room picked, all recorded at once; rooms with nothing owing are skipped. */
export const reminderBatch: Handler<'fees', 'reminderBatch'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  let recorded = 0;
  let skipped = 0;
  const totals = new Map<string, TotalsChange[]>();
  // The rooms of a batch are one community's: its policy is read once, not once per room.
  const policies = new Map<string, ReturnType<typeof feePolicy>>();
  for (const roomId of [...new Set(input.roomIds)]) {
    const room = await staffRoom(ctx, caller, roomId);
    if (!policies.has(room.communityId)) policies.set(room.communityId, feePolicy(ctx.store, room.communityId));
    const policy = await policies.get(room.communityId)!;
    const { created, billIds } = await recordContact(
      ctx.store,
      staffContact(ctx.rt.newId('reminder'), room, input, caller.personId),
      ctx.now,
      policy,
      totals.get(room.communityId) ?? totals.set(room.communityId, []).get(room.communityId),
    );
    if (!created) {
      skipped += 1;
      continue;
    }
    recorded += 1;
    await ctx.audit({
      type: 'room.reminded',
      communityId: room.communityId,
      subject: { kind: 'room', id: room._id },
      data: { channel: input.channel, label: REMINDER_CHANNELS[input.channel], billIds, batch: true },
    });
  }
  for (const [communityId, changes] of totals) await applyTotals(ctx.store, communityId, changes);
  return { recorded, skipped };
};

/**
 * Attaches the proof of delivery to a written reminder; from then on it interrupts the limitation
 * period of every bill it covered (from the day it was delivered). A read receipt is not taken on
 * the staff's word: the owner's inbox item must show it was opened.
 */
export const addProof: Handler<'fees', 'addProof'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const reminder = await loadVisible(ctx.store, 'reminders', input.reminderId, caller);
  await staffRoom(ctx, caller, reminder.roomId);
  const channel = reminder.channel as keyof typeof REMINDER_CHANNELS;
  if (reminder.proof) throw new AppError('INVALID_TRANSITION', '该催缴记录已有送达凭证');
  if (!proofAccepted(channel, input.kind)) throw new AppError('PROOF_NOT_ACCEPTED');
  let proof: ReminderProof;
  const by = { at: ctx.now, byId: caller.personId };
  if (input.kind === 'slip_photo') {
    if (!input.file) throw new AppError('INVALID_INPUT', '请上传签收的催缴单照片');
    proof = { kind: 'slip_photo', fileId: input.file.fileId, name: input.file.name, ...by };
  } else if (input.kind === 'registered_mail') {
    if (!input.trackingNo) throw new AppError('INVALID_INPUT', '请填写挂号信或EMS单号');
    proof = { kind: 'registered_mail', trackingNo: input.trackingNo, ...by };
  } else {
    const item = reminder.alertKey ? await ctx.store.get('inbox', `inbox:${reminder.alertKey}`) : null;
    if (!item?.readAt) throw new AppError('NOT_READ_YET');
    proof = { kind: 'read_receipt', readAt: item.readAt, ...by };
  }
  const updated = await updateWithRetry(ctx.store, 'reminders', reminder._id, () => ({ proof }));
  const from = provenAt({ channel, at: reminder.at, proof });
  if (from !== null) {
    for (const billId of reminder.billIds ?? [reminder.billId]) {
      await updateWithRetry(ctx.store, 'bills', billId, (b) => ({ lastProvenAt: Math.max(b.lastProvenAt ?? 0, from) }));
    }
  }
  await ctx.audit({
    type: 'reminder.proof_added',
    communityId: reminder.communityId,
    subject: { kind: 'reminder', id: reminder._id },
    data: { kind: input.kind, ...(input.trackingNo ? { trackingNo: input.trackingNo } : {}), ...(input.file ? { fileId: input.file.fileId } : {}) },
  });
  const bills = await ctx.store.find('bills', { _id: { $in: updated.billIds ?? [updated.billId] } });
  const names = await namesOf(ctx.store, [updated.byId]);
  return reminderView(updated, names.get(updated.byId) ?? '', new Map(bills.map((b) => [b._id, b.month])));
};

/** Another number for an owner nobody reaches, with who gave it; kept on the room's account, never on the owner's profile. */
export const updateContact: Handler<'fees', 'updateContact'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const room = await staffRoom(ctx, caller, input.roomId);
  const entry = { phone: input.phone, source: input.source, byId: caller.personId, at: ctx.now };
  const account = await ctx.store.get('feeAccounts', room._id);
  if (!account) throw new AppError('NOTHING_OWING');
  // A new number is a new chance: the room leaves the unreachable list until attempts fail again.
  await updateWithRetry(ctx.store, 'feeAccounts', room._id, (a) => ({ altContacts: [...a.altContacts, entry], failedInRow: 0 }));
  await ctx.audit({
    type: 'room.contact_added',
    communityId: room.communityId,
    subject: { kind: 'room', id: room._id },
    data: { phone: input.phone, source: input.source },
  });
  return { ok: true };
};
