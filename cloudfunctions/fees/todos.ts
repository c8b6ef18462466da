import type { TodoItem } from '@domain/api/session';
import type { Bill } from '@domain/model';
import { hasRole, type Caller } from '@domain/roles';
import { localDateOf } from '@domain/time';
import type { ActionContext } from '../_shared/function';
import { remindersOf, unpaidBillsFor } from './queries';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

export async function feeTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  if (hasRole(caller, 'owner')) {
    const unpaid = await ctx.store.find<Bill>('bills', { roomId: { $in: caller.roomIds }, status: 'unpaid' });
    if (unpaid.length > 0) {
      const total = unpaid.reduce((s, b) => s + b.amountFen, 0);
      out.push({ key: 'fees-unpaid', kind: 'fee', title: '物业费待缴', detail: `${unpaid.length} 笔，共 ${yuan(total)} 元`, count: unpaid.length, link: '/packages/owner/bills/index' });
    }
  }
  if (hasRole(caller, 'butler', 'butler_supervisor', 'head')) {
    // Reminders start on the 15th of the bill's month; a room reminded within the last 7 days can wait.
    const today = localDateOf(ctx.now);
    const bills = (await unpaidBillsFor(ctx.store, caller)).filter((b) => b.dueDate <= today);
    const recent = new Set((await remindersOf(ctx.store, bills.map((b) => b._id))).filter((r) => ctx.now - r.at < 7 * 86_400_000).map((r) => r.roomId));
    const rooms = new Set(bills.map((b) => b.roomId).filter((id) => !recent.has(id)));
    if (rooms.size > 0) {
      out.push({ key: 'fees-remind', kind: 'fee', title: '物业费催缴', detail: `${rooms.size} 户欠费待提醒`, count: rooms.size, link: '/packages/staff/arrears/index' });
    }
  }
  return out;
}
