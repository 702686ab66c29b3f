// Plans the registry of the demo county in memory (no I/O): regions, offices, groups and members with their villages.

import type { CountyTownship } from './demo-county.js';
import { makeUniqueMobile, SHE_SURNAMES } from './demo-names.js';
import { SECTOR_PROFILES, SHE_VILLAGES, townshipOffices } from './demo-profiles.js';
import type { Rng } from './demo-random.js';
import { type MemberValues, makeMemberValues, makeRegionValues, type RegionValues } from './factories.js';

/** A village or community of the plan. */
export interface PlannedVillage {
  code: string;
  name: string;
  kind: 'village' | 'community';
  township: number;
  values: RegionValues;
}

/** A township with its liaison group and offices. */
export interface PlannedTownship {
  code: string;
  name: string;
  groupName: string;
  values: RegionValues;
  villages: PlannedVillage[];
  departments: number[];
}

/** A township office (乡机关部门). */
export interface PlannedDepartment {
  name: string;
  township: number;
}

/** A member: row values plus the links the writer turns into ids. */
export interface PlannedMember {
  values: MemberValues;
  township: number;
  /** Leaf sector name in 第十届, and in 第九届 when the member already served then. */
  sector: string;
  previousSector: string | null;
  villageCodes: string[];
  isLeader: boolean;
}

/** The registry part of the plan, with the members the demo logins use. */
export interface RegistryPlan {
  townships: PlannedTownship[];
  villages: Map<string, PlannedVillage>;
  departments: PlannedDepartment[];
  members: PlannedMember[];
  /** Villages nobody links (the 全覆盖 gaps the compliance view shows). */
  unlinked: Set<string>;
  /** Mobile numbers handed out so far: nobody in the demo shares a phone. */
  phones: Set<string>;
  special: { member1: number; member2: number; groupLead: number; officerTownship: number };
}

const TOTAL_MEMBERS = 120;
const MEMBER1_TOWNSHIP = '递铺街道';
const MEMBER1_VILLAGE = '古城村';
const MEMBER2_TOWNSHIP = '孝丰镇';

function allocateMembers(townships: CountyTownship[]): number[] {
  const villages = townships.reduce((s, t) => s + t.villages.length, 0);
  const counts = townships.map((t) => Math.max(4, Math.round((t.villages.length * TOTAL_MEMBERS) / villages)));
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== TOTAL_MEMBERS; i++) {
    const order = counts.map((c, j) => [c, j]).sort((a, b) => b[0] - a[0]);
    const j = order[i % 4][1];
    counts[j] += sum > TOTAL_MEMBERS ? -1 : 1;
    sum += sum > TOTAL_MEMBERS ? -1 : 1;
  }
  return counts;
}

function leafSectors(rng: Rng): string[] {
  const slots: string[] = [];
  for (const p of SECTOR_PROFILES) {
    for (let i = 0; i < p.count; i++) slots.push(p.subgroups ? p.subgroups[i % p.subgroups.length] : p.name);
  }
  return rng.shuffle(slots);
}

/** Profile name of a leaf sector (经济界一组 → 经济). */
export function profileOf(sector: string): string {
  return SECTOR_PROFILES.find((p) => p.name === sector || p.subgroups?.includes(sector))?.name ?? sector;
}

function swapSector(sectors: string[], at: number, want: string, protectedIdx: Set<number>) {
  if (sectors[at] === want) return;
  const other = sectors.findIndex((s, i) => s === want && !protectedIdx.has(i));
  if (other >= 0) [sectors[at], sectors[other]] = [sectors[other], sectors[at]];
}

type Special = RegistryPlan['special'];
const isSheVillage = (name: string) => (SHE_VILLAGES as readonly string[]).includes(name);

