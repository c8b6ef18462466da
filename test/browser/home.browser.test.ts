import type { Page } from 'playwright-core';
import { loginAs, pickPerson, screenshot, useBrowserEnv } from './harness';

/**
 * Each kind of person lands on their own home screen after the demo login; the owner can open 我的账单
 * and sees only the company account. People are chosen from what the login page offers, not by id.
 */
const env = useBrowserEnv();

async function homeText(page: Page): Promise<string> {
  // The todo section has either items or the empty state once loading is done.
  await page.locator('.home-todos .todo-item, .home-todos .state-empty').first().waitFor({ state: 'visible' });
  return page.locator('.home').first().innerText();
}

test('without a login the app opens the demo login page, grouped by area', async () => {
  const page = await env.newPage();
  await page.goto(env.url);
  await page.locator('.login-page .dev-person').first().waitFor({ state: 'visible' });
  const groups = await page.locator('.login-group-title').allInnerTexts();
  expect(groups.map((g) => g.replace(/（.*$/, ''))).toEqual(['业主', '业委会', '工作人员']);
  await screenshot(page, 'login');
  await page.context().close();
});

test('an owner sees their home screen and the company account on 我的账单', async () => {
  const owner = pickPerson(env, 'an owner', (p) => p.area === 'owner');
  const page = await env.newPage();
  await loginAs(page, owner.name);

  await expect(page.locator('.home-greeting').innerText()).resolves.toContain(owner.name);
  await expect(page.locator('.home-role-label').innerText()).resolves.toBe('业主');
  const text = await homeText(page);
  expect(text).toContain('阳光花园');
  expect(text).toContain('接下来要做的事');
  await screenshot(page, 'home-owner');

  await page.locator('.shortcut-bills').click();
  const account = page.locator('.company-account');
  await account.waitFor({ state: 'visible' });
  const accountText = await account.innerText();
  expect(accountText).toContain('公司对公账户');
  expect(accountText).toContain('工作人员不会使用个人账户');
  await expect(page.locator('.account-no').innerText()).resolves.toMatch(/\d{4}/);
  await page.locator('.bill-item').first().waitFor({ state: 'visible' });
  await screenshot(page, 'owner-bills');
  await page.context().close();
});

test('a committee member sees the committee home screen', async () => {
  const member = pickPerson(env, 'a committee member', (p) => p.area === 'committee');
  const page = await env.newPage();
  await loginAs(page, member.name);

  await expect(page.locator('.home-greeting').innerText()).resolves.toContain(member.name);
  await expect(page.locator('.home-role-label').innerText()).resolves.toMatch(/^业委会(主任|副主任|委员)$/);
  const text = await homeText(page);
  expect(text).toContain('委员工作台');
  await screenshot(page, 'home-committee');

  await page.locator('.shortcut-desk').click();
  await page.locator('.committee-inbox .inbox-item, .committee-inbox .state-empty').first().waitFor({ state: 'visible' });
  await screenshot(page, 'committee-desk');
  await page.context().close();
});

test('a butler sees the staff home screen with the fee reminders to do', async () => {
  const butler = pickPerson(env, 'a butler', (p) => p.area === 'staff' && p.roleLabel === '管家');
  const page = await env.newPage();
  await loginAs(page, butler.name);

  await expect(page.locator('.home-greeting').innerText()).resolves.toContain(butler.name);
  await expect(page.locator('.home-role-label').innerText()).resolves.toBe('管家');
  const text = await homeText(page);
  expect(text).toContain('欠费催缴');
  await screenshot(page, 'home-butler');

  await page.locator('.shortcut-arrears').click();
  await page.locator('.arrears-item, .arrears-page .state-empty').first().waitFor({ state: 'visible' });
  const rows = await page.locator('.arrears-room').allInnerTexts();
  // Arrears are listed by room, never by owner name.
  for (const r of rows) expect(r).toMatch(/^\d+栋-\d+$/);
  await screenshot(page, 'staff-arrears');
  await page.context().close();
});
