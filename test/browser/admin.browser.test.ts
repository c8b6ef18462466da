import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROUTES } from '@domain/routes';
import { loginAs, pickPerson, screenshot, settle, useBrowserEnv } from './harness';

/**
 * The company administrator onboards a community in the browser, as far as H5 goes: creates it,
 * imports 200 rooms from the sample .xlsx (the file chooser driven with setFiles), invites a head,
 * and the head, a new WeChat identity in its own browser, accepts with the code and is the head;
 * then the administrator retires the head through the retirement panel.
 */
const FIXTURE = path.resolve(__dirname, '../fixtures/rooms-200.xlsx');
const env = useBrowserEnv();

/** A NutUI button by its whole label (the button element takes the click, not its inner text). */
const button = (scope: Page | ReturnType<Page['locator']>, label: string) => scope.locator('.nut-button', { hasText: new RegExp(`^${label}$`) });

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page
    .locator('.field', { has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('input')
    .fill(value);
}

test('create a community, import rooms from a file, invite a head, the head accepts', async () => {
  const admin = pickPerson(env, 'the company administrator', (p) => p.roleLabel.includes('系统管理员'));
  const page = await env.newPage();
  await page.goto(env.url);
  await loginAs(page, admin.name);

  // 1. A new community from the administrator's page.
  await page.goto(new URL(`#${ROUTES.admin.home}`, env.url).toString());
  await page.locator('[data-testid="admin-home"]').waitFor({ state: 'visible' });
  await fill(page, '小区名称', '翠湖花园');
  await fill(page, '城市', '深圳');
  await fill(page, '开户银行', '招商银行深圳分行');
  await fill(page, '户名', '安居物业服务有限公司');
  await fill(page, '账号', '7559 8888 1234 567');
  await button(page, '新建').click();
  const community = page.locator('[data-testid="community-admin"]');
  await community.waitFor({ state: 'visible' });
  await settle(page);

  // 2. Rooms and owners from the company's spreadsheet: the H5 file chooser, given the sample file.
  const chooser = page.waitForEvent('filechooser');
  await button(page, '选择表格并导入').click();
  await (await chooser).setFiles(FIXTURE);
  const last = page.locator('[data-testid="import-last"]');
  await last.waitFor({ state: 'visible', timeout: 60_000 });
  await expect(last.innerText()).resolves.toContain('rooms-200.xlsx，新增 200，更新 0，未变 0');
  await screenshot(page, 'admin-imported');

  // 3. An invitation for the head: a one-time code, its link, and (locally) a QR of the link.
  const staff = page.locator('[data-testid="staff-section"]');
  await staff.locator('.chip', { hasText: /^服务中心负责人$/ }).click();
  await button(staff, '生成邀请码').click();
  const code = (await page.locator('[data-testid="invitation-code"] .code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await page.locator('[data-testid="invitation-qr"] img').waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="invitation-link"]').innerText()).resolves.toContain(`code=${code}`);
  await screenshot(page, 'admin-invited-head');

  // 4. The head: someone new, in a browser of their own, opens the link and joins.
  const head = await env.newPage();
  await head.goto(new URL(`#${ROUTES.admin.join}?code=${code}`, env.url).toString());
  await head.locator('[data-testid="join-page"]').waitFor({ state: 'visible' });
  await expect(head.locator('[data-testid="join-page"] input').first().inputValue()).resolves.toBe(code);
  await fill(head, '您的姓名', '林思远');
  await button(head.locator('[data-testid="join-page"]'), '加入').click();
  const header = head.locator('[data-testid="home-header"]');
  await header.waitFor({ state: 'visible' });
  await expect(head.locator('[data-testid="home-greeting"]').innerText()).resolves.toContain('林思远');
  await expect(header.locator('.home-community').innerText()).resolves.toBe('翠湖花园');
  await expect(head.locator('[data-testid="home-role"]').innerText()).resolves.toContain('服务中心负责人');
  await screenshot(head, 'admin-head-joined');

  // The code worked once: the administrator's list shows it used.
  await page.reload();
  await page.locator('[data-testid="staff-section"]').getByText('林思远').waitFor({ state: 'visible' });

  // 5. Retiring: the same panel for anyone (the general manager is listed to the administrator too).
  const rowOf = (name: string) => page.locator('[data-testid="staff-section"] .list-item', { hasText: name });
  await expect(page.locator('[data-testid="staff-section"] .list-item', { hasText: '总经理' }).locator('.tag', { hasText: '离任' }).count()).resolves.toBe(1);
  await rowOf('林思远')
    .locator('.tag', { hasText: /^离任$/ })
    .click();
  const panel = page.locator('[data-testid="retire-panel"]');
  await panel.waitFor({ state: 'visible' });
  await fill(page, '离任原因', '调任');
  await button(panel, '确认离任').click();
  await rowOf('林思远')
    .locator('.tag', { hasText: /^已离任$/ })
    .waitFor({ state: 'visible' });
});
