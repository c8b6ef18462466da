import type { Page } from 'playwright-core';
import { loginAs, openRoute, pickPerson, screenshot, settle, useBrowserEnv } from './harness';
import { solidPng } from './png';
import { ROUTES } from '@domain/routes';

/**
 * The first thing most owners do: ask from the phone with a photo. A butler classifies and answers
 * it from the queue, and the owner reads the answer in the thread and rates it.
 */
const env = useBrowserEnv();

/** A real 16×16 PNG (orange), so the upload, the stored file and the <img> are all genuine. */
const tinyPng = () => solidPng(16, [0xf5, 0x8a, 0x1f]);

const open = (page: Page, path: string) => openRoute(env, page, path);

async function typeInto(page: Page, scope: string, text: string): Promise<void> {
  const box = page.locator(`${scope} textarea`).first();
  await box.waitFor({ state: 'visible' });
  await box.fill(text);
}

const QUESTION = '2单元3楼楼道灯不亮已经三天了，晚上回家很不方便，请尽快维修';
const ANSWER = '您好，已安排维修师傅更换3楼楼道灯，现已恢复照明，感谢您的反馈。';

test('an owner asks with a photo, a butler answers, the owner reads the answer and rates it', async () => {
  // p_owner_02 lives in 1栋, which 陈晓东 (p_butler_1) looks after.
  const owner = pickPerson(env, 'an owner in 1栋', (p) => p.personId === 'p_owner_02');
  const butler = pickPerson(env, 'the butler of 1栋', (p) => p.personId === 'p_butler_1');

  // The owner asks.
  const ownerPage = await env.newPage();
  await loginAs(ownerPage, owner.name);
  await open(ownerPage, ROUTES.owner.inquiries);
  await ownerPage.locator('.my-inquiries-page .state-empty').waitFor({ state: 'visible' });
  await screenshot(ownerPage, 'inquiry-1-owner-list-empty');
  await ownerPage.locator('.ask-entry').click();
  await ownerPage.locator('.ask-form').waitFor({ state: 'visible' });
  await ownerPage.locator('[data-testid="kind-request"]').click();
  await typeInto(ownerPage, '.ask-form', QUESTION);
  const [chooser] = await Promise.all([ownerPage.waitForEvent('filechooser'), ownerPage.locator('.photo-add').click()]);
  await chooser.setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: tinyPng() });
  const thumb = ownerPage.locator('.ask-form .inquiry-photo img');
  await thumb.waitFor({ state: 'visible' });
  await ownerPage.waitForFunction(() => {
    const img = document.querySelector('.ask-form .inquiry-photo img') as HTMLImageElement | null;
    return !!img && img.complete && img.naturalWidth === 16;
  });
  await screenshot(ownerPage, 'inquiry-2-owner-ask-form');
  await ownerPage.locator('.ask-submit').click();
  const done = ownerPage.locator('.ask-done');
  await done.waitFor({ state: 'visible' });
  // Asked on a real weekday or weekend, the answer is due on a date, with working days left.
  await expect(done.locator('.ask-done-due').innerText()).resolves.toMatch(/\d+月\d+日 前答复/);
  await expect(done.innerText()).resolves.toContain('3个工作日内答复');
  await screenshot(ownerPage, 'inquiry-3-owner-asked');

  // The butler finds it in their queue, accepts it as reasonable and answers.
  const butlerPage = await env.newPage();
  await loginAs(butlerPage, butler.name);
  // The home screen's todos name the new question before the queue is opened.
  await butlerPage.locator('.home-todos .todo-item', { hasText: '提问待处理' }).waitFor({ state: 'visible' });
  await open(butlerPage, ROUTES.staff.queue);
  const card = butlerPage.locator('.inquiry-card', { hasText: '楼道灯不亮' });
  await card.waitFor({ state: 'visible' });
  await expect(card.innerText()).resolves.toContain(owner.name);
  await screenshot(butlerPage, 'inquiry-4-butler-queue');
  await card.click();
  await butlerPage.locator('.inquiry-detail').waitFor({ state: 'visible' });
  await expect(butlerPage.locator('[data-testid="asker-phone"]').innerText()).resolves.toMatch(/\d{3}\*{4}\d{4}/);
  await butlerPage.locator('[data-testid="classify-reasonable"]').click();
  await screenshot(butlerPage, 'inquiry-4b-butler-classify');
  // Accepted first (the lamp must be fixed before the answer), then answered in the same form.
  await butlerPage.locator('[data-testid="accept-only"]').click();
  await butlerPage.locator('[data-testid="accept-only"]').waitFor({ state: 'detached' });
  // Now assigned to the butler, who sees the owner's number in full to call back.
  await expect(butlerPage.locator('[data-testid="asker-phone"]').innerText()).resolves.toMatch(/1\d{10}/);
  await typeInto(butlerPage, '.staff-actions', ANSWER);
  await butlerPage.locator('[data-testid="handle-submit"]').click();
  await butlerPage.locator('[data-testid="thread-answer"]').waitFor({ state: 'visible' });
  // Taro H5 keeps earlier pages in the DOM, so look inside the detail only.
  await expect(butlerPage.locator('.inquiry-head [data-testid="inquiry-status"]').innerText()).resolves.toBe('已答复');
  await screenshot(butlerPage, 'inquiry-5-butler-answered');

  // The owner sees the answer and rates it.
  await ownerPage.reload();
  await open(ownerPage, ROUTES.owner.inquiries);
  const mine = ownerPage.locator('.inquiry-card', { hasText: '楼道灯不亮' });
  await mine.waitFor({ state: 'visible' });
  await expect(mine.locator('[data-testid="inquiry-status"]').innerText()).resolves.toBe('已答复');
  await mine.click();
  const answer = ownerPage.locator('[data-testid="thread-answer"]');
  await answer.waitFor({ state: 'visible' });
  await expect(answer.innerText()).resolves.toContain(ANSWER);
  await expect(answer.innerText()).resolves.toContain(butler.name);
  await expect(ownerPage.locator('.inquiry-head .inquiry-photo img').count()).resolves.toBe(1);
  await screenshot(ownerPage, 'inquiry-6-owner-sees-answer');
  await ownerPage.locator('.rate-yes').click();
  await ownerPage.waitForFunction(() => document.querySelector('.inquiry-head [data-testid="inquiry-status"]')?.textContent === '已满意');
  await ownerPage.locator('[data-testid="thread-rate_satisfied"]').waitFor({ state: 'visible' });
  await settle(ownerPage);
  await screenshot(ownerPage, 'inquiry-7-owner-rated');

  await ownerPage.context().close();
  await butlerPage.context().close();
});

