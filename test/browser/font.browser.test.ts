import type { Page } from 'playwright-core';
import { FONT_FAMILY } from './chromium';
import { useBrowserEnv } from './harness';

/**
 * Screenshots and layout checks must not depend on the fonts a machine happens to have: the browser
 * sees only Noto Sans SC from npm (see ./chromium.ts). Chromium reports, through the DevTools
 * protocol, which platform fonts drew each node's text: with the font missing that list is empty or
 * names another font, so these checks fail.
 */
const env = useBrowserEnv();

interface PlatformFont {
  familyName: string;
  glyphCount: number;
}

async function fontsDrawing(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

test('the app draws Chinese text in Noto Sans SC from npm, in its own font stack and in monospace', async () => {
  const page = await env.newPage();
  await page.goto(env.url);
  const title = page.locator('.login-group-title').first();
  await title.waitFor({ state: 'visible' });
  expect(await title.innerText()).toMatch(/^业主/);
  const titleFonts = await fontsDrawing(page, '.login-group-title');
  expect(titleFonts.map((f) => f.familyName)).toEqual([FONT_FAMILY]);

  // 签收 inside the page, so it takes the app's font-family; and under a family the machine lacks.
  await page.evaluate(() => {
    const add = (id: string, family: string): void => {
      const span = document.createElement('span');
      span.id = id;
      span.textContent = '签收';
      if (family) span.style.fontFamily = family;
      document.querySelector('.login-page')!.appendChild(span);
    };
    add('font-probe-app', '');
    add('font-probe-mono', 'Menlo, Consolas, monospace');
  });
  for (const probe of ['#font-probe-app', '#font-probe-mono']) {
    expect(await fontsDrawing(page, probe)).toEqual([expect.objectContaining({ familyName: FONT_FAMILY, glyphCount: 2 })]);
  }
  await page.context().close();
});
