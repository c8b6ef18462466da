import { ROUTES, routeUrl } from '@domain/routes';
/** Deadlines that chase: unsigned deliveries on their cadence (a community setting), overdue inquiries up to the general manager. */
import { deliveryChaseSweep } from '../../cloudfunctions/filings/chase';
import { inquiryGmEscalationSweep } from '../../cloudfunctions/inquiries/escalation';
import { inquirySweep } from '../../cloudfunctions/inquiries/sweep';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

async function sendNotification(): Promise<string> {
  const draft = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title: '小区东门改造期间临时封闭', body: '东门将于下周一起封闭施工。', eventDate: '2026-11-19' },
    DEMO.head,
  );
  await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
  return draft.documentId;
}
const chaseAt = async (iso: string) => {
  h.setNow(iso);
  return (await deliveryChaseSweep(h.rt, h.now())).alertsCreated;
};
const chasedMembers = async (documentId: string) =>
  (await h.rt.store.find('alerts', {})).filter((a) => a.key.startsWith(`dlv-chase:dlv_${documentId}_`)).map((a) => a.personId);

describe('unsigned deliveries', () => {
  it('are chased every 2 working days after delivery, each step once, and never once signed', async () => {
    const documentId = await sendNotification();
    const members = (await h.rt.store.find('deliveries', { documentId })).map((d) => d.memberId);
    expect(members.length).toBeGreaterThan(2);
    await h.ok('filings', 'sign', { deliveryId: `dlv_${documentId}_${DEMO.member}` }, DEMO.member);

    expect(await chaseAt('2026-11-23T10:00:00+08:00')).toBe(0);
    expect(await chaseAt('2026-11-24T10:00:00+08:00')).toBe(members.length - 1);
    expect(await chaseAt('2026-11-24T11:00:00+08:00')).toBe(0);
    expect(await chaseAt('2026-11-25T10:00:00+08:00')).toBe(0);
    expect(await chaseAt('2026-11-26T10:00:00+08:00')).toBe(members.length - 1);
    expect(await chasedMembers(documentId)).not.toContain(DEMO.member);
    const [one] = await h.ok('alerts', 'inbox', {}, DEMO.chair).then((b) => b.items.filter((i) => i.title.startsWith('尚未签收')));
    expect(one?.link).toBe(`/packages/committee/document/index?id=${documentId}`);
  });

  it('follow the community setting settings.reminders.unsignedDelivery when it has one', async () => {
    const documentId = await sendNotification();
    const [community] = await h.rt.store.find('communities', {});
    const { settings, settingsVersion } = await h.ok('admin', 'settings', { communityId: community!._id }, DEMO.head);
    const reminders = { ...settings.reminders, unsignedDelivery: { beforeWorkingDays: 1, repeatEveryWorkingDays: 1 } };
    await h.ok('admin', 'updateSettings', { communityId: community!._id, settings: { ...settings, reminders }, expectedVersion: settingsVersion }, DEMO.head);
    expect(await chaseAt('2026-11-23T10:00:00+08:00')).toBeGreaterThan(0);
    expect(await chasedMembers(documentId)).toContain(DEMO.chair);
  });
});

describe('overdue inquiries', () => {
  it('reach the head once overdue, then the general manager a further working day later, once', async () => {
    h.setNow('2026-11-16T09:00:00+08:00');
    const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '电梯异响' }, DEMO.owner);
    await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, DEMO.head);
    const gmAlerts = async () => (await h.rt.store.find('alerts', { personId: DEMO.gm })).filter((a) => a.key.startsWith('inq-overdue-gm:'));

    h.setNow('2026-11-20T10:00:00+08:00'); // the first working day after the due day (19th)
    await inquirySweep(h.rt, h.now());
    expect(await inquiryGmEscalationSweep(h.rt, h.now())).toEqual({ alertsCreated: 0, escalated: 0 });

    h.setNow('2026-11-23T10:00:00+08:00');
    expect(await inquiryGmEscalationSweep(h.rt, h.now())).toEqual({ alertsCreated: 1, escalated: 1 });
    expect(await inquiryGmEscalationSweep(h.rt, h.now())).toEqual({ alertsCreated: 0, escalated: 0 });
    const [alert] = await gmAlerts();
    expect(alert).toMatchObject({ link: routeUrl(ROUTES.staff.inquiry, { id: asked.inquiryId }) });
    // The link opens for the general manager.
    expect(await h.ok('inquiries', 'get', { inquiryId: asked.inquiryId }, DEMO.gm)).toMatchObject({ inquiryId: asked.inquiryId });
  });
});