test('a committee member raises a formal 质询 the whole committee sees; the head sees the queue and the month', async () => {
  const chair = pickPerson(env, 'the committee chair', (p) => p.personId === 'p_owner_01');
  const head = pickPerson(env, 'the head', (p) => p.personId === 'p_head');

  const page = await env.newPage();
  await loginAs(page, chair.name);
  await open(page, ROUTES.committee.inquiries);
  await page.locator('.committee-inquiries-page .state-empty').waitFor({ state: 'visible' });
  await page.locator('.ask-entry').click();
  await page.locator('.ask-form').waitFor({ state: 'visible' });
  await page.locator('[data-testid="kind-query"]').click();
  await typeInto(page, '.ask-form', '请书面说明本年度公共收益（广告位、停车场）的收支明细及使用情况');
  await page.locator('.ask-submit').click();
  await page.locator('.ask-done').waitFor({ state: 'visible' });
  await open(page, ROUTES.committee.inquiries);
  const card = page.locator('.committee-inquiries-page .inquiry-card', { hasText: '公共收益' });
  await card.waitFor({ state: 'visible' });
  await expect(card.innerText()).resolves.toContain('质询');
  await screenshot(page, 'inquiry-8-committee-list');
  await page.context().close();

  const headPage = await env.newPage();
  await loginAs(headPage, head.name);
  await open(headPage, ROUTES.staff.queue);
  await headPage.locator('.queue-page .inquiry-card', { hasText: '公共收益' }).waitFor({ state: 'visible' });
  await screenshot(headPage, 'inquiry-9-head-queue');
  await headPage.locator('[data-testid="open-stats"]').click();
  const stats = headPage.locator('.inquiry-stats-page [data-testid="stat"]');
  await stats.first().waitFor({ state: 'visible' });
  const received = await stats.first().innerText();
  // Both questions of this run were received this month (the other test's, and the chair's).
  expect(received).toMatch(/^\s*2\s*收到/);
  await screenshot(headPage, 'inquiry-10-head-stats');
  await headPage.context().close();
});
