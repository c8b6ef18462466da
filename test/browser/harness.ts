import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DevPersonView } from '@domain/api/session';
import type { Envelope } from '@domain/envelope';
import { ensureH5Build as buildH5, h5StaleReason } from '../../scripts/h5-build';
import { startLocalHost } from '../../scripts/local-host';
import { devOpenid } from '../../cloudfunctions/_shared/seed/demo';
import { chooseChromium } from './chromium';

const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Rebuilds dist/h5 when it is missing or older than any source file, so a test never runs stale code. */
export function ensureH5Build(): void {
  if (!h5StaleReason()) console.log('[browser] dist/h5 is up to date, not rebuilding');
  else buildH5({ quiet: true });
}

/** The host of the running env, so `loginAs(page, name)` needs no URL. */
let baseUrl = '';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserEnv {
  url: string;
  /** Demo people as the login page lists them. */
  people: DevPersonView[];
  /** A page in its own browser with a fresh profile, so one person's login never leaks into another's. */
  newPage(): Promise<Page>;
  /**
   * Fixtures and checks as a demo person through the host's API (never the step under test);
   * `now` moves the clock for this call (the local host's x-dev-now), as the app's demo time does.
   */
  callAs<T>(personId: string, fn: string, action: string, payload?: unknown, now?: string): Promise<T>;
  /** Fires the hourly timer on the host, as the platform does. */
  timer(): Promise<void>;
  close(): Promise<void>;
}

/** Calls a function on the host directly, for reading fixtures (never for the step under test). */
async function hostCall<T>(url: string, fn: string, action: string, payload: unknown = {}, openid?: string, now?: string): Promise<T> {
  const res = await fetch(new URL(`api/${fn}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}), ...(now ? { 'x-dev-now': now } : {}) },
    body: JSON.stringify({ action, payload }),
  });
  const env = (await res.json()) as Envelope<T>;
  if (!env.ok) throw new Error(`${fn}.${action} failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

/**
 * Builds if needed, starts the local host on a fresh seeded store and a random port, and launches
 * Chromium (the system's, else the npm one: see ./chromium.ts) with a throwaway profile. A browser
 * that cannot start is a failure, never a skip: a skipped browser test would report green while
 * checking nothing.
 */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const browser = chooseChromium();
  ensureH5Build();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-browser-data-'));
  const host = await startLocalHost({ port: 0, dataDir, staticDir: path.join(ROOT, 'dist', 'h5'), seed: true, quiet: true });
  baseUrl = host.url;
  const contexts: BrowserContext[] = [];
  const profiles: string[] = [];

  try {
    const people = await hostCall<DevPersonView[]>(host.url, 'session', 'devPeople');
    return {
      url: host.url,
      people,
      async newPage() {
        // Playwright takes the profile folder as userDataDir (it refuses a raw --user-data-dir flag).
        const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-browser-profile-'));
        profiles.push(profileDir);
        const ctx = await chromium.launchPersistentContext(profileDir, {
          executablePath: browser.executablePath,
          env: browser.env,
          args: CHROMIUM_ARGS,
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        contexts.push(ctx);
        const page = ctx.pages()[0] ?? (await ctx.newPage());
        page.setDefaultTimeout(20_000);
        page.on('pageerror', (err) => console.error('[browser page error]', err.message));
        return page;
      },
      callAs: (personId, fn, action, payload = {}, now) => hostCall(host.url, fn, action, payload, devOpenid(personId), now),
      async timer() {
        const env = await host.timer();
        if (!env.ok) throw new Error(`timer failed: ${env.error.code}`);
      },
      async close() {
        await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
        await host.close();
        for (const dir of [dataDir, ...profiles]) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await host.close();
    throw e;
  }
}

/**
 * The suite's environment, started once before its tests and closed after them. The returned object
 * forwards to the started one, so a test file can hold it in a const at the top.
 */
export function useBrowserEnv(): BrowserEnv {
  let started: BrowserEnv | undefined;
  beforeAll(async () => {
    started = await startBrowserEnv();
  }, 600_000);
  afterAll(async () => {
    await started?.close();
  });
  const get = (): BrowserEnv => {
    if (!started) throw new Error('the browser environment has not started');
    return started;
  };
  return {
    get url() {
      return get().url;
    },
    get people() {
      return get().people;
    },
    newPage: () => get().newPage(),
    callAs: (personId, fn, action, payload, now) => get().callAs(personId, fn, action, payload, now),
    timer: () => get().timer(),
    close: () => get().close(),
  };
}

/** Sets the demo clock the way the 我的 page's 演示时间 stores it (Taro's storage wraps values as {data}). */
export async function setDemoTime(page: Page, iso: string): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('wy.devNow', JSON.stringify({ data: value })), new Date(iso).toISOString());
}

/** Finds a demo person by a predicate over what the login page shows, failing with the list if none fits. */
export function pickPerson(env: BrowserEnv, what: string, test: (p: DevPersonView) => boolean): DevPersonView {
  const found = env.people.find(test);
  if (!found) throw new Error(`No demo person for ${what} among: ${env.people.map((p) => `${p.name}(${p.roleLabel})`).join(', ')}`);
  return found;
}

/** A fresh page signed in as the named demo person, the app's demo clock at `at` when given. */
export async function signIn(env: BrowserEnv, name: string, at?: string): Promise<Page> {
  const page = await env.newPage();
  await page.goto(env.url);
  if (at) await setDemoTime(page, at);
  await loginAs(page, name);
  return page;
}

/** Opens an app route (`/packages/…/index?…`) on the page. */
export async function openRoute(env: BrowserEnv, page: Page, route: string): Promise<void> {
  await page.goto(new URL(`#${route}`, env.url).toString());
}

/** Logs in through the login page as the named demo person and waits for the home screen. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto(new URL('#/pages/login/index', baseUrl).toString());
  await page.locator('.dev-person').first().waitFor({ state: 'visible' });
  // Long groups are collapsed; open them all so anyone can be found by name.
  for (let more = page.locator('.login-more'); (await more.count()) > 0;) await more.first().click();
  const person = page.locator('.dev-person').filter({ has: page.locator('.dev-person-name', { hasText: new RegExp(`^${name}$`) }) });
  await person.waitFor({ state: 'visible' });
  await person.click();
  await page.locator('.home-greeting').waitFor({ state: 'visible' });
}

/** Taro H5 slides pages in; wait until no animation or transition is still running. */
export async function settle(page: Page): Promise<void> {
  // The slide may start a moment after the new page's content appears, so give it time to begin.
  await page.waitForTimeout(400);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.waitForTimeout(100);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
