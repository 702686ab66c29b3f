// The 登记表 details of ordinary people: education by age, posts and work units by place, addresses, remarks.
import type { Education, PoliticalStatus } from '../../../core/code-lists.js';
import { isStreet } from './demo-county.js';
import type { GenderCode } from './demo-names.js';
import { fillUnit } from './demo-profiles.js';
import type { Rng } from './demo-random.js';

/** Where a representative belongs: a village, an urban community or a township office. */
export interface RepPlace {
  kind: 'village' | 'community' | 'department';
  township: string;
  /** The village or community name; for a department, the office's name. */
  name: string;
}

/** A representative's post, work unit and what the post implies about the person. */
export interface RepRole {
  post: string;
  workUnit: string;
  politicalStatus?: PoliticalStatus;
  gender?: GenderCode;
  bornFrom?: number;
  bornTo?: number;
}

type RoleRow = readonly [post: string, unit: string, weight: number, extra?: Omit<RepRole, 'post' | 'workUnit'>];

// Who villages pick as representatives (篇二: 群众代表 from all walks of village life).
const VILLAGE_ROLES: readonly RoleRow[] = [
  ['村民代表', '务农', 20],
  ['村民小组长', '{vc}', 8],
  ['村党委书记', '{vc}', 2, { politicalStatus: '01' }],
  ['村委委员', '{vc}', 5],
  ['种植大户', '安吉县{farm}家庭农场', 6],
  ['白茶种植户', '安吉{v}白茶专业合作社', 8],
  ['竹农', '务农', 5],
  ['养殖户', '个体', 3],
  ['退休教师', '{t}中心学校（退休）', 5, { bornTo: 1965 }],
  ['个体工商户', '个体', 6],
  ['民宿业主', '安吉{farm}民宿', 4],
  ['乡村医生', '{v}卫生室', 2],
  ['网格员', '{vc}', 4, { bornFrom: 1966 }],
  ['老党员', '务农', 4, { politicalStatus: '01', bornTo: 1960 }],
  ['妇女代表', '务农', 3, { gender: '2' }],
  ['企业职工', '{co}', 6, { bornFrom: 1966 }],
  ['返乡创业青年', '安吉{firm}电子商务有限公司', 2, { bornFrom: 1988 }],
];

// Who urban communities pick: residents, building heads, owners' committees, shopkeepers.
const COMMUNITY_ROLES: readonly RoleRow[] = [
  ['居民代表', '退休', 8, { bornTo: 1965 }],
  ['居民代表', '{co}', 6, { bornFrom: 1966 }],
  ['楼道长', '{vc}', 8],
  ['社区网格员', '{vc}', 5, { bornFrom: 1966 }],
  ['业委会主任', '{v}业主委员会', 3],
  ['退休职工', '{co}（退休）', 6, { bornTo: 1965 }],
  ['个体工商户', '个体', 6],
  ['社区志愿者', '退休', 4, { bornTo: 1965 }],
  ['物业经理', '安吉{firm}物业服务有限公司', 2, { bornFrom: 1970 }],
  ['企业职工', '{co}', 8, { bornFrom: 1966 }],
  ['教师', '{t}中心学校', 3, { bornFrom: 1966 }],
];

// Township offices name staff and the cadres stationed in villages.
const DEPARTMENT_ROLES: readonly RoleRow[] = [
  ['科员', '{d}', 6, { bornFrom: 1975 }],
  ['工作人员', '{d}', 5, { bornFrom: 1970 }],
  ['副主任', '{d}', 3, { bornFrom: 1968 }],
  ['主任', '{d}', 1, { politicalStatus: '01', bornFrom: 1966 }],
  ['驻村干部', '{d}', 3, { politicalStatus: '01', bornFrom: 1975 }],
];

/** A post and work unit that fit the place; some posts fix party membership, gender or age. */
export function makeRepRole(rng: Rng, place: RepPlace): RepRole {
  const rows =
    place.kind === 'village' ? VILLAGE_ROLES : place.kind === 'community' ? COMMUNITY_ROLES : DEPARTMENT_ROLES;
  const [post, unit, , extra] = rng.weighted(rows.map((r) => [r, r[2]] as const));
  const village = place.kind === 'department' ? '' : place.name;
  const template = `${unit.replace('{d}', place.name)}|${post}`;
  return { ...fillUnit(rng, template, { township: place.township, village }), ...extra };
}

