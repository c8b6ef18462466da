import type { DocumentView } from '@domain/api/filings';
import { deliveryId } from '@domain/signoff';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** The demo committee: 主任 p_owner_01, 副主任 p_owner_08, 委员 p_owner_15 / 22 / 29. */
const MEMBERS = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

async function sendNotification(title = '小区东门改造期间临时封闭', as: string = DEMO.head): Promise<DocumentView> {
  const draft = await h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title, body: '东门将于下周一起封闭施工，请从南门出入。', eventDate: '2026-11-19' },
    as,
  );
  return h.ok('filings', 'send', { documentId: draft.documentId }, as);
}

const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);
const dlv = (doc: { documentId: string }, member: string) => deliveryId(doc.documentId, member);

describe('composing and sending', () => {
  it('a draft is edited, then sent to every member of the committee, each with their own delivery and alert', async () => {
    const draft = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'filing', category: 'owner_interests', title: '地下车库照明改造', plannedStart: '2026-12-20' },
      DEMO.head,
    );
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '草稿', deadline: { dueDate: '2026-12-05' }, late: false });
    const edited = await h.ok(
      'filings',
      'saveDraft',
      {
        documentId: draft.documentId,
        kind: 'filing',
        category: 'owner_interests',
        title: '地下车库照明改造',
        body: '更换LED灯具共120套。',
        plannedStart: '2026-12-20',
        attachments: [{ fileId: 'local:quote.pdf', name: '报价单.pdf' }],
      },
      DEMO.head,
    );
    expect(edited.attachments).toEqual([{ fileId: 'local:quote.pdf', name: '报价单.pdf' }]);

    const sent = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
    expect(sent).toMatchObject({ status: 'sent', sentByName: '周志强', late: false, progress: { total: 5, signed: 0, pending: 5 } });
    const deliveries = await h.rt.store.find('deliveries', { documentId: sent.documentId });
    expect(deliveries.map((d) => d.memberId).sort()).toEqual(MEMBERS);
    expect(await h.rt.store.count('inbox', { personId: DEMO.member, title: '请签收：地下车库照明改造' })).toBe(1);

    // Sent is final: no more edits.
    const again = await h.call('filings', 'saveDraft', { documentId: draft.documentId, kind: 'filing', title: '改标题' }, { as: DEMO.head });
    expect(code(again)).toBe('DOCUMENT_NOT_DRAFT');
    expect(code(await h.call('filings', 'send', { documentId: draft.documentId }, { as: DEMO.head }))).toBe('DOCUMENT_NOT_DRAFT');

    const todos = await h.ok('session', 'todos', {}, DEMO.member);
    expect(todos.find((t) => t.key === 'filing-sign')).toMatchObject({ count: 1, detail: '《地下车库照明改造》' });
  });

  it('a filing sent after its latest date needs a reason and is marked late', async () => {
    const draft = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'filing', category: 'new_measure', title: '新的装修管理规定', body: '见附件', plannedStart: '2026-11-30' },
      DEMO.head,
    );
    expect(draft.late).toBe(true);
    expect(await h.ok('filings', 'previewDue', { kind: 'filing', plannedStart: '2026-11-30' }, DEMO.head)).toMatchObject({
      late: true,
      lateReasonRequired: true,
      deadline: { dueDate: '2026-11-15' },
    });
    expect(code(await h.call('filings', 'send', { documentId: draft.documentId }, { as: DEMO.head }))).toBe('LATE_REASON_REQUIRED');
    const sent = await h.ok('filings', 'send', { documentId: draft.documentId, lateReason: '街道办11月16日才下发新规' }, DEMO.head);
    expect(sent).toMatchObject({ late: true, lateReason: '街道办11月16日才下发新规' });
    expect(await h.rt.store.count('audit', { type: 'document.sent', 'data.late': true })).toBe(1);
  });

  it('a notification: due 3 working days after the event (administrator overrides count), late when sent after', async () => {
    await h.rt.store.insert('calendarOverrides', {
      _id: 'day:2026-11-23',
      scope: 'day',
      date: '2026-11-23',
      kind: 'holiday',
      name: '临时假日',
      updatedBy: DEMO.gm,
      updatedAt: 0,
    });
    const preview = await h.ok('filings', 'previewDue', { kind: 'notification', eventDate: '2026-11-13' }, DEMO.head);
    expect(preview).toMatchObject({ late: true, lateReasonRequired: false, deadline: { dueDate: '2026-11-18' } });
    expect((await h.ok('filings', 'previewDue', { kind: 'notification', eventDate: '2026-11-20' }, DEMO.head)).deadline?.dueDate).toBe('2026-11-26');
    const d = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'notification', category: 'owner_penalty', title: '对3栋某户执行违约金', body: '……', eventDate: '2026-11-13' },
      DEMO.head,
    );
    expect(await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head)).toMatchObject({ late: true, deadline: { dueDate: '2026-11-18' } });
  });

  it('only staff compose; a butler only once the head grants it', async () => {
    const input = { kind: 'notification' as const, category: 'other' as const, title: '测试', body: 'x', eventDate: '2026-11-20' };
    expect(code(await h.call('filings', 'saveDraft', input, { as: DEMO.member }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'saveDraft', input, { as: DEMO.owner }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'saveDraft', input, { as: DEMO.butler }))).toBe('NOT_A_COMPOSER');
    expect(code(await h.call('filings', 'setComposers', { personIds: [DEMO.butler] }, { as: DEMO.butler }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'setComposers', { personIds: [DEMO.owner] }, { as: DEMO.head }))).toBe('INVALID_INPUT');
    const { staff } = await h.ok('filings', 'setComposers', { personIds: [DEMO.butler] }, DEMO.head);
    expect(staff.find((s) => s.personId === DEMO.butler)).toMatchObject({ allowed: true, fixed: false });
    expect(staff.find((s) => s.personId === DEMO.butler2)).toMatchObject({ allowed: false });
    expect((await h.ok('filings', 'composers', {}, DEMO.butler)).canCompose).toBe(true);
    const sent = await sendNotification('管家起草的通报', DEMO.butler);
    expect(sent.sentByName).toBe('陈晓东');
    expect(await h.rt.store.count('audit', { type: 'community.composers_set' })).toBe(1);
  });

  it('another community cannot see or act on it', async () => {
    const doc = await sendNotification();
    await h.rt.store.insert('communities', {
      _id: 'c_other',
      name: '翠湖苑',
      city: '深圳',
      companyAccount: { bank: 'x', accountName: 'y', accountNo: 'z' },
      createdAt: 0,
    });
    await h.rt.store.insert('people', {
      _id: 'p_other_head',
      openid: devOpenid('p_other_head'),
      name: '他区负责人',
      communityId: 'c_other',
      staffRole: 'head',
      createdAt: 0,
    });
    expect(code(await h.call('filings', 'get', { documentId: doc.documentId }, { as: 'p_other_head' }))).toBe('NOT_FOUND');
    expect(code(await h.call('filings', 'reply', { deliveryId: dlv(doc, DEMO.member), text: 'x' }, { as: 'p_other_head' }))).toBe('NOT_FOUND');
    expect(await h.ok('filings', 'list', {}, 'p_other_head')).toEqual({ items: [], next: null });
  });
});

