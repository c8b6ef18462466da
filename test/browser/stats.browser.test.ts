import { ROUTES } from '@domain/routes';
import { inkOf } from './canvas-ink';
import { loginAs, pickPerson, screenshot, setDemoTime, useBrowserEnv } from './harness';

/**
 * The head's inquiry statistics: the month's tiles, a six-month trend drawn on the canvas and the same
 * figures in a table; a 0% satisfaction is red, never green.
 */
const DEV_NOW = '2026-11-20T10:00:00+08:00';
const env = useBrowserEnv();

const api = <T>(personId: string, fn: string, action: string, payload: unknown) => env.callAs<T>(personId, fn, action, payload, DEV_NOW);

test('the month in tiles, six months as bars and a line, the figures in a table; 0% satisfied is red', async () => {
  for (const owner of ['p_owner_02', 'p_owner_03']) {
    const asked = await api<{ inquiryId: string }>(owner, 'inquiries', 'ask', { channel: 'owner', kind: 'request', text: '2单元楼道灯不亮，晚上回家很不方便' });
    await api('p_head', 'inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' });
    await api('p_head', 'inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已更换灯泡' });
    await api(owner, 'inquiries', 'rate', { inquiryId: asked.inquiryId, satisfied: false });
  }
  const head = pickPerson(env, 'the head', (p) => p.name === '周志强');
  const page = await env.newPage();
  await page.goto(env.url);
  await setDemoTime(page, DEV_NOW);
  await loginAs(page, head.name);
  await page.goto(new URL(`#${ROUTES.reports.inquiryStats}`, env.url).toString());

  const rows = page.locator('[data-testid="trend-row"]');
  await rows.first().waitFor({ state: 'visible' });
  await expect(rows.count()).resolves.toBe(6);
  await expect(rows.last().innerText()).resolves.toMatch(/^11月\s+2\s+2\s+0\s+0\s+0%$/);
  await expect(rows.last().locator('[data-testid="trend-rate"]').getAttribute('class')).resolves.toContain('tone-danger');

  const rateTile = page.locator('[data-testid="stat"]', { hasText: '满意率' }).locator('.stat-value');
  await expect(rateTile.innerText()).resolves.toBe('0%');
  await expect(rateTile.evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(229, 72, 77)');

  // Both charts drew: bars of counts, the satisfaction line.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="trend-"] canvas').length === 2);
  expect(await inkOf(page, '#inquiry-trend-counts')).toBeGreaterThan(1000);
  expect(await inkOf(page, '#inquiry-trend-counts', '#1f6feb')).toBeGreaterThan(200); // 收到 bars
  expect(await inkOf(page, '#inquiry-trend-satisfaction')).toBeGreaterThan(500);
  expect(await inkOf(page, '#inquiry-trend-satisfaction', '#7c3aed')).toBeGreaterThan(100); // the line
  await screenshot(page, 'inquiry-stats-trend');
  await page.context().close();
});
