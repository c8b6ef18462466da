import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);
const MEMBERS = [DEMO.chair, DEMO.viceChair, DEMO.member, 'p_owner_22', 'p_owner_29'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-10-08T10:00:00+08:00' });
});

async function sentNotice(): Promise<{ meetingId: string; v1: string }> {
  const m = await h.ok(
    'meetings',
    'schedule',
    {
      kind: 'special',
      title: '电梯更新专题会',
      day: '2026-10-20',
      time: '14:30',
      place: '会议室',
      motions: [{ title: '同意更新2栋电梯', requiresPosting: true }],
    },
    DEMO.head,
  );
  const sent = await h.ok('meetings', 'sendNotice', { meetingId: m._id, body: '请审阅报价单。' }, DEMO.head);
  return { meetingId: m._id, v1: sent.noticeDocumentId! };
}

describe('correcting a sent meeting notice', () => {
  it('is a new version delivered to every member and signed again; the old one stays, marked superseded', async () => {
    const { meetingId, v1 } = await sentNotice();
    expect((await h.rt.store.get('documents', v1))?.content.body).toContain('会议时间：2026-10-20 14:30');
    await h.ok('filings', 'sign', { deliveryId: deliveryId(v1, DEMO.chair) }, DEMO.chair);

    h.setNow('2026-10-09T09:00:00+08:00');
    const corrected = await h.ok(
      'meetings',
      'correctNotice',
      { meetingId, place: '3栋架空层', time: '15:00', body: '地点改在3栋架空层。', attachments: [{ fileId: 'local:2026/quote.pdf', name: '报价单.pdf' }] },
      DEMO.head,
    );
    const v2 = corrected.noticeDocumentId!;
    expect(v2).not.toBe(v1);
    expect(corrected).toMatchObject({ place: '3栋架空层', time: '15:00', day: '2026-10-20' });
    const doc2 = await h.rt.store.get('documents', v2);
    expect(doc2).toMatchObject({ kind: 'meeting_notice', versionNo: 2, supersedes: v1, late: false, content: { attachments: [{ name: '报价单.pdf' }] } });
    expect(doc2?.content.body).toContain('地点：3栋架空层');

    // Everyone is asked again, the chair who signed v1 included; nothing stays open on v1.
    const v2Deliveries = await h.rt.store.find('deliveries', { documentId: v2 });
    expect(v2Deliveries.map((d) => d.memberId).sort()).toEqual([...MEMBERS].sort());
    expect(v2Deliveries.every((d) => d.signStatus === 'PENDING')).toBe(true);
    expect(await h.rt.store.count('deliveries', { documentId: v1, pending: true })).toBe(0);
    expect((await h.rt.store.find('inbox', { personId: DEMO.chair })).map((i) => i.title)).toContain('请签收：会议通知（第2版更正）：电梯更新专题会');
    expect(code(await h.call('filings', 'sign', { deliveryId: deliveryId(v1, DEMO.member) }, { as: DEMO.member }))).toBe('DOCUMENT_SUPERSEDED');
    await h.ok('filings', 'sign', { deliveryId: deliveryId(v2, DEMO.chair) }, DEMO.chair);

    // The meeting shows both versions, the first as superseded.
    const { papers } = await h.ok('meetings', 'get', { meetingId }, DEMO.head);
    expect(papers).toEqual([
      expect.objectContaining({ documentId: v2, kind: 'meeting_notice', versionNo: 2, supersededBy: undefined, signed: 1, total: 5 }),
      expect.objectContaining({ documentId: v1, kind: 'meeting_notice', versionNo: 1, supersededBy: v2, signed: 1, total: 5 }),
    ]);
    expect((await h.ok('filings', 'get', { documentId: v1 }, DEMO.head)).document.statusLabel).toBe('已更正');

    // The archive keeps both versions and the correction itself, found by searching for the meeting.
    const archived = (await h.ok('filings', 'archiveSearch', { text: '电梯更新专题会' }, DEMO.head)).entries.map((e) => e.title);
    expect(archived).toEqual(
      expect.arrayContaining(['会议通知：电梯更新专题会', '会议通知（第2版更正）：电梯更新专题会', '电梯更新专题会 会议通知更正为第2版']),
    );
  });

  it('applies the notice-days rule to the correction: late needs a reason and is marked late', async () => {
    const { meetingId } = await sentNotice();
    h.setNow('2026-10-17T09:00:00+08:00'); // the latest notice day for 20 Oct was 15 Oct
    expect(code(await h.call('meetings', 'correctNotice', { meetingId, body: '增加一项议程材料。' }, { as: DEMO.head }))).toBe('LATE_REASON_REQUIRED');
    const late = await h.ok('meetings', 'correctNotice', { meetingId, body: '增加一项议程材料。', lateReason: '供应商昨日才报价' }, DEMO.head);
    expect(await h.rt.store.get('documents', late.noticeDocumentId!)).toMatchObject({ versionNo: 2, late: true, lateReason: '供应商昨日才报价' });
    // Moving the meeting later makes a correction timely again.
    const moved = await h.ok('meetings', 'correctNotice', { meetingId, day: '2026-10-30', body: '会议改期。' }, DEMO.head);
    expect(await h.rt.store.get('documents', moved.noticeDocumentId!)).toMatchObject({ versionNo: 3, late: false, deadline: { dueDate: '2026-10-25' } });
    expect(moved.day).toBe('2026-10-30');
  });

  it('has nothing to correct before the notice is sent, and only the head corrects', async () => {
    const m = await h.ok('meetings', 'schedule', { kind: 'special', title: '专题会', day: '2026-10-20', place: '会议室' }, DEMO.head);
    expect(code(await h.call('meetings', 'correctNotice', { meetingId: m._id, body: 'x' }, { as: DEMO.head }))).toBe('INVALID_INPUT');
    await h.ok('meetings', 'sendNotice', { meetingId: m._id }, DEMO.head);
    expect(code(await h.call('meetings', 'correctNotice', { meetingId: m._id, body: 'x' }, { as: DEMO.supervisor }))).toBe('FORBIDDEN');
  });
});
