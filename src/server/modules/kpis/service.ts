// The KPI report: scope check, the one query (rollups), rates from numerators and denominators, drill-down links.
import { chinaDateOf, shiftDate } from '../../../core/calendar/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { seesAll } from '../common/scope.js';
import { definitionsFor } from './definitions.js';
import { type KpiScope, type KpiSums, kpiSums } from './query.js';
import type { KpiGroupBy, KpiQuery } from './schema.js';

/** A numerator over a denominator; `rate` is null when nothing was counted. */
export interface Ratio {
  num: number;
  den: number;
  rate: number | null;
}

/** One row of the KPI table (a group or the total). */
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

/** Only admins, leaders and group leaders read KPIs; a group leader's view is their group's originators. */
export function kpiScopeFor(a: Actor): KpiScope {
  if (seesAll(a)) return { kind: 'all' };
  if (hasRole(a, 'group_leader') && a.groupId) return { kind: 'group', groupId: a.groupId };
  throw notFound();
}

const ratio = (num: number, den: number): Ratio => ({
  num,
  den,
  rate: den ? Math.round((num / den) * 10000) / 10000 : null,
});

const FILTER: Partial<Record<KpiGroupBy, string>> = {
  region: 'regionId',
  sector: 'sectorId',
  department: 'departmentId',
  channel: 'channel',
  member: 'memberId',
  category: 'categoryId',
};

/** The inbox link listing the items behind a row: the period (or its bucket) plus the group's filter. */
function drillUrl(groupBy: KpiGroupBy, s: KpiSums, from: string, to: string, bucketEnd: (d: string) => string) {
  const p = new URLSearchParams();
  if (groupBy === 'period' && s.bucketStart && !s.isTotal) {
    p.set('from', s.bucketStart > from ? s.bucketStart : from);
    const end = bucketEnd(s.bucketStart);
    p.set('to', end < to ? end : to);
  } else {
    p.set('from', from);
    p.set('to', to);
  }
  const f = FILTER[groupBy];
  if (f && s.key && !s.isTotal) p.set(f, s.key);
  return `/opinions?${p.toString()}`;
}

/** The last day of the period bucket starting on a date. */
function bucketEnder(period: KpiQuery['period']) {
  return (start: string) => {
    if (period === 'week') return shiftDate(start, 6);
    const [y, m] = start.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(y, m - 1 + (period === 'quarter' ? 3 : 1), 1));
    return shiftDate(next.toISOString().slice(0, 10), -1);
  };
}

/** One row of rates from raw sums (the KPI table's own rules; the public board reuses them). */
export function toRow(s: KpiSums, url: string): KpiRow {
  return {
    key: s.isTotal ? null : s.key,
    label: s.isTotal ? null : s.label,
    received: s.received,
    acceptance: ratio(s.accepted, s.triaged),
    onTime: ratio(s.onTime, s.deptReplied),
    reply: ratio(s.replied, s.accepted),
    feedback: ratio(s.feedbackSent, s.approved),
    satisfaction: ratio(s.satisfied, s.ratings),
    avgHandlingDays:
      s.feedbackSent && s.handlingDaysSum !== null ? Math.round((s.handlingDaysSum / s.feedbackSent) * 10) / 10 : null,
    drillUrl: url,
  };
}

/** GET /kpis: the table for the actor's scope, a total row and the definitions of every measure. */
export async function kpiReport(db: DbOrTx, a: Actor, q: KpiQuery, now: Date, lang: Lang) {
  const scope = kpiScopeFor(a);
  const year = chinaDateOf(now).slice(0, 4);
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  const raw = await kpiSums(db, { from, to, groupBy: q.groupBy, period: q.period, scope });
  const end = bucketEnder(q.period);
  const groups = raw.filter((r) => !r.isTotal);
  groups.sort((x, y) =>
    q.groupBy === 'period'
      ? String(x.key).localeCompare(String(y.key))
      : y.received - x.received || String(x.key).localeCompare(String(y.key)),
  );
  const total = raw.find((r) => r.isTotal) as KpiSums;
  return {
    from,
    to,
    groupBy: q.groupBy,
    period: q.period,
    rows: groups.map((s) => toRow(s, drillUrl(q.groupBy, s, from, to, end))),
    total: toRow(total, drillUrl(q.groupBy, total, from, to, end)),
    definitions: definitionsFor(lang),
  };
}
/** The report's shape. */
export type KpiReport = Awaited<ReturnType<typeof kpiReport>>;
