// Zod schemas of the assessment endpoints (params, queries, bodies).
import { z } from 'zod';
import { SOURCE_CODES } from '../../../core/assessment/index.js';
import { idBody, idQuery, isoDate, text } from '../common/schemas.js';

const score = z.coerce.number().min(0).max(1000);
export const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const yearMemberParam = yearParam.extend({ memberId: idQuery });
export const yearIdParam = yearParam.extend({ id: idQuery });

export const ruleBody = z.object({
  id: idBody.optional(),
  name: z.string().trim().min(1).max(60),
  source: z.enum(SOURCE_CODES),
  points: z.number().min(0).max(1000),
  cap: z.number().min(0).max(1000).nullable().default(null),
  isDeduction: z.boolean().default(false),
  note: text(200).default(''),
});
export const schemeBody = z.object({
  schemeName: z.string().trim().min(1).max(80),
  fullMarks: z.number().int().min(1).max(1000),
  baseScore: score.default(0),
  talkThreshold: score.default(60),
  rules: z
    .array(ruleBody)
    .max(60)
    .refine((rs) => new Set(rs.map((r) => r.name)).size === rs.length, 'duplicate_ids'),
});
export const copyBody = z.object({ fromYear: z.number().int().min(2000).max(2100) });

export const scoresQuery = z.object({
  sectorId: idQuery.optional(),
  groupId: idQuery.optional(),
  belowThreshold: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export const entryBody = z.object({
  ruleId: idBody,
  memberId: idBody,
  date: isoDate,
  quantity: z.number().positive().max(1000).default(1),
  evidence: z.string().trim().min(1).max(500),
});
export const entryPatch = entryBody.partial();
export const entriesQuery = z.object({
  memberId: idQuery.optional(),
  ruleId: idQuery.optional(),
});

export const appealBody = z.object({ ruleId: idBody, reason: z.string().trim().min(1).max(1000) });
/** Query of a year's appeals: status=pending is the office's queue (the workbench counts it). */
export const appealsQuery = z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional() });
export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'reject']),
    adjustment: z.number().min(-1000).max(1000).default(0),
    text: text(1000).default(''),
  })
  .refine((b) => b.decision === 'reject' || b.adjustment !== 0, { path: ['adjustment'], message: 'required' });

export const evaluationBody = z
  .object({
    evaluatorKind: z.enum(['representative', 'staff']),
    representativeId: idBody.nullable().default(null),
    evaluatorName: z.string().trim().min(1).max(50),
    grade: z.enum(['excellent', 'good', 'fair', 'poor']),
    comment: text(1000).default(''),
  })
  .refine((b) => b.evaluatorKind === 'staff' || b.representativeId !== null, {
    path: ['representativeId'],
    message: 'required',
  });

export const reportQuery = z.object({ format: z.enum(['docx']).default('docx') });
