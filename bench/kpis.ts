// KPI query latency: N items across 2026 with their events, inserted set-based (generate_series), then the year's
// KPI table grouped by month and by department, median of 3 runs each. PGlite: 100,000 items; with DATABASE_URL
// (PostgreSQL): 1,000,000, or the count given as the first argument. Usage: tsx bench/kpis.ts [items]
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/server/context.js';
import type { Db } from '../src/server/db/client.js';
import { kpiReport } from '../src/server/modules/kpis/service.js';
import { median, openBenchApp, since } from './bench-app.js';

const ITEMS = Number(process.argv[2] ?? (process.env.DATABASE_URL ? 1_000_000 : 100_000));
// Status by id % 10; departments handle 3,4,5,7,8,9; 6 is answered by the office.
const STATUS = `(array['received','not_accepted','accepted','forwarded','replied','reviewed','replied_directly',
  'feedback_sent','rated','closed'])[i % 10 + 1]`;
const CHANNELS = `(array['activity','web','box','phone','letter','email','petition','officer','reception','forum'])[i % 7 + 1]`;

/** Reference rows, items and events; returns the row counts. */
async function seed(db: Db, n: number) {
  const at = (expr: string) => sql.raw(expr);
  const steps: Array<[string, ReturnType<typeof sql>]> = [
    [
      'townships',
      sql`insert into regions (code, name, level) select '3305' || lpad(s::text, 3, '0') || '00000', '镇' || s, 'township'
        from generate_series(1, 20) s`,
    ],
    [
      'villages',
      sql`insert into regions (code, name, level, parent_id) select substr(t.code, 1, 7) || lpad(v::text, 5, '0'), t.name || '村' || v,
        'village', t.id from regions t cross join generate_series(1, 20) v where t.level = 'township'`,
    ],
    [
      'departments',
      sql`insert into departments (name, kind) select '单位' || s, 'county' from generate_series(1, 40) s`,
    ],
    [
      'categories',
      sql`insert into opinion_categories (name, sort_order) select '类别' || s, s from generate_series(1, 12) s`,
    ],
    [
      'opinions',
      sql`insert into opinions (tracking_code, title, content, channel, status, region_id, category_id,
          lead_department_id, deadline, received_at)
        select 'B' || i, '意见' || i, '内容', ${at(CHANNELS)}, ${at(STATUS)},
          (select min(id) from regions where level = 'village') + i % 400,
          (select min(id) from opinion_categories) + i % 12,
          case when i % 10 in (3,4,5,7,8,9) then (select min(id) from departments) + i % 40 end,
          case when i % 10 in (3,4,5,7,8,9) then ('2026-01-01'::timestamptz + ((i::bigint * 7919) % 31536000) * interval '1 second' + interval '21 days')::date end,
          '2026-01-01T00:00:00+08:00'::timestamptz + ((i::bigint * 7919) % 31536000) * interval '1 second'
        from generate_series(1, ${n}) i`,
    ],
    [
      'events',
      sql`insert into opinion_events (opinion_id, type, payload, actor_kind, at)
        select o.id, e.type, e.payload, 'user', o.received_at + e.after
        from opinions o cross join lateral (values
          ('accept', '{}'::jsonb, interval '2 hours', o.status not in ('received','not_accepted')),
          ('not_accept', '{"reason":"x"}'::jsonb, interval '3 hours', o.status = 'not_accepted'),
          ('forward', '{}'::jsonb, interval '1 day', o.lead_department_id is not null),
          ('reply', '{}'::jsonb, (o.id % 30) * interval '1 day', o.lead_department_id is not null and o.status <> 'forwarded'),
          ('approve_reply', '{}'::jsonb, interval '31 days', o.status in ('reviewed','feedback_sent','rated','closed')),
          ('reply_directly', '{}'::jsonb, interval '2 days', o.status = 'replied_directly'),
          ('send_feedback', '{}'::jsonb, interval '33 days', o.status in ('feedback_sent','rated','closed')),
          ('rate', jsonb_build_object('rating', (array['satisfied','basically_satisfied','unsatisfied'])[o.id % 3 + 1]),
            interval '35 days', o.status in ('rated','closed'))
        ) as e(type, payload, after, present) where e.present`,
    ],
    ['analyze', sql`analyze`],
  ];
  for (const [name, stmt] of steps) {
    const t0 = performance.now();
    await db.execute(stmt);
    console.log(`  ${name}: ${(since(t0) / 1000).toFixed(1)} s`);
  }
  const c = await db.execute(sql`select (select count(*) from opinions)::int as opinions,
    (select count(*) from opinion_events)::int as events`);
  return c.rows[0] as { opinions: number; events: number };
}

async function main() {
  const bench = await openBenchApp();
  const db = bench.database.db;
  console.log(`kpis [${bench.label}]: seeding ${ITEMS.toLocaleString()} items…`);
  const t0 = performance.now();
  const counts = await seed(db, ITEMS);
  console.log(`  seeded in ${(since(t0) / 1000).toFixed(1)} s:`, counts);
  const admin: Actor = {
    userId: 0,
    username: 'bench',
    displayName: 'bench',
    roles: ['admin'],
    memberId: null,
    groupId: null,
    townshipId: null,
    departmentId: null,
    via: 'session',
  };
  for (const groupBy of ['period', 'department'] as const) {
    const xs: number[] = [];
    let rows = 0;
    let received = 0;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      const r = await kpiReport(
        db,
        admin,
        { from: '2026-01-01', to: '2026-12-31', groupBy, period: 'month', format: 'json' },
        new Date(),
        'zh',
      );
      xs.push(since(s));
      rows = r.rows.length;
      received = r.total.received;
    }
    console.log(
      `  KPI year by ${groupBy === 'period' ? 'month' : groupBy}: median ${median(xs).toFixed(0)} ms of [${xs
        .map((x) => x.toFixed(0))
        .join(', ')}] — ${rows} groups, ${received.toLocaleString()} items counted`,
    );
  }
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
