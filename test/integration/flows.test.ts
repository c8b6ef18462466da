import type { InquiryDetailView } from '@domain/api/inquiries';
import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** Issue 15: drafts discarded, lists filtered on the server, archive lines that name who acted, owner wording, refusals that name who may. */
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00' });
});

const code = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'OK' : env.error!.code);
const draft = (title: string, extra: Record<string, unknown> = {}) =>
  h.ok(
    'filings',
    'saveDraft',
    { kind: 'notification', category: 'major_change', title, body: `${title}，详见附件。`, eventDate: '2026-11-19', ...extra },
    DEMO.head,
  );

describe('discarding a draft', () => {
  it('keeps the draft and an audit line, drops it from every list, and refuses a sent document', async () => {
    const kept = await draft('东门临时封闭');
    const gone = await draft('东门临时封闭（重复草稿）');
    const discarded = await h.ok('filings', 'discardDraft', { documentId: gone.documentId }, DEMO.head);
    expect(discarded).toMatchObject({ status: 'discarded', statusLabel: '已放弃' });

    const ids = async (payload: Record<string, unknown> = {}) => (await h.ok('filings', 'list', payload, DEMO.head)).items.map((d) => d.documentId);
    expect(await ids()).toContain(kept.documentId);
    expect(await ids()).not.toContain(gone.documentId);
    expect(await ids({ status: 'draft' })).not.toContain(gone.documentId);

    const stored = await h.rt.store.get('documents', gone.documentId);
    expect(stored).toMatchObject({ status: 'discarded', discardedById: DEMO.head, content: { title: '东门临时封闭（重复草稿）' } });
    const audit = await h.rt.store.find('audit', { 'subject.id': gone.documentId } as never);
    expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(['document.draft_created', 'document.draft_discarded']));

    // Discarded is final: no edit, no send, no second discard.
    expect(code(await h.call('filings', 'send', { documentId: gone.documentId }, { as: DEMO.head }))).toBe('DOCUMENT_NOT_DRAFT');
    expect(code(await h.call('filings', 'discardDraft', { documentId: gone.documentId }, { as: DEMO.head }))).toBe('DOCUMENT_NOT_DRAFT');
    const sent = await h.ok('filings', 'send', { documentId: kept.documentId }, DEMO.head);
    expect(code(await h.call('filings', 'discardDraft', { documentId: sent.documentId }, { as: DEMO.head }))).toBe('DOCUMENT_NOT_DRAFT');
    // Members never see drafts, discarded or not.
    expect(code(await h.call('filings', 'get', { documentId: gone.documentId }, { as: DEMO.member }))).toBe('NOT_FOUND');
  });
});

describe('the document list filters on the server', () => {
  it('by status, category, late and text', async () => {
    const a = await draft('东门改造期间临时封闭');
    const b = await draft('新版停车管理规定实施', { category: 'new_regulation', body: '自12月起执行新的停车收费标准。' });
    await h.ok('filings', 'send', { documentId: b.documentId }, DEMO.head);
    const late = await draft('电梯困人事件说明', { eventDate: '2026-11-10', body: '3栋电梯困人，已救出。' });
    await h.ok('filings', 'send', { documentId: late.documentId, lateReason: '调查后补发' }, DEMO.head);
    const titles = async (payload: Record<string, unknown>) => (await h.ok('filings', 'list', payload, DEMO.head)).items.map((d) => d.title);

    expect(await titles({ status: 'draft' })).toEqual([a.title]);
    expect(await titles({ category: 'new_regulation' })).toEqual([b.title]);
    expect(await titles({ late: true })).toEqual([late.title]);
    expect(await titles({ text: '停车收费' })).toEqual([b.title]);
    expect(await titles({ text: '困人' })).toEqual([late.title]);
    expect(await titles({ text: '封闭', status: 'sent' })).toEqual([]);
    expect(await titles({ text: '没有这样的字' })).toEqual([]);
  });
});

