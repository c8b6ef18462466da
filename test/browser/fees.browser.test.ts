import type { Page } from 'playwright-core';
import { ROUTES, routeUrl } from '@domain/routes';
import { loginAs, openRoute, pickPerson, screenshot, useBrowserEnv } from './harness';
import { solidPng } from './png';

/**
 * Fee collection as a butler and an owner do it on the phone: the butler's reminder batch from the
 * arrears list, and an owner's "我已缴费" with a transfer screenshot that the butler sends back with a
 * reason, then confirms. Demo community: 陈晓东 (p_butler_1) looks after 1栋; p_owner_04 owns 1栋-104,
 * whose November bill (125 m² × 2.50 元 = 312.50 元) is unpaid.
 */
const env = useBrowserEnv();

/** A real 8×8 PNG, so the upload and the stored screenshot are genuine. */
const tinyPng = () => solidPng(8, [0x1f, 0x8a, 0xf5]);

const open = (page: Page, path: string) => openRoute(env, page, path);

const butlerName = () => pickPerson(env, 'the butler of 1栋', (p) => p.personId === 'p_butler_1').name;
const ownerName = () => pickPerson(env, 'the owner of 1栋-104', (p) => p.personId === 'p_owner_04').name;

test('a butler picks rooms from the arrears list, records one reminder batch, and each room shows it once in its history', async () => {
  const page = await env.newPage();
  await loginAs(page, butlerName());
  await open(page, ROUTES.fees.arrears);
  const items = page.locator('[data-testid="fee-arrears-page"] [data-testid="arrears-item"]');
  await items.first().waitFor({ state: 'visible' });
  const picked = [items.nth(0), items.nth(1)];
  const labels: string[] = [];
  for (const item of picked) {
    labels.push((await item.locator('.arrears-room').innerText()).trim());
    await expect(item.innerText()).resolves.toContain('已催缴 0 次');
    await item.locator('.nut-checkbox').click();
  }
  expect(labels.every((l) => l.startsWith('1栋-'))).toBe(true);
  await expect(page.locator('[data-testid="batch-open"]').innerText()).resolves.toContain('批量记录（2）');
  await page.locator('[data-testid="batch-open"]').click();
  const form = page.locator('[data-testid="batch-form"]');
  await form.waitFor({ state: 'visible' });
  await expect(form.innerText()).resolves.toContain(labels.join('、'));
  await form.locator('textarea').fill('已上门送达催缴单，业主表示月底前缴清');
  await screenshot(page, 'fees-1-batch-form');
  await form.locator('[data-testid="batch-save"]').click();
  await form.waitFor({ state: 'hidden' });

  // Each picked room now counts one contact, whatever the number of months it owes.
  for (const label of labels) {
    const row = items.filter({ has: page.locator('.arrears-room', { hasText: label }) });
    await row.filter({ hasText: '已催缴 1 次' }).waitFor({ state: 'visible' });
  }
  await screenshot(page, 'fees-2-arrears-after-batch');

  await items
    .filter({ has: page.locator('.arrears-room', { hasText: labels[0] }) })
    .locator('.arrears-room')
    .click();
  const history = page.locator('[data-testid="room-fees-page"] [data-testid="reminder-history"]');
  await history.first().waitFor({ state: 'visible' });
  await expect(history.count()).resolves.toBe(1);
  await expect(history.first().innerText()).resolves.toContain('已上门送达催缴单，业主表示月底前缴清');
  await expect(history.first().innerText()).resolves.toContain(butlerName());
  await screenshot(page, 'fees-3-room-history');
});

async function reportPaid(owner: Page, yuanText: string): Promise<void> {
  const card = owner.locator('[data-testid="paid-report"]');
  await card.locator('input').first().fill(yuanText);
  const [chooser] = await Promise.all([owner.waitForEvent('filechooser'), card.locator('.nut-button', { hasText: '1栋-104' }).click()]);
  await chooser.setFiles({ name: 'transfer.png', mimeType: 'image/png', buffer: tinyPng() });
  await card.getByText(`申报 ¥${yuanText}`).waitFor({ state: 'visible' });
}

test('an owner reports 我已缴费 with a screenshot; the butler sends one back with a reason and confirms the other; the owner sees paid', async () => {
  const owner = await env.newPage();
  await loginAs(owner, ownerName());
  await open(owner, ROUTES.owner.bills);
  await expect(owner.locator('[data-testid="bills-total"]').innerText()).resolves.toBe('¥312.50');
  // The payment history is there on opening (the seed's two paid months), not only after a report.
  await owner.locator('[data-testid="paid-report"]').getByText('收费系统导入').first().waitFor({ state: 'visible' });

  // A report the company account does not show: sent back, and the owner reads why.
  await reportPaid(owner, '100.00');
  const butler = await env.newPage();
  await loginAs(butler, butlerName());
  await open(butler, ROUTES.fees.payments);
  const report = butler.locator('[data-testid="payment-report"]', { hasText: '1栋-104' });
  await report.waitFor({ state: 'visible' });
  await expect(report.innerText()).resolves.toContain('¥100.00');
  await expect(report.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBe(8);
  await report.locator('input').fill('公司账户未查到这笔转账，请核对收款账号');
  await report.locator('[data-testid="report-reject"]').click();
  await report.waitFor({ state: 'detached' });

  await owner.reload();
  await owner.locator('[data-testid="paid-report"]').getByText('已退回：公司账户未查到这笔转账，请核对收款账号').waitFor({ state: 'visible' });
  await screenshot(owner, 'fees-4-owner-report-rejected');

  // The full amount: confirmed against the account, the bill is paid.
  await reportPaid(owner, '312.50');
  await butler.reload();
  await open(butler, ROUTES.fees.payments);
  const second = butler.locator('[data-testid="payment-report"]', { hasText: '¥312.50' });
  await second.waitFor({ state: 'visible' });
  await screenshot(butler, 'fees-5-butler-confirms');
  await second.locator('[data-testid="report-confirm"]').click();
  await butler.locator('[data-testid="payment-reports-page"]').getByText('没有待确认的缴费申报').waitFor({ state: 'visible' });

  await owner.reload();
  await open(owner, routeUrl(ROUTES.owner.bills));
  await owner.locator('[data-testid="bills-total"]', { hasText: /^¥0\.00$/ }).waitFor({ state: 'visible' });
  await expect(owner.locator('[data-testid="bills-page"]').innerText()).resolves.toContain('所有账单均已缴清');
  await expect(owner.locator('[data-testid="bill-item"]').first().innerText()).resolves.toContain('已缴');
  await expect(owner.locator('[data-testid="paid-report"]').innerText()).resolves.toContain('银行转账');
  await screenshot(owner, 'fees-6-owner-sees-paid');
});
