// KPI rollups: what each 社情民意 item adds to the KPI table, kept current in the transaction of every write.
//
// kpi_item_facts holds, per counted item (status not merged), its China receipt date, its dimension keys (township,
// top-level category, sector, lead department, channel, originating members) and 0/1 counters computed by the rules
// of recount.ts. kpi_rollups holds the sums of those counters per dimension × period × key ('' for none): dim 'all'
// per China day (any period unit, any range), the others per month (a range's partial months are read from the facts,
// query.ts), so a year's table reads a few hundred to a few thousand rows. Every write that changes an item, its events or its originators calls
// refreshKpiItems(tx, ids) afterwards: it recomputes those items' facts from their rows (index lookups, never a scan
// of all events), upserts the difference to the stored facts into kpi_rollups (n = n + excluded.n) and stores the new
// facts. A delete of an item is the same call after the delete (its facts are subtracted and dropped).
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';

/** The counters of a facts row and of a rollup row (a rollup row also has `received`). */
export const KPI_COUNTERS = [
  'triaged',
  'accepted',
  'dept_replied',
  'on_time',
  'replied',
  'approved',
  'feedback_sent',
  'ratings',
  'satisfied',
  'handled',
  'handling_us',
] as const;

const FACT_COLUMNS = [
  'opinion_id',
  'day',
  'township_id',
  'category_id',
  'sector_id',
  'department_id',
  'channel',
  'member_ids',
  ...KPI_COUNTERS,
] as const;
const ROLLUP_COLUMNS = ['dim', 'day', 'key', 'received', ...KPI_COUNTERS] as const;

const list = (cols: readonly string[], prefix = '') => sql.raw(cols.map((c) => `${prefix}${c}`).join(', '));

/**
 * The facts of the items in `ids` (a parenthesized id list or subquery; null = every item), one row per item that
 * is counted, in FACT_COLUMNS order. The cohort and counter rules are those of recount.ts (the reference scan).
 */
export function factsSelect(ids: SQL | null): SQL {
  const only = (col: string) => (ids ? sql`${sql.raw(col)} in ${ids}` : sql`true`);
  return sql`with ev as (
      select e.opinion_id,
        min(e.at) filter (where e.type = 'reply') as first_reply,
        bool_or(e.type in ('reply', 'reply_directly')) as replied,
        bool_or(e.type in ('approve_reply', 'reply_directly')) as approved,
        min(e.at) filter (where e.type = 'send_feedback') as first_feedback,
        count(*) filter (where e.type = 'rate') as ratings,
        count(*) filter (where e.type = 'rate' and e.payload->>'rating' in ('satisfied', 'basically_satisfied')) as satisfied
      from opinion_events e
      where e.type in ('reply', 'reply_directly', 'approve_reply', 'send_feedback', 'rate') and ${only('e.opinion_id')}
      group by e.opinion_id
    ), mem as (
      select p.opinion_id, array_agg(distinct p.member_id order by p.member_id) as member_ids
      from opinion_originators p where p.member_id is not null and ${only('p.opinion_id')}
      group by p.opinion_id
    ), base as (
      select o.id, o.received_at, o.region_id, o.category_id, o.sector_id, o.lead_department_id, o.channel,
        o.deadline, o.status <> 'received' as triaged, o.status not in ('received', 'not_accepted') as accepted
      from opinions o where o.status <> 'merged' and ${only('o.id')}
    )
    select b.id as opinion_id,
      ((b.received_at at time zone 'UTC') + interval '8 hours')::date as day,
      coalesce(r.parent_id, r.id) as township_id,
      coalesce(c.parent_id, c.id) as category_id,
      b.sector_id, b.lead_department_id as department_id, b.channel,
      coalesce(mem.member_ids, '{}'::int[]) as member_ids,
      b.triaged::int as triaged,
      b.accepted::int as accepted,
      (ev.first_reply is not null)::int as dept_replied,
      coalesce(((ev.first_reply at time zone 'UTC') + interval '8 hours')::date <= b.deadline, false)::int as on_time,
      (coalesce(ev.replied, false) and b.accepted)::int as replied,
      coalesce(ev.approved, false)::int as approved,
      (coalesce(ev.approved, false) and ev.first_feedback is not null)::int as feedback_sent,
      coalesce(ev.ratings, 0)::int as ratings,
      coalesce(ev.satisfied, 0)::int as satisfied,
      (ev.first_feedback is not null)::int as handled,
      coalesce(round(extract(epoch from (ev.first_feedback - b.received_at)) * 1000000), 0)::bigint as handling_us
    from base b
    left join regions r on r.id = b.region_id
    left join opinion_categories c on c.id = b.category_id
    left join ev on ev.opinion_id = b.id
    left join mem on mem.opinion_id = b.id`;
}

