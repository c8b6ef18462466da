import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import uCharts from '@qiun/ucharts';

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

/** A round axis top at or above the largest count: 4, 5, 10, 20, 25, 50, 100… */
export function axisTop(max: number): number {
  if (max <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 5, 10].map((m) => m * step).find((top) => top >= max) ?? 10 * step) as number;
}

/**
 * u-charts (docs/dependencies.md) draws on the context it is given, in device pixels: the same call
 * on weapp's canvas 2D node and on the H5 canvas element. Animation off: a report is read, not watched.
 */
function draw(context: CanvasRenderingContext2D, width: number, height: number, dpr: number, props: Props): void {
  const { categories, series, unit = 'percent' } = props;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = unit === 'percent' ? 100 : axisTop(Math.max(0, ...values));
  new uCharts({
    type: 'mix',
    context,
    width: width * dpr,
    height: height * dpr,
    pixelRatio: dpr,
    animation: false,
    fontSize: 10,
    padding: [8, 8, 0, 0],
    categories,
    series: series.map((s) => ({
      name: s.label,
      color: s.color,
      type: s.kind === 'line' ? 'line' : 'column',
      // A month without a value breaks the line rather than pretending it was zero.
      data: s.values,
      connectNulls: false,
    })),
    legend: { show: true, position: 'top', fontSize: 10, lineHeight: 12, itemGap: 8 },
    xAxis: { disableGrid: true, fontSize: 10, labelCount: 6 },
    yAxis: { gridType: 'solid', gridColor: '#dddddd', splitNumber: 2, data: [{ min: 0, max: top, unit: unit === 'percent' ? '%' : '', fontSize: 10 }] },
    extra: { mix: { column: { width: Math.max(6, 120 / Math.max(categories.length, 1)) } } },
  });
}

export function TrendChart(props: Props) {
  const { id, height = 180 } = props;
  const key = JSON.stringify([props.categories, props.series, props.unit]);
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
        const dpr = window.devicePixelRatio || 1;
        el.width = el.clientWidth * dpr;
        el.height = height * dpr;
        draw(ctx, el.clientWidth, height, dpr, props);
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
          draw(r.node.getContext('2d') as CanvasRenderingContext2D, r.width, r.height, dpr, props);
        });
    });
    return undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <Canvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />;
}