function planRegions(county: CountyTownship[], rng: Rng, phones: Set<string>) {
  const townships: PlannedTownship[] = [];
  const villages = new Map<string, PlannedVillage>();
  const departments: PlannedDepartment[] = [];
  county.forEach((t, ti) => {
    const vs = t.villages.map((v) => {
      const over = { code: v.code, name: v.name, level: 'village', contactPhone: makeUniqueMobile(rng, phones) };
      const pv = { ...v, township: ti, values: makeRegionValues(rng, over) };
      villages.set(v.code, pv);
      return pv;
    });
    const offices = townshipOffices(t.name).slice(0, rng.chance(0.5) ? 3 : 2);
    const deptIdx = offices.map((o) => departments.push({ name: `${t.name}${o}`, township: ti }) - 1);
    const over = { code: t.code, name: t.name, level: 'township', contactPhone: makeUniqueMobile(rng, phones) };
    const values = makeRegionValues(rng, over);
    townships.push({
      code: t.code,
      name: t.name,
      groupName: `${t.name}联络组`,
      values,
      villages: vs,
      departments: deptIdx,
    });
  });
  return { townships, villages, departments };
}

/** Leaf sector per member; member1 sits in 农业, member2 in 教育, the She members in the She villages' townships. */
function planSectors(rng: Rng, homes: number[], special: Special, sheHomes: PlannedVillage[]): string[] {
  const firstOf = (ti: number) => homes.indexOf(ti);
  const sectors = leafSectors(rng);
  const fixed = new Set([special.member1, special.member2]);
  swapSector(sectors, special.member1, '农业', new Set());
  swapSector(sectors, special.member2, '教育', fixed);
  const sheMembers = sectors.flatMap((s, i) => (s === '少数民族' ? [i] : []));
  sheMembers.forEach((mi, k) => {
    const home = sheHomes[k % sheHomes.length];
    if (!home || homes[mi] === home.township) return;
    const target = homes.findIndex(
      (h, i) => h === home.township && i !== firstOf(h) && !fixed.has(i) && sectors[i] !== '少数民族',
    );
    if (target >= 0) [sectors[mi], sectors[target]] = [sectors[target], sectors[mi]];
  });
  return sectors;
}

/** Village links: every village linked except a few, 1–3 a member, mostly in their township. Extends `links` in place. */
function planVillageLinks(
  rng: Rng,
  townships: PlannedTownship[],
  homes: number[],
  counts: number[],
  special: Special,
  links: string[][],
): Set<string> {
  const firstOf = (ti: number) => homes.indexOf(ti);
  const candidates = townships.filter((t) => t.villages.length >= 8 && t.name !== MEMBER1_TOWNSHIP);
  const unlinked = new Set(
    rng.sample(candidates, 3).map((t) => rng.pick(t.villages.filter((v) => !isSheVillage(v.name))).code),
  );
  const lastOfBig = counts.map((c, ti) => (c >= 10 ? firstOf(ti) + c - 1 : -1)).filter((i) => i >= 0);
  const zeroVillage = new Set(rng.sample(lastOfBig, 2));
  const fixedTarget = new Map([
    [special.member1, 3],
    [special.member2, 2],
  ]);
  const weights: [number, number][] = [
    [1, 30],
    [2, 45],
    [3, 25],
  ];
  townships.forEach((t, ti) => {
    const ms = homes.flatMap((h, mi) => (h === ti && !zeroVillage.has(mi) ? [mi] : []));
    const target = new Map(ms.map((mi) => [mi, fixedTarget.get(mi) ?? rng.weighted(weights)]));
    const open = t.villages.filter((v) => !unlinked.has(v.code)).map((v) => v.code);
    const uncovered = rng.shuffle(open.filter((c) => !ms.some((mi) => links[mi].includes(c))));
    const slots = rng.shuffle(
      ms.flatMap((mi) => Array.from({ length: Math.max(0, target.get(mi)! - links[mi].length) }, () => mi)),
    );
    // First cover every open village, then spend the remaining slots on random villages (a few elsewhere).
    for (const code of uncovered) {
      const spare = ms.filter((m) => links[m].length < 3);
      const mi = slots.pop() ?? (spare.length ? rng.pick(spare) : undefined);
      if (mi === undefined) break;
      links[mi].push(code);
    }
    for (const mi of slots) {
      const elsewhere = rng.chance(0.1) && mi !== special.member1;
      const pool = elsewhere ? townships[rng.int(0, townships.length - 1)].villages.map((v) => v.code) : open;
      const choices = pool.filter((c) => !unlinked.has(c) && !links[mi].includes(c));
      if (choices.length) links[mi].push(rng.pick(choices));
    }
  });
  return unlinked;
}

