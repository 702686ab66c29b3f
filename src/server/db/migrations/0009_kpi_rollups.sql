CREATE TABLE "kpi_item_facts" (
	"opinion_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"township_id" integer,
	"category_id" integer,
	"sector_id" integer,
	"department_id" integer,
	"channel" text NOT NULL,
	"member_ids" integer[] NOT NULL,
	"triaged" integer NOT NULL,
	"accepted" integer NOT NULL,
	"dept_replied" integer NOT NULL,
	"on_time" integer NOT NULL,
	"replied" integer NOT NULL,
	"approved" integer NOT NULL,
	"feedback_sent" integer NOT NULL,
	"ratings" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"handled" integer NOT NULL,
	"handling_us" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_rollups" (
	"dim" text NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"received" integer NOT NULL,
	"triaged" integer NOT NULL,
	"accepted" integer NOT NULL,
	"dept_replied" integer NOT NULL,
	"on_time" integer NOT NULL,
	"replied" integer NOT NULL,
	"approved" integer NOT NULL,
	"feedback_sent" integer NOT NULL,
	"ratings" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"handled" integer NOT NULL,
	"handling_us" bigint NOT NULL,
	CONSTRAINT "kpi_rollups_dim_day_key_pk" PRIMARY KEY("dim","day","key"),
	CONSTRAINT "kpi_rollups_dim_ck" CHECK ("kpi_rollups"."dim" in ('all','region','category','sector','department','channel','member'))
);
--> statement-breakpoint
CREATE INDEX "kpi_item_facts_day_idx" ON "kpi_item_facts" USING btree ("day");
--> statement-breakpoint
-- Backfill: every existing item's facts and the rollups summed from them (the statements of rebuildKpiRollups).
insert into kpi_item_facts (opinion_id, day, township_id, category_id, sector_id, department_id, channel, member_ids, triaged, accepted, dept_replied, on_time, replied, approved, feedback_sent, ratings, satisfied, handled, handling_us) with ev as (
      select e.opinion_id,
        min(e.at) filter (where e.type = 'reply') as first_reply,
        bool_or(e.type in ('reply', 'reply_directly')) as replied,
        bool_or(e.type in ('approve_reply', 'reply_directly')) as approved,
        min(e.at) filter (where e.type = 'send_feedback') as first_feedback,
        count(*) filter (where e.type = 'rate') as ratings,
        count(*) filter (where e.type = 'rate' and e.payload->>'rating' in ('satisfied', 'basically_satisfied')) as satisfied
      from opinion_events e
      where e.type in ('reply', 'reply_directly', 'approve_reply', 'send_feedback', 'rate') and true
      group by e.opinion_id
    ), mem as (
      select p.opinion_id, array_agg(distinct p.member_id order by p.member_id) as member_ids
      from opinion_originators p where p.member_id is not null and true
      group by p.opinion_id
    ), base as (
      select o.id, o.received_at, o.region_id, o.category_id, o.sector_id, o.lead_department_id, o.channel,
        o.deadline, o.status <> 'received' as triaged, o.status not in ('received', 'not_accepted') as accepted
      from opinions o where o.status <> 'merged' and true
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
    left join mem on mem.opinion_id = b.id;
--> statement-breakpoint
insert into kpi_rollups (dim, day, key, received, triaged, accepted, dept_replied, on_time, replied, approved, feedback_sent, ratings, satisfied, handled, handling_us) select d.dim, d.day, d.key, sum(f.sign)::int as received, sum(f.sign * f.triaged)::int as triaged, sum(f.sign * f.accepted)::int as accepted, sum(f.sign * f.dept_replied)::int as dept_replied, sum(f.sign * f.on_time)::int as on_time, sum(f.sign * f.replied)::int as replied, sum(f.sign * f.approved)::int as approved, sum(f.sign * f.feedback_sent)::int as feedback_sent, sum(f.sign * f.ratings)::int as ratings, sum(f.sign * f.satisfied)::int as satisfied, sum(f.sign * f.handled)::int as handled, sum(f.sign * f.handling_us)::bigint as handling_us
    from (select 1 as sign, * from kpi_item_facts) f
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
    having sum(f.sign) <> 0 or sum(f.sign * f.triaged) <> 0 or sum(f.sign * f.accepted) <> 0 or sum(f.sign * f.dept_replied) <> 0 or sum(f.sign * f.on_time) <> 0 or sum(f.sign * f.replied) <> 0 or sum(f.sign * f.approved) <> 0 or sum(f.sign * f.feedback_sent) <> 0 or sum(f.sign * f.ratings) <> 0 or sum(f.sign * f.satisfied) <> 0 or sum(f.sign * f.handled) <> 0 or sum(f.sign * f.handling_us) <> 0;
