// Request schemas for members, shared with the web client.
import { z } from 'zod';
import { educationSchema, genderSchema, politicalStatusSchema } from '../../../core/code-lists.js';
import { idBody, idQuery, name, optionalPhone, pageQuery, text } from '../common/schemas.js';

export const memberBody = z.object({
  code: z.string().trim().min(1).max(20),
  name,
  gender: genderSchema,
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  ethnicity: text(20).default('汉族'),
  politicalStatus: politicalStatusSchema,
  education: z.union([z.literal(''), educationSchema]).default(''),
  workUnit: text(100).default(''),
  post: text(50).default(''),
  groupId: idBody.nullable().default(null),
  sectorId: idBody,
  isStandingCommittee: z.boolean().default(false),
  phone: optionalPhone,
  email: z.union([z.literal(''), z.email()]).default(''),
  address: text(200).default(''),
  publicPhone: optionalPhone,
  publishContact: z.boolean().default(false),
  villageIds: z.array(idBody).max(50).default([]),
  active: z.boolean().default(true),
});
export type MemberInput = z.infer<typeof memberBody>;

export const memberListQuery = pageQuery.extend({
  groupId: idQuery.optional(),
  sectorId: idQuery.optional(),
  villageId: idQuery.optional(),
});
