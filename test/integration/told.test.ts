/** Every user is told what concerns them: the outcome of a room binding, of a payment. */
import { templateData, templateDataProblems } from '@domain/alerts/templates';
import { alertPaymentDecided } from '../../cloudfunctions/fees/payment-alerts';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const inboxTitles = async (as: string) => (await h.ok('alerts', 'inbox', {}, as)).items.map((i) => `${i.title}|${i.body}`);

describe('a room binding decided', () => {
  it('approved → the applicant is told, once, with a result alert', async () => {
    await h.ok('session', 'decideBinding', { bindingId: 'bind_p_visitor_1', approve: true }, DEMO.butler);
    const titles = await inboxTitles(DEMO.visitor);
    expect(titles.filter((t) => t.startsWith('房屋绑定已通过'))).toHaveLength(1);
    const [alert] = await h.rt.store.find('alerts', { personId: DEMO.visitor });
    expect(alert).toMatchObject({ templateKey: 'result' });
    expect(templateDataProblems('result', templateData('result', alert!.templateValues))).toEqual([]);
  });

  it('rejected → the applicant is told why', async () => {
    await h.ok('session', 'decideBinding', { bindingId: 'bind_p_visitor_1', approve: false, note: '房产证姓名与申请人不一致' }, DEMO.butler);
    expect(await inboxTitles(DEMO.visitor)).toEqual([expect.stringMatching(/^房屋绑定未通过.*\|.*原因：房产证姓名与申请人不一致$/)]);
  });
});

describe('a payment decided (the helper the fees feature calls)', () => {
  it.each([true, false])('confirmed=%s → the owner, once, with data WeChat accepts', async (confirmed) => {
    const p = {
      paymentId: 'pay_1',
      personId: DEMO.owner,
      communityId: 'c_sunshine',
      roomLabel: '1栋-101',
      month: '2026-11',
      confirmed,
      reason: '未查到该笔转账',
    };
    expect(await alertPaymentDecided(h.rt, h.now(), p)).toBe(true);
    expect(await alertPaymentDecided(h.rt, h.now(), p)).toBe(false);
    const [alert] = await h.rt.store.find('alerts', { personId: DEMO.owner, templateKey: 'result' });
    expect(alert!.title).toBe(confirmed ? '缴费已确认：2026-11物业费·1栋-101' : '缴费未确认：2026-11物业费·1栋-101');
    expect(templateDataProblems('result', templateData('result', alert!.templateValues))).toEqual([]);
  });
});
