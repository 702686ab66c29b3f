// Record factories shared by tests and the demo seed: pure value builders (make*Values) and one-row inserts (build*).
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
  members,
  memberTerms,
  memberVillages,
  regions,
  representatives,
  sectors,
  terms,
  users,
} from '../schema.js';
import {
  type GenderCode,
  makeGender,
  makeMobile,
  makeOfficePhone,
  makePersonName,
  SHE_SURNAMES,
} from './demo-names.js';
import {
  makeAddress,
  makeEducation,
  makeRemarks,
  makeRepBirthYear,
  makeRepRole,
  makeRepStatus,
  type RepPlace,
} from './demo-people.js';
import { fillUnit, pickStatus, SECTOR_PROFILES, type UnitPlace } from './demo-profiles.js';
import { createRng, type Rng } from './demo-random.js';
import { type ActivityStory, composeActivityText } from './demo-stories.js';

/** Row types the value builders return, ready for single or batched inserts. */
export type RegionValues = typeof regions.$inferInsert;
/** A complete members row. */
export type MemberValues = typeof members.$inferInsert;
/** A complete representatives row (the 登记表 fields). */
export type RepresentativeValues = typeof representatives.$inferInsert;
/** A complete activities row (the 活动记录卡 fields). */
export type ActivityValues = typeof activities.$inferInsert;

/** The factories' own random stream: fixed seed, so a test file builds the same rows on every run. */
export const factoryRng: Rng = createRng(20_260_315);

let seq = 0;
const next = () => ++seq;
const placeholderPlace: RepPlace = { kind: 'village', township: '递铺街道', name: '古城村' };
const departmentPlace: RepPlace = { kind: 'department', township: '递铺街道', name: '递铺街道党政办' };

