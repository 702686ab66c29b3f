// Request schemas of the 民生问题 endpoints (staff and public); one per endpoint, shared with the web client.
import { z } from 'zod';
import { PROBLEM_STATUS_CODES } from '../../../core/problems/lifecycle.js';
import { idBody, idQuery, isoDate, patchOf } from '../common/schemas.js';

const ids = z.array(idBody).max(500);
const year = z.number().int().min(2000).max(2100);
const yearQuery = z.coerce.number().int().min(2000).max(2100);

/** POST /problems. */
export const problemBody = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(5000).default(''),
  regionId: idBody,
  year,
  goal: z.string().trim().max(2000).default(''),
  leadDepartmentId: idBody.nullable().optional(),
  departmentIds: ids.default([]),
  opinionIds: ids.default([]),
});
export type ProblemInput = z.infer<typeof problemBody>;

/** PATCH /problems/:id: only the named fields change. */
export const problemPatch = patchOf(
  z.object({
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(5000),
    goal: z.string().trim().max(2000),
    outcome: z.string().trim().max(5000),
    leadDepartmentId: idBody.nullable(),
    departmentIds: ids,
    published: z.boolean(),
  }),
);
export type ProblemPatch = z.infer<typeof problemPatch>;

/** POST /problems/:id/status. */
export const statusBody = z.object({
  status: z.enum(PROBLEM_STATUS_CODES),
  outcome: z.string().trim().max(5000).optional(),
  note: z.string().trim().max(2000).default(''),
});
export type StatusInput = z.infer<typeof statusBody>;

/** POST /problems/:id/items. */
export const itemsBody = z.object({ opinionIds: ids.min(1) });

/** POST /problems/:id/milestones. */
export const milestoneBody = z.object({
  title: z.string().trim().min(1).max(200),
  dueDate: isoDate.nullable().optional(),
  progress: z.number().int().min(0).max(100),
  reachedAt: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).default(''),
});
export type MilestoneInput = z.infer<typeof milestoneBody>;

/** PATCH /problems/:id/milestones/:milestoneId. */
export const milestonePatch = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  dueDate: isoDate.nullable().optional(),
  progress: z.number().int().min(0).max(100).optional(),
  reachedAt: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).optional(),
});
export type MilestonePatch = z.infer<typeof milestonePatch>;

/** The multipart fields of POST /problems/:id/evidence. */
export const evidenceFields = z.object({
  kind: z.enum(['photo', 'document', 'report']),
  title: z.string().trim().max(200).default(''),
  published: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(true),
});
export type EvidenceInput = z.infer<typeof evidenceFields>;

/** GET /problems. */
export const problemListQuery = z.object({
  year: yearQuery.optional(),
  regionId: idQuery.optional(),
  status: z.enum(PROBLEM_STATUS_CODES).optional(),
});
export type ProblemListQuery = z.infer<typeof problemListQuery>;

/** GET /problems/suggestions. */
export const suggestionQuery = z.object({
  regionId: idQuery.optional(),
  days: z.coerce.number().int().min(1).max(366).default(90),
});

export const problemParam = z.object({ id: idQuery });
export const itemParam = z.object({ id: idQuery, opinionId: idQuery });
export const milestoneParam = z.object({ id: idQuery, milestoneId: idQuery });
export const evidenceParam = z.object({ id: idQuery, evidenceId: idQuery });

/** GET /public/problems. */
export const publicProblemQuery = z.object({ regionId: idQuery.optional(), year: yearQuery.optional() });
