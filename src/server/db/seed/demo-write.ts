// Writes a demo plan in a few hundred rows per statement, turning plan indexes into database ids as it goes.
import { inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../core/code-lists.js';
import { DEFAULT_QUOTAS } from '../../../core/quotas.js';
import { writeAudit } from '../../audit.js';
import type { DbOrTx } from '../client.js';
import {
  activities,
  activityContacts,
  activityMembers,
  departments,
  liaisonGroups,
  memberRepresentatives,
  members,
  memberTerms,
  memberVillages,
  regions,
  representatives,
  sectors,
  settings,
  terms,
  users,
} from '../schema.js';
import { seedOpinionCategories } from './demo-categories.js';
import type { PlannedOpinion } from './demo-opinions-plan.js';
import { COUNTY_DEPARTMENTS } from './demo-opinions-rules.js';
import { countOpinionRows, type RowWriter, writeOpinions } from './demo-opinions-write.js';
import type { PlannedActivity } from './demo-plan-activities.js';
import type { RegistryPlan } from './demo-plan-registry.js';
import type { PlannedRep } from './demo-plan-reps.js';
import { SECTOR_PROFILES } from './demo-profiles.js';

/** A login of the demo: a member login points at a plan member, an officer at a township. */
export interface PlannedUser {
  username: string;
  displayName: string;
  roles: Role[];
  member?: number;
  township?: number;
  /** A county department's name, for department handlers. */
  department?: string;
}

/** Everything the demo writes. */
export interface DemoPlan {
  registry: RegistryPlan;
  reps: PlannedRep[];
  activities: PlannedActivity[];
  users: PlannedUser[];
  opinions: PlannedOpinion[];
}

/** The two terms: the current 第十届 and the closed 第九届 with the same sectors, so history exists. */
export const DEMO_TERMS = [
  { number: 9, name: '第九届', startDate: '2017-01-01', endDate: '2021-12-31', isCurrent: false },
  { number: 10, name: '第十届', startDate: '2022-01-01', endDate: null, isCurrent: true },
] as const;

const BATCH = 400;

/** Progress callback: rows written so far and rows in all. */
export type Progress = (done: number, total: number) => void;

/** Row counts by table, for progress and the audit entry. */
export function countRows(plan: DemoPlan) {
  const r = plan.registry;
  const sectorRows = SECTOR_PROFILES.reduce((s, p) => s + 1 + (p.subgroups?.length ?? 0), 0) * DEMO_TERMS.length;
  return {
    terms: DEMO_TERMS.length,
    sectors: sectorRows,
    regions: r.townships.length + r.villages.size,
    liaisonGroups: r.townships.length,
    departments: r.departments.length + COUNTY_DEPARTMENTS.length,
    members: r.members.length,
    memberTerms: r.members.reduce((s, m) => s + (m.previousSector ? 2 : 1), 0),
    memberVillages: r.members.reduce((s, m) => s + m.villageCodes.length, 0),
    representatives: plan.reps.length,
    memberRepresentatives: plan.reps.reduce((s, x) => s + x.members.length, 0),
    users: plan.users.length,
    activities: plan.activities.length,
    activityMembers: plan.activities.reduce((s, a) => s + a.members.length, 0),
    activityContacts: plan.activities.reduce((s, a) => s + a.contacts.length, 0),
    ...countOpinionRows(plan.opinions),
  };
}

type Tick = (rows: number) => void;

/** Batched inserts that return ids in input order, checked against a key column (PostgreSQL keeps VALUES order). */
function writer(tx: DbOrTx, tick: Tick): RowWriter {
  async function ids(table: any, rows: any[], key?: string): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const got = (await tx
        .insert(table)
        .values(chunk)
        .returning({ id: table.id, ...(key ? { key: table[key] } : {}) })) as { id: number; key?: unknown }[];
      if (got.length !== chunk.length || (key && got.some((g, j) => g.key !== chunk[j][key])))
        throw new Error('demo seed: RETURNING rows differ from the rows inserted');
      out.push(...got.map((g) => g.id));
      tick(chunk.length);
    }
    return out;
  }
  async function links(table: any, rows: any[], batch = BATCH): Promise<void> {
    for (let i = 0; i < rows.length; i += batch) {
      await tx.insert(table).values(rows.slice(i, i + batch));
      tick(Math.min(batch, rows.length - i));
    }
  }
  return { ids, links, tick };
}

