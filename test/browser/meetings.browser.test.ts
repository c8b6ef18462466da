import type { Page } from 'playwright-core';
import { ROUTES, routeUrl } from '@domain/routes';
import { openRoute, pickPerson, screenshot, settle, signIn as harnessSignIn, useBrowserEnv } from './harness';

/**
 * A routine quarter in the H5 app: the head proposes the quarter's meeting; the chair answers from
 * 待办 and accepts with a day and time from the pickers; on the day the head records attendance
 * (members and a staff attendee chosen on the page), a motion, the votes and the minutes; a member
 * signs the minutes; the chair signs the resolution and records the seal; the head publishes it after
 * seeing the owner-facing wording; an owner reads it under 决议与公告.
 */
const PROPOSE_AT = '2026-10-08T10:00:00+08:00'; // a Thursday in the quarter's first month
const MEETING_AT = '2026-10-15T16:00:00+08:00'; // the default day the chair's picker offers (a week later)
const MOTION = '同意第四季度重点工作安排';
const MINUTES = '会议听取了第三季度工作情况和收支情况汇报，讨论并表决通过第四季度重点工作安排。';
// A 1×1 PNG: the photo of the sealed page.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const env = useBrowserEnv();

const signIn = (name: string, at: string) => harnessSignIn(env, name, at);

const go = (page: Page, path: string) => openRoute(env, page, path);

/** Taro's H5 picker opens at the field's value; confirm it (only the open picker's button is visible). */
async function confirmPicker(page: Page): Promise<void> {
  await page.getByText('确定', { exact: true }).filter({ visible: true }).click();
  await settle(page);
}

/** Taro's H5 modal (showModal): press its confirm button. */
async function confirmModal(page: Page, label: string): Promise<void> {
  const button = page.locator('.taro__modal .taro-modal__foot > div', { hasText: label }).last();
  await button.waitFor({ state: 'visible' });
  await button.click();
}

const byId = (id: string) => pickPerson(env, id, (p) => p.personId === id);

