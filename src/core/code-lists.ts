import { z } from 'zod';
import {
  CONTACT_METHODS,
  type CodeList,
  EDUCATION,
  GENDER,
  HANDLING_STATUS,
  POLITICAL_STATUS,
  PURPOSE_TAGS,
  ROLES,
} from './code-tables';

// The code lists themselves live in code-tables.ts (no zod, so the web app can import them); this adds validation.
export * from './code-tables';

// Builds a zod-ready tuple of a list's codes while keeping their literal types.
function codesOf<const T extends CodeList>(list: T): [T[number]['code'], ...T[number]['code'][]] {
  const codes = list.map((item) => item.code);
  return codes as [T[number]['code'], ...T[number]['code'][]];
}

// Validates a stored or submitted 性别 code.
export const genderSchema = z.enum(codesOf(GENDER));
// Validates a 政治面貌 code.
export const politicalStatusSchema = z.enum(codesOf(POLITICAL_STATUS));
// Validates a 学历 code.
export const educationSchema = z.enum(codesOf(EDUCATION));
// Validates a 联系方式 code.
export const contactMethodSchema = z.enum(codesOf(CONTACT_METHODS));
// Validates a purpose tag.
export const purposeTagSchema = z.enum(codesOf(PURPOSE_TAGS));
// Validates a handling status.
export const handlingStatusSchema = z.enum(codesOf(HANDLING_STATUS));
// Validates a role.
export const roleSchema = z.enum(codesOf(ROLES));

// Typed code unions, so the rest of the code never passes a bare string.
export type Gender = z.infer<typeof genderSchema>;
// Typed 政治面貌 code for registry records.
export type PoliticalStatus = z.infer<typeof politicalStatusSchema>;
// Typed 学历 code for registry records.
export type Education = z.infer<typeof educationSchema>;
// Typed 联系方式 code for activity records.
export type ContactMethod = z.infer<typeof contactMethodSchema>;
// Typed purpose tag for activity records.
export type PurposeTag = z.infer<typeof purposeTagSchema>;
// Typed handling status for opinions heard in an activity.
export type HandlingStatus = z.infer<typeof handlingStatusSchema>;
// Typed role, the key of every policy table.
export type Role = z.infer<typeof roleSchema>;
