// Scoring a year for 1,000 members over ~100 k records (activities, items, bulletin outcomes, reception days,
// proposals, manual entries): median time of the scores table (counts), of every member's lines with evidence
// (the close-year path) and of GET /scores, each against one plain aggregate query over the same rows.
// Usage: tsx bench/assessment.ts [runs]
import { sql } from 'drizzle-orm';
import { buildUser } from '../src/server/db/seed/factories.js';
import { findYear } from '../src/server/modules/assessments/access.js';
import { liveDetails, liveScores } from '../src/server/modules/assessments/compute.js';
import { median, openBenchApp, signIn, since } from './bench-app.js';

const RUNS = Number(process.argv[2] ?? 5);
const M = 1_000;

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(since(t0));
  }
  return median(xs);
}

const SEED = [
  sql`select setseed(0.17)`,
  sql`insert into terms (number, name, start_date, is_current) values (10, '第十届', '2022-01-01', true)`,
  sql`insert into sectors (term_id, name) select (select id from terms), '界别' || s from generate_series(1, 20) s`,
  sql`insert into regions (code, name, level) select '33' || lpad(t::text, 4, '0') || '000000', '第' || t || '镇', 'township' from generate_series(1, 20) t`,
  sql`insert into regions (code, name, level, parent_id) select '33' || lpad(t::text, 4, '0') || lpad(v::text, 6, '0'), '村' || t || '-' || v, 'village', r.id
    from generate_series(1, 20) t join regions r on r.code = '33' || lpad(t::text, 4, '0') || '000000' cross join generate_series(1, 10) v`,
  sql`insert into liaison_groups (name, township_id) select name || '联络组', id from regions where level = 'township'`,
  sql`insert into members (code, name, gender, political_status, group_id)
    select 'B' || lpad(i::text, 5, '0'), '委员' || i, '1', '13', (select id from liaison_groups order by id offset i % 20 limit 1) from generate_series(0, ${M - 1}) i`,
  sql`insert into member_terms (member_id, term_id, sector_id) select m.id, (select id from terms), (select id from sectors order by id offset m.id % 20 limit 1) from members m`,
  // 50,000 activities in 2026 (one member each, every 4th with a second), methods and purposes varied.
  sql`with ins as (insert into activities (client_id, date, region_id, methods, purposes)
      select 'b' || i, date '2026-01-01' + (i % 330), (select id from regions where level = 'village' order by id offset i % 200 limit 1),
        case when i % 3 = 0 then array['visit'] else array['talk'] end,
        array[(array['research', 'training', 'experience', 'pairing', 'policy'])[1 + i % 5]]
      from generate_series(0, 49999) i returning id, client_id)
    insert into activity_members (activity_id, member_id)
      select ins.id, (select min(id) from members) + (substr(client_id, 2)::int * 7) % ${M} from ins
      union all select ins.id, (select min(id) from members) + (substr(client_id, 2)::int * 7 + 1) % ${M} from ins where substr(client_id, 2)::int % 4 = 0`,
  // 30,000 items with one member originator each.
  sql`with ins as (insert into opinions (tracking_code, title, content, channel, status, received_at)
      select 'B' || i, '意见' || i, '内容', 'activity', (array['accepted','feedback_sent','closed','merged','not_accepted'])[1 + i % 5],
        timestamptz '2026-01-01 00:00+00' + (i % 320) * interval '1 day' from generate_series(0, 29999) i returning id, tracking_code)
    insert into opinion_originators (opinion_id, kind, member_id)
      select id, 'member', (select min(id) from members) + (substr(tracking_code, 2)::int * 13) % ${M} from ins`,
  // 3,000 bulletins of one item each with an adoption or 批示.
  sql`insert into bulletins (year, number, title, body, status) select 2026, i, '刊物' || i, '正文', 'issued' from generate_series(1, 3000) i`,
  sql`insert into bulletin_items (bulletin_id, opinion_id) select b.id, (select min(id) from opinions) + b.number * 7 from bulletins b`,
  sql`insert into bulletin_outcomes (bulletin_id, kind, level, date) select id, case when number % 4 = 0 then 'instruction' else 'adoption' end,
    case when number % 4 = 0 then null else (array['county','city','province'])[1 + number % 3] end, date '2026-02-01' + number % 280 from bulletins`,
  // 3,000 held reception days with two members each; 4,000 proposals; 7,000 manual entries (after the scheme).
  sql`with ins as (insert into reception_days (title, date, place, status) select '接待日' || i, date '2026-01-05' + i % 300, '县政协', 'held'
      from generate_series(1, 3000) i returning id)
    insert into reception_day_members (reception_day_id, member_id) select id, (select min(id) from members) + id % ${M} from ins
      union all select id, (select min(id) from members) + (id + 500) % ${M} from ins`,
  sql`insert into proposals (year, title, content, proposer_member_id, status)
    select 2026, '提案' || i, '内容', (select min(id) from members) + i % ${M}, (array['submitted','registered','assigned','replied','draft'])[1 + i % 5]
    from generate_series(1, 4000) i`,
  sql`insert into assessment_years (year, scheme_name, full_marks, base_score, talk_threshold) values (2026, '基准方案', 120, 60, 72)`,
  sql`insert into assessment_rules (year, sort_order, name, source, points, cap, is_deduction)
    select 2026, n, s, s, 1, case when n % 2 = 0 then 10 else null end, s = 'absences'
    from unnest(array['activities','village_visits','research','opinions_submitted','adopted_county','adopted_city','adopted_province',
      'adopted_national','instructions','reception_days','proposals_filed','proposals_accepted','meetings','training',
      'experience_reports','pairing','absences','manual']) with ordinality as x(s, n)`,
  sql`insert into assessment_entries (year, rule_id, member_id, date, quantity, evidence)
    select 2026, (select id from assessment_rules where source = (array['meetings','training','absences','manual'])[1 + i % 4]),
      (select min(id) from members) + i % ${M}, date '2026-03-01' + i % 200, 1, '签到表' from generate_series(1, 7000) i`,
  sql`analyze`,
];

