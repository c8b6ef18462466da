import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { routeUrl, ROUTES } from '@domain/routes';
import { deliveryId } from '@domain/signoff';
import { loginAs, pickPerson, RESULTS_DIR, screenshot, setDemoTime, settle, useBrowserEnv } from './harness';

/**
 * The head exports an approval record as PDF from the record page (the browser build downloads the
 * stored file; WeChat opens the same file in its document viewer), and prints the record on A4.
 */
const DEV_NOW = '2026-11-20T10:00:00+08:00';
const TITLE = '地下车库照明改造工程';
const OBJECTION = '请说明施工期间车辆如何通行';

const env = useBrowserEnv();

const api = <T>(personId: string, fn: string, action: string, payload: unknown) => env.callAs<T>(personId, fn, action, payload, DEV_NOW);

/** The PDF's compressed streams (object streams hold the font dictionaries) inflated, as text. */
function inflatedStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (or trailing bytes): nothing to read in it.
    }
  }
  return out.join('\n');
}

test('the head exports the record as a PDF: a real file with its pages, the record in words and the font subset; the A4 print layout', async () => {
  const draft = await api<{ documentId: string }>('p_head', 'filings', 'saveDraft', {
    kind: 'filing',
    category: 'owner_interests',
    title: TITLE,
    body: '拟对地下车库照明进行节能改造。',
    plannedStart: '2026-12-20',
  });
  const doc = await api<{ documentId: string }>('p_head', 'filings', 'send', { documentId: draft.documentId });
  await api('p_owner_01', 'filings', 'object', { deliveryId: deliveryId(doc.documentId, 'p_owner_01'), text: OBJECTION });

  const head = pickPerson(env, 'the head', (p) => p.name === '周志强');
  const page = await env.newPage();
  await page.goto(env.url);
  await setDemoTime(page, DEV_NOW);
  await loginAs(page, head.name);
  await page.goto(new URL(`#${routeUrl(ROUTES.staff.record, { id: doc.documentId })}`, env.url).toString());
  await page.locator('[data-testid="record-row"]').first().waitFor({ state: 'visible' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="record-pdf"]').click()]);
  expect(download.suggestedFilename()).toBe(`输出信息审批记录_${TITLE}_第1版.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The Chinese font is embedded (pdf-lib names a subset NotoSansSC-Regular-<n>) and is a subset: the whole is 10 MB.
  const objects = inflatedStreams(bytes);
  expect(objects).toMatch(/\/BaseFont\s*\/NotoSansSC-Regular-\d+/);
  expect(objects).toMatch(/\/FontFile2/);
  expect(bytes.length).toBeLessThan(120_000);
  const pages = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs')], { input: bytes }).toString()) as string[];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  const text = pages.join('\n').replace(/\s/g, '');
  for (const words of ['输出信息审批记录', `《${TITLE}》第1版`, OBJECTION, '待签收']) expect(text).toContain(words);
  console.log(`[export] record PDF ${bytes.length} bytes, ${pages.length} page(s)`);

  // The link stays on the page: the same stored file, for a second download or a blocked first one.
  const link = page.locator('[data-testid="record-pdf-link"]');
  await link.waitFor({ state: 'visible' });
  const again = await page.request.get(new URL((await link.getAttribute('href'))!, env.url).toString());
  expect(again.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.compare(await again.body(), bytes)).toBe(0);
  await settle(page);
  await screenshot(page, 'export-record-pdf');

  // Print: A4 sizes in points and a real table whose header repeats, whatever the phone's width was.
  await page.locator('[data-testid="record-print"]').click();
  await page.locator('[data-testid="print-sheet"]').waitFor({ state: 'visible' });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      size: style('.print-sheet').fontSize,
      table: style('.print-table').display,
      header: style('.print-tr.print-th').display,
      button: style('.print-button').display,
    };
  });
  expect(printed).toEqual({ size: '14px', table: 'table', header: 'table-header-group', button: 'none' });
  const a4 = await page.pdf({ format: 'A4', printBackground: true, path: path.join(RESULTS_DIR, 'export-record-print.pdf') });
  expect(a4.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.context().close();
});
