// Shapes of GET /api/v1/kpis as the dashboard reads them.

/** A numerator over a denominator (rate null when the denominator is 0). */
export interface Ratio {
  num: number;
  den: number;
  rate: number | null;
}

/** One row of the KPI table. */
export interface KpiRow {
  key: string | null;
  label: string | null;
  received: number;
  acceptance: Ratio;
  onTime: Ratio;
  reply: Ratio;
  feedback: Ratio;
  satisfaction: Ratio;
  avgHandlingDays: number | null;
  drillUrl: string;
}

/** The report. */
export interface KpiReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  period: PeriodUnit;
  rows: KpiRow[];
  total: KpiRow;
  definitions: Record<string, string>;
}

/** Grouping dimensions, in switch order. */
export const GROUPS = ['period', 'region', 'sector', 'department', 'channel', 'member', 'category'] as const;
/** A grouping dimension. */
export type GroupBy = (typeof GROUPS)[number];
/** Period units. */
export const UNITS = ['month', 'week', 'quarter'] as const;
/** A period unit. */
export type PeriodUnit = (typeof UNITS)[number];
/** The rates, in card/table order. */
export const RATES = ['acceptance', 'onTime', 'reply', 'feedback', 'satisfaction'] as const;
/** A rate key. */
export type RateKey = (typeof RATES)[number];

/** A rate as a percentage with one decimal, or a dash. */
export const pct = (r: Ratio) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
