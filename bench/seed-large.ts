// Fills an empty database at 100× demo size with set-based INSERT … SELECT generate_series (seconds, not hours):
// 218 townships × 100 villages, 1,090 township departments, 12,000 members, 80,000 representatives, 150,000 activities.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';

/** The sizes; villages = townships × villagesPerTownship. */
export const LARGE = {
  townships: 218,
  villagesPerTownship: 100,
  departmentsPerTownship: 5,
  sectors: 30,
  members: 12_000,
  representatives: 80_000,
  activities: 150_000,
};

/** Runs the statements in order and returns the row counts, for the bench to print. */
export async function seedLarge(db: Db, log: (s: string) => void = () => {}): Promise<Record<string, number>> {
  const L = LARGE;
  const steps: Array<[string, ReturnType<typeof sql>]> = [
    ['seed', sql`select setseed(0.42)`],
    ['term', sql`insert into terms (number, name, start_date, is_current) values (10, '第十届', '2022-01-01', true)`],
    [
      'sectors',
      sql`insert into sectors (term_id, name, sort_order)
        select (select id from terms where number = 10), '界别' || s, s from generate_series(1, ${L.sectors}) s`,
    ],
    [
      'townships',
      sql`insert into regions (code, name, level)
        select '33' || lpad(t::text, 4, '0') || '000000', '第' || t || '镇', 'township' from generate_series(1, ${L.townships}) t`,
    ],
    [
      'villages',
      sql`insert into regions (code, name, level, parent_id)
        select '33' || lpad(t::text, 4, '0') || lpad(v::text, 6, '0'), r.name || v || '村', 'village', r.id
        from generate_series(1, ${L.townships}) t
        join regions r on r.code = '33' || lpad(t::text, 4, '0') || '000000'
        cross join generate_series(1, ${L.villagesPerTownship}) v`,
    ],
    [
      'groups',
      sql`insert into liaison_groups (name, township_id) select name || '联络组', id from regions where level = 'township'`,
    ],
    [
      'departments',
      sql`insert into departments (name, kind, township_id)
        select r.name || '部门' || d, 'township', r.id from regions r cross join generate_series(1, ${L.departmentsPerTownship}) d
        where r.level = 'township'`,
    ],
    // Index tables (k = 0-based position) so later statements pick "the k-th village" with a hash join.
    [
      'k_groups',
      sql`create temp table k_groups on commit drop as select row_number() over (order by id) - 1 as k, id, township_id from liaison_groups`,
    ],
    [
      'k_villages',
      sql`create temp table k_villages on commit drop as select row_number() over (order by code) - 1 as k, id from regions where level = 'village'`,
    ],
    [
      'k_depts',
      sql`create temp table k_depts on commit drop as select row_number() over (order by id) - 1 as k, id from departments`,
    ],
    [
      'k_sectors',
      sql`create temp table k_sectors on commit drop as select row_number() over (order by id) - 1 as k, id from sectors`,
    ],
    ['k_analyze', sql`analyze k_groups, k_villages, k_depts, k_sectors`],
    [
      'members',
      sql`insert into members (code, name, gender, political_status, work_unit, group_id)
        select 'B' || lpad(i::text, 6, '0'), '委员' || i, (1 + i % 2)::text, '13', '单位' || (i % 500), g.id
        from generate_series(0, ${L.members - 1}) i join k_groups g on g.k = i % ${L.townships}`,
    ],
    [
      'k_members',
      sql`create temp table k_members on commit drop as select row_number() over (order by code) - 1 as k, id from members`,
    ],
    ['k_members_analyze', sql`analyze k_members`],
    [
      'member_terms',
      sql`insert into member_terms (member_id, term_id, sector_id)
        select m.id, (select id from terms where number = 10), s.id from k_members m join k_sectors s on s.k = m.k % ${L.sectors}`,
    ],
    // Member k sits in group k % T and links villages 2j, 2j+1 of that township (j = k / T); every 10th links one.
    [
      'member_villages',
      sql`insert into member_villages (member_id, region_id)
        select distinct m.id, v.id from k_members m cross join generate_series(0, 1) o
        join k_villages v on v.k = (m.k % ${L.townships}) * ${L.villagesPerTownship} + ((m.k / ${L.townships}) * 2 + o) % ${L.villagesPerTownship}
        where o = 0 or (m.k / ${L.townships}) % 10 <> 0`,
    ],
    [
      'representatives',
      sql`insert into representatives (name, gender, birth_year, education, political_status, phone, region_id, department_id)
        select '代表' || i, (1 + i % 2)::text, 1950 + i % 50, '20', '13', '139' || lpad(i::text, 8, '0'),
          case when i % 20 = 0 then null else v.id end, case when i % 20 = 0 then d.id else null end
        from generate_series(0, ${L.representatives - 1}) i
        join k_villages v on v.k = (i * 7) % ${L.townships * L.villagesPerTownship}
        join k_depts d on d.k = abs(hashint4(i)) % ${L.townships * L.departmentsPerTownship}`,
    ],
    [
      'member_representatives',
      sql`insert into member_representatives (member_id, representative_id)
        select m.id, r.id from (select id, floor(random() * ${L.members})::int as k from representatives) r join k_members m on m.k = r.k`,
    ],
    // Activities over 2024-2026; 4 in 5 in one of the member's linked villages (alternating between the two).
    [
      'activities',
      sql`with src as (
          select i, m.id as member_id, (i % 4 = 0) as pair,
            case when i % 5 = 0 then rv.id else coalesce(
              (select mv.region_id from member_villages mv where mv.member_id = m.id order by mv.region_id offset (i / ${L.members}) % 2 limit 1),
              (select mv.region_id from member_villages mv where mv.member_id = m.id order by mv.region_id limit 1)) end as region_id
          from generate_series(0, ${L.activities - 1}) i join k_members m on m.k = (i * 7) % ${L.members}
          join k_villages rv on rv.k = (i * 13) % ${L.townships * L.villagesPerTownship}),
        ins as (insert into activities (client_id, date, region_id, methods, opinions, handling_status)
          select 'bench-' || i, date '2024-01-01' + (i % 1096), region_id, array['visit'], '群众反映第' || i || '条意见', 'done' from src
          returning id, client_id)
        insert into activity_members (activity_id, member_id)
        select ins.id, src.member_id from ins join src on ins.client_id = 'bench-' || src.i
        union all
        select ins.id, m2.id from ins join src on ins.client_id = 'bench-' || src.i
          join k_members m1 on m1.id = src.member_id join k_members m2 on m2.k = (m1.k + 1) % ${L.members} where src.pair`,
    ],
    [
      'activity_contacts',
      sql`insert into activity_contacts (activity_id, representative_id)
        select am.activity_id, min(mr.representative_id) from activity_members am
        join member_representatives mr on mr.member_id = am.member_id group by am.activity_id`,
    ],
  ];
  // One transaction: one connection (temp tables are per connection on a pool), dropped at commit.
  await db.transaction(async (tx) => {
    for (const [name, q] of steps) {
      const t0 = performance.now();
      await tx.execute(q);
      log(`  ${name.padEnd(24)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  });
  await db.execute(sql`analyze`);
  const counts: Record<string, number> = {};
  for (const t of [
    'regions',
    'members',
    'member_villages',
    'representatives',
    'member_representatives',
    'activities',
    'activity_members',
  ]) {
    counts[t] = Number(((await db.execute(sql.raw(`select count(*)::int as n from ${t}`))).rows[0] as any).n);
  }
  return counts;
}
