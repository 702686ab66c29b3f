// Request schemas for representatives (《政协委员联系群众名单登记表》 plus the record card's fields).
import { z } from 'zod';
import { educationSchema, genderSchema, politicalStatusSchema } from '../../../core/code-lists.js';
import { idBody, idQuery, name, pageQuery, patchOf, phone, text } from '../common/schemas.js';

const base = z.object({
  name,
  gender: genderSchema,
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  age: z.number().int().min(0).max(120).nullable().default(null),
  education: z.union([z.literal(''), educationSchema]).default(''),
  post: text(50).default(''),
  workUnit: text(100).default(''),
  politicalStatus: politicalStatusSchema.default('13'),
  address: text(200).default(''),
  phone,
  remarks: text(500).default(''),
  regionId: idBody.nullable().default(null),
  departmentId: idBody.nullable().default(null),
  memberIds: z.array(idBody).max(20).default([]),
});
export const representativeBody = base.refine((b) => (b.regionId === null) !== (b.departmentId === null), {
  message: 'village_or_department',
  path: ['regionId'],
});
export const representativePatch = patchOf(base);
export type RepresentativeInput = z.infer<typeof base>;

export const representativeListQuery = pageQuery.extend({
  memberId: idQuery.optional(),
  regionId: idQuery.optional(),
  departmentId: idQuery.optional(),
  townshipId: idQuery.optional(),
});
