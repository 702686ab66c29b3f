// Who sits in which sector: member counts, political status and plausible Anji work units and posts per sector.
import type { PoliticalStatus } from '../../../core/code-lists.js';
import { isStreet, townshipShortName } from './demo-county.js';
import type { Rng } from './demo-random.js';

/** One sector of the demo term: how many members it has and what kind of people they are. */
export interface SectorProfile {
  name: string;
  count: number;
  /** Political status: a fixed code or weighted codes (民革 sector → 04 …). */
  status: PoliticalStatus | readonly (readonly [PoliticalStatus, number])[];
  /** 'work unit|post1,post2' templates; tokens are filled by fillUnit. */
  units: readonly string[];
  subgroups?: readonly string[];
  gender?: '1' | '2';
  bornFrom?: number;
  bornTo?: number;
  ethnicity?: string;
}

const MIXED: SectorProfile['status'] = [
  ['01', 40],
  ['13', 48],
  ['12', 12],
];

/** The sector list of DOMAIN.md in the committee's usual order; the counts add up to the demo's 120 members. */
export const SECTOR_PROFILES: readonly SectorProfile[] = [
  {
    name: '中共',
    count: 10,
    status: '01',
    units: ['{t}党委|党委副书记,组织委员,宣传委员', '{vc}|党组织书记', '中共安吉县委党校|副校长', '{t}{gov}|{deputy}'],
  },
  {
    name: '民革',
    count: 3,
    status: '04',
    units: ['安吉县人民法院|审判员,庭长', '安吉县自然资源和规划局|科长', '浙江{firm}律师事务所|主任,律师'],
  },
  {
    name: '民盟',
    count: 3,
    status: '05',
    units: ['安吉县高级中学|教研组长,高级教师', '{t}中心学校|副校长', '安吉县人民医院|主治医师'],
  },
  { name: '民建', count: 3, status: '06', units: ['{co}|董事长,总经理', '浙江安吉农村商业银行{ts}支行|行长'] },
  {
    name: '民进',
    count: 3,
    status: '07',
    units: ['安吉县实验初级中学|教师,副校长', '安吉县文化馆|副馆长', '{t}幼儿园|园长'],
  },
  {
    name: '农工党',
    count: 3,
    status: '08',
    units: ['安吉县中医医院|主任医师,副院长', '{hc}|副院长,全科医生', '安吉县第三人民医院|主治医师'],
  },
  { name: '致公党', count: 2, status: '09', units: ['{co}|总经理,副总经理', '安吉县旅游协会|秘书长'] },
  {
    name: '九三学社',
    count: 3,
    status: '10',
    units: ['安吉县林业局|高级工程师', '安吉县农业农村局|农艺师', '安吉县气象局|工程师'],
  },
  {
    name: '无党派人士',
    count: 3,
    status: '12',
    units: ['安吉县人民医院|副主任医师', '安吉县高级中学|高级教师', '{co}|总工程师'],
  },
  {
    name: '共青团',
    count: 3,
    status: [
      ['03', 6],
      ['01', 4],
    ],
    bornFrom: 1990,
    bornTo: 1998,
    units: ['共青团安吉县委|副书记', '{t}团委|书记', '安吉县{farm}青创农场|负责人'],
  },
  { name: '工会', count: 3, status: MIXED, units: ['安吉县总工会|副主席', '{co}|工会主席', '{co}|车间主任'] },
  {
    name: '妇联',
    count: 4,
    status: MIXED,
    gender: '2',
    units: ['安吉县妇女联合会|副主席', '{t}妇联|主席', '{vc}|妇联主席', '安吉{v}白茶专业合作社|理事长'],
  },
  {
    name: '工商联',
    count: 6,
    status: MIXED,
    units: ['{co}|董事长,总经理', '安吉县{ts}商会|会长,副会长', '安吉县工商业联合会|副主席'],
  },
  {
    name: '科协',
    count: 3,
    status: MIXED,
    units: ['安吉县科学技术协会|副主席', '安吉县农业技术推广中心|高级农艺师', '{co}|研发中心主任'],
  },
  { name: '台联', count: 1, status: '13', units: ['{co}|总经理'] },
  { name: '侨联', count: 2, status: MIXED, units: ['安吉县归国华侨联合会|副主席', '{co}|外贸部经理'] },
  {
    name: '文化艺术',
    count: 4,
    status: MIXED,
    units: [
      '安吉县吴昌硕纪念馆|馆长,研究馆员',
      '安吉县文化馆|副馆长',
      '安吉县书法家协会|主席',
      '安吉{ts}竹编工作室|竹编非遗传承人',
    ],
  },
  {
    name: '科学技术',
    count: 4,
    status: MIXED,
    units: ['安吉县竹产业发展中心|高级工程师', '安吉县农业农村局茶叶站|站长,高级农艺师', '{co}|技术总监'],
  },
  {
    name: '社会科学',
    count: 3,
    status: MIXED,
    units: ['中共安吉县委党校|讲师,教研室主任', '安吉县档案馆|副馆长', '安吉县社会科学界联合会|秘书长'],
  },
  {
    name: '经济',
    count: 12,
    status: MIXED,
    subgroups: ['经济界一组', '经济界二组'],
    units: [
      '{co}|董事长,总经理,副总经理',
      '浙江安吉农村商业银行{ts}支行|行长',
      '安吉县发展和改革局|科长',
      '安吉县经济和信息化局|副局长',
    ],
  },
  {
    name: '农业',
    count: 10,
    status: MIXED,
    units: [
      '安吉{v}白茶专业合作社|理事长',
      '安吉县{farm}家庭农场|场主',
      '安吉县农业农村局|副局长',
      '{v}股份经济合作社|董事长',
      '安吉县{ts}竹笋专业合作社|社长',
    ],
  },
  {
    name: '教育',
    count: 7,
    status: MIXED,
    units: ['{t}中心学校|校长,副校长,教师', '{t}幼儿园|园长', '安吉县教育局|科长', '安吉县职业教育中心学校|副校长'],
  },
  { name: '体育', count: 2, status: MIXED, units: ['安吉县体育中心|主任', '安吉县业余体育学校|教练员'] },
  { name: '新闻出版', count: 2, status: MIXED, units: ['安吉县融媒体中心|记者,编辑,副主任'] },
  {
    name: '医药卫生',
    count: 7,
    status: MIXED,
    units: [
      '安吉县人民医院|主任医师,副院长,护士长',
      '安吉县中医医院|副主任医师',
      '{hc}|院长,全科医生',
      '{v}卫生室|乡村医生',
      '安吉县疾病预防控制中心|科长',
    ],
  },
  { name: '对外友好', count: 2, status: MIXED, units: ['{co}|总经理', '安吉县旅游协会|副会长'] },
  {
    name: '社会福利和社会保障',
    count: 4,
    status: MIXED,
    units: [
      '安吉县民政局|科长',
      '安吉县人力资源和社会保障局|科长',
      '安吉县残疾人联合会|副理事长',
      '{t}居家养老服务中心|主任',
    ],
  },
  {
    name: '少数民族',
    count: 2,
    status: MIXED,
    ethnicity: '畲族',
    units: ['{vc}|党总支书记', '{v}畲族文化礼堂|畲族文化传承人'],
  },
  { name: '宗教', count: 2, status: '13', units: ['安吉县佛教协会|副会长', '安吉县基督教两会|副主席'] },
  {
    name: '特邀',
    count: 4,
    status: [
      ['01', 8],
      ['13', 2],
    ],
    units: ['安吉县人民检察院|检察官', '安吉县公安局|副局长', '安吉县退役军人事务局|科长', '安吉县司法局|科长'],
  },
];

