import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';

export interface TrendSeries {
  label: string;
  color: string;
  /** One value per category (a percent 0–100, or a count), or null for "nothing to show". */
  values: Array<number | null>;
  /** Bars side by side per category (default), or a line across them drawn over the bars. */
  kind?: 'bar' | 'line';
}

interface Props {
  id: string;
  categories: string[];
  series: TrendSeries[];
  /** percent: a 0–100% axis; count: whole numbers up to a round maximum. */
  unit?: 'percent' | 'count';
  height?: number;
}

type Ctx = CanvasRenderingContext2D;

/** A round axis top at or above the largest count: 4, 5, 10, 20, 25, 50, 100… */
export function axisTop(max: number): number {
  if (max <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 5, 10].map((m) => m * step).find((top) => top >= max) ?? 10 * step) as number;
}

/** Legend entries left to right, wrapping to a new row when the canvas is narrow; returns the rows used. */
function legend(ctx: Ctx, width: number, left: number, series: TrendSeries[]): number {
  let x = left;
  let row = 0;
  for (const s of series) {
    const w = 12 + ctx.measureText(s.label).width + 12;
    if (x + w > width && x > left) {
      x = left;
      row += 1;
    }
    const y = 4 + row * 16;
    ctx.fillStyle = s.color;
    if (s.kind === 'line') ctx.fillRect(x, y + 3, 9, 3);
    else ctx.fillRect(x, y, 9, 9);
    ctx.fillStyle = '#333';
    ctx.fillText(s.label, x + 12, y + 9);
    x += w;
  }
  return row + 1;
}

/**
 * Bars and lines by category on a canvas 2D context, drawn by hand: a charting library light enough
 * for a subpackage under 300 KB that runs on Taro 4's weapp canvas (type="2d") and on H5 did not
 * exist when this was written (docs/dependencies.md). Pages show the figures in a table beside it.
 */
function draw(ctx: Ctx, width: number, height: number, categories: string[], series: TrendSeries[], unit: 'percent' | 'count'): void {
  ctx.clearRect(0, 0, width, height);
  ctx.font = '10px sans-serif';
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = unit === 'percent' ? 100 : axisTop(Math.max(0, ...values));
  const tick = (v: number) => (unit === 'percent' ? `${v}%` : String(v));
  const left = Math.max(...[0, top / 2, top].map((v) => ctx.measureText(tick(v)).width)) + 6;
  const rows = legend(ctx, width, left, series);
  const pad = { left, right: 8, top: 12 + rows * 16, bottom: 22 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const yOf = (v: number) => pad.top + h - (h * Math.min(Math.max(v, 0), top)) / top;

  ctx.strokeStyle = '#ddd';
  ctx.lineWidth = 1;
  for (const v of [0, top / 2, top]) {
    ctx.beginPath();
    ctx.moveTo(pad.left, yOf(v));
    ctx.lineTo(pad.left + w, yOf(v));
    ctx.stroke();
    ctx.fillStyle = '#888';
    ctx.fillText(tick(v), 2, yOf(v) + 3);
  }

  const group = w / Math.max(categories.length, 1);
  const bars = series.filter((s) => s.kind !== 'line');
  const bar = (group * 0.8) / Math.max(bars.length, 1);
  // Labels every n-th category when a year of them would run into each other.
  const every = Math.ceil((ctx.measureText('12月').width + 6) / group);
  categories.forEach((cat, i) => {
    bars.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      ctx.fillStyle = s.color;
      ctx.fillRect(pad.left + i * group + group * 0.1 + j * bar, yOf(v), Math.max(bar - 1, 1), pad.top + h - yOf(v));
    });
    if (i % every === 0) {
      ctx.fillStyle = '#666';
      ctx.fillText(cat, pad.left + i * group + (group - ctx.measureText(cat).width) / 2, height - 6);
    }
  });

  for (const s of series.filter((x) => x.kind === 'line')) {
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let drawing = false;
    s.values.forEach((v, i) => {
      const x = pad.left + (i + 0.5) * group;
      // A month without a value breaks the line rather than pretending it was zero.
      if (v === null || v === undefined) drawing = false;
      else if (drawing) ctx.lineTo(x, yOf(v));
      else {
        ctx.moveTo(x, yOf(v));
        drawing = true;
      }
    });
    ctx.stroke();
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      ctx.beginPath();
      ctx.arc(pad.left + (i + 0.5) * group, yOf(v), 3, 0, 2 * Math.PI);
      ctx.fill();
    });
  }
}

export function TrendChart({ id, categories, series, unit = 'percent', height = 180 }: Props) {
  const key = JSON.stringify([categories, series, unit]);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      // Taro's <Canvas> is a web component that renders its <canvas> a moment after React mounts it.
      let tries = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const paint = (): void => {
        const el = document.querySelector(`#${id} canvas`) as HTMLCanvasElement | null;
        const ctx = el?.getContext?.('2d');
        if (!el || !ctx || el.clientWidth === 0) {
          if (tries++ < 40) timer = setTimeout(paint, 50);
          return;
        }
        // Drawn at the screen's pixel density, so the figures are sharp on a phone.
        const dpr = window.devicePixelRatio || 1;
        const cssWidth = el.clientWidth || 320;
        el.width = cssWidth * dpr;
        el.height = height * dpr;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        draw(ctx, cssWidth, height, categories, series, unit);
      };
      paint();
      return () => clearTimeout(timer);
    }
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node: HTMLCanvasElement; width: number; height: number } | null>) => {
          const r = res[0];
          if (!r?.node) return;
          const dpr = Taro.getWindowInfo().pixelRatio;
          r.node.width = r.width * dpr;
          r.node.height = r.height * dpr;
          const ctx = r.node.getContext('2d') as Ctx;
          ctx.scale(dpr, dpr);
          draw(ctx, r.width, r.height, categories, series, unit);
        });
    });
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <Canvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />;
}
