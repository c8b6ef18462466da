// u-charts ships no types: the options this app passes (docs/dependencies.md, src/packages/reports/chart).
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(opts: Record<string, unknown> & { type: string; context: CanvasRenderingContext2D; width: number; height: number });
  }
}