/** Plans townships, villages, offices and members (sector, group, villages, leader flags). */
export function planRegistry(county: CountyTownship[], rng: Rng): RegistryPlan {
  const phones = new Set<string>();
  const { townships, villages, departments } = planRegions(county, rng.fork('regions'), phones);

  // Members: per township in proportion to its villages, the first of each township leads its group.
  const rMembers = rng.fork('members');
  const counts = allocateMembers(county);
  const homes: number[] = counts.flatMap((c, ti) => Array.from({ length: c }, () => ti));
  const firstOf = (ti: number) => homes.indexOf(ti);
  const ti1 = county.findIndex((t) => t.name === MEMBER1_TOWNSHIP);
  const ti2 = county.findIndex((t) => t.name === MEMBER2_TOWNSHIP);
  const special = {
    member1: firstOf(ti1) + 1,
    member2: firstOf(ti2) + 1,
    groupLead: firstOf(ti1),
    officerTownship: ti2,
  };
  const sheHomes = [...villages.values()].filter((v) => isSheVillage(v.name));
  sheHomes.sort((a, b) => SHE_VILLAGES.indexOf(a.name as never) - SHE_VILLAGES.indexOf(b.name as never));
  const sectors = planSectors(rMembers, homes, special, sheHomes);

  // The She members link their own village, member1 links 古城村; the rest is planned around them.
  const links: string[][] = homes.map(() => []);
  sectors.forEach((s, mi) => {
    const home = s === '少数民族' ? sheHomes.find((v) => v.township === homes[mi]) : undefined;
    if (home) links[mi].push(home.code);
  });
  const gucheng = townships[ti1].villages.find((v) => v.name === MEMBER1_VILLAGE);
  if (gucheng) links[special.member1].push(gucheng.code);
  const unlinked = planVillageLinks(rng.fork('village-links'), townships, homes, counts, special, links);

  const members: PlannedMember[] = homes.map((ti, mi) => {
    const sector = sectors[mi];
    const profile = profileOf(sector);
    const t = townships[ti];
    // Units like 白茶专业合作社 or 卫生室 need a rural village: prefer one among the member's villages.
    const linked = links[mi].map((c) => villages.get(c)!);
    const rural = t.villages.filter((v) => v.kind === 'village');
    const home =
      linked.find((v) => v.kind === 'village') ?? (rural.length ? rMembers.pick(rural) : (linked[0] ?? t.villages[0]));
    const isLeader = mi === firstOf(ti);
    const she = profile !== '少数民族' && t.villages.some((v) => isSheVillage(v.name)) && rMembers.chance(0.3);
    const values = makeMemberValues(
      rMembers,
      {
        code: `W${1001 + mi}`,
        phone: makeUniqueMobile(rMembers, phones),
        isStandingCommittee: rMembers.chance(isLeader ? 0.45 : 0.11),
        publishContact: rMembers.chance(0.85),
        ...(she ? { ethnicity: '畲族' } : {}),
      },
      {
        sector: profile,
        place: { township: t.name, village: home.name },
        surname: she ? rMembers.pick(SHE_SURNAMES) : undefined,
      },
    );
    if (rMembers.chance(0.3)) values.email = `${values.pinyinFull}${rMembers.int(1, 99)}@163.com`;
    const served = profile !== '共青团' && (values.birthYear ?? 2000) < 1985 && rMembers.chance(0.55);
    const moved = served && rMembers.chance(0.15);
    const previousSector = !served
      ? null
      : moved
        ? rMembers.pick(sectors.filter((s) => profileOf(s) !== '少数民族'))
        : sector;
    return { values, township: ti, sector, previousSector, villageCodes: links[mi], isLeader };
  });
  return { townships, villages, departments, members, unlinked, special, phones };
}
