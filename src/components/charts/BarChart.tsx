import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';

export interface BarSeries {
  label: string;
  color: string;
  /** One value per category, 0–100 (percent), or null for "nothing to divide by". */
  values: Array<number | null>;
}

interface Props {
  id: string;
  categories: string[];
  series: BarSeries[];
  height?: number;
}

type Ctx = CanvasRenderingContext2D;

/**
 * Grouped bars of percentages on a canvas 2D context, drawn by hand: a charting library light enough
 * for a subpackage under 300 KB that runs on Taro 4's weapp canvas (type="2d") and on H5 did not
 * exist when this was written (docs/dependencies.md). The figures are also shown as a table beside it.
 */
function draw(ctx: Ctx, width: number, height: number, categories: string[], series: BarSeries[]): void {
  const pad = { left: 32, right: 8, top: 20, bottom: 22 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  ctx.clearRect(0, 0, width, height);
  ctx.font = '10px sans-serif';
  ctx.strokeStyle = '#ddd';
  ctx.fillStyle = '#888';
  for (const pct of [0, 50, 100]) {
    const y = pad.top + h - (h * pct) / 100;
    ctx.beginPath();
    ctx.moveTo(pad.left, y);
    ctx.lineTo(pad.left + w, y);
    ctx.stroke();
    ctx.fillText(`${pct}%`, 2, y + 3);
  }
  const group = w / Math.max(categories.length, 1);
  const bar = (group * 0.8) / Math.max(series.length, 1);
  categories.forEach((cat, i) => {
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const bh = (h * Math.min(Math.max(v, 0), 100)) / 100;
      ctx.fillStyle = s.color;
      ctx.fillRect(pad.left + i * group + group * 0.1 + j * bar, pad.top + h - bh, bar - 1, bh);
    });
    ctx.fillStyle = '#666';
    ctx.fillText(cat, pad.left + i * group + group * 0.1, height - 6);
  });
  series.forEach((s, j) => {
    ctx.fillStyle = s.color;
    ctx.fillRect(pad.left + j * 70, 4, 8, 8);
    ctx.fillStyle = '#333';
    ctx.fillText(s.label, pad.left + j * 70 + 11, 12);
  });
}

export function BarChart({ id, categories, series, height = 180 }: Props) {
  const key = JSON.stringify([categories, series]);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const el = (document.querySelector(`#${id} canvas`) ?? document.getElementById(id)) as HTMLCanvasElement | null;
      const ctx = el?.getContext?.('2d');
      if (!el || !ctx) return;
      el.width = el.clientWidth || 320;
      el.height = height;
      draw(ctx, el.width, height, categories, series);
      return;
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
          draw(ctx, r.width, r.height, categories, series);
        });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <Canvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />;
}