describe('signing for it', () => {
  it('sign, object, reply, refuse — each an event, each archived, and the record shows it all', async () => {
    const doc = await sendNotification();
    const [chair, vice, member, m22, m29] = MEMBERS;

    // Opening is read state, not sign state.
    const opened = await h.ok('filings', 'open', { deliveryId: dlv(doc, chair!) }, chair!);
    expect(opened).toMatchObject({ readStatus: 'OPENED', signStatus: 'PENDING', actions: ['sign', 'object'] });
    await h.ok('filings', 'open', { deliveryId: dlv(doc, chair!) }, chair!);
    expect(await h.rt.store.count('deliveryEvents', { deliveryId: dlv(doc, chair!), type: 'opened' })).toBe(1);

    h.advance(60_000);
    expect(await h.ok('filings', 'sign', { deliveryId: dlv(doc, chair!) }, chair!)).toMatchObject({ signStatus: 'SIGNED', signedAt: h.now() });
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, chair!) }, { as: chair }))).toBe('ALREADY_SIGNED');
    // Only the addressed member signs their own delivery.
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, member!) }, { as: vice }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, member!) }, { as: DEMO.head }))).toBe('FORBIDDEN');

    const objected = await h.ok('filings', 'object', { deliveryId: dlv(doc, member!), text: '封闭期间老人出入不便，请增加临时通道' }, member!);
    expect(objected).toMatchObject({ signStatus: 'OBJECTED', state: 'OBJECTED', actions: [] });
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, member!) }, { as: member }))).toBe('OBJECTION_UNANSWERED');
    expect(await h.rt.store.count('inbox', { personId: DEMO.head, title: `委员提出异议：${doc.title}` })).toBe(1);
    expect((await h.ok('session', 'todos', {}, DEMO.head)).find((t) => t.key === 'filing-objections')).toMatchObject({ count: 1 });

    expect(code(await h.call('filings', 'reply', { deliveryId: dlv(doc, vice!), text: '无异议无需答复' }, { as: DEMO.head }))).toBe('NOT_AN_OBJECTION');
    const replied = await h.ok('filings', 'reply', { deliveryId: dlv(doc, member!), text: '已在北侧增设临时通道并安排专人值守' }, DEMO.head);
    expect(replied).toMatchObject({ state: 'ANSWERED', objections: [{ reply: { byName: '周志强' } }] });
    expect(await h.rt.store.count('inbox', { personId: member!, title: `您的异议已答复：${doc.title}` })).toBe(1);
    expect(await h.ok('filings', 'sign', { deliveryId: dlv(doc, member!) }, member!)).toMatchObject({ signStatus: 'SIGNED' });

    const refused = await h.ok('filings', 'recordRefusal', { deliveryId: dlv(doc, m22!), reason: '委员表示不认可该决定，拒绝签收' }, DEMO.butler);
    expect(refused).toMatchObject({ signStatus: 'REFUSED', refusal: { recordedByName: '陈晓东', at: h.now() } });
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, m22!) }, { as: m22 }))).toBe('DELIVERY_REFUSED');

    const record = await h.ok('filings', 'record', { documentId: doc.documentId }, m29!);
    expect(record.rows.map((r) => [r.memberName, r.positionLabel, r.stateLabel])).toEqual([
      [expect.any(String), '主任', '已签收'],
      [expect.any(String), '副主任', '待签收'],
      [expect.any(String), '委员', '已签收'],
      [expect.any(String), '委员', '拒签'],
      [expect.any(String), '委员', '待签收'],
    ]);
    expect(record.summary).toMatchObject({ total: 5, signed: 2, objected: 1, refused: 1, pending: 2 });

    const events = await h.rt.store.find('deliveryEvents', { documentId: doc.documentId });
    expect(events.map((e) => e.type).sort()).toEqual(
      ['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'opened', 'signed', 'objected', 'replied', 'signed', 'refusal_recorded'].sort(),
    );
    const archived = await h.rt.store.find('archive', { type: 'delivery_event', documentId: doc.documentId });
    expect(archived.map((a) => a.subject.id).sort()).toEqual(events.map((e) => e._id).sort());
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.head)).toMatchObject({ ok: true, checked: 12 });
    // What the archive says happened is what the live record shows, row by row.
    expect(record.summary.archiveMismatches).toBe(0);
    expect(record.rows.every((r) => r.archiveDiffs?.length === 0)).toBe(true);

    const detail = await h.ok('filings', 'get', { documentId: doc.documentId }, member!);
    expect(detail.myHistory.map((e) => e.label)).toEqual(['送达', '提出异议', '答复异议', '签收']);
  });

  it('exports the record as CSV with a BOM, and logs the export', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    const out = await h.ok('filings', 'exportRecord', { documentId: doc.documentId }, DEMO.head);
    expect(out.filename).toMatch(/^输出信息审批记录_.+_第1版\.csv$/);
    expect(out.csv.charCodeAt(0)).toBe(0xfeff);
    expect(out.csv).toContain('已签收');
    const logged = await h.rt.store.find('audit', { type: 'document.record_exported' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorId: DEMO.head, subject: { id: doc.documentId } });
    expect(code(await h.call('filings', 'exportRecord', { documentId: doc.documentId }, { as: DEMO.owner }))).toBe('FORBIDDEN');
  });

  it('the same member signing twice at once: one signature, one ALREADY_SIGNED', async () => {
    const doc = await sendNotification();
    const both = await Promise.all([1, 2].map(() => h.call('filings', 'sign', { deliveryId: dlv(doc, DEMO.member) }, { as: DEMO.member })));
    expect(both.map(code).sort()).toEqual(['ALREADY_SIGNED', 'OK']);
    expect(await h.rt.store.count('deliveryEvents', { deliveryId: dlv(doc, DEMO.member), type: 'signed' })).toBe(1);
  });

  it('a correction is a new version delivered again; the old one is kept and closed to signing', async () => {
    const v1 = await sendNotification();
    const draft = await h.ok('filings', 'revise', { documentId: v1.documentId }, DEMO.head);
    expect(draft).toMatchObject({ status: 'draft', versionNo: 2, supersedes: v1.documentId, title: v1.title });
    await h.ok(
      'filings',
      'saveDraft',
      {
        documentId: draft.documentId,
        kind: 'notification',
        category: 'major_change',
        title: v1.title,
        body: '更正：封闭自下周三起。',
        eventDate: '2026-11-19',
      },
      DEMO.head,
    );
    const v2 = await h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
    expect(v2.progress?.total).toBe(5);
    const old = await h.rt.store.get('documents', v1.documentId);
    expect(old).toMatchObject({ supersededBy: v2.documentId, content: { body: '东门将于下周一起封闭施工，请从南门出入。' } });
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(v1, DEMO.member) }, { as: DEMO.member }))).toBe('DOCUMENT_SUPERSEDED');
    expect(code(await h.call('filings', 'revise', { documentId: v1.documentId }, { as: DEMO.head }))).toBe('DOCUMENT_SUPERSEDED');
    const mine = await h.ok('filings', 'myDeliveries', { tab: 'pending' }, DEMO.member);
    expect(mine.items.map((m) => m.document.documentId)).toEqual([v2.documentId]);
    expect(await h.rt.store.count('archive', { type: 'document_version' })).toBe(2);
    const detail = await h.ok('filings', 'get', { documentId: v2.documentId }, DEMO.member);
    expect(detail.versions.map((v) => v.versionNo)).toEqual([1, 2]);
  });
});

