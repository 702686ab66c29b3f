// Personal data in Chinese free text (a citizen's item, an office's answer) found and replaced before anything is
// shown publicly: phones, ID and bank card numbers, e-mail and chat accounts, licence plates, detailed addresses and names (the
// item's own originators, and names after a cue such as 我叫 / 姓名：). Rules err on the side of hiding, but years,
// amounts, dates, the 12345 hotline and counts (300户, 3组) stay: an answer without its numbers says nothing.
import { isLandline, isMobilePhone } from '../phone.js';

/** What a piece of personal data is. */
export type PiiKind = 'phone' | 'id' | 'card' | 'email' | 'account' | 'plate' | 'address' | 'name';

/** One piece of personal data found in a text: its kind and where it is (UTF-16 offsets into the original). */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** Options: the names known to belong to the people of this text (originators), hidden wherever they appear. */
export interface PiiOptions {
  names?: readonly string[];
}

/** The neutral mark that replaces each piece of personal data. */
export const REDACTION_MARK = '【已隐去】';

const DASHES = '‐‑‒–—―－﹣';

/**
 * The text with full-width ASCII forms (１３８, ＠, －), dash variants and ideographic spaces folded to ASCII, one
 * UTF-16 unit for one, so every offset found in the folded text is the same offset in the original.
 */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '\u3000' || ch === '\u00a0') out += ' ';
    else if (DASHES.includes(ch)) out += '-';
    else out += ch;
  }
  return out;
}

const HAN = '\\u3400-\\u9fff';
const NUM = '0-9〇零一二三四五六七八九十百两';
// Parts of a detailed address: building, entrance, floor, flat, village group, house number.
const UNIT = '(?:号楼|号院|栋|幢|座|单元|层|楼|室|组|队|社|号)';
const PART = `(?:[${NUM}]+|[A-Za-z])${UNIT}`;

interface Rule {
  kind: PiiKind;
  re: RegExp;
  /** Which capture group is the personal data (0: the whole match). */
  group?: number;
  /** A last check on the matched text (e.g. a real landline shape). */
  accept?: (s: string) => boolean;
}

// Licence plates: a province's one-character abbreviation, the issuing office's letter (no I or O), an optional
// separator, then 5 characters (6 on a new-energy plate, D/F first or last) or 4 and a use character (学 警 挂 领 …);
// at least 3 digits, so grade words (京A级, 5A), paper sizes (A4) and model numbers stay.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_CHAR = 'A-HJ-NP-Za-hj-np-z0-9';
const PLATE = new RegExp(
  `(?<![A-Za-z0-9])[${PROVINCES}][A-HJ-NP-Za-hj-np-z][ ·•・‧.-]?(?:[${PLATE_CHAR}]{5,6}|[${PLATE_CHAR}]{4}[挂学警港澳领试超])(?![A-Za-z0-9])`,
  'g',
);
const hasDigits = (s: string, n: number) => (s.match(/\d/g)?.length ?? 0) >= n;

const RULES: Rule[] = [
  // Every rule starts where a run starts (a lookbehind), so a long run of letters or digits is scanned once, not once
  // per position: 5,000 characters cost well under a millisecond instead of tens.
  { kind: 'email', re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // 18-digit resident ID (last character may be X), optionally grouped 6-8-4 with spaces; the old 15-digit one.
  {
    kind: 'id',
    re: /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])/g,
  },
  // Bank cards: 15–19 digits in one run, or grouped by fours (6222 0212 3456 7890 123).
  {
    kind: 'card',
    re: /(?<![0-9A-Za-z])(?:\d{15,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?)(?![0-9A-Za-z])/g,
  },
  // Mainland mobiles: 138 1234 5678, 138-1234-5678, +86 13812345678.
  {
    kind: 'phone',
    re: /(?<![0-9A-Za-z+])(?:(?:\+86|0086|86)[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9A-Za-z])/g,
    accept: isMobilePhone,
  },
  // Landlines with their area code: 0991-1234567, (010) 1234 5678, 0571-12345678 转 801.
  {
    kind: 'phone',
    re: /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?[1-9]\d{2,3}[ -]?\d{3,4}(?:[ -]?(?:转|分机|-)[ -]?\d{1,6})?(?![0-9A-Za-z])/g,
    accept: isLandline,
  },
  // After a phone cue, any number of 7 or more digits (a landline without its area code, an odd mobile).
  {
    kind: 'phone',
    re: /(?:电话|手机|座机|联系方式|号码|tel|Tel|TEL)(?:号码|号)?[是为:： ]*((?:\+?\d[ -]?){6,15}\d)/g,
    group: 1,
  },
  // Chat accounts after their cue: 微信号 abc_123, QQ 12345678.
  {
    kind: 'account',
    re: /(?:微信号?|QQ号?|qq号?|抖音号?)[是为:： ]*([A-Za-z0-9][A-Za-z0-9_.-]{4,29})/g,
    group: 1,
  },
  { kind: 'plate', re: PLATE, accept: (s) => hasDigits(s, 3) },
  // Embassy plates (使 and six digits); not a count (使120000户受益).
  { kind: 'plate', re: /(?<![A-Za-z0-9])使[ ·-]?\d{3}[ ·-]?\d{3}(?![0-9A-Za-z户人元万亿个名家所台辆次件年])/g },
  // Detailed addresses: a chain of two or more numbered parts (3号楼2单元502室, 3组15号, 5栋1层), a flat number alone
  // (502室), and the house number after a road or lane (人民路15号, 幸福巷3-2号).
  { kind: 'address', re: new RegExp(`(?<![${NUM}A-Za-z])${PART}(?:[-之]?${PART})+`, 'g') },
  { kind: 'address', re: /(?<![0-9A-Za-z])(?:\d{2,}|[A-Za-z]\d+|\d+[-之]\d+)室/g },
  {
    kind: 'address',
    re: new RegExp(`(?<=[${HAN}](?:路|街|大道|巷|弄|胡同|里))[${NUM}]+(?:-[${NUM}]+)?号(?:[-之]?${PART})*`, 'g'),
  },
];

