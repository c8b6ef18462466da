import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { routeUrl, ROUTES, type Query, type Route } from '@domain/routes';
import { deliveryId } from '@domain/signoff';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { RESULTS_DIR, useBrowserEnv } from './harness';

/**
 * Every page of the route table at 320, 375, 390 and 430 px wide, as the person it is for: no
 * horizontal overflow, and no label meant for one line (tags, chips, nav titles, `.one-line`)
 * broken over two. One browser and one tab; each page is loaded once and looked at in each width
 * (the app's rem base follows the window on resize). Screenshots: test-results/layout/ (git-ignored).
 */
const WIDTHS = [320, 375, 390, 430];
const HEIGHT = 740;
const DEV_NOW = '2026-11-20T10:00:00+08:00';
const SHOTS = path.join(RESULTS_DIR, 'layout');

/** Elements that must stay on one line, whatever the width: the class list is the contract. */
const ONE_LINE = [
  '.tag',
  '.one-line',
  '.chip',
  '.taro-navigation-bar-title',
  '.stat-label',
  '.record-stat .muted',
  '.home-shortcut-label',
  // A full-width button has all the room there is; a label longer than that is a wording problem.
  '.nut-button:not(.nut-button-block)',
  '.nut-radio-button',
  '.btn',
].join(', ');
/** Of those, the ones that may end in "…" when the text is longer than the room (titles); a tag or a button may not. */
const MAY_TRUNCATE = ['.one-line', '.taro-navigation-bar-title'].join(', ');

const PEOPLE = {
  owner: 'p_owner_02',
  chair: 'p_owner_01',
  butler: 'p_butler_1',
  supervisor: 'p_supervisor',
  head: 'p_head',
  gm: 'p_gm',
  admin: 'p_admin',
  visitor: 'p_visitor_1',
} as const;
type Who = keyof typeof PEOPLE;

interface Fixtures {
  documentId: string;
  ownerInquiryId: string;
  committeeInquiryId: string;
  proposalId: string;
  meetingId: string;
}

/** One visit per page (a few main pages as more than one person); the test fails when a route has none. */
const VISITS: Array<{ route: Route; as: Who; query?: (f: Fixtures) => Query }> = [
  { route: ROUTES.home, as: 'owner' },
  { route: ROUTES.home, as: 'chair' },
  { route: ROUTES.home, as: 'head' },
  { route: ROUTES.todo, as: 'head' },
  { route: ROUTES.me, as: 'head' },
  { route: ROUTES.messages, as: 'chair' },
  { route: ROUTES.owner.bills, as: 'owner' },
  { route: ROUTES.owner.bindRoom, as: 'visitor' },
  { route: ROUTES.owner.notices, as: 'owner' },
  { route: ROUTES.owner.ask, as: 'owner' },
  { route: ROUTES.owner.inquiries, as: 'owner' },
  { route: ROUTES.owner.inquiry, as: 'owner', query: (f) => ({ id: f.ownerInquiryId }) },
  { route: ROUTES.committee.desk, as: 'chair' },
  { route: ROUTES.committee.documents, as: 'chair' },
  { route: ROUTES.committee.document, as: 'chair', query: (f) => ({ id: f.documentId }) },
  { route: ROUTES.committee.inquiries, as: 'chair' },
  { route: ROUTES.committee.ask, as: 'chair' },
  { route: ROUTES.committee.inquiry, as: 'chair', query: (f) => ({ id: f.committeeInquiryId }) },
  { route: ROUTES.staff.documents, as: 'head' },
  { route: ROUTES.staff.compose, as: 'head' },
  { route: ROUTES.staff.record, as: 'head', query: (f) => ({ id: f.documentId }) },
  { route: ROUTES.staff.archive, as: 'head' },
  { route: ROUTES.staff.queue, as: 'butler' },
  { route: ROUTES.staff.inquiry, as: 'head', query: (f) => ({ id: f.ownerInquiryId }) },
  { route: ROUTES.reports.inquiryStats, as: 'head' },
  { route: ROUTES.staff.bindings, as: 'butler' },
  { route: ROUTES.staff.arrears, as: 'butler' },
  { route: ROUTES.staff.workbench, as: 'head' },
  { route: ROUTES.staff.calendar, as: 'admin' },
  { route: ROUTES.staff.events, as: 'head' },
  { route: ROUTES.meetings.quarters, as: 'head' },
  { route: ROUTES.meetings.proposal, as: 'chair', query: (f) => ({ id: f.proposalId }) },
  { route: ROUTES.meetings.meeting, as: 'head', query: (f) => ({ id: f.meetingId }) },
  { route: ROUTES.meetings.resolutions, as: 'head' },
  { route: ROUTES.meetings.postings, as: 'chair' },
  { route: ROUTES.meetings.notices, as: 'owner' },
  { route: ROUTES.admin.home, as: 'admin' },
  { route: ROUTES.admin.community, as: 'admin', query: () => ({ id: 'c_demo' }) },
  { route: ROUTES.admin.join, as: 'visitor' },
  { route: ROUTES.fees.arrears, as: 'butler' },
  { route: ROUTES.fees.room, as: 'butler', query: () => ({ id: 'r_1_102' }) },
  { route: ROUTES.fees.payments, as: 'supervisor' },
  { route: ROUTES.fees.unreachable, as: 'butler' },
  { route: ROUTES.fees.billing, as: 'head' },
  { route: ROUTES.fees.imports, as: 'head' },
  { route: ROUTES.reports.collection, as: 'head' },
  { route: ROUTES.reports.compare, as: 'gm' },
];

