import { describe, expect, it } from 'vitest';
import {
  CONTACT_METHODS,
  type CodeList,
  codeOf,
  contactMethodSchema,
  EDUCATION,
  educationSchema,
  GENDER,
  genderSchema,
  HANDLING_STATUS,
  handlingStatusSchema,
  labelOf,
  POLITICAL_STATUS,
  PURPOSE_TAGS,
  politicalStatusSchema,
  purposeTagSchema,
  ROLES,
  roleSchema,
} from './code-lists';

const lists: Array<[string, CodeList]> = [
  ['GENDER', GENDER],
  ['POLITICAL_STATUS', POLITICAL_STATUS],
  ['EDUCATION', EDUCATION],
  ['CONTACT_METHODS', CONTACT_METHODS],
  ['PURPOSE_TAGS', PURPOSE_TAGS],
  ['HANDLING_STATUS', HANDLING_STATUS],
  ['ROLES', ROLES],
];

describe('code lists', () => {
  it.each(lists)('%s has unique codes and labels', (_name, list) => {
    expect(new Set(list.map((i) => i.code)).size).toBe(list.length);
    expect(new Set(list.map((i) => i.label)).size).toBe(list.length);
    for (const item of list) expect(item.label.length).toBeGreaterThan(0);
  });

  it('uses the GB/T 2261.1 gender codes', () => {
    expect(GENDER.map((i) => i.code)).toEqual(['1', '2', '0', '9']);
    expect(labelOf(GENDER, '1')).toBe('男');
    expect(labelOf(GENDER, '2')).toBe('女');
  });

  it('uses the 13 two-digit GB/T 4762 political-status codes', () => {
    expect(POLITICAL_STATUS.map((i) => i.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(labelOf(POLITICAL_STATUS, '01')).toBe('中国共产党党员');
    expect(labelOf(POLITICAL_STATUS, '10')).toBe('九三学社社员');
    expect(labelOf(POLITICAL_STATUS, '13')).toBe('群众');
  });

  it('uses GB/T 4658-2006 education codes and labels', () => {
    expect(EDUCATION.map((i) => i.code)).toEqual(['10', '11', '14', '20', '30', '40', '60', '70', '80', '90']);
    expect(labelOf(EDUCATION, '11')).toBe('博士研究生毕业');
    expect(labelOf(EDUCATION, '14')).toBe('硕士研究生毕业');
    expect(labelOf(EDUCATION, '20')).toBe('大学本科教育');
    expect(labelOf(EDUCATION, '90')).toBe('其他');
  });

  it('has the record-card contact methods, purpose tags, statuses and roles', () => {
    expect(CONTACT_METHODS.map((i) => i.code)).toEqual(['talk', 'box', 'visit', 'phone', 'letter', 'other']);
    expect(PURPOSE_TAGS).toHaveLength(11);
    expect(labelOf(HANDLING_STATUS, 'reported')).toBe('已转社情民意');
    expect(labelOf(ROLES, 'dept_handler')).toBe('承办单位');
  });
});

describe('zod enums', () => {
  it('accept the codes of their list and reject anything else', () => {
    expect(genderSchema.parse('9')).toBe('9');
    expect(genderSchema.safeParse('3').success).toBe(false);
    expect(genderSchema.safeParse('男').success).toBe(false);
    expect(politicalStatusSchema.safeParse('1').success).toBe(false);
    expect(politicalStatusSchema.parse('12')).toBe('12');
    expect(educationSchema.safeParse('50').success).toBe(false);
    expect(contactMethodSchema.parse('box')).toBe('box');
    expect(purposeTagSchema.safeParse('party').success).toBe(false);
    expect(handlingStatusSchema.parse('in_progress')).toBe('in_progress');
    expect(roleSchema.options).toEqual(ROLES.map((r) => r.code));
  });
});

describe('labelOf', () => {
  it('returns undefined for unknown codes', () => {
    expect(labelOf(GENDER, '3')).toBeUndefined();
    expect(labelOf(ROLES, '')).toBeUndefined();
  });
});

describe('codeOf', () => {
  it.each([
    [GENDER, '男', '1'],
    [GENDER, ' 女 ', '2'],
    [GENDER, '女性', '2'],
    [GENDER, '1', '1'],
    [POLITICAL_STATUS, '中共党员', '01'],
    [POLITICAL_STATUS, '中国共产党预备党员', '02'],
    [POLITICAL_STATUS, '共青团员', '03'],
    [POLITICAL_STATUS, '无党派民主人士', '12'],
    [POLITICAL_STATUS, '群众', '13'],
    [EDUCATION, '本科', '20'],
    [EDUCATION, '大专', '30'],
    [EDUCATION, '硕士', '14'],
    [EDUCATION, '初中', '70'],
    [CONTACT_METHODS, '走访', 'visit'],
    [ROLES, '领导', 'leader'],
  ] as Array<[CodeList, string, string]>)('maps %#: %s', (list, text, code) => {
    expect(codeOf(list, text)).toBe(code);
  });

  it('returns undefined for blank or unknown input, and aliases do not leak across lists', () => {
    expect(codeOf(GENDER, '')).toBeUndefined();
    expect(codeOf(GENDER, '  ')).toBeUndefined();
    expect(codeOf(POLITICAL_STATUS, '本科')).toBeUndefined();
    expect(codeOf(EDUCATION, '党员')).toBeUndefined();
    expect(codeOf(ROLES, 'root')).toBeUndefined();
  });
});
