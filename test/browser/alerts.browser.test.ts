import type { InboxItemView } from '@domain/api/alerts';
import type { EventView } from '@domain/api/events';
import type { TodoItem } from '@domain/api/session';
import { DAY, expectOneFewerAtHome, homeFigures, shanghaiDay, todoCount } from './home-figures';
import { loginAs, pickPerson, screenshot, settle, useBrowserEnv } from './harness';

/**
 * The message centre as a butler meets it: a 需通报事项 recorded three weeks ago is overdue, the
 * hourly timer raises the alert, and the butler finds it unread at the top of 消息 with the home card
 * and the 待办 tab badge saying the same as the server; opening it marks it read and lands on the
 * event's page, where the 开启提醒 consent button is offered.
 */
const env = useBrowserEnv();

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
  await expectOneFewerAtHome(page, env.url, before, unreadBefore, serverTodos);
  await page.context().close();
});
