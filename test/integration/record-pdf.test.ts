import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deliveryId } from '@domain/signoff';
import { createHarness, DEMO, type Harness } from '../helpers/harness';

/** The approval record as a PDF file in storage: real pages, the font subset, the record's words. */
let h: Harness;
let filesDir: string;
beforeEach(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-record-pdf-'));
  h = await createHarness({ now: '2026-11-20T10:00:00+08:00', filesDir });
});
afterEach(() => fs.rmSync(filesDir, { recursive: true, force: true }));

const TITLE = '小区东门改造期间临时封闭';
const OBJECTION = '封闭期间老人出入不便，请增加临时通道';

function pdfText(bytes: Buffer): string[] {
  return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs')], { input: bytes }).toString()) as string[];
}

async function sent(body: string) {
  const draft = await h.ok('filings', 'saveDraft', { kind: 'notification', category: 'major_change', title: TITLE, body, eventDate: '2026-11-19' }, DEMO.head);
  return h.ok('filings', 'send', { documentId: draft.documentId }, DEMO.head);
}

function stored(fileId: string): Buffer {
  expect(fileId).toMatch(/^local:[a-z0-9]+\.pdf$/);
  return fs.readFileSync(path.join(filesDir, fileId.slice('local:'.length)));
}

it('stores the record as an A4 PDF with the document, each member, the objection and its answer; the export is logged', async () => {
  const doc = await sent('东门将于下周一起封闭施工，请从南门出入。');
  await h.ok('filings', 'sign', { deliveryId: deliveryId(doc.documentId, DEMO.chair) }, DEMO.chair);
  await h.ok('filings', 'object', { deliveryId: deliveryId(doc.documentId, DEMO.member), text: OBJECTION }, DEMO.member);
  await h.ok('filings', 'reply', { deliveryId: deliveryId(doc.documentId, DEMO.member), text: '已在北侧增设临时通道' }, DEMO.head);

  const out = await h.ok('filings', 'recordPdf', { documentId: doc.documentId }, DEMO.head);
  expect(out.filename).toBe(`输出信息审批记录_${TITLE}_第1版.pdf`);
  const bytes = stored(out.fileId);
  expect(bytes.length).toBe(out.bytes);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(out.pages).toBe(1);
  const text = pdfText(bytes).join('\n').replace(/\s/g, '');
  for (const words of ['输出信息审批记录', `《${TITLE}》第1版`, '已签收', OBJECTION, '已在北侧增设临时通道', '东门将于下周一起封闭施工', '服务中心负责人']) {
    expect(text).toContain(words);
  }
  const chair = await h.rt.store.get('people', DEMO.chair);
  expect(text).toContain(chair!.name);
  // The font is a subset: the whole Noto Sans SC is 10 MB, one record's characters a few dozen KB.
  expect(out.bytes).toBeLessThan(120_000);
  console.log(`record PDF: ${out.bytes} bytes, ${out.pages} page(s)`);

  const logged = await h.rt.store.find('audit', { type: 'document.record_exported' });
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ actorId: DEMO.head, subject: { id: doc.documentId }, data: { format: 'pdf', rows: 5 } });
});

it('a long document continues on further pages; a committee member may export it, an owner may not', async () => {
  const doc = await sent(Array.from({ length: 60 }, (_, i) => `第${i + 1}条：施工期间请业主注意安全，车辆从南门出入，夜间施工不超过二十二点。`).join('\n'));
  const out = await h.ok('filings', 'recordPdf', { documentId: doc.documentId }, DEMO.chair);
  expect(out.pages).toBeGreaterThan(1);
  const pages = pdfText(stored(out.fileId));
  expect(pages).toHaveLength(out.pages);
  expect(pages[pages.length - 1].replace(/\s/g, '')).toContain('第60条');
  const denied = await h.call('filings', 'recordPdf', { documentId: doc.documentId }, { as: DEMO.owner });
  expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
