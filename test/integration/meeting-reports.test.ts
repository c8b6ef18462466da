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

  it('an annual report meeting without the general manager listed is not recorded as held, and its duty stays open', async () => {
    const h = await createHarness({ now: '2026-12-01T10:00:00+08:00' });
    await h.ok('workbench', 'generate', {}, DEMO.head);
    const duty = 'ob:c_demo:annual:2026';
    const m = await h.ok('meetings', 'schedule', { kind: 'annual', title: '2026年度工作汇报会', day: '2026-12-20', place: '业委会办公室' }, DEMO.head);
    const { staff } = await h.ok('meetings', 'get', { meetingId: m._id }, DEMO.head);
    const head = staff.find((s) => s.personId === DEMO.head)!;
    const gm = staff.find((s) => s.personId === DEMO.gm)!;
    h.setNow('2026-12-20T11:00:00+08:00');
    const attend = (list: Array<{ personId?: string; name: string; role: string }>) =>
      h.call('meetings', 'recordAttendance', { meetingId: m._id, memberIds: [DEMO.chair, DEMO.viceChair, DEMO.member], staff: list }, { as: DEMO.head });

    for (const list of [[], [{ personId: head.personId, name: head.name, role: head.position }], [{ name: '某某', role: '总经理' }]]) {
      const refused = await attend(list);
      expect(refused).toMatchObject({ ok: false, error: { code: 'GENERAL_MANAGER_REQUIRED', message: expect.stringContaining('总经理') } });
    }
    expect((await h.ok('meetings', 'get', { meetingId: m._id }, DEMO.head)).meeting.status).toBe('scheduled');
    expect((await h.rt.store.get('obligations', duty))?.done).toBeFalsy();

    const held = await attend([
      { personId: head.personId, name: head.name, role: head.position },
      { personId: gm.personId, name: gm.name, role: gm.position },
    ]);
    expect(held).toMatchObject({ ok: true, data: { status: 'held' } });
    expect((await h.rt.store.get('obligations', duty))?.done).toMatchObject({ byId: DEMO.head });
  });

  it('a special meeting needs no general manager', async () => {
    const h = await createHarness({ now: '2026-06-05T10:00:00+08:00' });
    const m = await h.ok('meetings', 'schedule', { kind: 'special', title: '专题会', day: '2026-06-05', place: '会议室' }, DEMO.head);
    expect((await h.ok('meetings', 'recordAttendance', { meetingId: m._id, memberIds: [DEMO.chair], staff: [] }, DEMO.head)).status).toBe('held');
  });
});
