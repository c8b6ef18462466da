import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { InboxItemView } from '@domain/api/alerts';
import type { DocumentView } from '@domain/api/filings';
import type { InquiryDetailView } from '@domain/api/inquiries';
import type { TodoItem } from '@domain/api/session';
import { deliveryId } from '@domain/signoff';
import type { Envelope } from '@domain/envelope';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { DAY, expectOneFewerAtHome, homeFigures, shanghaiDay, todoCount } from './home-figures';
import { screenshot, useBrowserEnv } from './harness';

/**
 * The message centre for every role, as a new user meets it: an alert raised by a real action
 * arrives, the home card and the 待办 tab badge count it alike (and agree with the server), tapping
 * it in 消息 opens the linked page — which the role can open — and it is then read and both counts
 * drop by one. The butler's timer-raised alert is in alerts.browser.test.ts.
 */
const env = useBrowserEnv();

const P = { owner: 'p_owner_02', chair: 'p_owner_01', member: 'p_owner_15', butler: 'p_butler_1', head: 'p_head', gm: 'p_gm', admin: 'p_admin' };

/** Logs in by the person's id: demo names repeat (an owner shares the general manager's name). */
async function loginAsPerson(page: Page, personId: string): Promise<void> {
  await page.goto(new URL('#/pages/login/index', env.url).toString());
  await page.locator('.dev-person').first().waitFor({ state: 'visible' });
  for (let more = page.locator('.login-more'); (await more.count()) > 0;) await more.first().click();
  await page.locator(`.dev-person[data-person-id="${personId}"]`).click();
  await page.locator('.home-greeting').waitFor({ state: 'visible' });
}

interface Expected {
  /** The message's title as 消息 lists it. */
  title: string;
  /** The page the message must open (its path, without query). */
  path: string;
  /** Text the opened page must show: the record the alert is about. */
  shows: string;
}

/** The whole walk for one person; `shot` names the screenshots. */
async function walk(personId: string, expected: Expected, shot: string): Promise<void> {
  const serverUnread = async () => (await env.callAs<{ unread: number }>(personId, 'alerts', 'inbox', {})).unread;
  const serverTodos = () => env.callAs<TodoItem[]>(personId, 'session', 'todos', {});
  const unreadBefore = await serverUnread();
  expect(unreadBefore).toBeGreaterThan(0);

  const page = await env.newPage();
  await loginAsPerson(page, personId);
  const before = await homeFigures(page);
  const todosBefore = await serverTodos();
  expect(before.unread).toBe(unreadBefore);
  expect(todosBefore.find((t) => t.kind === 'inbox')?.count).toBe(unreadBefore);
  expect(before.badge).toBe(todoCount(todosBefore));

  await page.locator('[data-testid="home-messages"]').click();
  await page.locator('[data-testid="message-item"]').first().waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="messages-unread"]').innerText()).resolves.toBe(`${unreadBefore} 条未读`);
  const alert = page.locator('[data-testid="message-item"]').filter({ hasText: expected.title });
  await expect(alert.count()).resolves.toBe(1);
  await expect(alert.getAttribute('data-unread')).resolves.toBe('true');
  await screenshot(page, `${shot}-messages`);

  await alert.click();
  await page.waitForURL((u) => u.hash.startsWith(`#${expected.path}`));
  // The page loaded its record: no error state (a role that cannot open it would see one).
  // (消息 stays in the DOM under the opened page, so only visible text counts.)
  await page.getByText(expected.shows).filter({ visible: true }).first().waitFor({ state: 'visible' });
  await expect(page.locator('[data-testid="state-error"]:visible').count()).resolves.toBe(0);
  await screenshot(page, `${shot}-opened`);
  const inbox = await env.callAs<{ items: InboxItemView[]; unread: number }>(personId, 'alerts', 'inbox', {});
  expect(inbox.unread).toBe(unreadBefore - 1);
  expect(inbox.items.find((i) => i.title === expected.title)?.readAt).toBeTruthy();

  await expectOneFewerAtHome(page, env.url, before, unreadBefore, serverTodos);
  await page.context().close();
}

const ask = (as: string, text: string) => env.callAs<InquiryDetailView>(as, 'inquiries', 'ask', { channel: 'owner', kind: 'request', text });

