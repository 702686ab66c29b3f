// KPI read latency, rollups against the full scan they replace, measured in one run: N items across 2026 with their
// events (and a member originator on 3 in 10) inserted set-based (generate_series), the rollups rebuilt once (what
// migration 0009's backfill does), then p95 of the year's table by month, department, township and member read from
// the rollups (kpiSums) and by the reference scan (recountKpiSums), and the ratio. Also a partial-range read and the
// cost of keeping the rollups current (refreshKpiItems of one item). PGlite: 100,000 items; with DATABASE_URL
// (PostgreSQL): 1,000,000. BENCH_ITEMS (or the first argument) sets the count; BENCH_RUNS / BENCH_SCAN_RUNS the samples.
// Usage: [BENCH_ITEMS=n] tsx bench/kpis.ts
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { type KpiSums, kpiSums } from '../src/server/modules/kpis/query.js';
import { recountKpiSums } from '../src/server/modules/kpis/recount.js';
import { rebuildKpiRollups, refreshKpiItems } from '../src/server/modules/kpis/rollups.js';
import type { KpiGroupBy } from '../src/server/modules/kpis/schema.js';
import { median, openBenchApp, since } from './bench-app.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? process.argv[2] ?? (process.env.DATABASE_URL ? 1_000_000 : 100_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SCAN_RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 5);
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
      'members',
      sql`insert into members (code, name, gender, political_status) select 'BM' || s, '委员' || s, '1', '13'
        from generate_series(1, 500) s`,
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
    [
      'originators',
      sql`insert into opinion_originators (opinion_id, kind, member_id)
        select o.id, 'member', (select min(id) from members) + o.id % 500 from opinions o where o.id % 10 < 3`,
    ],
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

/** The 95th percentile of a list of milliseconds. */
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length * 0.95) - 1)];
}

/** Times `runs` calls after one warm-up; returns the samples and the last result. */
async function time<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  let last = await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(since(t0));
  }
  return { ms, last };
}

const same = (a: KpiSums[], b: KpiSums[]) => {
  const k = (rows: KpiSums[]) =>
    rows
      .map((r) => `${r.isTotal}|${r.key}|${r.received}|${r.accepted}|${r.onTime}|${r.feedbackSent}|${r.satisfied}`)
      .sort()
      .join('\n');
  return k(a) === k(b);
};

async function main() {
  const bench = await openBenchApp();
  const db = bench.database.db;
  console.log(`kpis [${bench.label}]: seeding ${ITEMS.toLocaleString()} items…`);
  const t0 = performance.now();
  const counts = await seed(db, ITEMS);
  console.log(`  seeded in ${(since(t0) / 1000).toFixed(1)} s:`, counts);
  const t1 = performance.now();
  const built = await rebuildKpiRollups(db);
  console.log(
    `  rollups rebuilt (the migration backfill) in ${(since(t1) / 1000).toFixed(1)} s: ${built.items.toLocaleString()} item facts, ${built.rows.toLocaleString()} rollup rows`,
  );
  await db.execute(sql`analyze`);
  // Sizing (docs/OPERATIONS.md): the whole database's bytes per item, all tables and indexes included.
  if (bench.database.kind === 'postgres') {
    const size = Number(((await db.execute(sql`select pg_database_size(current_database()) as b`)).rows[0] as any).b);
    console.log(
      `  database size ${(size / 2 ** 30).toFixed(2)} GiB for ${ITEMS.toLocaleString()} items: ${((size / ITEMS) * 1e-3).toFixed(1)} kB per item (with its events, facts, rollups and the 100× registry)`,
    );
  }
  const year = { from: '2026-01-01', to: '2026-12-31', period: 'month' as const, scope: { kind: 'all' as const } };
  const fromAt = new Date('2026-01-01T00:00:00+08:00');
  const toAt = new Date('2027-01-01T00:00:00+08:00');
  const reads: [string, KpiGroupBy][] = [
    ['by month', 'period'],
    ['by department', 'department'],
    ['by township', 'region'],
    ['by member', 'member'],
  ];
  console.log(`  year 2026 table, p95 of ${RUNS} rollup reads and ${SCAN_RUNS} scans (after one warm-up each):`);
  for (const [label, groupBy] of reads) {
    const fast = await time(RUNS, () => kpiSums(db, { ...year, groupBy }));
    const slow = await time(SCAN_RUNS, () => recountKpiSums(db, { ...year, fromAt, toAt, groupBy }));
    const [f, s] = [p95(fast.ms), p95(slow.ms)];
    console.log(
      `    ${label.padEnd(14)} rollups p95 ${f.toFixed(1).padStart(6)} ms (median ${median(fast.ms).toFixed(1)})   scan p95 ${s.toFixed(0).padStart(6)} ms   scan/rollups ${(s / f).toFixed(0).padStart(4)}×   ${fast.last.length - 1} groups, same result: ${same(fast.last, slow.last) ? 'yes' : 'NO'}${f < 100 ? '' : '   (p95 ≥ 100 ms)'}`,
    );
  }
  const part = { ...year, from: '2026-02-10', to: '2026-05-20', groupBy: 'department' as const };
  const partial = await time(RUNS, () => kpiSums(db, part));
  console.log(
    `    partial range 02-10..05-20 by department (rollups + the facts of 2 partial months): p95 ${p95(partial.ms).toFixed(1)} ms (median ${median(partial.ms).toFixed(1)})`,
  );
  const ids = await db.execute(sql`select id from opinions order by random() limit ${RUNS}`);
  const list = (ids.rows as { id: number }[]).map((r) => r.id);
  let i = 0;
  const refresh = await time(RUNS - 1, () => db.transaction((tx) => refreshKpiItems(tx, [list[i++ % list.length]])));
  console.log(
    `  write cost: refreshKpiItems of one item (in a transaction): p95 ${p95(refresh.ms).toFixed(1)} ms (median ${median(refresh.ms).toFixed(1)})`,
  );
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