describe('opinion requests', () => {
  it('answers by the deadline, a reminder one working day before, a collection task after, idempotent sweeps', async () => {
    // Fri 20 Nov; deadline Tue 24 Nov.
    const d = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'opinion_request', title: '2027年度绿化养护方案', body: '请各位委员审阅并反馈意见。', responseBy: '2026-11-24' },
      DEMO.head,
    );
    const doc = await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    expect(code(await h.call('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, { as: DEMO.chair }))).toBe('INVALID_TRANSITION');
    await h.ok('filings', 'answer', { deliveryId: dlv(doc, DEMO.chair), choice: 'agree' }, DEMO.chair);
    await h.ok('filings', 'answer', { deliveryId: dlv(doc, DEMO.viceChair), choice: 'comment', text: '建议增加雨季排水检查' }, DEMO.viceChair);
    expect(code(await h.call('filings', 'answer', { deliveryId: dlv(doc, DEMO.chair), choice: 'disagree' }, { as: DEMO.chair }))).toBe('ALREADY_ANSWERED');
    expect((await h.ok('session', 'todos', {}, DEMO.member)).find((t) => t.key === `filing-opinion-${dlv(doc, DEMO.member)}`)).toMatchObject({
      due: doc.responseDue,
      overdue: false,
    });

    // No opinion alert yet; the only alerts are the month's archive anchor, one per member, and the
    // head's alert that the quarter's routine meeting is at risk (the demo has no proposal).
    expect(await h.ok('alerts', 'sweep', {}, DEMO.head)).toMatchObject({ alertsCreated: MEMBERS.length + 1 });
    h.setNow('2026-11-23T09:00:00+08:00'); // Monday: one working day left
    const soon = await h.ok('alerts', 'sweep', {}, DEMO.head);
    expect(soon.alertsCreated).toBeGreaterThanOrEqual(3);
    expect(await h.rt.store.count('inbox', { title: '签阅即将截止：2027年度绿化养护方案' })).toBe(3);
    expect(await h.rt.store.count('inbox', { personId: DEMO.chair, title: '签阅即将截止：2027年度绿化养护方案' })).toBe(0);
    await h.ok('alerts', 'sweep', {}, DEMO.head);
    expect(await h.rt.store.count('inbox', { title: '签阅即将截止：2027年度绿化养护方案' })).toBe(3);

    h.setNow('2026-11-25T09:00:00+08:00');
    const late = await h.ok('filings', 'answer', { deliveryId: dlv(doc, DEMO.member), choice: 'disagree', text: '预算偏高' }, DEMO.member);
    expect(late.opinion).toMatchObject({ choice: 'disagree', late: true });
    await h.ok('alerts', 'sweep', {}, DEMO.head);
    await h.ok('alerts', 'sweep', {}, DEMO.head);
    const collect = await h.rt.store.find('inbox', { personId: DEMO.head, title: '请收回签阅意见：2027年度绿化养护方案' });
    expect(collect).toHaveLength(1);
    expect(collect[0]!.body).toContain('2 位委员逾期未回复');
    expect((await h.ok('session', 'todos', {}, DEMO.head)).find((t) => t.key === `filing-collect-${doc.documentId}`)).toMatchObject({
      count: 2,
      overdue: true,
    });

    const record = await h.ok('filings', 'record', { documentId: doc.documentId }, DEMO.head);
    expect(record.rows.map((r) => r.opinionText)).toEqual(['同意', '意见：建议增加雨季排水检查', '不同意（预算偏高）【逾期反馈】', '逾期未回复', '逾期未回复']);
    expect(record.summary).toMatchObject({ missing: 2, agree: 1, disagree: 1, comment: 1 });
  });
});

describe('filing outcome', () => {
  it('a maintenance-fund filing is approved only with a linked resolution, never with typed vote totals', async () => {
    const d = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'filing', category: 'building_fund_repair', title: '3栋外墙渗漏中修', body: '预算18万元，使用本体维修基金。', plannedStart: '2026-12-15' },
      DEMO.head,
    );
    const doc = await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    const before = await h.snapshot();
    expect(code(await h.call('filings', 'decide', { documentId: doc.documentId, result: 'approved' }, { as: DEMO.head }))).toBe('RESOLUTION_REQUIRED');
    expect(
      code(
        await h.call('filings', 'decide', { documentId: doc.documentId, result: 'approved', vote: { present: 4, agree: 3, against: 1 } }, { as: DEMO.head }),
      ),
    ).toBe('RESOLUTION_REQUIRED');
    expect(
      code(
        await h.call('filings', 'decide', { documentId: doc.documentId, result: 'approved', vote: { present: 4, agree: 3, against: 1 } }, { as: DEMO.butler }),
      ),
    ).toBe('FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);
    const approved = await h.ok(
      'filings',
      'decide',
      { documentId: doc.documentId, result: 'rejected', vote: { present: 4, agree: 1, against: 3, decidedOn: '2026-11-19' } },
      DEMO.head,
    );
    expect(approved).toMatchObject({ outcome: { resultLabel: '未批准', decision: { rosterSize: 5, quorum: { met: false } } } });
    expect(code(await h.call('filings', 'decide', { documentId: doc.documentId, result: 'withdrawn' }, { as: DEMO.head }))).toBe('FILING_CLOSED');
    expect(await h.rt.store.count('archive', { type: 'filing_outcome' })).toBe(1);
  });
});

