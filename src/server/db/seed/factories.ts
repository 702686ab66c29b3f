// Record factories shared by tests and the demo seed: each inserts one realistic row and returns it.
import { sql } from 'drizzle-orm';
import { pinyinKeys } from '../../../core/search-keys.js';
import { hashPassword } from '../../modules/auth/service.js';
import type { DbOrTx } from '../client.js';
import {
  activities,
  activityContacts,
  activityMembers,
  departments,
  liaisonGroups,
  memberRepresentatives,
  memberTerms,
  members,
  memberVillages,
  regions,
  representatives,
  sectors,
  terms,
  users,
} from '../schema.js';

let seq = 0;
const next = () => ++seq;

/** Ensures the current term exists (第十届 by default) and returns it. */
export async function buildTerm(db: DbOrTx, over: Partial<typeof terms.$inferInsert> = {}) {
  const [t] = await db
    .insert(terms)
    .values({ number: 10, name: '第十届', startDate: '2022-01-01', isCurrent: true, ...over })
    .onConflictDoUpdate({ target: terms.number, set: { name: sql`excluded.name` } })
    .returning();
  return t;
}

/** A sector in the current term. */
export async function buildSector(db: DbOrTx, over: Partial<typeof sectors.$inferInsert> = {}) {
  const termId = over.termId ?? (await buildTerm(db)).id;
  const [s] = await db.insert(sectors).values({ name: `界别${next()}`, ...over, termId }).returning();
  return s;
}

/** A township (level 'township') or village under `parentId`. */
export async function buildRegion(db: DbOrTx, over: Partial<typeof regions.$inferInsert> = {}) {
  const n = next();
  const name = over.name ?? (over.parentId ? `第${n}村` : `第${n}镇`);
  const code = over.code ?? `3305${String(n).padStart(8, '0')}`;
  const [r] = await db
    .insert(regions)
    .values({ level: over.parentId ? 'village' : 'township', name, code, pinyinInitials: pinyinKeys(name).initials, ...over })
    .returning();
  return r;
}

/** A liaison group for a township (creates the township when not given). */
export async function buildGroup(db: DbOrTx, over: Partial<typeof liaisonGroups.$inferInsert> = {}) {
  const townshipId = over.townshipId ?? (await buildRegion(db)).id;
  const [g] = await db.insert(liaisonGroups).values({ name: `联络组${next()}`, ...over, townshipId }).returning();
  return g;
}

/** A township department. */
export async function buildDepartment(db: DbOrTx, over: Partial<typeof departments.$inferInsert> = {}) {
  const [d] = await db.insert(departments).values({ name: `部门${next()}`, kind: 'township', ...over }).returning();
  return d;
}

/** A member with a sector in the current term and optional village links. */
export async function buildMember(
  db: DbOrTx,
  over: Partial<typeof members.$inferInsert> & { sectorId?: number; villageIds?: number[] } = {},
) {
  const { sectorId, villageIds = [], ...fields } = over;
  const n = next();
  const name = fields.name ?? `委员${n}`;
  const keys = pinyinKeys(name);
  const [m] = await db
    .insert(members)
    .values({
      code: `W${String(n).padStart(4, '0')}`,
      gender: '1',
      politicalStatus: '13',
      phone: `139${String(n).padStart(8, '0')}`,
      pinyinInitials: keys.initials,
      pinyinFull: keys.full,
      ...fields,
      name,
    })
    .returning();
  const sector = sectorId ?? (await buildSector(db)).id;
  const [{ term_id }] = (await db.execute(sql`select term_id from sectors where id = ${sector}`)).rows as any[];
  await db.insert(memberTerms).values({ memberId: m.id, termId: term_id, sectorId: sector });
  if (villageIds.length) await db.insert(memberVillages).values(villageIds.map((regionId) => ({ memberId: m.id, regionId })));
  return m;
}

/** A representative in a village (or department), linked to members. */
export async function buildRepresentative(
  db: DbOrTx,
  over: Partial<typeof representatives.$inferInsert> & { memberIds?: number[] } = {},
) {
  const { memberIds = [], ...fields } = over;
  const n = next();
  const name = fields.name ?? `代表${n}`;
  const keys = pinyinKeys(name);
  const regionId = fields.regionId ?? (fields.departmentId ? null : (await buildRegion(db, { parentId: (await buildRegion(db)).id })).id);
  const [r] = await db
    .insert(representatives)
    .values({ gender: '2', phone: `137${String(n).padStart(8, '0')}`, pinyinInitials: keys.initials, pinyinFull: keys.full, ...fields, name, regionId })
    .returning();
  if (memberIds.length) await db.insert(memberRepresentatives).values(memberIds.map((memberId) => ({ memberId, representativeId: r.id })));
  return r;
}

/** A contact activity with members and contacts. */
export async function buildActivity(
  db: DbOrTx,
  over: Partial<typeof activities.$inferInsert> & { memberIds: number[]; representativeIds?: number[] },
) {
  const { memberIds, representativeIds = [], ...fields } = over;
  const [a] = await db.insert(activities).values({ date: '2026-03-15', methods: ['visit'], opinions: '希望尽快修通村里的断头路。', ...fields }).returning();
  await db.insert(activityMembers).values(memberIds.map((memberId) => ({ activityId: a.id, memberId })));
  if (representativeIds.length) await db.insert(activityContacts).values(representativeIds.map((representativeId) => ({ activityId: a.id, representativeId })));
  return a;
}

/** A user account; the password hash is computed once per distinct password and cached. */
const hashCache = new Map<string, Promise<string>>();
export async function buildUser(db: DbOrTx, over: Partial<typeof users.$inferInsert> & { password?: string } = {}) {
  const { password = 'Demo@2026', ...fields } = over;
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  const n = next();
  const [u] = await db
    .insert(users)
    .values({ username: `user${n}`, displayName: `用户${n}`, roles: ['member'], passwordHash: await hashCache.get(password)!, ...fields })
    .returning();
  return u;
}
