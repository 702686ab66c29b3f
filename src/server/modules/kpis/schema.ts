// Query of GET /kpis: the period (received dates, China time), the grouping and the period unit.
import { z } from 'zod';
import { isoDate } from '../common/schemas.js';

/** The dimensions a KPI table can be grouped by. */
export const KPI_GROUPS = ['period', 'region', 'sector', 'department', 'channel', 'member', 'category'] as const;
/** A grouping dimension. */
export type KpiGroupBy = (typeof KPI_GROUPS)[number];
/** The period units for groupBy=period. */
export const KPI_PERIODS = ['month', 'week', 'quarter'] as const;
/** A period unit. */
export type KpiPeriod = (typeof KPI_PERIODS)[number];

/** Validates the KPI query; `to` is inclusive and defaults with `from` to the current year in the route. */
export const kpiQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    groupBy: z.enum(KPI_GROUPS).default('period'),
    period: z.enum(KPI_PERIODS).default('month'),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to_before_from' });
/** A validated KPI query. */
export type KpiQuery = z.infer<typeof kpiQuery>;
