/** Every message can be marked read, however long the key of the alert behind it. */
import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

it('the head reads a member’s objection: its id runs past 64 characters', async () => {
  const draft = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title: '北门岗亭改造', body: '北门岗亭下周起改造。', eventDate: '2026-11-19' },
    DEMO.head,
  );
  const doc = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
  await h.ok('filings', 'object', { deliveryId: deliveryId(doc.documentId, DEMO.member), text: '请增设临时岗' }, DEMO.member);
  const box = await h.ok('alerts', 'inbox', {}, DEMO.head);
  const objection = box.items.find((i) => i.title === '委员提出异议：北门岗亭改造')!;
  expect(objection.inboxId.length).toBeGreaterThan(64);
  expect(await h.ok('alerts', 'markRead', { inboxId: objection.inboxId }, DEMO.head)).toEqual({ unread: box.unread - 1 });
  expect((await h.ok('alerts', 'inbox', {}, DEMO.head)).items.find((i) => i.inboxId === objection.inboxId)?.readAt).toBeDefined();
});
