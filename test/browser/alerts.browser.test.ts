import type { Page } from 'playwright-core';
import type { InboxItemView } from '@domain/api/alerts';
import type { EventView } from '@domain/api/events';
import type { TodoItem } from '@domain/api/session';
import { loginAs, pickPerson, screenshot, settle, useBrowserEnv } from './harness';

/**
 * The message centre as a butler meets it: a 需通报事项 recorded three weeks ago is overdue, the
 * hourly timer raises the alert, and the butler finds it unread at the top of 消息 with the home card
 * and the 待办 tab badge saying the same as the server; opening it marks it read and lands on the
 * event's page, where the 开启提醒 consent button is offered.
 */
const env = useBrowserEnv();

const DAY = 24 * 3600_000;
const shanghaiDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const todoCount = (items: TodoItem[]): number => items.reduce((n, t) => n + (t.count ?? 1), 0);

async function homeFigures(page: Page): Promise<{ unread: number; badge: number }> {
  await page.locator('.home-todos .todo-item, .home-todos .state-empty').first().waitFor({ state: 'visible' });
  const unreadTag = page.locator('[data-testid="home-messages-unread"]');
  const unread = (await unreadTag.count()) ? Number((await unreadTag.innerText()).match(/\d+/)![0]) : 0;
  const badgeEl = page.locator('.taro-tabbar-badge');
  const badge = (await badgeEl.count()) ? Number(await badgeEl.first().innerText()) : 0;
  return { unread, badge };
}

test('an alert raised by the timer: unread first, counted alike on the home card and the tab badge, opened and read', async () => {
  const butler = pickPerson(env, 'a butler', (p) => p.area === 'staff' && p.roleLabel === '管家');
  // Three weeks back is past the 3rd working day whatever the calendar (even over the Spring Festival).
  const occurredOn = shanghaiDay(Date.now() - 21 * DAY);
  const event = await env.callAs<EventView>(butler.personId, 'workbench', 'recordEvent', {
    category: 'important_activity',
    occurredOn,
    description: '创优迎检安排',
  });
  await env.timer();

  const serverUnread = async () => (await env.callAs<{ unread: number }>(butler.personId, 'alerts', 'inbox', {})).unread;
  const serverTodos = () => env.callAs<TodoItem[]>(butler.personId, 'session', 'todos', {});
  const unreadBefore = await serverUnread();
  expect(unreadBefore).toBeGreaterThan(0);

  const page = await env.newPage();
  await loginAs(page, butler.name);
  const before = await homeFigures(page);
  const todosBefore = await serverTodos();
  expect(before.unread).toBe(unreadBefore);
  expect(todosBefore.find((t) => t.kind === 'inbox')?.count).toBe(unreadBefore);
  expect(before.badge).toBe(todoCount(todosBefore));
  await screenshot(page, 'alerts-home-before');

  // 消息: the timer's alert is there, unread, and no read message comes before an unread one.
  await page.locator('[data-testid="home-messages"]').click();
  await page.locator('[data-testid="message-item"]').first().waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="messages-unread"]').innerText()).resolves.toBe(`${unreadBefore} 条未读`);
  const items = page.locator('[data-testid="message-item"]');
  const unreadFlags = await items.evaluateAll((els) => els.map((e) => e.classList.contains('message-unread')));
  expect(unreadFlags.indexOf(false) === -1 || !unreadFlags.slice(unreadFlags.indexOf(false)).includes(true)).toBe(true);
  const alert = items.filter({ hasText: '需通报事项已逾期' }).filter({ hasText: '创优迎检安排' });
  await expect(alert.count()).resolves.toBe(1);
  await expect(alert.evaluate((e) => e.classList.contains('message-unread'))).resolves.toBe(true);
  expect(unreadFlags[await alert.evaluate((e) => Array.from(e.parentElement!.children).indexOf(e))]).toBe(true);
  await screenshot(page, 'alerts-messages');

  // Opening it marks it read and lands on the event, highlighted, with the consent button for staff.
  await alert.click();
  await page.locator('[data-testid="events-page"]').waitFor({ state: 'visible' });
  const focused = page.locator('.event-focus');
  await focused.waitFor({ state: 'visible' });
  await expect(focused.innerText()).resolves.toContain('创优迎检安排');
  await expect(focused.innerText()).resolves.toContain('已逾期');
  await expect(page.locator('[data-testid="consent-button"]').innerText()).resolves.toBe('开启通报到期提醒');
  await settle(page);
  await screenshot(page, 'alerts-event-opened');
  expect(await serverUnread()).toBe(unreadBefore - 1);
  const inbox = await env.callAs<{ items: InboxItemView[] }>(butler.personId, 'alerts', 'inbox', {});
  expect(inbox.items.find((i) => i.link?.includes(event.eventId))?.readAt).toBeTruthy();

  // Back home: the card and the badge both count one fewer, and still agree with the server.
  await page.goto(new URL('#/pages/home/index', env.url).toString());
  await page.locator('.home-greeting').waitFor({ state: 'visible' });
  await page.waitForFunction((n) => {
    const tag = document.querySelector('[data-testid="home-messages-unread"]');
    return (tag ? Number((tag.textContent ?? '').match(/\d+/)?.[0]) : 0) === n;
  }, unreadBefore - 1);
  const after = await homeFigures(page);
  const todosAfter = await serverTodos();
  expect(after.unread).toBe(unreadBefore - 1);
  expect(after.badge).toBe(todoCount(todosAfter));
  expect(after.badge).toBe(before.badge - 1);
  await page.context().close();
});
