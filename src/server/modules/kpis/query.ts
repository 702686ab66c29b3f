// The KPI read: sums of kpi_rollups rows (rollups.ts) for the whole county, of kpi_item_facts rows for a group
// leader's items; never a scan of items and events. Every KPI read goes through kpiSums (one place to point at a
// read replica).
//
// Every measure is over the COHORT of items received in [from, to] (China dates, inclusive), merged duplicates
// left out (their originators live on in the target item); events count whenever they happened, up to now.
// - received           items received in the period.
// - 受理率 acceptance    accepted ÷ triaged: accepted = status is accepted or any later status (not received,
//                        not not_accepted); triaged = every status but received (accepted + not_accepted).
// - 按时办结率 on time   items whose FIRST department reply (event `reply`) fell, as a China date, on or before the
//                        item's deadline (the forward's, moved only by an approved extension) ÷ items with a
//                        department reply.
// - 回复率 reply rate    items with a `reply` or `reply_directly` event ÷ items accepted (or later, incl. forwarded).
// - 反馈率 feedback      items with an approved reply (`approve_reply` or `reply_directly`) and a `send_feedback`
//                        event ÷ items with an approved reply.
// - 满意率 satisfaction  `rate` events rated satisfied or basically_satisfied ÷ all `rate` events (each rating
//                        counts: an item may be rated by the citizen and by each originating member).
// - handling days       mean of (first `send_feedback` − received_at) in days, over items with feedback sent.
// The per-item rules live in rollups.ts (factsSelect); recount.ts keeps the whole-table scan as the reference.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { KpiGroupBy, KpiPeriod } from './schema.js';

/** The raw sums of one group (or of the total row, key 'total'). */
export interface KpiSums {
  key: string | null;
  label: string | null;
  bucketStart: string | null;
  isTotal: boolean;
  received: number;
  triaged: number;
  accepted: number;
  deptReplied: number;
  onTime: number;
  replied: number;
  approved: number;
  feedbackSent: number;
  ratings: number;
  satisfied: number;
  handlingDaysSum: number | null;
}

/** Whose items a table counts: everyone's, or those of the members of one liaison group (a group leader). */
export type KpiScope = { kind: 'all' } | { kind: 'group'; groupId: number };

const FORMAT: Record<KpiPeriod, string> = { month: 'YYYY-MM', week: 'IYYY-"W"IW', quarter: 'YYYY-"Q"Q' };
const DIM: Record<Exclude<KpiGroupBy, 'period'>, string> = {
  region: 'township_id',
  category: 'category_id',
  sector: 'sector_id',
  department: 'department_id',
  channel: 'channel',
  member: 'm.id',
};

/** The display name of a key, looked up once per group. */
export function labelOf(groupBy: KpiGroupBy): SQL {
  const id = sql`g.key::int`;
  switch (groupBy) {
    case 'region':
      return sql`(select name from regions where id = ${id})`;
    case 'category':
      return sql`(select name from opinion_categories where id = ${id})`;
    case 'sector':
      return sql`(select name from sectors where id = ${id})`;
    case 'department':
      return sql`(select name from departments where id = ${id})`;
    case 'member':
      return sql`(select name from members where id = ${id})`;
    default:
      return sql`g.key`;
  }
}

// Sums over rows shaped like kpi_rollups (day, key, received and the counters).
const total = (col: string, as: string) => sql.raw(`coalesce(sum(s.${col}), 0)::int as "${as}"`);
const sums = sql.join(
  [
    ...(
      [
        ['received', 'received'],
        ['triaged', 'triaged'],
        ['accepted', 'accepted'],
        ['dept_replied', 'deptReplied'],
        ['on_time', 'onTime'],
        ['replied', 'replied'],
        ['approved', 'approved'],
        ['feedback_sent', 'feedbackSent'],
        ['ratings', 'ratings'],
        ['satisfied', 'satisfied'],
      ] as const
    ).map(([c, as]) => total(c, as)),
    sql`case when sum(s.handled) > 0 then (sum(s.handling_us) / 86400000000.0)::float8 end as "handlingDaysSum"`,
  ],
  sql`, `,
);
const COUNTERS = sql`s.triaged, s.accepted, s.dept_replied, s.on_time, s.replied, s.approved, s.feedback_sent,
  s.ratings, s.satisfied, s.handled, s.handling_us`;

