import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DevPersonView } from '@domain/api/session';
import type { Envelope } from '@domain/envelope';
import { startLocalHost } from '../../scripts/local-host';

const ROOT = path.resolve(__dirname, '..', '..');
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

function newestMtime(dir: string): { mtime: number; file: string } {
  let best = { mtime: 0, file: '' };
  const walk = (p: string): void => {
    const s = fs.statSync(p);
    if (s.isDirectory()) fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
    else if (s.mtimeMs > best.mtime) best = { mtime: s.mtimeMs, file: p };
  };
  if (fs.existsSync(dir)) walk(dir);
  return best;
}

/** Rebuilds dist/h5 when it is missing or older than any source file, so a test never runs stale code. */
export function ensureH5Build(): void {
  const sources = [newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'config'))].sort((a, b) => b.mtime - a.mtime)[0]!;
  let reason: string | null = null;
  // config/ and babel.config.js shape the build as much as the sources do.
  const babel = path.join(ROOT, 'babel.config.js');
  if (fs.existsSync(babel) && fs.statSync(babel).mtimeMs > sources.mtime) Object.assign(sources, { mtime: fs.statSync(babel).mtimeMs, file: babel });
  if (!fs.existsSync(H5_INDEX)) reason = 'dist/h5/index.html is missing';
  else if (fs.statSync(H5_INDEX).mtimeMs < sources.mtime) reason = `${path.relative(ROOT, sources.file)} is newer than dist/h5`;
  if (!reason) {
    console.log('[browser] dist/h5 is up to date, not rebuilding');
    return;
  }
  console.log(`[browser] ${reason}: running npm run build:h5 …`);
  const started = Date.now();
  // Jest sets NODE_ENV=test; the build must be the production one the host serves.
  try {
    execSync('npm run build:h5', { cwd: ROOT, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (e) {
    // Webpack's progress bar is noise on success; on failure its last lines say what broke.
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    const tail = `${out.stdout?.toString() ?? ''}\n${out.stderr?.toString() ?? ''}`.split('\n').slice(-60).join('\n');
    throw new Error(`npm run build:h5 failed:\n${tail}`);
  }
  console.log(`[browser] H5 build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
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
  close(): Promise<void>;
}

/** Calls a function on the host directly, for reading fixtures (never for the step under test). */
async function hostCall<T>(url: string, fn: string, action: string, payload: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`api/${fn}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  });
  const env = (await res.json()) as Envelope<T>;
  if (!env.ok) throw new Error(`${fn}.${action} failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

/**
 * Builds if needed, starts the local host on a fresh seeded store and a random port, and launches
 * Chromium with a throwaway profile. A missing browser is a failure, never a skip: a skipped browser
 * test would report green while checking nothing.
 */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with "apt-get update && apt-get install -y chromium fonts-noto-cjk" ` +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
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
          executablePath,
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

/** Finds a demo person by a predicate over what the login page shows, failing with the list if none fits. */
export function pickPerson(env: BrowserEnv, what: string, test: (p: DevPersonView) => boolean): DevPersonView {
  const found = env.people.find(test);
  if (!found) throw new Error(`No demo person for ${what} among: ${env.people.map((p) => `${p.name}(${p.roleLabel})`).join(', ')}`);
  return found;
}

/** Logs in through the login page as the named demo person and waits for the home screen. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto(new URL('#/pages/login/index', baseUrl).toString());
  await page.locator('.dev-person').first().waitFor({ state: 'visible' });
  // Long groups are collapsed; open them all so anyone can be found by name.
  for (let more = page.locator('.login-more'); (await more.count()) > 0; ) await more.first().click();
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