test('head proposes → chair accepts → meeting held, minutes recorded → a member signs → chair signs the resolution → an owner sees it posted', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const chair = byId('p_owner_01');
  const member = byId('p_owner_15');
  const owner = byId('p_owner_02');
  const supervisor = byId('p_supervisor');

  // 1. The head proposes the Q4 routine meeting from the quarters page (the rule is stated beside it).
  const headPage = await signIn(head.name, PROPOSE_AT);
  await go(headPage, ROUTES.meetings.quarters);
  const q4 = headPage.locator('[data-testid="quarter-2026-Q4"]');
  await q4.waitFor({ state: 'visible' });
  await expect(headPage.locator('.mt-rule').first().innerText()).resolves.toContain('向主任提议');
  await q4.locator('[data-testid="propose"]').click();
  await q4.getByText('提议：待主任答复').waitFor();
  await screenshot(headPage, 'meetings-proposed');

  // 2. The chair answers from 待办: day and time from the pickers (never typed), then accepts.
  const chairPage = await signIn(chair.name, PROPOSE_AT);
  const todo = chairPage.locator('.home-todos .todo-item', { hasText: '会议提议待答复' });
  await todo.waitFor({ state: 'visible' });
  await todo.click();
  await chairPage.locator('[data-testid="proposal-reply"]').waitFor({ state: 'visible' });
  await expect(chairPage.locator('[data-testid="accept-when-day"]').innerText()).resolves.toBe('2026-10-15');
  await chairPage.locator('[data-testid="accept-when-day"]').click();
  await confirmPicker(chairPage);
  await chairPage.locator('[data-testid="accept-when-time"]').click();
  await confirmPicker(chairPage);
  await expect(chairPage.locator('[data-testid="accept-outside"]').count()).resolves.toBe(0);
  await screenshot(chairPage, 'meetings-chair-reply');
  await chairPage.locator('[data-testid="accept"]').click();
  await chairPage.getByText('已同意召开').waitFor();
  await expect(chairPage.locator('[data-testid="proposal-page"]').innerText()).resolves.toContain('2026-10-15 14:30');

  // 3. On the day the head records who came (members and a staff attendee), a motion, the votes and the minutes.
  const holder = await signIn(head.name, MEETING_AT);
  await go(holder, routeUrl(ROUTES.meetings.meeting, { id: 'mtg_mp_c_demo_2026-Q4' }));
  await holder.locator('[data-testid="attendance"]').waitFor({ state: 'visible' });
  for (const id of ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22']) await holder.locator(`[data-testid="present-${id}"]`).click();
  await holder.locator(`[data-testid="staff-${supervisor.personId}"]`).click();
  await holder.locator('[data-testid="motion-title"] input').fill(MOTION);
  await holder.locator('[data-testid="motion-add"]').click();
  await screenshot(holder, 'meetings-attendance');
  await holder.locator('[data-testid="attendance-submit"]').click();
  await holder.locator('[data-testid="attendance-done"]').waitFor({ state: 'visible' });
  await expect(holder.locator('[data-testid="attendance-done"]').innerText()).resolves.toContain(supervisor.name);
  // One tap marks every member present as agreeing; one is then changed to abstain.
  await holder.locator('[data-testid="vote-all-for-m1"]').click();
  await holder.locator('[data-testid="vote-m1-p_owner_22-abstain"]').click();
  await holder.locator('[data-testid="votes-submit-m1"]').click();
  await holder.locator('[data-testid="motion-m1"] .mt-ok', { hasText: '同意3 反对0 弃权1' }).waitFor();
  await holder.locator('[data-testid="minutes-text"] textarea').fill(MINUTES);
  await holder.locator('[data-testid="minutes-send"]').click();
  await holder.locator('[data-testid="minutes-progress"]', { hasText: '已签署 0/4' }).waitFor();
  await screenshot(holder, 'meetings-held');

  // 4. A member present signs the minutes from 我收到的文件.
  const memberPage = await signIn(member.name, MEETING_AT);
  await go(memberPage, ROUTES.committee.documents);
  await memberPage.locator('[data-testid="my-doc"]', { hasText: '会议纪要' }).first().click();
  await memberPage.locator('[data-testid="doc-page"]').waitFor({ state: 'visible' });
  await memberPage.locator('[data-testid="action-sign"]').click();
  await confirmModal(memberPage, '确定');
  await memberPage.locator('[data-testid="my-state"]', { hasText: '已签收' }).waitFor();
  await go(holder, routeUrl(ROUTES.meetings.meeting, { id: 'mtg_mp_c_demo_2026-Q4' }));
  await holder.locator('[data-testid="minutes-progress"]', { hasText: '已签署 1/4' }).waitFor();

  // 5. The chair signs the resolution, then (as the seal's keeper) records the seal with a photo of the sealed page.
  const chairDay = await signIn(chair.name, MEETING_AT);
  await go(chairDay, ROUTES.meetings.resolutions);
  const resolution = chairDay.locator('[data-testid="resolution"]', { hasText: MOTION });
  await resolution.locator('[data-testid="chair-sign"]').click();
  await resolution.getByText(`主任 ${chair.name} 已签字`).waitFor();
  const [chooser] = await Promise.all([chairDay.waitForEvent('filechooser'), resolution.locator('[data-testid="photo-picker"] .photo-add').click()]);
  await chooser.setFiles({ name: 'sealed.png', mimeType: 'image/png', buffer: PNG });
  await resolution.locator('[data-testid="apply-seal"]').click();
  await resolution.getByText('已加盖公章').waitFor();
  await chairDay.locator('[data-testid="seal-use"]', { hasText: MOTION }).waitFor();
  await screenshot(chairDay, 'meetings-resolution-sealed');

  // 6. The head publishes after seeing the owner-facing wording; an owner reads it.
  await go(holder, ROUTES.meetings.resolutions);
  await holder.locator('[data-testid="resolution"]', { hasText: MOTION }).locator('[data-testid="publish"]').click();
  await confirmModal(holder, '确认公告');
  await holder.locator('[data-testid="resolution"]', { hasText: '已公告' }).waitFor();
  const ownerPage = await signIn(owner.name, MEETING_AT);
  await go(ownerPage, ROUTES.meetings.notices);
  const posted = ownerPage.locator('[data-testid="owner-notice"]', { hasText: MOTION });
  await posted.waitFor({ state: 'visible' });
  await expect(posted.innerText()).resolves.toContain(`主任 ${chair.name} 签字`);
  await expect(posted.innerText()).resolves.toContain('已加盖业委会公章');
  await screenshot(ownerPage, 'meetings-owner-posted');
}, 300_000);

