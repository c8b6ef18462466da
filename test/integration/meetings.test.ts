import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** The demo committee: 主任 p_owner_01, 副主任 p_owner_08, 委员 p_owner_15 / 22 / 29. */
const PRESENT = [DEMO.chair, DEMO.viceChair, DEMO.member, 'p_owner_22'];
const photo = { fileId: 'local:2026/sealed-page.jpg', name: '盖章页.jpg' };
const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-10-08T10:00:00+08:00' });
});

async function sendFundFiling(): Promise<string> {
  const d = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'filing', category: 'building_fund_repair', title: '3栋外墙渗漏中修', body: '预算18万元，使用本体维修基金。', plannedStart: '2026-11-30' },
    DEMO.head,
  );
  return (await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head)).documentId;
}

async function inboxOf(personId: string): Promise<string[]> {
  return (await h.rt.store.find('inbox', { personId })).map((i) => i.title);
}

describe('a full quarter', () => {
  it('proposal, delegation, meeting, votes, minutes signed by all attendees, resolution sealed and posted, the fund filing approved', async () => {
    await h.ok('workbench', 'generate', {}, DEMO.head);
    const filingId = await sendFundFiling();

    // The head proposes; the chair is alerted; the workbench duty is completed by the proposal itself.
    const proposal = await h.ok('meetings', 'propose', { period: '2026-Q4' }, DEMO.head);
    expect(proposal).toMatchObject({ status: 'proposed', addresseeId: DEMO.chair, agenda: expect.arrayContaining(['本季度主要工作安排']) });
    expect(await inboxOf(DEMO.chair)).toContain('会议提议待答复：2026-Q4例行会议');
    expect((await h.rt.store.get('obligations', 'ob:c_demo:meeting:2026-Q4'))?.done?.byId).toBe(DEMO.head);
    expect(code(await h.call('meetings', 'propose', { period: '2026-Q4' }, { as: DEMO.head }))).toBe('DUPLICATE');

    // The vice chair cannot answer before being delegated; the chair delegates; the vice chair accepts.
    const accept = { proposalId: proposal._id, event: 'accept' as const, day: '2026-10-20', place: '物业服务中心会议室' };
    expect(code(await h.call('meetings', 'replyProposal', accept, { as: DEMO.viceChair }))).toBe('NOT_PROPOSAL_ADDRESSEE');
    await h.ok('meetings', 'replyProposal', { proposalId: proposal._id, event: 'delegate', delegateId: DEMO.viceChair }, DEMO.chair);
    expect(code(await h.call('meetings', 'replyProposal', accept, { as: DEMO.chair }))).toBe('NOT_PROPOSAL_ADDRESSEE');
    const accepted = await h.ok('meetings', 'replyProposal', accept, DEMO.viceChair);
    expect(accepted).toMatchObject({ status: 'accepted', delegate: { personId: DEMO.viceChair } });
    const meetingId = accepted.meetingId!;

    // Held: four of five present, the supervisor records attendance, a motion on the fund filing and the votes.
    h.setNow('2026-10-20T16:00:00+08:00');
    const held = await h.ok(
      'meetings',
      'recordAttendance',
      {
        meetingId,
        memberIds: PRESENT,
        staff: [
          { personId: DEMO.head, name: '负责人', role: '服务中心负责人' },
          { name: '李工', role: '工程维修部主管' },
        ],
        motions: [{ title: '同意使用本体维修基金维修3栋外墙', filingId, requiresPosting: true }],
      },
      DEMO.supervisor,
    );
    expect(held).toMatchObject({ status: 'held', attendance: { rosterSize: 5, quorumPresent: true } });
    const votes = [
      { memberId: DEMO.chair, choice: 'for' as const },
      { memberId: DEMO.viceChair, choice: 'for' as const },
      { memberId: DEMO.member, choice: 'for' as const },
      { memberId: 'p_owner_22', choice: 'against' as const },
    ];
    expect(
      code(await h.call('meetings', 'recordVotes', { meetingId, motionId: 'm1', votes: [{ memberId: 'p_owner_29', choice: 'for' }] }, { as: DEMO.supervisor })),
    ).toBe('NOT_AN_ATTENDEE');
    const voted = await h.ok('meetings', 'recordVotes', { meetingId, motionId: 'm1', votes }, DEMO.supervisor);
    expect(voted.motions[0]!.tally).toMatchObject({ agree: 3, against: 1, abstain: 0, passed: true });
    const [resolution] = await h.ok('meetings', 'resolutions', {}, DEMO.chair);
    expect(resolution).toMatchObject({ status: 'passed', filingId, requiresPosting: true });
    expect(await inboxOf(DEMO.chair)).toContain('决议待主任签字：同意使用本体维修基金维修3栋外墙');
    expect((await h.ok('meetings', 'myVotes', {}, 'p_owner_22'))[0]).toMatchObject({ choice: '反对', passed: true });

    // Minutes: sent to the four attendees only, corrected once (a new version), then signed by all.
    await h.ok(
      'meetings',
      'sendMinutes',
      { meetingId, text: '会议纪要初稿', attachments: [{ fileId: 'local:2026/book.jpg', name: '记录本.jpg' }] },
      DEMO.supervisor,
    );
    const corrected = await h.ok('meetings', 'correctMinutes', { meetingId, text: '会议纪要（更正）', attachments: [] }, DEMO.supervisor);
    expect(corrected.minutesProgress).toEqual({ signed: 0, refused: 0, total: 4 });
    const v2 = corrected.minutesDocumentId!;
    expect(await h.rt.store.get('deliveries', deliveryId(v2, 'p_owner_29'))).toBeNull();
    for (const m of PRESENT) {
      if (m === 'p_owner_22') continue;
      await h.ok('filings', 'sign', { deliveryId: deliveryId(v2, m) }, m);
    }
    expect((await h.ok('meetings', 'get', { meetingId }, DEMO.head)).meeting.status).toBe('minutes_sent');
    // The member who voted against will not sign: staff record the refusal, as for any delivery.
    await h.ok('filings', 'recordRefusal', { deliveryId: deliveryId(v2, 'p_owner_22'), reason: '不同意纪要表述' }, DEMO.supervisor);
    const done = (await h.ok('meetings', 'get', { meetingId }, DEMO.head)).meeting;
    expect(done).toMatchObject({ status: 'minutes_signed', minutesProgress: { signed: 3, refused: 1, total: 4 } });

    // Resolution: not published before the chair signs and the seal is applied.
    const publish = { resolutionId: resolution!._id, confirm: true as const };
    expect(code(await h.call('meetings', 'publishResolution', publish, { as: DEMO.head }))).toBe('RESOLUTION_NOT_SIGNED');
    expect(code(await h.call('meetings', 'chairSign', { resolutionId: resolution!._id }, { as: DEMO.viceChair }))).toBe('NOT_THE_CHAIR');
    await h.ok('meetings', 'chairSign', { resolutionId: resolution!._id }, DEMO.chair);
    expect(code(await h.call('meetings', 'publishResolution', publish, { as: DEMO.head }))).toBe('RESOLUTION_NOT_SEALED');
    expect(code(await h.call('meetings', 'applySeal', { resolutionId: resolution!._id, photo }, { as: DEMO.member }))).toBe('NOT_THE_SEAL_KEEPER');
    await h.ok('meetings', 'applySeal', { resolutionId: resolution!._id, photo }, DEMO.chair);
    expect(await h.ok('meetings', 'sealLog', {}, DEMO.head)).toEqual([
      expect.objectContaining({ resolutionId: resolution!._id, keeper: { personId: DEMO.chair, name: expect.any(String) }, photo }),
    ]);
    expect(await h.ok('meetings', 'ownerNotices', {}, DEMO.owner)).toEqual([]);
    await h.ok('meetings', 'publishResolution', publish, DEMO.head);
    const notices = await h.ok('meetings', 'ownerNotices', {}, DEMO.owner);
    expect(notices).toEqual([expect.objectContaining({ kind: 'resolution', title: '同意使用本体维修基金维修3栋外墙', sealed: true })]);

    // The fund filing is approved on the resolution, not on typed totals.
    const approved = await h.ok('filings', 'decide', { documentId: filingId, result: 'approved', resolutionId: resolution!._id }, DEMO.head);
    expect(approved.outcome).toMatchObject({ result: 'approved', resolutionId: resolution!._id, decision: { present: 4, agree: 3, quorum: { met: true } } });

    // The quarter is met; every step is in the archive chain, which still verifies.
    const { rows } = await h.ok('meetings', 'quarters', { year: 2026 }, DEMO.head);
    expect(rows[3]!.quarter).toMatchObject({ status: 'met', metBy: 'meeting' });
    const archived = await h.ok('filings', 'archiveSearch', { type: 'meeting_record', text: '外墙' }, DEMO.head);
    expect(archived.entries.length).toBeGreaterThanOrEqual(4);
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.head)).toMatchObject({ ok: true });
  });

  it('a declined quarter is met by a recorded communication with the chair and vice chair', async () => {
    const proposal = await h.ok('meetings', 'propose', { period: '2026-Q4' }, DEMO.head);
    await h.ok('meetings', 'replyProposal', { proposalId: proposal._id, event: 'decline', reason: '本季度事项已在微信群沟通' }, DEMO.chair);
    expect(code(await h.call('meetings', 'replyProposal', { proposalId: proposal._id, event: 'decline', reason: '再次' }, { as: DEMO.chair }))).toBe(
      'PROPOSAL_NOT_OPEN',
    );
    h.setNow('2026-12-24T10:00:00+08:00');
    expect((await h.ok('meetings', 'quarters', { year: 2026 }, DEMO.head)).rows[3]!.quarter.status).toBe('at_risk');
    const communication = {
      period: '2026-Q4',
      on: '2026-12-24',
      channel: 'visit' as const,
      summary: '上门通报第四季度收支及明年计划',
      participantIds: [DEMO.member],
    };
    expect(code(await h.call('meetings', 'recordCommunication', communication, { as: DEMO.head }))).toBe('COMMUNICATION_NEEDS_LEADERS');
    const row = await h.ok('meetings', 'recordCommunication', { ...communication, participantIds: [DEMO.chair, DEMO.viceChair] }, DEMO.head);
    expect(row.quarter).toMatchObject({ status: 'met', metBy: 'communication' });
    expect(row.communications[0]).toMatchObject({ channelLabel: '上门拜访' });
  });

  it('a meeting below quorum is recorded but takes no resolution, so it cannot approve a fund filing', async () => {
    const filingId = await sendFundFiling();
    const meeting = await h.ok(
      'meetings',
      'schedule',
      {
        kind: 'special',
        title: '3栋外墙维修专题会',
        day: '2026-10-20',
        place: '会议室',
        motions: [{ title: '同意维修3栋外墙', filingId, requiresPosting: false }],
      },
      DEMO.head,
    );
    const notice = await h.ok('meetings', 'sendNotice', { meetingId: meeting._id, body: '请审阅附件报价单。', attachments: [] }, DEMO.head);
    expect(await h.rt.store.count('deliveries', { documentId: notice.noticeDocumentId! })).toBe(5);
    h.setNow('2026-10-20T16:00:00+08:00');
    const held = await h.ok('meetings', 'recordAttendance', { meetingId: meeting._id, memberIds: [DEMO.chair, DEMO.member] }, DEMO.head);
    expect(held.attendance?.quorumPresent).toBe(false);
    const voted = await h.ok(
      'meetings',
      'recordVotes',
      {
        meetingId: meeting._id,
        motionId: 'm1',
        votes: [
          { memberId: DEMO.chair, choice: 'for' },
          { memberId: DEMO.member, choice: 'for' },
        ],
      },
      DEMO.head,
    );
    expect(voted.motions[0]!.tally?.passed).toBe(false);
    expect(await h.rt.store.count('resolutions')).toBe(0);
    expect(code(await h.call('filings', 'decide', { documentId: filingId, result: 'approved' }, { as: DEMO.head }))).toBe('RESOLUTION_REQUIRED');
    expect(
      code(await h.call('filings', 'decide', { documentId: filingId, result: 'approved', vote: { present: 2, agree: 2, against: 0 } }, { as: DEMO.head })),
    ).toBe('RESOLUTION_REQUIRED');
  });
});

