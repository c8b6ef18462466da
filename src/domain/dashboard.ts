import type { Id } from './model';

/**
 * The general manager's comparison of communities. Figures are counted by the server; this turns
 * them into rows with bar widths (a plain styled bar per figure: the fees work will choose a chart
 * library, and until then a View whose width is the share of the largest value is the chart).
 */
export const DASHBOARD_FIGURES = {
  overdueInquiries: '逾期未答复的质询',
  unsignedDeliveries: '未签收的送达',
  overdueObligations: '逾期未办的事项',
} as const;
export type DashboardFigure = keyof typeof DASHBOARD_FIGURES;

export interface CommunityFigures {
  communityId: Id;
  name: string;
  figures: Record<DashboardFigure, number>;
}

export interface DashboardRow extends CommunityFigures {
  /** Width of each figure's bar in percent of the largest value of that figure (0 when all are 0). */
  bars: Record<DashboardFigure, number>;
}

export function compareCommunities(rows: CommunityFigures[]): DashboardRow[] {
  const keys = Object.keys(DASHBOARD_FIGURES) as DashboardFigure[];
  const max = Object.fromEntries(keys.map((k) => [k, Math.max(0, ...rows.map((r) => r.figures[k]))])) as Record<DashboardFigure, number>;
  return rows.map((r) => ({
    ...r,
    bars: Object.fromEntries(keys.map((k) => [k, max[k] === 0 ? 0 : Math.round((r.figures[k] / max[k]) * 100)])) as Record<DashboardFigure, number>,
  }));
}
