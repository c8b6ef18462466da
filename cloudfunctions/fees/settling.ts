import type { ActionName } from '@domain/api';
import type { Handler, Handlers } from '../_shared/function';
import { requireFeesSettled } from '../_shared/staged';

/**
 * The fee actions that read or change a community's bills, payments, accounts or totals. While a
 * bill or payment import of the community writes its rows (after its commit, `admin/imports.ts`),
 * they answer `FEES_SETTLING` rather than show or act on part of the file.
 */
const WAITS: ReadonlySet<ActionName<'fees'>> = new Set<ActionName<'fees'>>([
  'myBills',
  'myPayments',
  'arrears',
  'unreachable',
  'roomFees',
  'recordReminder',
  'reminderBatch',
  'recordPayment',
  'decideReport',
  'decideEscalation',
  'dashboard',
  'reminderSlips',
  'unmatchedPayments',
  'resolveUnmatched',
  'generateBills',
]);

export function waitingForFeeImports(handlers: Handlers<'fees'>): Handlers<'fees'> {
  const out = { ...handlers } as Record<string, Handler<'fees', ActionName<'fees'>>>;
  for (const action of WAITS) {
    const inner = handlers[action] as Handler<'fees', ActionName<'fees'>>;
    out[action] = async (ctx, input) => {
      const wanted = (input as { communityId?: string } | undefined)?.communityId;
      await requireFeesSettled(ctx.store, wanted ?? ctx.caller?.communityId);
      return inner(ctx, input);
    };
  }
  return out as unknown as Handlers<'fees'>;
}