/**
 * Rollup rows from a relation of facts rows with a `sign` column (+1 adds an item, -1 takes it away): one row per
 * dimension the item counts in — dim 'all' on its day, the others on the 1st of its month — summed per (dim, day,
 * key); rows whose every counter nets to 0 are left out.
 */
export function rollupCells(source: SQL): SQL {
  const counters = KPI_COUNTERS.map(
    (c) => sql`sum(f.sign * f.${sql.raw(c)})::${sql.raw(c === 'handling_us' ? 'bigint' : 'int')} as ${sql.raw(c)}`,
  );
  const nonzero = [sql`sum(f.sign) <> 0`, ...KPI_COUNTERS.map((c) => sql`sum(f.sign * f.${sql.raw(c)}) <> 0`)];
  return sql`select d.dim, d.day, d.key, sum(f.sign)::int as received, ${sql.join(counters, sql`, `)}
    from ${source} f
    cross join lateral (select date_trunc('month', f.day)::date as month) mo
    cross join lateral (
      select 'all'::text as dim, f.day as day, ''::text as key
      union all select 'region', mo.month, coalesce(f.township_id::text, '')
      union all select 'category', mo.month, coalesce(f.category_id::text, '')
      union all select 'sector', mo.month, coalesce(f.sector_id::text, '')
      union all select 'department', mo.month, coalesce(f.department_id::text, '')
      union all select 'channel', mo.month, f.channel
      union all select 'member', mo.month, m::text from unnest(f.member_ids) m
    ) d
    group by d.dim, d.day, d.key
    having ${sql.join(nonzero, sql` or `)}`;
}

/**
 * The CTEs that add the items just inserted by a CTE named `ins` to the KPI tables, in the inserting statement itself.
 * Such an item is received and has no events beyond its receipt, so by factsSelect's rules every counter is 0; its
 * facts are read from RETURNING (a statement cannot see its own rows), so `ins` returns id, received_at, region_id,
 * category_id, channel and, when `sector` reads it, sector_id. `memberIds`: the item's member originators, an
 * int[] ordered by id. The citizen form and the office's intake use it; their tests compare the result with a full
 * rebuild.
 */
export function newItemKpiCtes(memberIds: SQL, sector: SQL = sql`null::int`): SQL {
  const zeros = sql.raw(KPI_COUNTERS.map((k) => `0::${k === 'handling_us' ? 'bigint' : 'int'} as ${k}`).join(', '));
  const updates = sql.raw(
    ['received', ...KPI_COUNTERS].map((c) => `${c} = kpi_rollups.${c} + excluded.${c}`).join(', '),
  );
  return sql`kf as (select ins.id as opinion_id, ((ins.received_at at time zone 'UTC') + interval '8 hours')::date as day,
      coalesce(r.parent_id, r.id) as township_id, coalesce(c.parent_id, c.id) as category_id,
      ${sector} as sector_id, null::int as department_id, ins.channel, ${memberIds} as member_ids, ${zeros}
    from ins left join regions r on r.id = ins.region_id left join opinion_categories c on c.id = ins.category_id),
    kfi as (insert into kpi_item_facts (${list(FACT_COLUMNS)}) select ${list(FACT_COLUMNS)} from kf),
    kr as (insert into kpi_rollups (${list(ROLLUP_COLUMNS)}) select ${list(ROLLUP_COLUMNS)}
      from (${rollupCells(sql`(select 1 as sign, * from kf)`)}) cells order by dim, day, key
      on conflict (dim, day, key) do update set ${updates})`;
}