describe('owners see only what the head publishes', () => {
  it('publish, list, read; nothing else', async () => {
    const doc = await sendNotification();
    const hidden = await sendNotification('内部通报');
    expect(code(await h.call('filings', 'get', { documentId: doc.documentId }, { as: DEMO.owner }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'myDeliveries', { tab: 'all' }, { as: DEMO.owner }))).toBe('FORBIDDEN');
    expect(await h.ok('filings', 'published', {}, DEMO.owner)).toEqual({ items: [], next: null });
    expect(code(await h.call('filings', 'publishToOwners', { documentId: doc.documentId }, { as: DEMO.butler }))).toBe('FORBIDDEN');
    // Three taps, two of them at once and in the same millisecond: published once, archived once.
    await Promise.all([
      h.ok('filings', 'publishToOwners', { documentId: doc.documentId }, DEMO.head),
      h.ok('filings', 'publishToOwners', { documentId: doc.documentId }, DEMO.head),
    ]);
    await h.ok('filings', 'publishToOwners', { documentId: doc.documentId }, DEMO.head);
    expect(await h.rt.store.count('audit', { type: 'document.published', 'subject.id': doc.documentId })).toBe(1);
    expect(await h.rt.store.count('archive', { type: 'published', documentId: doc.documentId })).toBe(1);
    const list = await h.ok('filings', 'published', {}, DEMO.owner);
    expect(list.items.map((d) => d.documentId)).toEqual([doc.documentId]);
    // A list line: no text, no attachments, no sign-off progress.
    expect(Object.keys(list.items[0]!).sort()).toEqual(['categoryLabel', 'documentId', 'kind', 'kindLabel', 'publishedAt', 'title']);
    expect((await h.ok('filings', 'publishedDocument', { documentId: doc.documentId }, DEMO.owner)).body).toContain('东门');
    expect(code(await h.call('filings', 'publishedDocument', { documentId: hidden.documentId }, { as: DEMO.owner }))).toBe('NOT_FOUND');
    expect(await h.rt.store.count('archive', { type: 'published' })).toBe(1);
  });
});