// The store is shared by the tests of this file: the declined quarter is the next one.
const DECLINE_AT = '2027-01-06T10:00:00+08:00';

/**
 * A declined quarter in the H5 app: the chair declines the head's proposal with a reason (never
 * argued with); the head then records a communication with the chair and vice chair on the quarters
 * page, and the quarter shows as met.
 */
test('chair declines with a reason → the head records a communication with chair and vice chair → the quarter is met', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const chair = byId('p_owner_01');
  const vice = byId('p_owner_08');
  const REASON = '本季度事项已在日常沟通中说明，无需开会';
  const SUMMARY = '上门向主任、副主任汇报上一季度工作和收支情况，商定本季度安排。';

  const headPage = await signIn(head.name, DECLINE_AT);
  await go(headPage, ROUTES.meetings.quarters);
  const q1 = headPage.locator('[data-testid="quarter-2027-Q1"]');
  await q1.locator('[data-testid="propose"]').click();
  await q1.getByText('提议：待主任答复').waitFor();

  const chairPage = await signIn(chair.name, DECLINE_AT);
  await chairPage.locator('.home-todos .todo-item', { hasText: '会议提议待答复' }).click();
  await chairPage.locator('[data-testid="proposal-reply"]').waitFor({ state: 'visible' });
  // No reason, no decline: the button stays disabled until one is written.
  await expect(chairPage.locator('[data-testid="decline"]').getAttribute('class')).resolves.toContain('nut-button-disabled');
  await chairPage.locator('[data-testid="decline-reason"] textarea').fill(REASON);
  await chairPage.locator('[data-testid="decline"]').click();
  await chairPage.locator('[data-testid="proposal-reply"]').waitFor({ state: 'detached' });
  await screenshot(chairPage, 'meetings-chair-declined');

  // Later in the quarter the head records the communication; the chair and vice chair are preselected.
  const later = await signIn(head.name, '2027-01-20T15:00:00+08:00');
  await go(later, ROUTES.meetings.quarters);
  const row = later.locator('[data-testid="quarter-2027-Q1"]');
  await row.getByText(REASON).waitFor();
  const form = row.locator('[data-testid="communication-form"]');
  await form.waitFor({ state: 'visible' });
  await expect(form.innerText()).resolves.toContain('沟通日期：2027-01-20');
  await form.locator('[data-testid="comm-channel-visit"]').click();
  await form.locator('[data-testid="comm-summary"] textarea').fill(SUMMARY);
  await screenshot(later, 'meetings-communication');
  await form.locator('[data-testid="comm-submit"]').click();
  await row.getByText(SUMMARY, { exact: false }).waitFor();
  await form.waitFor({ state: 'detached' });
  const text = await row.innerText();
  expect(text).toContain('已完成');
  expect(text).toContain(`${chair.name}、${vice.name}`);
  expect(text).toContain('上门拜访');
  await screenshot(later, 'meetings-quarter-met-by-communication');
}, 300_000);