/** A birth year for an adult representative (mostly 1955–1985, as village representatives are), within the post's range. */
export function makeRepBirthYear(rng: Rng, bornFrom = 1946, bornTo = 2000): number {
  const bands = [
    [1946, 1960, 3],
    [1961, 1975, 4],
    [1976, 1990, 3],
    [1991, 2000, 1],
  ] as const;
  const fits = bands
    .map(([a, b, w]) => [Math.max(a, bornFrom), Math.min(b, bornTo), w] as const)
    .filter(([a, b]) => a <= b);
  const [a, b] = rng.weighted(fits.map((band) => [band, band[2]] as const));
  return rng.int(a, b);
}

/** 学历 code by generation: older villagers mostly left school after 小学/初中, younger ones went to college. */
export function makeEducation(rng: Rng, birthYear: number, level: 'member' | 'rep' = 'rep'): Education {
  if (level === 'member')
    return rng.weighted([
      ['11', 3],
      ['14', 16],
      ['20', 48],
      ['30', 20],
      ['40', 5],
      ['60', 6],
      ['70', 2],
    ]);
  if (birthYear < 1965)
    return rng.weighted([
      ['80', 30],
      ['70', 40],
      ['60', 17],
      ['40', 6],
      ['30', 5],
      ['20', 2],
    ]);
  if (birthYear < 1981)
    return rng.weighted([
      ['70', 30],
      ['60', 25],
      ['40', 15],
      ['30', 18],
      ['20', 12],
    ]);
  return rng.weighted([
    ['60', 10],
    ['40', 15],
    ['30', 35],
    ['20', 35],
    ['14', 5],
  ]);
}

/** 政治面貌 of an ordinary person: about a third party members, some league members among the young. */
export function makeRepStatus(rng: Rng, birthYear: number): PoliticalStatus {
  if (birthYear >= 1992 && rng.chance(0.35)) return '03';
  return rng.weighted([
    ['01', 30],
    ['13', 62],
    ['12', 3],
    ['07', 2],
    ['05', 1],
    ['08', 1],
    ['02', 1],
  ]);
}

const ROADS = [
  '天目路',
  '昌硕路',
  '胜利路',
  '浦源大道',
  '递铺南路',
  '阳光大道',
  '灵芝路',
  '玉磬路',
  '凤凰路',
  '塘浦路',
  '迎宾大道',
  '云鸿路',
];
const ESTATE_SUFFIXES = ['苑', '小区', '花园', '新村'];

/** The address as written on the 登记表: '古城村3组12号', '天目路88号凤凰苑3幢201室', or the township office. */
export function makeAddress(rng: Rng, place: RepPlace): string {
  if (place.kind === 'village') return `${place.name}${rng.int(1, 12)}组${rng.int(1, 86)}号`;
  if (place.kind === 'community') {
    const estate = place.name.replace(/(社区|生活区)$/, '') + rng.pick(ESTATE_SUFFIXES);
    return `${rng.pick(ROADS)}${rng.int(1, 399)}号${estate}${rng.int(1, 24)}幢${rng.int(1, 6)}0${rng.int(1, 4)}室`;
  }
  return `${place.township}${isStreet(place.township) ? '办事处' : '人民政府'}`;
}

const REMARKS = [
  '熟悉村情民意，热心公益',
  '曾任村委委员',
  '常年在外务工，以电话联系为主',
  '党员志愿者',
  '退役军人',
  '乡贤参事会成员',
  '村务监督委员会成员',
  '耳背，上门走访为宜',
  '县级优秀共产党员',
  '调解经验丰富',
];

/** The 备注 column: empty for most people, a short note for some. */
export function makeRemarks(rng: Rng): string {
  return rng.chance(0.2) ? rng.pick(REMARKS) : '';
}
