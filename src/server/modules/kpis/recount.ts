// The reference recount: the KPI table by one set-based scan over opinions and opinion_events (the query the report
// ran before the rollups). The report reads rollups (query.ts); tests and the bench compare them with this scan.
//
// Every measure is over the COHORT of items received in [from, to] (China dates, inclusive), merged duplicates
// left out (their originators live on in the target item); events count whenever they happened, up to now.
// The `ev` step reads events from `from` on only: an item's events never precede its receipt.
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
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type KpiScope, type KpiSums, labelOf, sumRows } from './query.js';
import type { KpiGroupBy, KpiPeriod } from './schema.js';

const china = (col: SQL) => sql`((${col} at time zone 'UTC') + interval '8 hours')`;
const FORMAT: Record<KpiPeriod, string> = { month: 'YYYY-MM', week: 'IYYY-"W"IW', quarter: 'YYYY-"Q"Q' };

/** The group key (text), the bucket start (periods only) and any join a dimension needs. */
function keyOf(groupBy: KpiGroupBy, period: KpiPeriod, memberScope: SQL): { key: SQL; start: SQL; join: SQL } {
  const none = sql`null::date`;
  switch (groupBy) {
    case 'period': {
      const trunc = sql`date_trunc(${period}, ${china(sql`f.received_at`)})`;
      return { key: sql`to_char(${trunc}, ${FORMAT[period]})`, start: sql`${trunc}::date`, join: sql`` };
    }
    case 'region':
      return {
        key: sql`coalesce(r.parent_id, r.id)::text`,
        start: none,
        join: sql`left join regions r on r.id = f.region_id`,
      };
    case 'category':
      return {
        key: sql`coalesce(c.parent_id, c.id)::text`,
        start: none,
        join: sql`left join opinion_categories c on c.id = f.category_id`,
      };
    case 'sector':
      return { key: sql`f.sector_id::text`, start: none, join: sql`` };
    case 'department':
      return { key: sql`f.lead_department_id::text`, start: none, join: sql`` };
    case 'channel':
      return { key: sql`f.channel`, start: none, join: sql`` };
    case 'member':
      return {
        key: sql`oo.member_id::text`,
        start: none,
        join: sql`join (select distinct opinion_id, member_id from opinion_originators
          where member_id is not null and ${memberScope}) oo on oo.opinion_id = f.id`,
      };
  }
}

const sums = sql`count(*)::int as received,
  count(*) filter (where triaged)::int as triaged,
  count(*) filter (where accepted)::int as accepted,
  count(*) filter (where dept_replied)::int as "deptReplied",
  count(*) filter (where on_time)::int as "onTime",
  count(*) filter (where replied and accepted)::int as replied,
  count(*) filter (where approved)::int as approved,
  count(*) filter (where approved and feedback_sent)::int as "feedbackSent",
  coalesce(sum(ratings), 0)::int as ratings,
  coalesce(sum(satisfied), 0)::int as satisfied,
  sum(handling_days) filter (where feedback_sent)::float8 as "handlingDaysSum"`;

/** The scope as conditions on opinions o (items) and on opinion_originators (members of a by-member table). */
function scopeSql(scope: KpiScope): { scope: SQL; memberScope: SQL } {
  if (scope.kind === 'all') return { scope: sql`true`, memberScope: sql`true` };
  const inGroup = sql`(select id from members where group_id = ${scope.groupId})`;
  return {
    scope: sql`exists (select 1 from opinion_originators p where p.opinion_id = o.id and p.member_id in ${inGroup})`,
    memberScope: sql`member_id in ${inGroup}`,
  };
}

/** The KPI sums by scanning every item received in the period and every event since its start. */
export async function recountKpiSums(
  db: DbOrTx,
  opts: { fromAt: Date; toAt: Date; groupBy: KpiGroupBy; period: KpiPeriod; scope: KpiScope },
): Promise<KpiSums[]> {
  const { scope, memberScope } = scopeSql(opts.scope);
  const k = keyOf(opts.groupBy, opts.period, memberScope);
  const res = await db.execute(sql`with base as (
      select o.id, o.received_at, o.region_id, o.sector_id, o.lead_department_id, o.channel, o.category_id,
        o.status, o.deadline
      from opinions o
      where o.status <> 'merged' and o.received_at >= ${opts.fromAt.toISOString()}::timestamptz
        and o.received_at < ${opts.toAt.toISOString()}::timestamptz and ${scope}
    ), ev as (
      select e.opinion_id,
        min(e.at) filter (where e.type = 'reply') as first_reply,
        bool_or(e.type in ('reply', 'reply_directly')) as replied,
        bool_or(e.type in ('approve_reply', 'reply_directly')) as approved,
        min(e.at) filter (where e.type = 'send_feedback') as first_feedback,
        count(*) filter (where e.type = 'rate') as ratings,
        count(*) filter (where e.type = 'rate' and e.payload->>'rating' in ('satisfied', 'basically_satisfied')) as satisfied
      from opinion_events e
      where e.type in ('reply', 'reply_directly', 'approve_reply', 'send_feedback', 'rate')
        and e.at >= ${opts.fromAt.toISOString()}::timestamptz
      group by e.opinion_id
    ), facts as (
      select b.*, b.status <> 'received' as triaged, b.status not in ('received', 'not_accepted') as accepted,
        coalesce(ev.replied, false) as replied,
        ev.first_reply is not null as dept_replied,
        coalesce(${china(sql`ev.first_reply`)}::date <= b.deadline, false) as on_time,
        coalesce(ev.approved, false) as approved,
        ev.first_feedback is not null as feedback_sent,
        extract(epoch from (ev.first_feedback - b.received_at)) / 86400.0 as handling_days,
        coalesce(ev.ratings, 0) as ratings, coalesce(ev.satisfied, 0) as satisfied
      from base b left join ev on ev.opinion_id = b.id
    ), g as (
      select ${k.key} as key, min(${k.start})::text as "bucketStart", ${sums} from facts f ${k.join} group by 1
    )
    select g.*, ${labelOf(opts.groupBy)} as label, false as "isTotal" from g
    ${opts.groupBy === 'member' ? sql`union all select 'total', null, ${sums}, null, true from facts` : sql``}`);
  const rows = res.rows as unknown as KpiSums[];
  // An item falls in exactly one group except by member, so the total is the sum of the groups (no second pass).
  return opts.groupBy === 'member' ? rows : [...rows, sumRows(rows)];
}