test('owner: an answer to their question', async () => {
  const asked = await ask(P.owner, '3单元电梯按钮失灵');
  await env.callAs(P.butler, 'inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'reasonable' });
  await env.callAs(P.butler, 'inquiries', 'answer', { inquiryId: asked.inquiryId, text: '已联系维保单位更换按钮' });
  await walk(P.owner, { title: '您的提问已有答复', path: '/packages/owner/inquiry/index', shows: '已联系维保单位更换按钮' }, 'alerts-owner');
});

let notice: DocumentView;
test('committee member: a notification delivered to sign', async () => {
  const draft = await env.callAs<DocumentView>(P.head, 'filings', 'saveDraft', {
    kind: 'notification',
    category: 'major_change',
    title: '北门岗亭改造',
    body: '北门岗亭下周起改造，请从东门出入。',
    eventDate: shanghaiDay(Date.now()),
  });
  notice = await env.callAs<DocumentView>(P.head, 'filings', 'send', { documentId: draft.documentId });
  await walk(P.member, { title: '请签收：北门岗亭改造', path: '/packages/committee/document/index', shows: '北门岗亭下周起改造' }, 'alerts-member');
});

test('committee chair: an opinion asked for by a date', async () => {
  const draft = await env.callAs<DocumentView>(P.head, 'filings', 'saveDraft', {
    kind: 'opinion_request',
    title: '明年绿化养护方案',
    body: '请各位委员审阅并反馈意见。',
    responseBy: shanghaiDay(Date.now() + 10 * DAY),
  });
  await env.callAs(P.head, 'filings', 'send', { documentId: draft.documentId });
  await walk(P.chair, { title: '请反馈意见：明年绿化养护方案', path: '/packages/committee/document/index', shows: '请各位委员审阅并反馈意见' }, 'alerts-chair');
});

test('head: a member objects to a document', async () => {
  await env.callAs(P.member, 'filings', 'object', { deliveryId: deliveryId(notice.documentId, P.member), text: '改造期间请增设临时岗' });
  await walk(P.head, { title: '委员提出异议：北门岗亭改造', path: '/packages/staff-docs/record/index', shows: '改造期间请增设临时岗' }, 'alerts-head');
});

test('general manager: an inquiry the centre cannot resolve', async () => {
  const asked = await ask(P.owner, '外墙脱落需开发商维修');
  await env.callAs(P.head, 'inquiries', 'classify', { inquiryId: asked.inquiryId, classification: 'cannot_resolve', text: '涉及开发商保修，需公司协调' });
  await walk(P.gm, { title: '有事项上报总经理', path: '/packages/staff-inquiries/inquiry/index', shows: '外墙脱落需开发商维修' }, 'alerts-gm');
});

/** A call as someone at a moved moment (`x-dev-now`), which the harness's callAs does not offer. */
async function callAt<T>(personId: string, at: number, fn: string, action: string, payload: unknown): Promise<T> {
  const res = await fetch(new URL(`api/${fn}`, env.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': devOpenid(personId), 'x-dev-now': String(at) },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as Envelope<T>;
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error.code} ${body.error.message}`);
  return body.data;
}

test('company administrator: an import left half-done whose file is gone', async () => {
  const csv = ['楼栋,单元,房号,建筑面积,业主姓名,业主手机', '3栋,1单元,101,89.5,王伟,13800000001', '3栋,1单元,102,90,李芳,13800000002'].join('\r\n');
  const uploaded = await fetch(new URL('files?name=rooms.csv', env.url), { method: 'POST', headers: { 'x-dev-openid': devOpenid(P.admin) }, body: csv });
  const { data: file } = (await uploaded.json()) as { data: { fileId: string } };
  // Started twenty minutes ago and never stepped: the page was closed.
  await callAt(P.admin, Date.now() - 20 * 60_000, 'admin', 'importStart', { communityId: 'c_demo', file: { fileId: file.fileId, name: '三栋房屋.csv' } });
  // The upload is lost meanwhile (the host keeps uploads under its temporary data folder).
  const stored = file.fileId.replace(/^local:/, '');
  const dirs = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('wuye-browser-data-'));
  const where = dirs.map((d) => path.join(os.tmpdir(), d, 'files', stored)).filter((f) => fs.existsSync(f));
  expect(where).toHaveLength(1);
  fs.rmSync(where[0]!);
  await env.timer();
  await walk(P.admin, { title: '房屋导入未能完成', path: '/packages/admin/community/index', shows: '房屋与业主导入' }, 'alerts-admin');
});