describe('special meeting notice and committee notices', () => {
  it('shows the latest notice date; a late notice needs a reason and is marked late', async () => {
    expect(await h.ok('meetings', 'previewNotice', { day: '2026-10-12' }, DEMO.head)).toMatchObject({
      deadline: { dueDate: '2026-10-07' },
      late: true,
      noticeDays: 5,
    });
    const meeting = await h.ok('meetings', 'schedule', { kind: 'special', title: '电梯更新专题会', day: '2026-10-12', place: '会议室' }, DEMO.head);
    expect(code(await h.call('meetings', 'sendNotice', { meetingId: meeting._id }, { as: DEMO.head }))).toBe('LATE_REASON_REQUIRED');
    const sent = await h.ok('meetings', 'sendNotice', { meetingId: meeting._id, lateReason: '电梯故障需尽快决定' }, DEMO.head);
    const doc = await h.rt.store.get('documents', sent.noticeDocumentId!);
    expect(doc).toMatchObject({ kind: 'meeting_notice', late: true, lateReason: '电梯故障需尽快决定' });
    // Members sign for it like any written delivery.
    expect((await h.ok('filings', 'myDeliveries', { tab: 'pending' }, DEMO.member)).items.map((d) => d.document.kindLabel)).toContain('会议通知');
  });

  it('a member submits a notice; the head returns it with a reason, then approves and it is posted to owners', async () => {
    const p = await h.ok(
      'meetings',
      'submitPosting',
      { title: '关于清理楼道杂物的通知', body: '请各位业主于本月底前清理楼道杂物。', attachments: [] },
      DEMO.member,
    );
    expect(await h.ok('meetings', 'ownerNotices', {}, DEMO.owner)).toEqual([]);
    expect(code(await h.call('meetings', 'reviewPosting', { postingId: p._id, event: 'approve', confirm: true }, { as: DEMO.butler }))).toBe('FORBIDDEN');
    await h.ok('meetings', 'reviewPosting', { postingId: p._id, event: 'return', reason: '请注明清理截止日期' }, DEMO.head);
    await h.ok('meetings', 'submitPosting', { postingId: p._id, title: '关于清理楼道杂物的通知', body: '请于月底前清理。', attachments: [] }, DEMO.member);
    const posted = await h.ok('meetings', 'reviewPosting', { postingId: p._id, event: 'approve', confirm: true }, DEMO.head);
    expect(posted).toMatchObject({ status: 'posted', statusLabel: '已张贴公告' });
    expect(await h.ok('meetings', 'ownerNotices', {}, DEMO.owner)).toEqual([expect.objectContaining({ kind: 'posting', text: '请于月底前清理。' })]);
  });
});

