import { createCalendar } from '@domain/calendar';
import { workingDaysLeft } from '@domain/deadlines';
import { generateObligations } from '@domain/obligations';
import { endOfWeek, formatDayCn, weekdayCn } from '@domain/workbench';
import { addMonths, localDateOf, monthOf } from '@domain/time';
import { loginAs, pickPerson, screenshot, setDemoTime, useBrowserEnv } from './harness';
import { ROUTES } from '@domain/routes';

/**
 * The head opens the obligations workbench at a demo time and sees this month's duties with the due
 * dates, weekdays and working-day countdowns the domain computes for that moment; then the calendar
 * page, where an unpublished year says it is provisional. Expected values come from the pure domain
 * functions for the test's clock, never from literals.
 */
const DEV_NOW = '2026-11-03T09:30:00+08:00';
const NOW = Date.parse(DEV_NOW);
const TODAY = localDateOf(NOW);
const calendar = createCalendar();

const env = useBrowserEnv();

test('the head sees this month’s obligations with their due dates and countdowns', async () => {
  const head = pickPerson(env, 'the service-centre head', (p) => p.name === '周志强');
  const page = await env.newPage();
  await page.goto(env.url);
  await setDemoTime(page, DEV_NOW);
  await loginAs(page, head.name);

  // The home screen links to the workbench through its todo.
  const todo = page.locator('.home-todos .todo-item', { hasText: '本周到期事项' });
  await todo.waitFor({ state: 'visible' });
  await screenshot(page, 'workbench-home-head');
  await todo.click();
  await page.locator('[data-testid="workbench-page"]').waitFor({ state: 'visible' });
  await page.locator('.task-card').first().waitFor({ state: 'visible' });

  await expect(page.locator('[data-testid="workbench-today"]').innerText()).resolves.toContain(`${formatDayCn(TODAY)} ${weekdayCn(TODAY)}`);

  const thisMonth = generateObligations({ communityId: 'c_demo', from: TODAY, months: 1, calendar }).filter((t) => monthOf(t.dueDate) === monthOf(TODAY));
  expect(thisMonth.length).toBeGreaterThan(0);
  const sunday = endOfWeek(TODAY);
  for (const task of thisMonth) {
    const card = page.locator(`[data-task-id="${task._id}"]`);
    await card.waitFor({ state: 'visible' });
    const section = task.dueDate <= sunday ? 'section-thisWeek' : 'section-thisMonth';
    await expect(page.locator(`[data-testid="${section}"] [data-task-id="${task._id}"]`).count()).resolves.toBe(1);
    const text = await card.innerText();
    expect(text).toContain(task.title);
    expect(text).toContain(formatDayCn(task.dueDate));
    expect(text).toContain(weekdayCn(task.dueDate));
    expect(text).toContain(task.ruleText);
    const left = workingDaysLeft(NOW, task, calendar);
    await expect(card.locator('[data-testid="task-countdown"]').innerText()).resolves.toBe(left === 0 ? '今天到期' : `还剩${left}个工作日`);
    expect(text).toContain('标记完成');
  }
  await expect(page.locator('[data-testid="section-overdue"]').count()).resolves.toBe(0);
  await screenshot(page, 'workbench-head');

  // Mark the first one done: it leaves 本周 and shows who did it.
  const first = thisMonth[0]!;
  await page.locator(`[data-task-id="${first._id}"] [data-testid="task-mark-done"]`).click();
  const form = page.locator('[data-testid="done-form"]');
  await form.waitFor({ state: 'visible' });
  await form.locator('textarea').fill('已书面送达全体委员');
  await screenshot(page, 'workbench-done-form');
  await page.locator('[data-testid="done-confirm"]').click();
  await form.waitFor({ state: 'hidden' });
  await page
    .locator(`[data-testid="section-thisWeek"] [data-task-id="${first._id}"], [data-testid="section-thisMonth"] [data-task-id="${first._id}"]`)
    .waitFor({ state: 'detached' });
  await page.locator('[data-testid="section-done"] .workbench-fold').click();
  const doneCard = page.locator(`[data-testid="section-done"] [data-task-id="${first._id}"]`);
  await doneCard.waitFor({ state: 'visible' });
  await expect(doneCard.innerText()).resolves.toContain(`已完成 · ${head.name}`);
  await screenshot(page, 'workbench-after-done');
  await page.context().close();
});

test('the calendar page marks holidays and 调休 days, and says when a year is provisional', async () => {
  const page = await env.newPage();
  await page.goto(env.url);
  await setDemoTime(page, DEV_NOW);
  // Corrections are the company administrator's; a head reads the calendar only.
  await loginAs(page, '何文');
  await page.goto(new URL(`#${ROUTES.staff.calendar}`, env.url).toString());
  await page.locator('[data-testid="calendar-page"]').waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="month-title"]').innerText()).resolves.toBe('2026年11月');

  // Back to October: the National Day holiday and its make-up working day are marked.
  await page.locator('[data-testid="month-prev"]').click();
  await page.locator('[data-testid="month-title"]', { hasText: '2026年10月' }).waitFor();
  await expect(page.locator('[data-date="2026-10-01"]').innerText()).resolves.toContain('休');
  await expect(page.locator('[data-date="2026-10-10"]').innerText()).resolves.toContain('班');
  await expect(page.locator('[data-testid="provisional-notice"]').count()).resolves.toBe(0);
  await page.locator('[data-testid="month-title"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'calendar-2026-10');

  // Forward to January 2027, a year the State Council has not published yet.
  const jan = addMonths('2026-10', 3);
  for (let i = 0; i < 3; i++) await page.locator('[data-testid="month-next"]').click();
  await page.locator('[data-testid="month-title"]', { hasText: '2027年1月' }).waitFor();
  expect(jan).toBe('2027-01');
  await expect(page.locator('[data-testid="provisional-notice"]').innerText()).resolves.toBe('2027年官方放假安排尚未发布，按周末计算，结果为暂定');

  // Declare 4 January a holiday through the day form: the cell shows the correction.
  await page.locator('[data-date="2027-01-04"]').click();
  await page.locator('[data-testid="day-form"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid="day-kind-holiday"]').click();
  await page.locator('[data-testid="day-form"] input').fill('元旦调休');
  await page.locator('[data-testid="day-save"]').click();
  await page.locator('[data-date="2027-01-04"].grid-overridden').waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="override-item"]').first().innerText()).resolves.toContain('2027年1月4日 设为放假（元旦调休）');

  // An invalid import is refused with the reasons in Chinese.
  await page.locator('[data-testid="import-text"] textarea').fill('[{"date":"2027-02-30","kind":"holiday"}]');
  await page.locator('[data-testid="import-save"]').click();
  await expect(page.locator('[data-testid="import-errors"]').innerText()).resolves.toContain('第1项：日期无效');
  await page.waitForTimeout(2600); // let the error toast fade before the picture
  await screenshot(page, 'calendar-import-errors');
  await page.locator('[data-testid="month-title"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'calendar-2027-01');
  await page.context().close();
});
