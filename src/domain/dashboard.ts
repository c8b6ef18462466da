import { monthRates, percentText, type TotalsRow } from './fee-totals';
import type { Id } from './model';
import type { YearMonth } from './time';

/**
 * The general manager's comparison of communities. Figures are counted by the server; this turns
 * them into rows with bar widths (the share of the largest value) and the 收缴率 as text; the chart
 * page `reports/compare` draws the figures themselves.
 */
export const DASHBOARD_FIGURES = {
  overdueInquiries: '逾期未答复的质询',
  unsignedDeliveries: '未签收的送达',
  overdueObligations: '逾期未办的事项',
  overdueEvents: '逾期未通报的需通报事项',
} as const;
export type DashboardFigure = keyof typeof DASHBOARD_FIGURES;

/** 收缴率 of the latest month with bills: paid on that month's bills over billed, from the fee totals. */
export interface CollectionFigure {
  month: YearMonth | null;
  /** Basis points; null when the community has no bills yet. */
  bp: number | null;
}

export interface CommunityFigures {
  communityId: Id;
  name: string;
  figures: Record<DashboardFigure, number>;
  collection: CollectionFigure;
}

export interface DashboardRow extends CommunityFigures {
  /** Width of each figure's bar in percent of the largest value of that figure (0 when all are 0). */
  bars: Record<DashboardFigure, number>;
  /** '87.50%', or '—' without bills; the rate's own bar is the rate itself. */
  collectionText: string;
}

/** From the totals the fee writes keep (never recounted from bills): the latest month up to `month` that billed anything. */
export function latestCollection(rows: TotalsRow[], month: YearMonth): CollectionFigure {
  const billed = monthRates(rows.filter((r) => r.month <= month)).filter((m) => m.billedFen > 0);
  const last = billed[billed.length - 1];
  return last ? { month: last.month, bp: last.collectionBp } : { month: null, bp: null };
}

export function compareCommunities(rows: CommunityFigures[]): DashboardRow[] {
  const keys = Object.keys(DASHBOARD_FIGURES) as DashboardFigure[];
  const max = Object.fromEntries(keys.map((k) => [k, Math.max(0, ...rows.map((r) => r.figures[k]))])) as Record<DashboardFigure, number>;
  return rows.map((r) => ({
    ...r,
    collectionText: r.collection.bp === null ? '—' : `${percentText(r.collection.bp)}（${r.collection.month}）`,
    bars: Object.fromEntries(keys.map((k) => [k, max[k] === 0 ? 0 : Math.round((r.figures[k] / max[k]) * 100)])) as Record<DashboardFigure, number>,
  }));
}
