import { ROUTES } from '@domain/routes';
import { inkOf, inkWhenDrawn } from './canvas-ink';
import { loginAs, pickPerson, screenshot, settle, useBrowserEnv } from './harness';

/**
 * The chart pages of the `reports` subpackage draw their data with the one chart component: the
 * head's fee collection rates by month, and the company's comparison of communities.
 */
const env = useBrowserEnv();

test("the head's collection rates are bars by month, with the figures in a table", async () => {
  const head = pickPerson(env, 'the head', (p) => p.name === '周志强');
  const page = await env.newPage();
  await page.goto(env.url);
  await loginAs(page, head.name);
  await page.goto(new URL(`#${ROUTES.reports.collection}`, env.url).toString());
  await page.locator('[data-testid="rates-table"]').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('#rates canvas') !== null);
  expect(await inkWhenDrawn(page, '#rates', '#1677ff', 200)).toBeGreaterThan(200); // 收缴率 bars
  expect(await inkOf(page, '#rates', '#52c41a')).toBeGreaterThan(200); // 户收费率 bars
  await screenshot(page, 'reports-collection');
  await page.context().close();
});

test('the company compares its communities as bars: what is overdue, and the latest 收缴率', async () => {
  const admin = pickPerson(env, 'the company administrator', (p) => p.roleLabel.includes('系统管理员'));
  const page = await env.newPage();
  await page.goto(env.url);
  await loginAs(page, admin.name);
  await page.goto(new URL(`#${ROUTES.admin.home}`, env.url).toString());
  await page.locator('[data-testid="open-compare"]').waitFor({ state: 'visible' });
  await settle(page);
  const link = page.locator('[data-testid="open-compare"]');
  // The link is the element at its centre (document.elementFromPoint), but Playwright's hit check
  // reports the page's pull-to-refresh wrapper over it on this pull-to-refresh page: click where it is.
  await link.click({ force: true });
  const table = page.locator('[data-testid="compare-table"]');
  await table.waitFor({ state: 'visible' });
  await expect(table.innerText()).resolves.toContain('收缴率');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="compare-"] canvas').length === 2);
  expect(await inkWhenDrawn(page, '#compare-collection', '#1677ff', 200)).toBeGreaterThan(200);
  expect(await inkOf(page, '#compare-overdue')).toBeGreaterThan(500);
  await screenshot(page, 'reports-compare');
  await page.context().close();
});
