import { yuan } from '@domain/fee-ledger';
import type { FeeAccount } from '@domain/fee-records';
import type { EpochMs } from '@domain/model';
import { ROUTES } from '@domain/routes';
import { addCalendarDays, localDateOf, monthOf, startOfLocalDay } from '@domain/time';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';
import { feeImportSettling, roomsImportOpen, visibleOne } from '../_shared/staged';
import type { SweepResult } from '../_shared/sweep';
import type { TotalsChange } from '@domain/fee-totals';
import { applyTotals, feePolicy, generateForRooms, recordContact } from './ledger';

/** At most this many records per hourly run, across generation and reminders: the timer's 60 s hold it. */
export const FEE_SWEEP_BUDGET = 500;

/**
 * Hourly. First, the current month's bills: from the 1st on, each community's run resumes where the
 * last chunk stopped (`feeRuns` keeps the cursor) until every room is billed. Then the product's own
 * reminders: rooms whose `nextAutoAt` has come (indexed, soonest first; a reminded room moves its
 * date a cadence on, so the selection itself is the resumable cursor). Idempotent: bills, reminders
 * and alerts all have ids fixed by room and date.
 */
export async function feeSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  let budget = FEE_SWEEP_BUDGET;
  budget -= await generateDue(rt, now, budget);
  if (budget > 0) await remindOwners(rt, now, budget);
  // The result counts deadline alerts to people who must act; owners' fee reminders are counted
  // where the collection figures are, as contacts per channel in the fee totals.
  return { alertsCreated: 0, escalated: 0 };
}

async function generateDue(rt: Runtime, now: EpochMs, budget: number): Promise<number> {
  const { store } = rt;
  const month = monthOf(localDateOf(now));
  let used = 0;
  for (const sched of await store.find('feeSchedules', {})) {
    if (used >= budget) break;
    const runId = `${sched.communityId}:${month}`;
    await store.insertIfAbsent('feeRuns', { _id: runId, communityId: sched.communityId, month, after: null, done: false, created: 0, startedAt: now });
    const run = await store.get('feeRuns', runId);
    if (!run || run.done) continue;
    // A rooms import in flight holds staged rooms: the month's bills wait for it to commit and settle.
    if (await roomsImportOpen(store, sched.communityId)) continue;
    // A fee import writing its rows: billing waits with every other fee write, an hour at most.
    if (await feeImportSettling(store, sched.communityId)) continue;
    const page = await store.page('rooms', { communityId: sched.communityId }, { sort: [['_id', 1]], limit: budget - used, after: run.after });
    const created = await generateForRooms(store, page.items, sched, month, now, await feePolicy(store, sched.communityId));
    used += page.items.length;
    // A lost race only repeats a chunk, which creates nothing the second time.
    await store.update('feeRuns', runId, run.version, {
      after: page.next,
      done: page.next === null,
      created: run.created + created,
      ...(page.next === null ? { finishedAt: now } : {}),
    });
  }
  return used;
}

async function remindOwners(rt: Runtime, now: EpochMs, budget: number): Promise<number> {
  const { store } = rt;
  const { items } = await store.page('feeAccounts', { nextAutoAt: { $lte: now } }, { sort: [['nextAutoAt', 1]], limit: budget });
  let alerts = 0;
  const byCommunity = new Map<string, FeeAccount[]>();
  for (const a of items) byCommunity.set(a.communityId, [...(byCommunity.get(a.communityId) ?? []), a]);
  for (const [communityId, accounts] of byCommunity) {
    // An owner is told what they owe only when no file is half written into it.
    if (await feeImportSettling(store, communityId)) continue;
    const totals: TotalsChange[] = [];
    const policy = await feePolicy(store, communityId);
    const bindings = await store.find('roomBindings', { communityId, status: 'approved' });
    for (const account of accounts) {
      const owners = bindings.filter((b) => b.roomId === account.roomId).map((b) => b.personId);
      const today = localDateOf(now);
      if (owners.length === 0 || account.owingFen <= 0) {
        // No one to message: look again a cadence later rather than every hour.
        await store.update('feeAccounts', account._id, account.version, { nextAutoAt: startOfLocalDay(addCalendarDays(today, policy.repeatEveryDays)) });
        continue;
      }
      const quotas = await store.find('subscriptions', { personId: { $in: owners }, templateKey: 'bill' });
      const channel = quotas.some((q) => q.remaining > 0) ? 'subscribe_message' : 'in_app';
      const alertKey = `fee:${account.roomId}:${today}`;
      const room = await visibleOne(store, await store.get('rooms', account.roomId));
      if (!room) continue;
      for (const personId of owners) {
        const raised = await raiseAlert(rt, now, {
          key: `${alertKey}:${personId}`,
          personId,
          communityId,
          title: '物业费缴费提醒',
          body: `${account.roomLabel} 尚有 ${account.unpaidCount} 个月物业费共 ${yuan(account.owingFen)} 元未缴，请缴至公司账户`,
          link: ROUTES.owner.bills,
          templateKey: 'bill',
          templateValues: { thing1: `${account.roomLabel}物业费`, character_string2: `${yuan(account.owingFen)}元`, date3: startOfLocalDay(today) },
        });
        if (raised) alerts += 1;
      }
      await recordContact(
        store,
        {
          reminderId: `autorem_${account.roomId}_${today}`,
          room,
          channel,
          written: true,
          outcome: channel === 'subscribe_message' ? '已发送订阅消息和站内消息' : '已发送站内消息',
          reachable: true,
          byId: 'system',
          auto: true,
          alertKey: `${alertKey}:${owners[0]}`,
        },
        now,
        policy,
        totals,
      );
    }
    await applyTotals(store, communityId, totals);
  }
  return alerts;
}