/** Writes the plan; call inside one transaction so a failure leaves nothing behind. */
export async function writePlan(tx: DbOrTx, plan: DemoPlan, passwordHash: string, onProgress?: Progress) {
  const counts = countRows(plan);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  let done = 0;
  const tick: Tick = (n) => {
    done += n;
    onProgress?.(done, total);
  };
  const w = writer(tx, tick);
  const r = plan.registry;

  // Terms and sectors. seed-demo --force may run where the terms already exist: reuse them.
  const termRows = await tx
    .insert(terms)
    .values([...DEMO_TERMS])
    .onConflictDoUpdate({ target: terms.number, set: { name: sql`excluded.name` } })
    .returning({ id: terms.id, number: terms.number });
  tick(termRows.length);
  const sectorId = new Map<string, number>(); // `${termNumber}:${name}`
  for (const t of termRows) {
    const top = SECTOR_PROFILES.map((p, i) => ({ termId: t.id, name: p.name, sortOrder: i + 1 }));
    for (const [i, id] of (await w.ids(sectors, top)).entries()) sectorId.set(`${t.number}:${top[i].name}`, id);
    const subs = SECTOR_PROFILES.flatMap((p) =>
      (p.subgroups ?? []).map((name, i) => ({
        termId: t.id,
        parentId: sectorId.get(`${t.number}:${p.name}`)!,
        name,
        sortOrder: i + 1,
      })),
    );
    for (const [i, id] of (await w.ids(sectors, subs)).entries()) sectorId.set(`${t.number}:${subs[i].name}`, id);
  }

  // Regions, liaison groups, township offices.
  const townshipIds = await w.ids(
    regions,
    r.townships.map((t) => t.values),
    'code',
  );
  const villageRows = [...r.villages.values()].map((v) => ({ ...v.values, parentId: townshipIds[v.township] }));
  const villageIds = await w.ids(regions, villageRows, 'code');
  const regionId = new Map(villageRows.map((v, i) => [v.code, villageIds[i]]));
  const groupIds = await w.ids(
    liaisonGroups,
    r.townships.map((t, ti) => ({ name: t.groupName, townshipId: townshipIds[ti] })),
    'name',
  );
  const deptRows = r.departments.map((d) => ({ name: d.name, kind: 'township', townshipId: townshipIds[d.township] }));
  const deptIds = await w.ids(departments, deptRows, 'name');
  // County departments the office may already have entered (seed-demo --force) are reused by name.
  const found = await tx.execute(sql`select id, name from departments where township_id is null`);
  const countyDept = new Map((found.rows as { id: number; name: string }[]).map((d) => [d.name, d.id]));
  const countyRows = COUNTY_DEPARTMENTS.filter((name) => !countyDept.has(name)).map((name) => ({
    name,
    kind: 'county',
  }));
  for (const [i, id] of (await w.ids(departments, countyRows, 'name')).entries())
    countyDept.set(countyRows[i].name, id);
  tick(COUNTY_DEPARTMENTS.length - countyRows.length);

  // Members with their terms, villages and group leadership.
  const memberIds = await w.ids(
    members,
    r.members.map((m) => ({ ...m.values, groupId: groupIds[m.township] })),
    'code',
  );
  const [prev, cur] = [...termRows].sort((a, b) => a.number - b.number);
  const termOf = (term: typeof cur, memberId: number, sector: string) => ({
    memberId,
    termId: term.id,
    sectorId: sectorId.get(`${term.number}:${sector}`)!,
  });
  await w.links(
    memberTerms,
    r.members.flatMap((m, mi) => [
      termOf(cur, memberIds[mi], m.sector),
      ...(m.previousSector ? [termOf(prev, memberIds[mi], m.previousSector)] : []),
    ]),
  );
  await w.links(
    memberVillages,
    r.members.flatMap((m, mi) =>
      m.villageCodes.map((code) => ({ memberId: memberIds[mi], regionId: regionId.get(code)! })),
    ),
  );
  for (const [ti, gid] of groupIds.entries()) {
    const leader = r.members.findIndex((m) => m.isLeader && m.township === ti);
    if (leader >= 0)
      await tx.execute(sql`update liaison_groups set leader_member_id = ${memberIds[leader]} where id = ${gid}`);
  }

  // Representatives and who keeps in touch with them.
  const repRows = plan.reps.map((x) => ({
    ...x.values,
    regionId: x.villageCode ? regionId.get(x.villageCode)! : null,
    departmentId: x.department !== null ? deptIds[x.department] : null,
  }));
  const repIds = await w.ids(representatives, repRows, 'phone');
  await w.links(
    memberRepresentatives,
    plan.reps.flatMap((x, ri) => x.members.map((mi) => ({ memberId: memberIds[mi], representativeId: repIds[ri] }))),
  );

  // Logins; an account that already exists (seed-demo --force) is kept as it is.
  const userRows = plan.users.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    passwordHash,
    memberId: u.member !== undefined ? memberIds[u.member] : null,
    townshipId: u.township !== undefined ? townshipIds[u.township] : null,
    departmentId: u.department !== undefined ? (countyDept.get(u.department) ?? null) : null,
  }));
  await tx.insert(users).values(userRows).onConflictDoNothing({ target: users.username });
  tick(userRows.length);
  const names = plan.users.map((u) => u.username);
  const accounts = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, names));
  const userId = new Map(accounts.map((a) => [a.username, a.id]));
  const userOfMember = new Map(
    plan.users.flatMap((u) => (u.member !== undefined ? [[u.member, userId.get(u.username)!] as const] : [])),
  );
  const adminId = userId.get('admin') ?? null;

  // A year of activities with their members and contacts.
  const activityRows = plan.activities.map((a) => ({
    ...a.values,
    regionId: a.villageCode ? regionId.get(a.villageCode)! : null,
    createdBy: userOfMember.get(a.members[0]) ?? adminId,
  }));
  const actIds = await w.ids(activities, activityRows, 'opinions');
  await w.links(
    activityMembers,
    plan.activities.flatMap((a, ai) => a.members.map((mi) => ({ activityId: actIds[ai], memberId: memberIds[mi] }))),
  );
  await w.links(
    activityContacts,
    plan.activities.flatMap((a, ai) =>
      a.contacts.map((ri) => ({ activityId: actIds[ai], representativeId: repIds[ri] })),
    ),
  );

  // A year of 社情民意 items on the editable category tree.
  const categories = await seedOpinionCategories(tx);
  await writeOpinions(tx, w, plan.opinions, {
    memberIds,
    repIds,
    actIds,
    townshipIds,
    regionId,
    sectorId: (leaf) => sectorId.get(`${cur.number}:${leaf}`),
    deptId: countyDept,
    userId,
    categories,
  });

  await tx
    .insert(settings)
    .values({ key: 'quotas', value: { ...DEFAULT_QUOTAS } })
    .onConflictDoNothing();
  await writeAudit(tx, null, { action: 'seed_demo', entity: 'system', after: counts });
}
