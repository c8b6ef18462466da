import type { SendResult } from '@domain/alerts/delivery';
import type { SubscribeMessage, SubscribeSender } from '../../cloudfunctions/_shared/runtime';

/**
 * A stand-in for WeChat's subscribeMessage.send: records every message and answers with what the
 * test queued (`answer`), or success. `throws` makes the next send fail like a lost connection.
 */
export interface FakeWechat extends SubscribeSender {
  sent: SubscribeMessage[];
  /** Answers for the next sends, in order; when empty, every send succeeds. */
  answers: Array<SendResult | 'throw'>;
  answer(...results: Array<SendResult | 'throw'>): void;
}

export function createFakeWechat(): FakeWechat {
  const fake: FakeWechat = {
    sent: [],
    answers: [],
    answer(...results) {
      fake.answers.push(...results);
    },
    async send(message) {
      fake.sent.push(message);
      const next = fake.answers.shift() ?? { ok: true };
      if (next === 'throw') throw new Error('socket hang up');
      return next;
    },
  };
  return fake;
}

export const wxError = (errcode: number, errmsg = 'refused'): SendResult => ({ ok: false, errcode, errmsg });