describe('the staff queue filters on the server', () => {
  const ask = (as: string, text: string, kind: 'request' | 'complaint' | 'consult' = 'request') =>
    h.ok('inquiries', 'ask', { channel: 'owner', kind, text }, as);
  const queue = async (as: string, payload: Record<string, unknown>) => (await h.ok('inquiries', 'queue', payload, as)).items.map((i) => i.inquiryId);

  it('by building, assignee, overdue, kind, status and text', async () => {
    const lamp = await ask(DEMO.owner, '1栋楼道灯不亮，请尽快维修'); // 1栋
    const lift = await ask('p_owner_25', '2栋电梯异响，担心安全', 'complaint'); // 2栋
    const fee = await ask(DEMO.owner2, '物业费发票什么时候能开', 'consult'); // 1栋
    await h.ok('inquiries', 'assign', { inquiryId: fee.inquiryId, assigneeId: DEMO.butler }, DEMO.head);
    const mine = (ids: string[]) => ids.filter((id) => [lamp.inquiryId, lift.inquiryId, fee.inquiryId].includes(id));

    expect(mine(await queue(DEMO.head, { scope: 'open' }))).toHaveLength(3);
    expect(mine(await queue(DEMO.head, { scope: 'open', buildingId: 'b_demo_2' }))).toEqual([lift.inquiryId]);
    expect(mine(await queue(DEMO.head, { scope: 'open', assigneeId: DEMO.butler }))).toEqual([fee.inquiryId]);
    expect(mine(await queue(DEMO.head, { scope: 'open', assigneeId: 'none' })).sort()).toEqual([lamp.inquiryId, lift.inquiryId].sort());
    expect(mine(await queue(DEMO.head, { scope: 'open', kind: 'complaint' }))).toEqual([lift.inquiryId]);
    expect(mine(await queue(DEMO.head, { scope: 'open', text: '电梯' }))).toEqual([lift.inquiryId]);
    expect(mine(await queue(DEMO.head, { scope: 'open', text: '电梯', buildingId: 'b_demo_1' }))).toEqual([]);
    expect(mine(await queue(DEMO.head, { scope: 'open', status: 'in_progress' }))).toEqual([]);
    // The butler's own queue keeps its limits: 1栋 only, whatever the filter asks.
    expect(mine(await queue(DEMO.butler, { buildingId: 'b_demo_2' }))).toEqual([]);
    expect(mine(await queue(DEMO.butler, { assigneeId: 'none' }))).toEqual([lamp.inquiryId]);

    expect(mine(await queue(DEMO.head, { scope: 'open', overdue: true }))).toEqual([]);
    h.advance(10 * 86_400_000);
    const overdue = await h.ok('inquiries', 'queue', { scope: 'open', overdue: true }, DEMO.head);
    expect(mine(overdue.items.map((i) => i.inquiryId))).toHaveLength(3);
    expect(overdue.counts?.overdue).toBe(overdue.counts?.total);
  });

  it('offers the community’s buildings and staff as filter options', async () => {
    const options = await h.ok('inquiries', 'queueFilters', {}, DEMO.butler);
    expect(options.buildings.map((b) => b.name)).toEqual(['1栋', '2栋']);
    expect(options.staff.map((s) => s.personId)).toEqual(expect.arrayContaining([DEMO.butler, DEMO.head]));
  });

  it('classify then answer: the two calls of one guided submit leave an answered inquiry', async () => {
    const asked = await ask(DEMO.owner, '2单元门禁刷卡失灵');
    await h.ok('inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' }, DEMO.butler);
    const done: InquiryDetailView = await h.ok('inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已更换门禁读卡器' }, DEMO.butler);
    expect(done).toMatchObject({ status: 'answered', classification: 'reasonable' });
  });
});

describe('the archive names who did what', () => {
  it('a staff reply reads as the centre answering the member, not the member answering', async () => {
    const d = await draft('东门改造期间临时封闭');
    const sent = await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    const dlv = deliveryId(sent.documentId, DEMO.member);
    await h.ok('filings', 'object', { deliveryId: dlv, text: '施工期间老人出行不便' }, DEMO.member);
    await h.ok('filings', 'reply', { deliveryId: dlv, text: '南门增设无障碍坡道' }, DEMO.head);
    const { entries } = await h.ok('filings', 'archiveSearch', { text: '无障碍坡道' }, DEMO.head);
    const member = (await h.rt.store.get('people', DEMO.member))!.name;
    expect(entries.map((e) => e.summary)).toEqual([`物业 周志强 答复 ${member} 的异议：南门增设无障碍坡道`]);
    const objection = (await h.ok('filings', 'archiveSearch', { text: '老人出行' }, DEMO.head)).entries;
    expect(objection.map((e) => e.summary)).toEqual([`${member} 提出异议：施工期间老人出行不便`]);
  });
});

describe('owner-facing wording and refusals that help', () => {
  it('owners read a plain category title on a published notice', async () => {
    const d = await draft('东门改造期间临时封闭');
    const sent = await h.ok('filings', 'send', { documentId: d.documentId }, DEMO.head);
    await h.ok('filings', 'publishToOwners', { documentId: sent.documentId }, DEMO.head);
    const list = await h.ok('filings', 'published', {}, DEMO.owner);
    expect(list.items[0]).toMatchObject({ title: '东门改造期间临时封闭', categoryLabel: '小区重要情况' });
    const doc = await h.ok('filings', 'publishedDocument', { documentId: sent.documentId }, DEMO.owner);
    expect(doc.categoryLabel).toBe('小区重要情况');
    // Staff keep the rule book's wording.
    expect((await h.ok('filings', 'get', { documentId: sent.documentId }, DEMO.head)).document.categoryLabel).toBe('所管理的物业出现重大变故或发生重大事件');
  });

  it('a permission refusal says who may do it', async () => {
    const env = await h.call('filings', 'setComposers', { personIds: [] }, { as: DEMO.butler });
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限执行此操作，可由服务中心负责人办理' } });
  });
});
