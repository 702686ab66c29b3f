// The facts the quota rules need, read with one set-based aggregate query per entity kind (never one query per entity).
// Only ids and counts travel per row; names of groups and townships come from one small lookup query.
import { type SQL, sql } from 'drizzle-orm';
import type { DateRange } from '../../../core/working-year.js';
import type { DbOrTx } from '../../db/client.js';

/** Scope conditions by column; null means "everything", so the planner aggregates without a filter. */
export interface FactFilters {
  /** condition on a member-id column */
  memberIn: (col: SQL) => SQL | null;
  /** condition on a township-id column (villages' parent, departments' township) */
  townshipIn: (col: SQL) => SQL | null;
  /** condition on liaison_groups alias g: which group rows the actor sees */
  groups: SQL;
}

/** A member's counts and, per linked village, the visits in the year. */
export interface MemberFactsRow {
  id: number;
  code: string;
  name: string;
  groupId: number | null;
  repCount: number;
  villageCount: number;
  /** [villageId, visits, villageName] per linked village */
  visits: Array<[number, number, string]>;
}

/** A village's counts. */
export interface VillageFactsRow {
  id: number;
  code: string;
  name: string;
  townshipId: number | null;
  repCount: number;
  linkedMemberCount: number;
}

/** A township department's count. */
export interface DepartmentFactsRow {
  id: number;
  name: string;
  townshipId: number | null;
  repCount: number;
}

/** A township with its liaison group (if any) and whether the actor sees the group's row. */
export interface TownshipRow {
  id: number;
  name: string;
  groupId: number | null;
  groupName: string | null;
  groupVisible: boolean;
}

const where = (...conds: Array<SQL | null>): SQL => {
  const xs = conds.filter((c): c is SQL => c !== null);
  return xs.length ? sql.join(xs, sql` and `) : sql`true`;
};
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Villages in scope as a condition on a village-id column (null: all). */
const villageIn = (f: FactFilters, col: SQL): SQL | null => {
  const t = f.townshipIn(sql`v.parent_id`);
  return t ? sql`${col} in (select v.id from regions v where v.level = 'village' and ${t})` : null;
};

/** Active members with representative count, village count and visits to each linked village within the year. */
export async function memberFacts(db: DbOrTx, f: FactFilters, year: DateRange): Promise<MemberFactsRow[]> {
  const res = await db.execute(sql`
    select m.id, m.code, m.name, m.group_id as "groupId",
      coalesce(rc.n, 0) as "repCount", coalesce(lk.n, 0) as "villageCount", coalesce(lk.visits, '[]'::json) as visits
    from members m
    left join (select mr.member_id, count(*)::int as n from member_representatives mr
      where ${where(f.memberIn(sql`mr.member_id`))} group by mr.member_id) rc on rc.member_id = m.id
    left join (
      select mv.member_id, count(*)::int as n,
        json_agg(json_build_array(mv.region_id, coalesce(vis.n, 0), r.name) order by r.code collate "C") as visits
      from member_villages mv join regions r on r.id = mv.region_id
      left join (select am.member_id, a.region_id, count(*)::int as n
          from activities a join activity_members am on am.activity_id = a.id
          where a.date >= ${year.from} and a.date <= ${year.to} and a.region_id is not null and ${where(f.memberIn(sql`am.member_id`))}
          group by am.member_id, a.region_id) vis on vis.member_id = mv.member_id and vis.region_id = mv.region_id
      where ${where(f.memberIn(sql`mv.member_id`))}
      group by mv.member_id) lk on lk.member_id = m.id
    where ${where(sql`m.active`, f.memberIn(sql`m.id`))}
    order by m.code collate "C"`);
  return (res.rows as any[]).map((r) => ({ ...r, visits: parseJson(r.visits) }));
}

/** Villages with their representative count and how many active members link them. */
export async function villageFacts(db: DbOrTx, f: FactFilters): Promise<VillageFactsRow[]> {
  const res = await db.execute(sql`
    select r.id, r.code, r.name, r.parent_id as "townshipId",
      coalesce(rc.n, 0) as "repCount", coalesce(lc.n, 0) as "linkedMemberCount"
    from regions r
    left join (select x.region_id, count(*)::int as n from representatives x
      where ${where(sql`x.region_id is not null`, villageIn(f, sql`x.region_id`))} group by x.region_id) rc on rc.region_id = r.id
    left join (select mv.region_id, count(*)::int as n from member_villages mv join members m on m.id = mv.member_id
      where ${where(sql`m.active`, villageIn(f, sql`mv.region_id`))} group by mv.region_id) lc on lc.region_id = r.id
    where ${where(sql`r.level = 'village'`, f.townshipIn(sql`r.parent_id`))}
    order by r.code collate "C"`);
  return res.rows as any[];
}

/** Township departments (乡机关部门) with their representative count; county departments carry no quota. */
export async function departmentFacts(db: DbOrTx, f: FactFilters): Promise<DepartmentFactsRow[]> {
  const t = f.townshipIn(sql`d.township_id`);
  const res = await db.execute(sql`
    select d.id, d.name, d.township_id as "townshipId", coalesce(rc.n, 0) as "repCount"
    from departments d
    left join (select x.department_id, count(*)::int as n from representatives x
      where ${where(sql`x.department_id is not null`, t ? sql`x.department_id in (select d.id from departments d where ${t})` : null)}
      group by x.department_id) rc on rc.department_id = d.id
    left join regions tw on tw.id = d.township_id
    where ${where(sql`d.kind = 'township'`, t)}
    order by tw.code collate "C" nulls last, d.name`);
  return res.rows as any[];
}

/** Every township with its group, in code order: names for the rows, and which group rows the actor sees. */
export async function townshipRows(db: DbOrTx, f: FactFilters): Promise<TownshipRow[]> {
  const res = await db.execute(sql`
    select t.id, t.name, g.id as "groupId", g.name as "groupName", coalesce(${f.groups}, false) as "groupVisible"
    from regions t left join liaison_groups g on g.township_id = t.id
    where t.level = 'township' order by t.code collate "C"`);
  return res.rows as any[];
}

/** Runs the fact queries in one read transaction with JIT off: these plans are cheap to run but costly to JIT-compile. */
export function withFactReader<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return fn(tx);
  });
}
