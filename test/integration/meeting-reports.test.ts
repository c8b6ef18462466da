import { createHarness, DEMO } from '../helpers/harness';

/** Half-year and annual report meetings with company leadership close the workbench duty of their period. */
describe('report meetings', () => {
  it('a half-year report meeting held in June, the general manager attending, completes the half-year duty', async () => {
    const h = await createHarness({ now: '2026-06-05T10:00:00+08:00' });
    await h.ok('workbench', 'generate', {}, DEMO.head);
    const duty = 'ob:c_demo:half:2026-H1';
    expect((await h.rt.store.get('obligations', duty))?.done).toBeFalsy();

    const m = await h.ok(
      'meetings',
      'schedule',
      { kind: 'half_year', title: '2026年半年度工作汇报会', day: '2026-06-20', time: '09:30', place: '公司会议室' },
      DEMO.head,
    );
    expect(m).toMatchObject({ period: '2026-H1', time: '09:30', kindLabel: '半年度工作汇报会' });
    // The staff who may be listed come from the community's staff and the company's general manager.
    const { staff } = await h.ok('meetings', 'get', { meetingId: m._id }, DEMO.head);
    expect(staff.map((s) => s.personId)).toEqual(expect.arrayContaining([DEMO.gm, DEMO.head, DEMO.supervisor, DEMO.butler]));
    expect(staff.find((s) => s.personId === DEMO.gm)?.position).toBe('总经理');

    h.setNow('2026-06-20T11:00:00+08:00');
    const gm = staff.find((s) => s.personId === DEMO.gm)!;
    const held = await h.ok(
      'meetings',
      'recordAttendance',
      { meetingId: m._id, memberIds: [DEMO.chair, DEMO.viceChair, DEMO.member], staff: [{ personId: gm.personId, name: gm.name, role: gm.position }] },
      DEMO.head,
    );
    expect(held.attendance?.staff).toEqual([{ personId: DEMO.gm, name: gm.name, role: '总经理' }]);
    expect((await h.rt.store.get('obligations', duty))?.done).toMatchObject({ byId: DEMO.head });
  });
});