/** The months wholly inside [from, to] (as their 1st days), or null; ranges are China dates. */
function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const toIsLastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate() === td;
  const first = fy * 12 + fm - 1 + (fd === 1 ? 0 : 1);
  const last = ty * 12 + tm - 1 - (toIsLastDay ? 0 : 1);
  const fmt = (m: number) =>
    `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return first <= last ? { first: fmt(first), last: fmt(last) } : null;
}

/** Item facts rows shaped like rollup rows: one per item (per member of it, by member) in the days and scope. */
function factRows(dim: Exclude<KpiGroupBy, 'period'> | 'all', days: SQL, scope: SQL, memberScope: SQL): SQL {
  const key = dim === 'all' ? sql`''` : sql`coalesce(${sql.raw(DIM[dim])}::text, '')`;
  const perMember = dim === 'member' ? sql`cross join unnest(s.member_ids) m(id)` : sql``;
  return sql`select s.day, ${key} as key, 1 as received, ${COUNTERS} from kpi_item_facts s ${perMember}
    where (${days}) and ${scope} ${dim === 'member' ? sql`and ${memberScope}` : sql``}`;
}

/**
 * Rows (day, key, received, counters) of [from, to] for one dimension ('all' for totals and periods). Everyone's:
 * rollup rows (dim 'all' per day; the others per month, with the facts of a partial first or last month); a group's:
 * the facts of its members' items.
 */
function source(scope: KpiScope, dim: Exclude<KpiGroupBy, 'period'> | 'all', from: string, to: string): SQL {
  const between = (a: string, b: string) => sql`s.day between ${a}::date and ${b}::date`;
  if (scope.kind === 'group') {
    const inGroup = sql`(select id from members where group_id = ${scope.groupId})`;
    const items = sql`s.opinion_id in (select p.opinion_id from opinion_originators p where p.member_id in ${inGroup})`;
    return sql`(${factRows(dim, between(from, to), items, sql`m.id in ${inGroup}`)})`;
  }
  const rollups = (days: SQL) => sql`select s.day, s.key, s.received, ${COUNTERS} from kpi_rollups s
    where s.dim = ${dim} and ${days}`;
  if (dim === 'all') return sql`(${rollups(between(from, to))})`;
  const whole = wholeMonths(from, to);
  if (!whole) return sql`(${factRows(dim, between(from, to), sql`true`, sql`true`)})`;
  const edges = sql`(s.day >= ${from}::date and s.day < ${whole.first}::date)
    or (s.day > (${whole.last}::date + interval '1 month' - interval '1 day') and s.day <= ${to}::date)`;
  return sql`(${rollups(between(whole.first, whole.last))} union all ${factRows(dim, edges, sql`true`, sql`true`)})`;
}

/** The KPI sums: the groups plus one total row (isTotal), from the rollups (or a group leader's item facts). */
export async function kpiSums(
  db: DbOrTx,
  opts: { from: string; to: string; groupBy: KpiGroupBy; period: KpiPeriod; scope: KpiScope },
): Promise<KpiSums[]> {
  const { groupBy, period, from, to, scope } = opts;
  const byPeriod = groupBy === 'period';
  const trunc = sql`date_trunc(${period}, s.day::timestamp)`;
  const key = byPeriod ? sql`to_char(${trunc}, ${FORMAT[period]})` : sql`nullif(s.key, '')`;
  const start = byPeriod ? sql`min(${trunc}::date)::text` : sql`null::text`;
  const res = await db.execute(sql`with g as (
      select ${key} as key, ${start} as "bucketStart", ${sums}
      from ${source(scope, byPeriod ? 'all' : groupBy, from, to)} s group by 1 having sum(s.received) > 0
    )
    select g.*, ${labelOf(groupBy)} as label, false as "isTotal" from g
    ${groupBy === 'member' ? sql`union all select 'total', null, ${sums}, null, true from ${source(scope, 'all', from, to)} s` : sql``}`);
  const rows = res.rows as unknown as KpiSums[];
  // An item falls in exactly one group except by member, so the total is the sum of the groups (no second pass).
  return groupBy === 'member' ? rows : [...rows, sumRows(rows)];
}

const NUMERIC = [
  'received',
  'triaged',
  'accepted',
  'deptReplied',
  'onTime',
  'replied',
  'approved',
  'feedbackSent',
  'ratings',
  'satisfied',
] as const;

/** The total row of additive groups. */
export function sumRows(rows: KpiSums[]): KpiSums {
  const t: KpiSums = {
    key: 'total',
    label: null,
    bucketStart: null,
    isTotal: true,
    received: 0,
    triaged: 0,
    accepted: 0,
    deptReplied: 0,
    onTime: 0,
    replied: 0,
    approved: 0,
    feedbackSent: 0,
    ratings: 0,
    satisfied: 0,
    handlingDaysSum: null,
  };
  for (const r of rows) {
    for (const k of NUMERIC) t[k] += r[k];
    if (r.handlingDaysSum !== null) t.handlingDaysSum = (t.handlingDaysSum ?? 0) + r.handlingDaysSum;
  }
  return t;
}

/** One key's sums in one month ('YYYY-MM') of a dimension, as kpiSumsByMonth returns them. */
export type KpiMonthSums = KpiSums & { month: string };

/**
 * The sums per key and month of one dimension over whole months [from, to] (the 1st of a month to the last day of
 * one): the rollup rows themselves, or, for one township, the item facts of its items. For the public transparency
 * board; the same rows and sums as kpiSums, so a month's numbers equal the KPI table's for that month.
 */
export async function kpiSumsByMonth(
  db: DbOrTx,
  opts: { dim: 'department' | 'region'; from: string; to: string; townshipId?: number | null },
): Promise<KpiMonthSums[]> {
  const { dim, from, to } = opts;
  const days = sql`s.day between ${from}::date and ${to}::date`;
  const src = opts.townshipId
    ? factRows(dim, days, sql`s.township_id = ${opts.townshipId}`, sql`true`)
    : sql`select s.day, s.key, s.received, ${COUNTERS} from kpi_rollups s where s.dim = ${dim} and ${days}`;
  const res = await db.execute(sql`with g as (
      select nullif(s.key, '') as key, to_char(date_trunc('month', s.day::timestamp), 'YYYY-MM') as month, ${sums}
      from (${src}) s group by 1, 2 having sum(s.received) > 0
    )
    select g.*, null::text as "bucketStart", ${labelOf(dim)} as label, false as "isTotal" from g
    where g.key is not null order by g.key, g.month`);
  return res.rows as unknown as KpiMonthSums[];
}