describe('todos and alerts', () => {
  it('the chair has the proposal to answer; the head has the quarter at risk once the 10th passes without one', async () => {
    h.setNow('2026-10-12T09:00:00+08:00');
    const headTodos = await h.ok('session', 'todos', {}, DEMO.head);
    expect(headTodos.map((t) => t.title)).toContain('2026-Q4例行会议有风险');
    const p = await h.ok('meetings', 'propose', { period: '2026-Q4' }, DEMO.head);
    expect((await h.ok('session', 'todos', {}, DEMO.chair)).find((t) => t.title === '会议提议待答复')?.link).toContain(p._id);
    expect((await h.ok('session', 'todos', {}, DEMO.head)).map((t) => t.title)).not.toContain('2026-Q4例行会议有风险');
  });

  it('members who have not signed the notice are reminded one working day before the meeting, once', async () => {
    const meeting = await h.ok('meetings', 'schedule', { kind: 'special', title: '电梯更新专题会', day: '2026-10-20', place: '会议室' }, DEMO.head);
    const sent = await h.ok('meetings', 'sendNotice', { meetingId: meeting._id }, DEMO.head);
    await h.ok('filings', 'sign', { deliveryId: deliveryId(sent.noticeDocumentId!, DEMO.chair) }, DEMO.chair);
    h.setNow('2026-10-16T09:00:00+08:00');
    await h.timer();
    const reminders = async () => (await h.rt.store.find('alerts', {})).filter((a) => a.key.startsWith('meeting-notice-soon:')).map((a) => a.personId);
    expect(await reminders()).toEqual([]);
    h.setNow('2026-10-19T09:00:00+08:00');
    await h.timer();
    await h.timer();
    expect((await reminders()).sort()).toEqual([DEMO.viceChair, DEMO.member, 'p_owner_22', 'p_owner_29'].sort());
  });
});
