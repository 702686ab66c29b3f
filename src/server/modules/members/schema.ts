// Request schemas for members, shared with the web client.
import { z } from 'zod';
import { educationSchema, genderSchema, politicalStatusSchema } from '../../../core/code-lists.js';
import { name, optionalPhone, pageQuery, text } from '../common/schemas.js';

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
  groupId: z.number().int().positive().nullable().default(null),
  sectorId: z.number().int().positive(),
  isStandingCommittee: z.boolean().default(false),
  phone: optionalPhone,
  email: z.union([z.literal(''), z.email()]).default(''),
  address: text(200).default(''),
  publicPhone: optionalPhone,
  publishContact: z.boolean().default(false),
  villageIds: z.array(z.number().int().positive()).max(50).default([]),
  active: z.boolean().default(true),
});
export type MemberInput = z.infer<typeof memberBody>;

export const memberListQuery = pageQuery.extend({
  groupId: z.coerce.number().int().positive().optional(),
  sectorId: z.coerce.number().int().positive().optional(),
  villageId: z.coerce.number().int().positive().optional(),
});
