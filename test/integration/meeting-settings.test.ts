import type { CommunitySettings } from '@domain/onboarding';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/**
 * The meeting settings a community keeps in its versioned settings — the seal's keeper and the
 * special-meeting notice days — as the meetings function reads them, and the attendance step's
 * counts taken from the community's own quorum rule.
 */
const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);
const photo = { fileId: 'local:2026/sealed-page.jpg', name: '盖章页.jpg' };
const ALL = [DEMO.chair, DEMO.viceChair, DEMO.member, 'p_owner_22', 'p_owner_29'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-10-08T10:00:00+08:00' });
});

async function save(change: Partial<CommunitySettings>) {
  const view = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
  const input = { communityId: 'c_demo', settings: { ...view.settings, ...change }, expectedVersion: view.settingsVersion };
  return h.call('admin', 'updateSettings', input, { as: DEMO.head });
}

/** A special meeting held today with every member present and one motion passed by all. */
async function passedResolution(): Promise<string> {
  const m = await h.ok(
    'meetings',
    'schedule',
    { kind: 'special', title: '电梯更新专题会', day: '2026-10-08', place: '会议室', motions: [{ title: '同意更新2号电梯', requiresPosting: true }] },
    DEMO.head,
  );
  await h.ok('meetings', 'recordAttendance', { meetingId: m._id, memberIds: ALL, staff: [] }, DEMO.supervisor);
  const votes = ALL.map((memberId) => ({ memberId, choice: 'for' as const }));
  await h.ok('meetings', 'recordVotes', { meetingId: m._id, motionId: 'm1', votes }, DEMO.supervisor);
  const [r] = await h.ok('meetings', 'resolutions', {}, DEMO.chair);
  return r!._id;
}

describe('the seal keeper in the community settings', () => {
  it('is chosen from today’s committee (chair by default) and alone records the seal', async () => {
    const view = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(view.settings.sealKeeperId).toBe('');
    expect(view.committee.map((m) => m.personId)).toEqual([DEMO.chair, DEMO.viceChair, DEMO.member, 'p_owner_22', 'p_owner_29']);
    expect(view.committee[1]).toMatchObject({ position: 'vice_chair', positionLabel: '副主任' });

    // Nobody outside the committee keeps the seal.
    expect(code(await save({ sealKeeperId: DEMO.butler }))).toBe('SETTINGS_INVALID');
    expect(code(await save({ sealKeeperId: DEMO.viceChair, sealKeeper: view.committee[1]!.name }))).toBe('OK');
    const after = await h.ok('admin', 'settings', { communityId: 'c_demo' }, DEMO.head);
    expect(after).toMatchObject({ settingsVersion: 2, settings: { sealKeeperId: DEMO.viceChair } });
    expect(after.history[0]!.values).toMatchObject({ sealKeeperId: '' });

    const id = await passedResolution();
    await h.ok('meetings', 'chairSign', { resolutionId: id }, DEMO.chair);
    // The keeper, not the chair, is asked to seal, and only the keeper may.
    const inbox = (p: string) => h.rt.store.find('inbox', { personId: p }).then((l) => l.map((i) => i.title));
    expect(await inbox(DEMO.viceChair)).toContain('决议待加盖公章：同意更新2号电梯');
    expect(await inbox(DEMO.chair)).not.toContain('决议待加盖公章：同意更新2号电梯');
    const todos = await h.ok('session', 'todos', {}, DEMO.viceChair);
    expect(JSON.stringify(todos)).toContain('决议待加盖公章');
    expect(code(await h.call('meetings', 'applySeal', { resolutionId: id, photo }, { as: DEMO.chair }))).toBe('NOT_THE_SEAL_KEEPER');
    await h.ok('meetings', 'applySeal', { resolutionId: id, photo }, DEMO.viceChair);
    expect((await h.ok('meetings', 'sealLog', {}, DEMO.head))[0]).toMatchObject({ resolutionId: id, keeper: { personId: DEMO.viceChair } });

    // Back to the default: the chair keeps it again.
    expect(code(await save({ sealKeeperId: '' }))).toBe('OK');
    const second = await h.ok(
      'meetings',
      'schedule',
      { kind: 'special', title: '门禁专题会', day: '2026-10-08', place: '会议室', motions: [{ title: '同意更换门禁', requiresPosting: true }] },
      DEMO.head,
    );
    await h.ok('meetings', 'recordAttendance', { meetingId: second._id, memberIds: ALL, staff: [] }, DEMO.supervisor);
    await h.ok(
      'meetings',
      'recordVotes',
      { meetingId: second._id, motionId: 'm1', votes: ALL.map((memberId) => ({ memberId, choice: 'for' as const })) },
      DEMO.supervisor,
    );
    const r2 = `res_${second._id}_m1`;
    await h.ok('meetings', 'chairSign', { resolutionId: r2 }, DEMO.chair);
    expect(code(await h.call('meetings', 'applySeal', { resolutionId: r2, photo }, { as: DEMO.viceChair }))).toBe('NOT_THE_SEAL_KEEPER');
    await h.ok('meetings', 'applySeal', { resolutionId: r2, photo }, DEMO.chair);
  });
});

describe('the special-meeting notice days in the community settings', () => {
  it('are at least the rule book’s and set the latest notice date the meetings function shows', async () => {
    expect(code(await save({ noticeDays: 3 }))).toBe('INVALID_INPUT');
    expect((await h.ok('meetings', 'previewNotice', { day: '2026-10-30' }, DEMO.head)).deadline.dueDate).toBe('2026-10-25');
    expect(code(await save({ noticeDays: 7 }))).toBe('OK');
    const preview = await h.ok('meetings', 'previewNotice', { day: '2026-10-30' }, DEMO.head);
    expect(preview).toMatchObject({ noticeDays: 7, deadline: { dueDate: '2026-10-23' }, late: false });
    expect(preview.deadline.ruleText).toContain('会议召开前7天');
    // A notice on the 28th is now late for a meeting on the 30th.
    const m = await h.ok('meetings', 'schedule', { kind: 'special', title: '绿化专题会', day: '2026-10-30', place: '会议室' }, DEMO.head);
    h.setNow('2026-10-24T09:00:00+08:00');
    expect(code(await h.call('meetings', 'sendNotice', { meetingId: m._id }, { as: DEMO.head }))).toBe('LATE_REASON_REQUIRED');
  });
});

describe('the attendance step counts with the community’s own quorum rule', () => {
  it('returns the rule with the meeting', async () => {
    const m = await h.ok('meetings', 'schedule', { kind: 'special', title: '停车专题会', day: '2026-10-20', place: '会议室' }, DEMO.head);
    expect((await h.ok('meetings', 'get', { meetingId: m._id }, DEMO.head)).quorumRule).toEqual({ presentMoreThan: 0.5, agreeMoreThan: 0.5, agreeBase: 'all' });
    const stricter = { presentMoreThan: 2 / 3, agreeMoreThan: 0.5, agreeBase: 'all' as const };
    expect(code(await save({ quorumRule: stricter }))).toBe('OK');
    expect((await h.ok('meetings', 'get', { meetingId: m._id }, DEMO.head)).quorumRule).toEqual(stricter);
    // Three of five met the default; under two-thirds it is below quorum.
    const held = await h.ok('meetings', 'recordAttendance', { meetingId: m._id, memberIds: ALL.slice(0, 3), staff: [] }, DEMO.supervisor);
    expect(held.attendance?.quorumPresent).toBe(false);
  });
});
