// Wording and small formatting helpers shared by the xlsx and pdf renderers, so both print the same paper forms.
import type { RecordCardData } from './types.js';

export const TITLES = {
  registration: '政协委员联系群众名单登记表',
  recordCard: '政协委员联系群众代表活动记录卡',
  summary: '政协委员联系群众代表活动汇总表',
} as const;

export const SHEET_NAMES = {
  registration: '名单登记表',
  recordCard: '活动记录卡',
  summary: '活动汇总表',
} as const;

export const REGISTRATION_HEADERS = [
  '群众代表姓名',
  '性别',
  '年龄',
  '文化程度',
  '职务',
  '工作单位',
  '政治面貌',
  '地址',
  '联系电话',
  '备注',
] as const;

export const MEMBER_HEADERS = ['姓名', '工作单位'] as const;
export const CONTACT_HEADERS = ['姓名', '工作单位及职务', '性别', '年龄', '联系电话', '政治面貌'] as const;
export const SUMMARY_HEADERS = [
  '委员名称',
  '联系对象姓名',
  '联系活动时间',
  '反映社情民意主要内容',
  '处理意见',
  '备注',
] as const;

export const CARD_LABELS = {
  member: '政协委员',
  contact: '联系对象',
  method: '联系方式',
  purpose: '联系事项',
  opinions: '群众代表反映的意见和建议',
  handling: '委员处理意见及办理情况',
} as const;

export const RECORD_CARD_NOTES = [
  '注：1、“联系方式”栏，在相应选项后面方框打“√”；',
  '2、此记录卡可复印，不够填写时可另纸。',
] as const;

/** Order and printed label of the 联系方式 options on the paper card. */
export const METHOD_OPTIONS: ReadonlyArray<readonly [RecordCardData['methods'][number], string]> = [
  ['座谈', '座谈'],
  ['社情民意箱', '社情民意箱'],
  ['走访', '走访'],
  ['电话', '电话'],
  ['信件', '信件'],
  ['其他', '其他形式'],
];

export const BOX_EMPTY = '□';
export const BOX_TICKED = '☑';

/** Minimum number of data rows printed on list forms, so short lists still leave room to write by hand. */
export const MIN_LIST_ROWS = 8;
/** Empty rows on a blank record card. */
export const BLANK_MEMBER_ROWS = 2;
export const BLANK_CONTACT_ROWS = 3;

export interface MethodItem {
  label: string;
  checked: boolean;
  /** Text printed after the box, e.g. the free text of 其他形式. */
  suffix: string;
}

/** The six 联系方式 options in paper order; 其他形式 counts as ticked when methodOther has text. */
export function methodItems(d: RecordCardData | null): MethodItem[] {
  const other = (d?.methodOther ?? '').trim();
  return METHOD_OPTIONS.map(([key, label]) => {
    const isOther = key === '其他';
    const checked = !!d && (d.methods.includes(key) || (isOther && other !== ''));
    return { label, checked, suffix: isOther && other ? `（${other}）` : '' };
  });
}

/** '2024-03-05' → { y: '2024', m: '3', d: '5' }; null when the string is not a date. */
export function dateParts(s: string | null | undefined): { y: string; m: string; d: string } | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec((s ?? '').trim());
  if (!m) return null;
  return { y: m[1], m: String(Number(m[2])), d: String(Number(m[3])) };
}

/** Paper style date: '2024 年 3 月 5 日'; blank spaces for a null date; unparseable text is kept as is. */
export function cnDate(s: string | null | undefined, blank = '　　　　年　　月　　日'): string {
  if (s == null || s.trim() === '') return blank;
  const p = dateParts(s);
  return p ? `${p.y} 年 ${p.m} 月 ${p.d} 日` : s;
}

/** The record card's 联系日期 line (plus 联系地点 when the activity names a village). */
export function cardDateLine(d: RecordCardData | null): string {
  const place = d?.villageName?.trim();
  return `联系日期：${cnDate(d?.date ?? null)}${place ? `        联系地点：${place}` : ''}`;
}

/** The summary's 工作组：… line with the period written as on paper. */
export function summaryHeadLine(groupName: string, from: string, to: string): string {
  return `工作组：${groupName}        ${cnDate(from)} 至 ${cnDate(to)}`;
}

/** The registration form's 委员 / 界别 / 联络组 / 委员签名 line, one string per part. */
export function memberLineParts(m: {
  name: string;
  sectorName: string;
  groupName: string;
  workUnit: string;
  post: string;
}): [string, string, string, string] {
  const unit = [m.workUnit, m.post]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  return [
    `委员：${m.name}${unit ? `（${unit}）` : ''}`,
    `界别：${m.sectorName}`,
    `联络组：${m.groupName}`,
    '委员签名：',
  ];
}

/** generatedAt as shown in footers, always in China time regardless of the server time zone. */
export function formatGeneratedAt(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Age cell text; empty for unknown ages. */
export function ageText(age: number | null): string {
  return age == null || !Number.isFinite(age) ? '' : String(age);
}

/** Pads a list with empty rows up to `min` entries. */
export function padRows<T>(rows: T[], min: number, empty: () => T): T[] {
  const out = rows.slice();
  while (out.length < min) out.push(empty());
  return out;
}