/** She villages of Anji where the 少数民族 members come from. */
export const SHE_VILLAGES = ['郎村', '中张村'] as const;

const FIRM_WORDS = '嘉瑞丰华晟鑫泓澜禾森源川翠恒泰裕启明'.split('');
const INDUSTRIES = ['竹木制品', '椅业', '家居', '茶业', '竹纤维科技', '生态旅游开发', '新材料', '智能装备', '竹笋食品'];
const FARMS = ['翠岭', '竹溪', '溪源', '山湾', '茶园坞', '竹海', '龙山', '凤栖', '云上', '石门'];

/** Where a member or representative lives and works: the township and (optionally) a village. */
export interface UnitPlace {
  township: string;
  village: string;
}

/** Name of a village's committee: 村 → 村民委员会, 社区 → 居民委员会. */
export function villageCommittee(village: string): string {
  return village.endsWith('村') ? `${village}村民委员会` : `${village}居民委员会`;
}

/** Two different characters for a fictional brand (瑞森, 泓源 …). */
function brand(rng: Rng): string {
  const [a, b] = rng.sample(FIRM_WORDS, 2);
  return a + b;
}

/** A fictional local company name (never a real firm). */
export function makeCompanyName(rng: Rng): string {
  return `安吉${brand(rng)}${rng.pick(INDUSTRIES)}有限公司`;
}

/** Expands one 'unit|posts' template for a place into a work unit and a post. */
export function fillUnit(rng: Rng, template: string, place: UnitPlace): { workUnit: string; post: string } {
  const [unit, posts] = template.split('|');
  const t = place.township;
  const street = isStreet(t);
  const tokens: Record<string, () => string> = {
    t: () => t,
    ts: () => townshipShortName(t),
    v: () => place.village,
    vc: () => villageCommittee(place.village),
    gov: () => (street ? '办事处' : '人民政府'),
    deputy: () => (street ? '副主任' : t.endsWith('乡') ? '副乡长' : '副镇长'),
    hc: () => (street ? `${t}社区卫生服务中心` : `${townshipShortName(t)}${t.endsWith('乡') ? '乡' : '镇'}卫生院`),
    co: () => makeCompanyName(rng),
    firm: () => brand(rng),
    farm: () => rng.pick(FARMS),
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => tokens[k]?.() ?? '');
  return { workUnit: fill(unit), post: fill(rng.pick(posts.split(','))) };
}

/** A political status code drawn from a profile's spec. */
export function pickStatus(rng: Rng, spec: SectorProfile['status']): PoliticalStatus {
  return typeof spec === 'string' ? spec : rng.weighted(spec);
}

/** Township offices the demo gives each township (2–3 of them, 党政办 always first). */
export function townshipOffices(township: string): string[] {
  return isStreet(township)
    ? ['党政办', '社会事务办', '城市管理办', '经济发展办']
    : ['党政办', '农业农村办', '社会事务办', '经济发展办'];
}
