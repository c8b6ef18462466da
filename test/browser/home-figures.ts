import type { Page } from 'playwright-core';
import type { TodoItem } from '@domain/api/session';

/** What the home screen counts, read as a person sees it, for the alert walks. */

export const DAY = 24 * 3600_000;
export const shanghaiDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
export const todoCount = (items: TodoItem[]): number => items.reduce((n, t) => n + (t.count ?? 1), 0);

/** The unread count on the home card and the number on the tab badge. */
export async function homeFigures(page: Page): Promise<{ unread: number; badge: number }> {
  await page.locator('.home-todos .todo-item, .home-todos .state-empty').first().waitFor({ state: 'visible' });
  const unreadTag = page.locator('[data-testid="home-messages-unread"]');
  const unread = (await unreadTag.count()) ? Number((await unreadTag.innerText()).match(/\d+/)![0]) : 0;
  const badgeEl = page.locator('.taro-tabbar-badge');
  const badge = (await badgeEl.count()) ? Number(await badgeEl.first().innerText()) : 0;
  return { unread, badge };
}

/**
 * Back home after opening one message: the card and the badge both count one fewer, and still
 * agree with the server's todos.
 */
export async function expectOneFewerAtHome(
  page: Page,
  url: string,
  before: { unread: number; badge: number },
  unreadBefore: number,
  serverTodos: () => Promise<TodoItem[]>,
): Promise<void> {
  await page.goto(new URL('#/pages/home/index', url).toString());
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
}