describe('the archive', () => {
  it('is searchable by type, kind, category, date and text for staff and committee', async () => {
    await sendNotification('东门封闭通报');
    const f = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'filing', category: 'facility_fund_renewal', title: '更换二次供水泵', body: '水泵老化', plannedStart: '2026-12-30' },
      DEMO.head,
    );
    await h.ok('filings', 'send', { documentId: f.documentId }, DEMO.head);
    const byText = await h.ok('filings', 'archiveSearch', { text: '水泵', type: 'document_version' }, DEMO.member);
    expect(byText.entries.map((e) => e.title)).toEqual(['更换二次供水泵']);
    const byKind = await h.ok('filings', 'archiveSearch', { kind: 'notification', type: 'document_version' }, DEMO.head);
    expect(byKind.entries.map((e) => e.title)).toEqual(['东门封闭通报']);
    expect((await h.ok('filings', 'archiveSearch', { category: 'facility_fund_renewal' }, DEMO.head)).entries.length).toBe(6);
    expect((await h.ok('filings', 'archiveSearch', { from: '2026-11-21' }, DEMO.head)).entries).toEqual([]);
    expect((await h.ok('filings', 'archiveSearch', { from: '2026-11-20', to: '2026-11-20', limit: 5 }, DEMO.head)).next).not.toBeNull();
    expect(code(await h.call('filings', 'archiveSearch', {}, { as: DEMO.owner }))).toBe('FORBIDDEN');
  });

  it('a tampered entry is found by verify, at its sequence number', async () => {
    const doc = await sendNotification();
    await h.ok('filings', 'sign', { deliveryId: dlv(doc, DEMO.chair) }, DEMO.chair);
    await h.ok('filings', 'object', { deliveryId: dlv(doc, DEMO.member), text: '有异议' }, DEMO.member);
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.head)).toMatchObject({ ok: true, checked: 8 });
    const [target] = await h.rt.store.find('archive', { communityId: 'c_demo', seq: 7 });
    expect(target!.payload.type).toBe('signed');
    expect(await h.rt.store.update('archive', target!._id, target!.version, { text: '某委员 拒签' })).toBe(true);
    // Members verify their own community's archive too; owners do not reach it.
    expect(await h.ok('filings', 'verifyArchive', {}, DEMO.member)).toMatchObject({
      ok: false,
      checked: 6,
      broken: { at: 7, reason: 'hash_mismatch', label: expect.stringContaining('改动') },
    });
    expect(code(await h.call('filings', 'verifyArchive', {}, { as: DEMO.owner }))).toBe('FORBIDDEN');
    expect(code(await h.call('filings', 'verifyArchive', { communityId: 'c_other' }, { as: DEMO.head }))).toBe('NOT_FOUND');
  });
});

