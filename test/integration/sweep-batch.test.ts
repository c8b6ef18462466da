import { SWEEP_BATCH } from '../../cloudfunctions/_shared/sweep';
import { createHarness, DEMO } from '../helpers/harness';

/**
 * A run handles at most SWEEP_BATCH due records and leaves the rest, in the index, for the next run;
 * records not due are never read; running twice raises nothing twice.
 */
it('sweeps at most a batch per run, continues on the next, and alerts each overdue item once', async () => {
  const h = await createHarness();
  const asked = await h.ok('inquiries', 'ask', { channel: 'owner', kind: 'request', text: '楼道灯不亮' }, DEMO.owner);
  const { version: _version, ...template } = (await h.rt.store.get('inquiries', asked.inquiryId))!;
  const extra = SWEEP_BATCH + 120;
  const past = h.now() - 10 * 86_400_000;
  for (let i = 0; i < extra; i++) {
    await h.rt.store.insert('inquiries', {
      ...template,
      _id: `bulk_${i}`,
      receivedAt: past,
      due: past + 3_600_000,
      nextActionAt: past + 3_600_001,
    });
  }
  // Not due for weeks: the sweep must not read it.
  await h.rt.store.insert('inquiries', {
    ...template,
    _id: 'later',
    due: h.now() + 40 * 86_400_000,
    nextActionAt: h.now() + 30 * 86_400_000,
  });
  const due = () => h.rt.store.count('inquiries', { nextActionAt: { $lte: h.now() } });
  const overdueAlerts = async () => (await h.rt.store.find('alerts', {})).filter((a) => a.key.startsWith('inq-overdue:')).length;

  expect(await h.timer()).toMatchObject({ ok: true });
  expect(await due()).toBe(extra - SWEEP_BATCH);
  expect(await overdueAlerts()).toBe(SWEEP_BATCH);
  expect(await h.timer()).toMatchObject({ ok: true });
  expect(await due()).toBe(0);
  expect(await h.timer()).toMatchObject({ ok: true, data: { alertsCreated: 0 } });
  expect(await overdueAlerts()).toBe(extra);
  expect((await h.rt.store.get('inquiries', 'later'))!.version).toBe(1);
});
