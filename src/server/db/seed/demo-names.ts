// Realistic Chinese names and phone numbers for the demo and the test factories, drawn from a seeded Rng.
import type { Rng } from './demo-random.js';

// [value, weight] pairs from weight tiers, so long weighted lists stay readable.
function byWeight(tiers: Record<number, string | readonly string[]>): [string, number][] {
  return Object.entries(tiers).flatMap(([w, items]) => [...items].map((v): [string, number] => [v, Number(w)]));
}

// Surnames common in Huzhou/Anji first (沈, 王, 陈 …), weighted roughly by how often one meets them there.
const SURNAMES = byWeight({
  9: '沈王',
  8: '陈',
  7: '张',
  6: '李吴',
  5: '周徐',
  4: '朱胡潘',
  3: '钱俞程汪蒋姚章杨刘',
  2: '卢黄赵孙郑何许施方叶金陆',
  1: '费楼应褚顾邵鲍郎丁任蔡宋唐夏傅戴严韩钟雷蓝毛余田葛郭马诸',
});

/** Surnames typical of the She (畲族) people of Anji, for the few She members. */
export const SHE_SURNAMES = ['雷', '蓝', '钟'] as const;

// Given-name characters by generation and gender: names follow fashions, so a 1955 farmer is not called 子轩.
const GIVEN = {
  old: {
    '1': '建国明华伟林根福荣金水生德忠新春海平强军志文兴法富良祥云松发宝财'.split(''),
    '2': '秀英兰芳珍凤玉梅萍琴娟月美花菊丽红霞彩娥金仙莲素琴桂'.split(''),
  },
  mid: {
    '1': '伟峰斌杰涛勇军磊鹏超刚明辉俊亮波飞强宏健立新东洪伟剑锋平'.split(''),
    '2': '丽敏燕静红艳玲萍霞娟婷芳洁慧琳颖莉雪华晓丹倩虹蓉'.split(''),
  },
  young: {
    '1': '浩宇轩哲博子俊凯睿泽晨然一嘉皓宸逸杰航阳鑫豪'.split(''),
    '2': '婷怡欣雨佳琪悦涵思梦雅诗瑶璐文可馨蕾琳妍心'.split(''),
  },
} as const;

/** GB/T 2261.1 gender code of a generated person. */
export type GenderCode = '1' | '2';

/** Picks a gender code; p is the share of men. */
export function makeGender(rng: Rng, pMale = 0.55): GenderCode {
  return rng.chance(pMale) ? '1' : '2';
}

/** A full name that fits the person's gender and birth year (two-character given names for most). */
export function makePersonName(rng: Rng, gender: GenderCode, birthYear: number, surname?: string): string {
  const family = surname ?? rng.weighted(SURNAMES);
  const era = birthYear < 1966 ? GIVEN.old : birthYear < 1988 ? GIVEN.mid : GIVEN.young;
  const chars = era[gender];
  const first = rng.pick(chars);
  if (rng.chance(0.22)) return family + first;
  let second = rng.pick(chars);
  if (second === first && !(gender === '2' && birthYear >= 1985)) second = rng.pick(chars);
  return family + first + second;
}

// Mobile prefixes of the three carriers, weighted towards the older and more common ones.
const MOBILE_PREFIXES = byWeight({
  5: ['139', '138'],
  4: ['137', '135', '159', '158'],
  3: ['136', '150', '151', '187'],
  2: [
    '134',
    '157',
    '152',
    '188',
    '182',
    '183',
    '130',
    '131',
    '132',
    '155',
    '156',
    '185',
    '186',
    '133',
    '153',
    '180',
    '189',
  ],
  1: ['177', '181', '191', '198', '199', '195'],
});

/** An 11-digit mainland mobile number (valid per core/phone). */
export function makeMobile(rng: Rng): string {
  return rng.weighted(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A mobile number not yet in `used`; adds it to the set so a batch of people never shares a phone. */
export function makeUniqueMobile(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = makeMobile(rng);
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/** An Anji office landline (area code 0572, local numbers 5xxxxxx), as published on member contact cards. */
export function makeOfficePhone(rng: Rng): string {
  return `0572-5${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}
