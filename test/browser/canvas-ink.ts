import type { Page } from 'playwright-core';

/**
 * How many pixels of a chart's canvas are drawn (not transparent), and how many of them are near a
 * series colour: a chart that drew its axes but none of its data has ink and no colour.
 */
export function inkOf(page: Page, selector: string, colour?: string): Promise<number> {
  return page.evaluate(
    ([sel, hex]) => {
      const canvas = (document.querySelector(`${sel} canvas`) ?? document.querySelector(sel)) as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const want = hex ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : null;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! === 0) continue;
        if (!want || want.every((c, k) => Math.abs(c - data[i + k]!) <= 24)) n++;
      }
      return n;
    },
    [selector, colour ?? ''] as const,
  );
}

/** The ink of a colour once the chart has drawn (charts draw a moment after the page shows), or the last count after 5 s. */
export async function inkWhenDrawn(page: Page, selector: string, colour: string, min: number): Promise<number> {
  let n = 0;
  for (let tries = 0; tries < 50; tries++) {
    n = await inkOf(page, selector, colour).catch(() => 0);
    if (n > min) break;
    await page.waitForTimeout(100);
  }
  return n;
}