const env = useBrowserEnv();

const api = <T>(as: Who, fn: string, action: string, payload: unknown) => env.callAs<T>(PEOPLE[as], fn, action, payload, DEV_NOW);

/** A sent document, an inquiry each way, a meeting proposal and a meeting: the detail pages need ids. */
async function makeFixtures(): Promise<Fixtures> {
  const draft = await api<{ documentId: string }>('head', 'filings', 'saveDraft', {
    kind: 'filing',
    category: 'owner_interests',
    title: '地下车库照明改造及消防通道标识更新工程',
    body: '拟对地下车库照明进行节能改造，并更新消防通道标识。',
    plannedStart: '2026-12-20',
  });
  const doc = await api<{ documentId: string }>('head', 'filings', 'send', { documentId: draft.documentId });
  // A 签阅 and a 通报 beside the 申报, so every kind's tag is on the lists.
  for (const content of [
    { kind: 'opinion_request', title: '关于调整小区停车收费标准的意见征询', body: '请各位委员反馈意见。', responseBy: '2026-11-27' },
    { kind: 'notification', category: 'major_change', title: '东门改造期间临时封闭', body: '请从南门出入。', eventDate: '2026-11-19' },
  ]) {
    const d = await api<{ documentId: string }>('head', 'filings', 'saveDraft', content);
    await api('head', 'filings', 'send', { documentId: d.documentId });
  }
  await api('chair', 'filings', 'object', { deliveryId: deliveryId(doc.documentId, PEOPLE.chair), text: '请说明施工期间车辆如何通行' });
  const ownerInquiry = await api<{ inquiryId: string }>('owner', 'inquiries', 'ask', {
    channel: 'owner',
    kind: 'request',
    text: '2单元楼道灯不亮，晚上回家很不方便，请尽快维修',
  });
  const committeeInquiry = await api<{ inquiryId: string }>('chair', 'inquiries', 'ask', {
    channel: 'committee',
    kind: 'query',
    text: '本季度公共收益的使用明细何时公布？',
  });
  const proposal = await api<{ proposalId: string }>('head', 'meetings', 'propose', { period: '2026-Q4' });
  const meeting = await api<{ meetingId: string }>('head', 'meetings', 'schedule', {
    kind: 'special',
    title: '地下车库改造专题会议',
    day: '2026-12-10',
    place: '物业服务中心二楼会议室',
    agenda: ['车库照明改造方案'],
    motions: [{ title: '同意车库照明改造方案' }],
  });
  return {
    documentId: doc.documentId,
    ownerInquiryId: ownerInquiry.inquiryId,
    committeeInquiryId: committeeInquiry.inquiryId,
    proposalId: proposal.proposalId,
    meetingId: meeting.meetingId,
  };
}

interface Finding {
  page: string;
  width: number;
  problem: string;
}

