import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { openRoute, pickPerson, screenshot, settle, signIn as harnessSignIn, useBrowserEnv } from './harness';
import { ROUTES } from '@domain/routes';

/**
 * Written delivery end to end in the H5 app: the head writes and sends a notification; one committee
 * member signs it, another objects; the head answers the objection; the record (输出信息审批记录)
 * shows the signature, the objection and the answer, and the objecting member sees the answer.
 */
const DEV_NOW = '2026-11-20T10:00:00+08:00'; // a Friday
const TITLE = '东门改造期间临时封闭';
const OBJECTION = '封闭期间老人出入不便，请增加临时通道';
const REPLY = '已在北侧增设临时通道，并安排保安全天值守';

const env = useBrowserEnv();

const signIn = (name: string) => harnessSignIn(env, name, DEV_NOW);

const go = (page: Page, path: string) => openRoute(env, page, path);

/** Toasts fade out on their own; wait so they do not cover a screenshot. */
async function toastGone(page: Page, text: string): Promise<void> {
  await page
    .locator('p')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor({ state: 'hidden' });
}

/** Taro's H5 modal (showModal): press its confirm button. */
async function confirmModal(page: Page, label: string): Promise<void> {
  const button = page.locator('.taro__modal .taro-modal__foot > div', { hasText: label }).last();
  await button.waitFor({ state: 'visible' });
  await button.click();
}