// A list of ids is one array parameter, so the statements keep one text whatever the list's length (they run as
// named prepared statements: planned once per connection); a subquery is inlined.
const idSet = (ids: readonly number[] | SQL): SQL | null =>
  Array.isArray(ids)
    ? ids.length
      ? sql`(select unnest(${`{${ids.map((i) => Math.trunc(i)).join(',')}}`}::int[]))`
      : null
    : sql`(${ids})`;

/**
 * Brings the rollups up to date for items whose rows changed in this transaction: call it after the write, in the
 * same transaction. `ids` is a list of item ids or a subquery selecting them (e.g. the items of a moved village).
 */
export async function refreshKpiItems(tx: DbOrTx, ids: readonly number[] | SQL): Promise<void> {
  const set = idSet(ids);
  if (!set) return;
  // Lock the stored facts first, in a statement of its own: a concurrent refresh of the same item then waits, and the
  // next statement's snapshot includes what that transaction committed, so the difference is taken from the truth.
  // A list's statements are prepared by name (the refresh runs in every transition); a subquery's text varies.
  const run = Array.isArray(ids) ? (q: SQL) => executePrepared(tx, q) : (q: SQL) => tx.execute(q);
  await run(sql`select opinion_id from kpi_item_facts where opinion_id in ${set} order by opinion_id for update`);
  const updates = KPI_COUNTERS.map((c) => sql.raw(`${c} = kpi_rollups.${c} + excluded.${c}`));
  const factUpdates = FACT_COLUMNS.slice(1).map((c) => sql.raw(`${c} = excluded.${c}`));
  await run(sql`with new as (${factsSelect(set)}),
    old as (select * from kpi_item_facts where opinion_id in ${set}),
    signed as (select -1 as sign, ${list(FACT_COLUMNS)} from old union all select 1, ${list(FACT_COLUMNS)} from new),
    delta as (${rollupCells(sql`signed`)}),
    up as (insert into kpi_rollups (${list(ROLLUP_COLUMNS)}) select ${list(ROLLUP_COLUMNS)} from delta
      order by dim, day, key
      on conflict (dim, day, key) do update set received = kpi_rollups.received + excluded.received,
        ${sql.join(updates, sql`, `)}),
    gone as (delete from kpi_item_facts where opinion_id in ${set}
      and opinion_id not in (select opinion_id from new)),
    put as (insert into kpi_item_facts (${list(FACT_COLUMNS)}) select ${list(FACT_COLUMNS)} from new
      on conflict (opinion_id) do update set ${sql.join(factUpdates, sql`, `)})
    select 1`);
}

/**
 * Recounts every item's facts and every rollup row from the items and events (the backfill of migration 0009 runs
 * the same two inserts); for `jielian kpi-rebuild` after a change of the KPI rules, and for the tests.
 */
export async function rebuildKpiRollups(db: DbOrTx): Promise<{ items: number; rows: number }> {
  return db.transaction(async (tx) => {
    // Writers wait (their refresh then takes its difference from the rebuilt facts); readers go on.
    await tx.execute(sql`lock table kpi_item_facts, kpi_rollups in exclusive mode`);
    await tx.execute(sql`delete from kpi_rollups`);
    await tx.execute(sql`delete from kpi_item_facts`);
    await tx.execute(sql`insert into kpi_item_facts (${list(FACT_COLUMNS)}) ${factsSelect(null)}`);
    await tx.execute(sql`insert into kpi_rollups (${list(ROLLUP_COLUMNS)})
      ${rollupCells(sql`(select 1 as sign, * from kpi_item_facts)`)}`);
    const res = await tx.execute(sql`select (select count(*) from kpi_item_facts)::int as items,
      (select count(*) from kpi_rollups)::int as rows`);
    return res.rows[0] as { items: number; rows: number };
  });
}
