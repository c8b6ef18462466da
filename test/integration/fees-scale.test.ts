import { addMonths } from '@domain/time';
import { createHarness, DEMO } from '../helpers/harness';

const ROOMS = Number(process.env.FEE_SCALE_ROOMS ?? 2000);
// One month by default to keep CI light; `FEE_SCALE_MONTHS=12` gives the figure (≈47 s here).
const MONTHS = Number(process.env.FEE_SCALE_MONTHS ?? 1);

/**
 * The closing figure of issue 14: generating 2,000 rooms × 12 months through the staff action, in
 * chunks of 200 as the app sends them (each chunk one operation). Logged, and bounded loosely so a
 * regression by an order of magnitude fails.
 */
it(`generates ${ROOMS} rooms × ${MONTHS} months, idempotently`, async () => {
  const h = await createHarness({ now: '2026-12-01T09:00:00+08:00' });
  for (let i = 0; i < ROOMS; i++) {
    await h.rt.store.insert('rooms', {
      _id: `r_scale_${String(i).padStart(5, '0')}`,
      communityId: 'c_demo',
      buildingId: i % 2 ? 'b_demo_2' : 'b_demo_1',
      label: `S栋-${i}`,
      areaM2: 60 + (i % 70),
    });
  }
  const started = Date.now();
  let created = 0;
  for (let m = 0; m < MONTHS; m++) {
    const month = addMonths('2027-01', m);
    let after: string | undefined;
    do {
      const r = await h.ok('fees', 'generateBills', { month, after, limit: 200 }, DEMO.head);
      created += r.created;
      after = r.next ?? undefined;
    } while (after);
  }
  const ms = Date.now() - started;
  console.log(`generated ${created} bills (${ROOMS + 40} rooms × ${MONTHS} months) in ${(ms / 1000).toFixed(1)} s on the embedded store`);
  expect(created).toBe((ROOMS + 40) * MONTHS);
  const again = await h.ok('fees', 'generateBills', { month: '2027-01', limit: 500 }, DEMO.head);
  expect(again.created).toBe(0);
}, 1_800_000);