// Common surnames (and the compound ones): a name after a weak cue (本人, 我是, 我叫) must start with one.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(
    '',
  ),
);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '令狐',
];
// Characters that end a name after a cue (the sentence goes on: 我叫张三，家住… / 本人张三今年…).
const AFTER_NAME = new Set(
  '是在的住家今现电手联反向想要因请从男女岁和与及也都就了，。、,.；;：:！!？?（）() \n\t现年系为之将已对把被让给'.split(
    '',
  ),
);
const STRONG_CUE = /(?:姓名|联系人|反映人|投诉人|来信人|申请人|户主|署名)([是为:：\s]*)/g;
const WEAK_CUE = /(?:我叫|本人叫|本人是|本人|我是|名叫)\s*/g;
const DOTTED_NAME = new RegExp(`^[${HAN}]{1,8}[·•・‧.][${HAN}]{1,8}`);

// Words that start with a surname character but are not names (我是党员, 本人农民, 我是全村…).
const NOT_NAMES =
  /^(?:党员|党支|全体|全村|全家|全组|农民|农户|农村|时候|商户|车主|路过|于是|关于|和平|明年|应该|毕业|高龄|常年|连续|江边|华侨|方面|单位|师傅|司机|本村|本组|个人|一名|一位|老人|老党|孙子|孙女|外地|房东|房主|户主|居民|村民|群众|文化|安置|管理|曾经|万元|龙头|向您|于今|程序|苏醒)/;
// Endings of place words that a weak cue may be followed by (我是李家村的村民).
const PLACE_END = /[村镇乡组县市区路街屯寨庄队社]$/;
const HAN_CHAR = new RegExp(`[${HAN}]`);

/**
 * The name at `at` after a cue: a dotted name (阿不都·买买提), else 2–3 Han characters (4 with a compound surname) up
 * to a stop; a weak cue, or a strong one without a separator, needs a surname first. Null when there is none.
 */
function nameAt(text: string, at: number, needSurname: boolean): string | null {
  const rest = text.slice(at, at + 20);
  const dotted = DOTTED_NAME.exec(rest);
  if (dotted) return dotted[0];
  const surnameLen = COMPOUND_SURNAMES.some((s) => rest.startsWith(s)) ? 2 : SURNAMES.has(rest[0] ?? '') ? 1 : 0;
  if (needSurname && (surnameLen === 0 || NOT_NAMES.test(rest))) return null;
  let n = 0;
  while (n < rest.length && HAN_CHAR.test(rest[n] ?? '') && !AFTER_NAME.has(rest[n] ?? '')) n++;
  const max = surnameLen === 2 ? 4 : 3;
  // A long run without a stop is a sentence (本人反映村里…) unless it starts with a surname: then take the name part.
  if (n > max && surnameLen === 0) return null;
  n = Math.min(n, max);
  if (n < 2) return null;
  const name = rest.slice(0, n);
  return PLACE_END.test(name) ? null : name;
}

function cueNames(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(STRONG_CUE)) {
    const at = (m.index ?? 0) + m[0].length;
    const name = nameAt(text, at, !(m[1] ?? '').trim() && !/[是为]/.test(m[1] ?? ''));
    if (name) out.push({ kind: 'name', start: at, end: at + name.length, text: name });
  }
  for (const m of text.matchAll(WEAK_CUE)) {
    const at = (m.index ?? 0) + m[0].length;
    const name = nameAt(text, at, true);
    if (name) out.push({ kind: 'name', start: at, end: at + name.length, text: name });
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The known names wherever they appear; a dotted name matches with any of the dots people type. */
function knownNames(text: string, names: readonly string[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))];
  for (const name of unique) {
    const pattern = escapeRe(name)
      .replace(/(?:\\\.|[·•・‧])/g, '[·•・‧.]')
      .replace(/\s+/g, '\\s*');
    for (const m of text.matchAll(new RegExp(pattern, 'gi')))
      out.push({ kind: 'name', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * Every piece of personal data in the text, in order and without overlaps (overlapping finds are joined into one
 * span with the kind of the earliest, longest).
 */
export function findPii(text: string, opts: PiiOptions = {}): PiiSpan[] {
  if (!text) return [];
  const folded = fold(text);
  const found: PiiSpan[] = [];
  for (const rule of RULES) {
    for (const m of folded.matchAll(rule.re)) {
      const g = rule.group ?? 0;
      const hit = m[g];
      if (!hit) continue;
      const start = (m.index ?? 0) + (g ? m[0].indexOf(hit) : 0);
      if (rule.accept && !rule.accept(hit)) continue;
      found.push({ kind: rule.kind, start, end: start + hit.length, text: '' });
    }
  }
  found.push(...cueNames(folded), ...knownNames(folded, (opts.names ?? []).map(fold)));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiSpan[] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  for (const s of merged) s.text = text.slice(s.start, s.end);
  return merged;
}

/** The text with every piece of personal data replaced by REDACTION_MARK (for the public board and exports). */
export function redactPii(text: string, opts: PiiOptions = {}): string {
  const spans = findPii(text, opts);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + REDACTION_MARK;
    at = s.end;
  }
  return out + text.slice(at);
}