/** What is wrong with the page as laid out now: overflow of the document, and one-line labels that wrapped. */
async function inspect(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ oneLine, mayTruncate }) => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) problems.push(`页面横向溢出 scrollWidth ${root.scrollWidth} > ${root.clientWidth}`);
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const describe = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
      // Content poking out of the window is clipped by Taro's page even when the document does not scroll.
      const width = root.clientWidth;
      const scrollsSideways = (el: Element | null): boolean => {
        for (let e = el; e && e !== document.body; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (['auto', 'scroll'].includes(s.overflowX)) return true;
          if (s.position === 'fixed' && e.getBoundingClientRect().right <= width + 1) return false;
        }
        return false;
      };
      for (const el of Array.from(document.querySelectorAll('.taro_page:not([style*="display: none"]) *'))) {
        if (el.children.length > 0 || !visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && !scrollsSideways(el.parentElement)) problems.push(`超出屏幕右边 ${Math.round(r.right - width)}px：${describe(el)}`);
      }
      for (const el of Array.from(document.querySelectorAll(oneLine))) {
        if (!visible(el) || !(el.textContent ?? '').trim()) continue;
        // Where its text's lines sit: only text counts (a button's icon box is not a line of text).
        const tops = new Set<number>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!(node.textContent ?? '').trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
        }
        // Text rects of one line can differ by a pixel or two (mixed fonts); a new line moves a whole line height.
        const lineTops = [...tops].sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1]! > 4);
        if (lineTops.length > 1) problems.push(`单行标签折成 ${lineTops.length} 行：${describe(el)}`);
        else if (!el.matches(mayTruncate) && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          problems.push(`单行标签被截断：${describe(el)}`);
        }
      }
      return [...new Set(problems)].slice(0, 12);
    },
    { oneLine: ONE_LINE, mayTruncate: MAY_TRUNCATE },
  );
}

/** Until the page has stopped loading: no spinner, no request in flight for a moment, no animation. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.state-loading')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const slug = (route: string, who: string) =>
  `${route
    .replace(/^\/(packages\/)?/, '')
    .replace(/\/index$/, '')
    .replace(/\//g, '_')}-${who}`;

test('every page holds at 320, 375, 390 and 430 px: no overflow, no wrapped one-line label', async () => {
  const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v as object)));
  const missing = [...new Set(flat(ROUTES))].filter((r) => r !== ROUTES.login && !VISITS.some((v) => v.route === r));
  expect(missing).toEqual([]);

  const started = Date.now();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const fixtures = await makeFixtures();
  const page = await env.newPage();
  const findings: Finding[] = [];
  let loads = 0;

  async function look(name: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await nextFrames(page);
      for (const problem of await inspect(page)) findings.push({ page: name, width, problem });
      // At CSS pixels: a quarter of the bytes of the phone's 2× and still readable.
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), scale: 'css', fullPage: true });
    }
    await page.setViewportSize({ width: WIDTHS[0]!, height: HEIGHT });
  }

  // The login page, before anyone is logged in.
  await page.setViewportSize({ width: WIDTHS[0]!, height: HEIGHT });
  await page.goto(new URL(`?v=${loads++}#${ROUTES.login}`, env.url).toString());
  await page.locator('.dev-person').first().waitFor({ state: 'visible' });
  await settled(page);
  await look(slug(ROUTES.login, 'guest'));

  let current: Who | null = null;
  for (const visit of VISITS) {
    if (visit.as !== current) {
      // The dev login keeps its token in storage (Taro wraps values as {data}); a fresh load reads it.
      await page.evaluate(
        ({ token, now }) => {
          localStorage.clear();
          localStorage.setItem('wy.devToken', JSON.stringify({ data: token }));
          localStorage.setItem('wy.devNow', JSON.stringify({ data: now }));
        },
        { token: devOpenid(PEOPLE[visit.as]), now: new Date(DEV_NOW).toISOString() },
      );
      current = visit.as;
    }
    const url = routeUrl(visit.route, visit.query?.(fixtures) ?? {});
    // A new query string makes it a full load: each page starts alone, not on top of the last one's stack.
    await page.goto(new URL(`?v=${loads++}#${url}`, env.url).toString());
    await settled(page);
    await look(slug(visit.route, visit.as));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`[layout] ${loads} pages × ${WIDTHS.length} widths = ${loads * WIDTHS.length} views in ${seconds.toFixed(0)} s; ${findings.length} problems`);
  expect(findings.map((f) => `${f.page} @${f.width}: ${f.problem}`)).toEqual([]);
});
