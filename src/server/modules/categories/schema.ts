// Request schemas of the two-level 社情民意 category taxonomy.
import { z } from 'zod';
import { idBody, name, patchOf } from '../common/schemas.js';

const base = z.object({
  name,
  parentId: idBody.nullable().default(null),
  // Department reply period of this category in working days; null = the parent's, else the global setting.
  replyWorkingDays: z.number().int().min(1).max(60).nullable().default(null),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  active: z.boolean().default(true),
});

export const categoryBody = base;
export const categoryPatch = patchOf(base);
export type CategoryInput = z.infer<typeof base>;
export type CategoryPatch = z.infer<typeof categoryPatch>;

export const categoryListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