/** A township or village row with its contact person (专人对接) and pinyin initials. */
export function makeRegionValues(rng: Rng, over: Partial<RegionValues> = {}): RegionValues {
  const level = over.level ?? (over.parentId ? 'village' : 'township');
  const name =
    over.name ??
    `${rng.pick(['竹', '溪', '山', '茶', '石', '龙', '桥'])}${rng.pick(['湾', '坞', '岭', '塘', '垓'])}${level === 'village' ? '村' : '镇'}`;
  const gender = makeGender(rng, 0.6);
  const contactName = makePersonName(rng, gender, rng.int(1965, 1992));
  return {
    code: `3305${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    level,
    contactName,
    contactPhone: makeMobile(rng),
    pinyinInitials: pinyinKeys(name).initials,
    pinyinFull: pinyinKeys(name).full,
    ...over,
    name,
  };
}

/** What shapes a member beyond the row: the sector profile, the home township and village, a family name. */
export interface MemberContext {
  sector?: string;
  place?: UnitPlace;
  surname?: string;
}

/** A member row: name fits gender and age, status and unit fit the sector profile and place when given. */
export function makeMemberValues(rng: Rng, over: Partial<MemberValues> = {}, ctx: MemberContext = {}): MemberValues {
  const profile = SECTOR_PROFILES.find((p) => p.name === ctx.sector) ?? rng.pick(SECTOR_PROFILES);
  const gender = over.gender ?? profile.gender ?? makeGender(rng, 0.66);
  const birthYear = over.birthYear ?? rng.int(profile.bornFrom ?? 1960, profile.bornTo ?? 1990);
  const surname = ctx.surname ?? (profile.ethnicity === '畲族' ? rng.pick(SHE_SURNAMES) : undefined);
  const name = over.name ?? makePersonName(rng, gender as GenderCode, birthYear, surname);
  const keys = pinyinKeys(name);
  return {
    code: `W${rng.int(1000, 9999)}`,
    ethnicity: profile.ethnicity ?? '汉族',
    politicalStatus: pickStatus(rng, profile.status),
    education: makeEducation(rng, birthYear, 'member'),
    ...fillUnit(rng, rng.pick(profile.units), ctx.place ?? { township: '递铺街道', village: '古城村' }),
    phone: makeMobile(rng),
    publicPhone: makeOfficePhone(rng),
    pinyinInitials: keys.initials,
    pinyinFull: keys.full,
    ...over,
    gender,
    birthYear,
    name,
  };
}

/** A representative row as on the 登记表: post, unit and address fit the village, community or office. */
export function makeRepresentativeValues(
  rng: Rng,
  over: Partial<RepresentativeValues> = {},
  place = placeholderPlace,
): RepresentativeValues {
  const role = makeRepRole(rng, place);
  const gender = over.gender ?? role.gender ?? makeGender(rng, 0.58);
  const birthYear = over.birthYear !== undefined ? over.birthYear : makeRepBirthYear(rng, role.bornFrom, role.bornTo);
  const name = over.name ?? makePersonName(rng, gender as GenderCode, birthYear ?? 1970);
  const keys = pinyinKeys(name);
  return {
    education: makeEducation(rng, birthYear ?? 1970),
    post: role.post,
    workUnit: role.workUnit,
    politicalStatus: role.politicalStatus ?? makeRepStatus(rng, birthYear ?? 1970),
    address: makeAddress(rng, place),
    phone: makeMobile(rng),
    remarks: makeRemarks(rng),
    pinyinInitials: keys.initials,
    pinyinFull: keys.full,
    ...over,
    gender,
    birthYear,
    name,
  };
}

/** An activity row; with a story its texts are composed from the concern corpus, without one it is a plain visit. */
export function makeActivityValues(
  rng: Rng,
  over: Partial<ActivityValues> = {},
  story?: ActivityStory,
): ActivityValues {
  const methods = over.methods ?? (story ? [...story.methods] : ['visit']);
  const text = story
    ? composeActivityText(rng, { ...story, methods: methods as ActivityStory['methods'] })
    : { opinions: '希望尽快修通村里的断头路。' };
  return { date: '2026-03-15', ...text, ...(story ? { handlingStatus: story.status } : {}), ...over, methods };
}

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
  const [s] = await db
    .insert(sectors)
    .values({ name: `界别${next()}`, ...over, termId })
    .returning();
  return s;
}

/** A township (level 'township') or village under `parentId`. */
export async function buildRegion(db: DbOrTx, over: Partial<typeof regions.$inferInsert> = {}) {
  const n = next();
  const name = over.name ?? (over.parentId ? `第${n}村` : `第${n}镇`);
  const code = over.code ?? `3305${String(n).padStart(8, '0')}`;
  const [r] = await db
    .insert(regions)
    .values(makeRegionValues(factoryRng, { ...over, name, code }))
    .returning();
  return r;
}

/** A liaison group for a township (creates the township when not given). */
export async function buildGroup(db: DbOrTx, over: Partial<typeof liaisonGroups.$inferInsert> = {}) {
  const townshipId = over.townshipId ?? (await buildRegion(db)).id;
  const [g] = await db
    .insert(liaisonGroups)
    .values({ name: `联络组${next()}`, ...over, townshipId })
    .returning();
  return g;
}

/** A township department. */
export async function buildDepartment(db: DbOrTx, over: Partial<typeof departments.$inferInsert> = {}) {
  const [d] = await db
    .insert(departments)
    .values({ name: `部门${next()}`, kind: 'township', ...over })
    .returning();
  return d;
}

/** A member with a sector in the current term and optional village links. */
export async function buildMember(
  db: DbOrTx,
  over: Partial<typeof members.$inferInsert> & { sectorId?: number; villageIds?: number[] } = {},
) {
  const { sectorId, villageIds = [], ...fields } = over;
  const n = next();
  const defaults = {
    code: `W${String(n).padStart(4, '0')}`,
    name: `委员${n}`,
    gender: '1',
    politicalStatus: '13',
    phone: `139${String(n).padStart(8, '0')}`,
  };
  const [m] = await db
    .insert(members)
    .values(makeMemberValues(factoryRng, { ...defaults, ...fields }))
    .returning();
  const sector = sectorId ?? (await buildSector(db)).id;
  const [{ term_id }] = (await db.execute(sql`select term_id from sectors where id = ${sector}`)).rows as any[];
  await db.insert(memberTerms).values({ memberId: m.id, termId: term_id, sectorId: sector });
  if (villageIds.length)
    await db.insert(memberVillages).values(villageIds.map((regionId) => ({ memberId: m.id, regionId })));
  return m;
}

/** A representative in a village (or department), linked to members. */
export async function buildRepresentative(
  db: DbOrTx,
  over: Partial<typeof representatives.$inferInsert> & { memberIds?: number[] } = {},
) {
  const { memberIds = [], ...fields } = over;
  const n = next();
  const regionId =
    fields.regionId ??
    (fields.departmentId ? null : (await buildRegion(db, { parentId: (await buildRegion(db)).id })).id);
  const defaults = { name: `代表${n}`, gender: '2', phone: `137${String(n).padStart(8, '0')}` };
  const place = fields.departmentId ? departmentPlace : placeholderPlace;
  const [r] = await db
    .insert(representatives)
    .values(makeRepresentativeValues(factoryRng, { ...defaults, ...fields, regionId }, place))
    .returning();
  if (memberIds.length)
    await db.insert(memberRepresentatives).values(memberIds.map((memberId) => ({ memberId, representativeId: r.id })));
  return r;
}

/** A contact activity with members and contacts. */
export async function buildActivity(
  db: DbOrTx,
  over: Partial<typeof activities.$inferInsert> & { memberIds: number[]; representativeIds?: number[] },
) {
  const { memberIds, representativeIds = [], ...fields } = over;
  const [a] = await db.insert(activities).values(makeActivityValues(factoryRng, fields)).returning();
  await db.insert(activityMembers).values(memberIds.map((memberId) => ({ activityId: a.id, memberId })));
  if (representativeIds.length)
    await db
      .insert(activityContacts)
      .values(representativeIds.map((representativeId) => ({ activityId: a.id, representativeId })));
  return a;
}

const hashCache = new Map<string, Promise<string>>();
/** A user account; the password hash is computed once per distinct password and cached. */
export async function buildUser(db: DbOrTx, over: Partial<typeof users.$inferInsert> & { password?: string } = {}) {
  const { password = 'Demo@2026', ...fields } = over;
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  const n = next();
  const [u] = await db
    .insert(users)
    .values({
      username: `user${n}`,
      displayName: `用户${n}`,
      roles: ['member'],
      passwordHash: await hashCache.get(password)!,
      ...fields,
    })
    .returning();
  return u;
}