test('the head sends a notification; one member signs, another objects; the head answers; the record shows it all', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const committee = env.people.filter((p) => p.area === 'committee');
  expect(committee.length).toBeGreaterThanOrEqual(2);
  const [signer, objector] = committee as [(typeof committee)[0], (typeof committee)[0]];

  // 1. The head composes: kind, category, title, event date (due date shown live), body; then sends.
  const headPage = await signIn(head.name);
  await go(headPage, ROUTES.staff.compose);
  await headPage.locator('[data-testid="compose-page"]').waitFor({ state: 'visible' });
  await headPage.locator('[data-testid="kind-notification"]').click();
  await headPage.locator('[data-testid="category-major_change"]').click();
  await headPage.locator('.compose-input input').fill(TITLE);
  await headPage.locator('[data-testid="compose-event-date"]').click();
  // Taro's H5 picker opens at the field's value (the demo day); confirm it.
  await headPage.getByText('确定', { exact: true }).click();
  const due = headPage.locator('[data-testid="compose-due"]');
  await due.waitFor({ state: 'visible' });
  // Friday 20 Nov + 3 working days = Wednesday 25 Nov.
  await expect(due.innerText()).resolves.toContain('2026-11-25');
  await expect(due.innerText()).resolves.toContain('3个工作日');
  await headPage.locator('.compose-body textarea').fill('东门将于11月23日起封闭施工两周，请业主从南门出入。');
  await screenshot(headPage, 'signoff-compose');
  await headPage.locator('[data-testid="compose-send"]').click();
  await confirmModal(headPage, '发送');
  await headPage.locator('[data-testid="record-page"]').waitFor({ state: 'visible' });
  await headPage.locator('[data-testid="record-row"]').first().waitFor({ state: 'visible' });
  await expect(headPage.locator('[data-testid="record-row"]').count()).resolves.toBe(committee.length);
  await screenshot(headPage, 'signoff-record-sent');

  // 2. A member finds it in 待办, opens it and signs.
  const signerPage = await signIn(signer.name);
  const todo = signerPage.locator('.home-todos .todo-item', { hasText: '文件待签收' });
  await todo.waitFor({ state: 'visible' });
  await todo.click();
  await signerPage.locator('[data-testid="doc-page"]').waitFor({ state: 'visible' });
  await expect(signerPage.locator('[data-testid="doc-title"]').innerText()).resolves.toBe(TITLE);
  await signerPage.locator('[data-testid="my-state"]', { hasText: '待签收' }).waitFor();
  await screenshot(signerPage, 'signoff-member-document');
  await signerPage.locator('[data-testid="action-sign"]').click();
  await confirmModal(signerPage, '确定');
  await signerPage.locator('[data-testid="my-state"]', { hasText: '已签收' }).waitFor();
  await toastGone(signerPage, '已签收');
  await expect(signerPage.locator('[data-testid="my-history"]').innerText()).resolves.toContain('签收');
  await screenshot(signerPage, 'signoff-member-signed');

  // 3. Another member opens it from 我收到的文件 and objects.
  const objectorPage = await signIn(objector.name);
  await go(objectorPage, ROUTES.committee.documents);
  await objectorPage.locator('[data-testid="my-doc"]', { hasText: TITLE }).click();
  await objectorPage.locator('[data-testid="action-object"]').click();
  await objectorPage.locator('[data-testid="object-form"] textarea').fill(OBJECTION);
  await screenshot(objectorPage, 'signoff-objection-form');
  await objectorPage.locator('[data-testid="object-submit"]').click();
  await objectorPage.locator('[data-testid="my-state"]', { hasText: '异议待答复' }).waitFor();
  await toastGone(objectorPage, '异议已提交');
  await expect(objectorPage.locator('[data-testid="action-sign"]').count()).resolves.toBe(0);
  await screenshot(objectorPage, 'signoff-member-objected');

  // 4. The head sees progress and the objection in the list, opens the record and answers.
  await go(headPage, ROUTES.staff.documents);
  const item = headPage.locator('[data-testid="staff-doc"]', { hasText: TITLE });
  await item.waitFor({ state: 'visible' });
  await expect(item.innerText()).resolves.toContain(`1/${committee.length} 已签收`);
  await expect(item.innerText()).resolves.toContain('1 条异议待答复');
  await screenshot(headPage, 'signoff-staff-list');
  await item.click();
  const objectorRow = headPage.locator('[data-testid="record-row"]', { hasText: objector.name });
  await objectorRow.locator('[data-testid="action-reply"]').click();
  await headPage.locator('[data-testid="reply-form"] textarea').fill(REPLY);
  await headPage.locator('[data-testid="record-form-submit"]').click();
  await objectorRow.locator('[data-testid="doc-reply"]', { hasText: REPLY }).waitFor();
  await toastGone(headPage, '答复已记录');

  // 5. The record shows all of it.
  const signerRow = headPage.locator('[data-testid="record-row"]', { hasText: signer.name });
  await expect(signerRow.locator('[data-testid="record-state"]').innerText()).resolves.toBe('已签收');
  await expect(objectorRow.locator('[data-testid="record-state"]').innerText()).resolves.toBe('异议已答复');
  const objectorText = await objectorRow.innerText();
  expect(objectorText).toContain(OBJECTION);
  expect(objectorText).toContain(`${head.name} 答复：${REPLY}`);
  await expect(headPage.locator('[data-testid="record-summary"]').innerText()).resolves.toContain(`1/${committee.length}`);
  await screenshot(headPage, 'signoff-record');

  // The export is a CSV file Excel opens in Chinese: it starts with a byte order mark.
  const [download] = await Promise.all([headPage.waitForEvent('download'), headPage.locator('[data-testid="record-export"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^输出信息审批记录_.+\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`${signer.name},`);
  expect(csv).toContain(OBJECTION);
  expect(csv).toContain(REPLY);

  await headPage.locator('[data-testid="record-print"]').click();
  const sheet = headPage.locator('[data-testid="print-sheet"]');
  await sheet.waitFor({ state: 'visible' });
  const printed = await sheet.innerText();
  expect(printed).toContain('输出信息审批记录');
  expect(printed).toContain(OBJECTION);
  expect(printed).toContain(REPLY);
  await screenshot(headPage, 'signoff-record-print');

  // 6. The objecting member sees the answer and may now sign.
  await objectorPage.reload();
  await objectorPage.locator('[data-testid="doc-reply"]', { hasText: REPLY }).waitFor();
  await objectorPage.locator('[data-testid="my-state"]', { hasText: '异议已答复' }).waitFor();
  await objectorPage.locator('[data-testid="action-sign"]').waitFor({ state: 'visible' });
  await settle(objectorPage);
  await screenshot(objectorPage, 'signoff-member-answered');

  for (const p of [headPage, signerPage, objectorPage]) await p.context().close();
});

test('the archive verifies and finds the letter; the head publishes it and an owner reads it', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const owner = pickPerson(env, 'an owner', (p) => p.area === 'owner');
  const headPage = await signIn(head.name);
  await go(headPage, ROUTES.staff.archive);
  // Everything by default: the letter's version and every delivery event of it.
  await headPage.locator('[data-testid="archive-entry"]', { hasText: TITLE }).first().waitFor();
  await headPage.locator('[data-testid="verify-run"]').click();
  await expect(headPage.locator('[data-testid="verify-result"]').innerText()).resolves.toMatch(/^链条完整：已校验 \d+ 条记录/);
  await headPage.locator('.archive-text input').fill('老人');
  await headPage.locator('.archive-go').click();
  const hit = headPage.locator('[data-testid="archive-entry"]', { hasText: OBJECTION });
  await hit.waitFor();
  await screenshot(headPage, 'signoff-archive');

  await go(headPage, ROUTES.staff.documents);
  await headPage.locator('[data-testid="staff-doc"]', { hasText: TITLE }).click();
  await headPage.locator('.record-publish').click();
  await confirmModal(headPage, '确认公开');
  await headPage.getByText(/已于 .* 向业主公开/).waitFor();

  const ownerPage = await signIn(owner.name);
  await go(ownerPage, ROUTES.owner.notices);
  const notice = ownerPage.locator('[data-testid="notice-doc"]', { hasText: TITLE });
  await notice.click();
  // The list carries titles only; the text is read when a notice is opened.
  await notice.locator('[data-testid="notice-doc-body"]').waitFor({ state: 'visible' });
  await expect(notice.innerText()).resolves.toContain('请业主从南门出入');
  expect(await ownerPage.locator('[data-testid="notices-page"]').innerText()).not.toContain(OBJECTION);
  await screenshot(ownerPage, 'signoff-owner-notices');
  for (const p of [headPage, ownerPage]) await p.context().close();
});

test('a late maintenance-fund filing needs a reason; typed votes show the quorum check, but approval needs a passed resolution', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const page = await signIn(head.name);
  await go(page, ROUTES.staff.compose);
  await page.locator('[data-testid="kind-filing"]').click();
  await page.locator('[data-testid="category-building_fund_repair"]').click();
  await page.locator('.compose-input input').fill('3栋外墙渗漏中修');
  // Planned to start today: the latest filing date (today − 15 days) has passed.
  await page.locator('[data-testid="compose-planned-start"]').click();
  await page.getByText('确定', { exact: true }).click();
  const due = page.locator('[data-testid="compose-due"]');
  await expect(due.innerText()).resolves.toContain('最迟申报日期：2026-11-05');
  await expect(due.innerText()).resolves.toContain('已超过期限');
  await page.locator('.compose-body textarea').fill('预算18万元，拟使用本体维修基金。');
  await page.locator('[data-testid="compose-send"]').click();
  await page
    .locator('p')
    .filter({ hasText: /^已超过最迟申报日期，请填写逾期原因$/ })
    .waitFor();
  await page.locator('[data-testid="compose-late-reason"] textarea').fill('台风后渗漏加剧，需立即维修');
  await toastGone(page, '已超过最迟申报日期，请填写逾期原因');
  await screenshot(page, 'signoff-compose-late-filing');
  await page.locator('[data-testid="compose-send"]').click();
  await confirmModal(page, '发送');
  await page.locator('[data-testid="record-page"]').waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="doc-head"]').innerText()).resolves.toContain('逾期原因：台风后渗漏加剧，需立即维修');

  const decide = page.locator('[data-testid="record-decide"]');
  await decide.scrollIntoViewIfNeeded();
  const inputs = decide.locator('.decide-input input');
  await inputs.nth(0).fill('2');
  await inputs.nth(1).fill('2');
  await expect(decide.locator('[data-testid="decide-check"]').innerText()).resolves.toContain('决议不成立');
  await inputs.nth(0).fill('4');
  await inputs.nth(1).fill('3');
  await inputs.nth(2).fill('1');
  await expect(decide.locator('[data-testid="decide-check"]').innerText()).resolves.toContain('决议有效');
  await expect(decide.locator('[data-testid="decide-resolution"]').innerText()).resolves.toContain('暂无已通过的决议');
  await screenshot(page, 'signoff-decide');
  // Head-typed totals no longer approve a fund filing: the committee's resolution does (meetings).
  await decide.locator('[data-testid="decide-submit"]').click();
  await page.getByText('使用维修基金的申报须关联一项已通过的业委会决议').first().waitFor();
  await expect(page.locator('[data-testid="record-outcome"]').count()).resolves.toBe(0);
  await page.context().close();
});