describe('concurrency', () => {
  const SEATS = 20;
  const people = Array.from({ length: SEATS }, (_, i) => `p_big_${String(i + 1).padStart(2, '0')}`);

  async function bigCommunity(): Promise<void> {
    await h.rt.store.insert('communities', {
      _id: 'c_big',
      name: '大社区',
      city: '深圳',
      companyAccount: { bank: 'x', accountName: 'y', accountNo: 'z' },
      createdAt: 0,
    });
    await h.rt.store.insert('people', {
      _id: 'p_big_head',
      openid: devOpenid('p_big_head'),
      name: '大社区负责人',
      communityId: 'c_big',
      staffRole: 'head',
      createdAt: 0,
    });
    for (const [i, id] of people.entries()) {
      await h.rt.store.insert('people', { _id: id, openid: devOpenid(id), name: `委员${i + 1}`, communityId: 'c_big', createdAt: 0 });
      await h.rt.store.insert('committeeSeats', {
        _id: `seat_big_${i}`,
        communityId: 'c_big',
        personId: id,
        position: i === 0 ? 'chair' : 'member',
        termStart: '2025-01-01',
        termEnd: '2029-12-31',
      });
    }
  }

  it(`${SEATS} members signing the same document at once: ${SEATS} signatures, none lost, the chain intact`, async () => {
    await bigCommunity();
    const draft = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'notification', category: 'important_activity', title: '创优迎检', body: '下周二市里检查', eventDate: '2026-11-20' },
      'p_big_head',
    );
    const doc = await h.ok('filings', 'send', { documentId: draft.documentId }, 'p_big_head');
    expect(doc.progress?.total).toBe(SEATS);
    // Something else appends to the chain at the same time, from the demo community.
    const demo = await h.ok(
      'filings',
      'saveDraft',
      { kind: 'notification', category: 'other', title: '并发通报', body: 'x', eventDate: '2026-11-20' },
      DEMO.head,
    );

    // Count lost races for a sequence number, to show the test really exercises concurrent appends.
    let collisions = 0;
    const insert = h.rt.store.insert.bind(h.rt.store);
    h.rt.store.insert = (async (collection: Parameters<typeof insert>[0], record: Parameters<typeof insert>[1]) => {
      try {
        return await insert(collection, record);
      } catch (e) {
        if (collection === 'archive') collisions++;
        throw e;
      }
    }) as typeof h.rt.store.insert;

    const started = performance.now();
    const results = await Promise.all([
      ...people.map((p) => h.call('filings', 'sign', { deliveryId: dlv(doc, p) }, { as: p })),
      h.call('filings', 'send', { documentId: demo.documentId }, { as: DEMO.head }),
    ]);
    const ms = performance.now() - started;
    h.rt.store.insert = insert;
    console.log(`${SEATS} concurrent signatures (+1 concurrent send to 5): ${ms.toFixed(0)} ms, ${collisions} archive sequence collisions retried`);
    expect(collisions).toBeGreaterThan(0);
    expect(results.map(code)).toEqual(Array(SEATS + 1).fill('OK'));

    const deliveries = await h.rt.store.find('deliveries', { documentId: doc.documentId });
    expect(deliveries.filter((d) => d.signStatus === 'SIGNED')).toHaveLength(SEATS);
    expect(await h.rt.store.count('deliveryEvents', { documentId: doc.documentId, type: 'signed' })).toBe(SEATS);
    expect((await h.ok('filings', 'record', { documentId: doc.documentId }, 'p_big_head')).summary.signed).toBe(SEATS);

    // Every delivery event is in the archive, once, and the chain has no fork or gap.
    const events = await h.rt.store.find('deliveryEvents', {});
    const archived = await h.rt.store.find('archive', { type: 'delivery_event' });
    expect(archived.map((a) => a.subject.id).sort()).toEqual(events.map((e) => e._id).sort());
    // Each community has its own chain: 1..n with no gap, no fork, whatever the other did meanwhile.
    for (const [communityId, as] of [
      ['c_big', 'p_big_head'],
      ['c_demo', DEMO.head],
    ] as const) {
      const all = await h.rt.store.find('archive', { communityId }, { sort: [['seq', 1]] });
      expect(all.map((a) => a.seq)).toEqual(all.map((_, i) => i + 1));
      expect(new Set(all.map((a) => a.prevHash)).size).toBe(all.length);
      expect(await h.ok('filings', 'verifyArchive', {}, as)).toMatchObject({
        ok: true,
        checked: all.length,
        head: { seq: all.length, hash: all[all.length - 1]!.hash },
        anchors: [],
      });
    }
  });
});