const PLAIN = sql`select member_id, count(*) from (
    select am.member_id from activity_members am join activities a on a.id = am.activity_id where a.date between '2026-01-01' and '2026-12-31'
    union all select oo.member_id from opinion_originators oo join opinions o on o.id = oo.opinion_id where oo.member_id is not null
    union all select oo.member_id from bulletin_outcomes bo join bulletin_items bi on bi.bulletin_id = bo.bulletin_id
      join opinion_originators oo on oo.opinion_id = bi.opinion_id
    union all select member_id from reception_day_members
    union all select proposer_member_id from proposals where year = 2026
    union all select member_id from assessment_entries where year = 2026) s group by member_id`;

async function main() {
  const bench = await openBenchApp();
  const { app, database } = bench;
  const db = database.db;
  console.log(`assessment [${bench.label}]: seeding ${M} members and ~100 k records…`);
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    for (const q of SEED) await tx.execute(q);
  });
  const counts = (
    await db.execute(sql`select (select count(*) from activity_members)::int as activity_members,
      (select count(*) from opinion_originators)::int as originators, (select count(*) from bulletin_outcomes)::int as outcomes,
      (select count(*) from reception_day_members)::int as reception, (select count(*) from proposals)::int as proposals,
      (select count(*) from assessment_entries)::int as entries`)
  ).rows[0] as Record<string, number>;
  const total = Object.values(counts).reduce((s, n) => s + Number(n), 0);
  console.log(`  seeded in ${(since(t0) / 1000).toFixed(1)} s: ${total} records`, counts);
  await buildUser(db, { username: 'admin', displayName: '办公室', roles: ['admin'] });
  const headers = await signIn(app, 'admin');
  const y = (await findYear(db, 2026))!;

  const plain = await timeIt(() => db.execute(PLAIN));
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['liveScores (table: counts per source)', () => liveScores(db, y)],
    ['liveDetails (every line with evidence)', () => liveDetails(db, y, null)],
    [
      'GET /assessments/2026/scores (admin)',
      async () => {
        const res = await app.inject({ method: 'GET', url: '/api/v1/assessments/2026/scores', headers });
        if (res.statusCode !== 200) throw new Error(res.body);
      },
    ],
  ];
  console.log(`\n  median of ${RUNS} runs (after 1 warm-up):`);
  console.log(`  ${'plain aggregate over the same rows'.padEnd(44)} ${plain.toFixed(0).padStart(6)} ms`);
  for (const [label, fn] of cases) {
    const ms = await timeIt(fn);
    console.log(
      `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ×${(ms / plain).toFixed(1)} of the plain query`,
    );
  }
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
