import type { EpochMs, Id } from '@domain/model';
import { ROUTES } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';

export interface PaymentDecision {
  /** The payment record: with `confirmed` it makes the alert's key, so a retry alerts once. */
  paymentId: Id;
  personId: Id;
  communityId: Id;
  roomLabel: string;
  /** The bill's month, e.g. 2026-11. */
  month: string;
  confirmed: boolean;
  /** Why it was rejected (shown to the owner). */
  reason?: string;
}

/**
 * A payment confirmed or rejected → the owner who reported it. For the fees feature to call where it
 * decides a payment (this issue provides the alert; the decision belongs to the fees issue).
 */
export function alertPaymentDecided(rt: Runtime, now: EpochMs, p: PaymentDecision): Promise<boolean> {
  const what = `${p.month}物业费·${p.roomLabel}`;
  const reason = p.reason?.trim() || '请联系管家核实';
  return raiseAlert(rt, now, {
    key: `payment-decided:${p.paymentId}:${p.confirmed ? 'confirmed' : 'rejected'}`,
    personId: p.personId,
    communityId: p.communityId,
    title: p.confirmed ? `缴费已确认：${what}` : `缴费未确认：${what}`,
    body: p.confirmed ? `您的 ${what} 缴费已确认到账（公司账户）。` : `您的 ${what} 缴费未能确认。原因：${reason}`,
    link: ROUTES.owner.bills,
    templateKey: 'result',
    templateValues: { thing1: what, phrase2: p.confirmed ? '已确认' : '未确认', thing3: p.confirmed ? '已到账' : reason, time4: now },
  });
}
