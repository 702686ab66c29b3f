// Request schemas of 协商: the consultation and its participants, status steps, outcomes, progress and grading.
import { z } from 'zod';
import { idBody, idQuery, isoDate, pageQuery, patchOf, text } from '../common/schemas.js';

const id = idBody;

/** The steps of a consultation, in order. */
export const CONSULTATION_STATUSES = ['planned', 'held', 'implementing', 'completed'] as const;

/** One participant: a member, an invited representative, a citizen by name, or a department. */
export const participantInput = z.object({
  kind: z.enum(['member', 'representative', 'citizen', 'department']),
  memberId: id.optional(),
  representativeId: id.optional(),
  departmentId: id.optional(),
  name: text(50).default(''),
  attended: z.boolean().nullable().default(null),
});
/** A validated participant. */
export type ParticipantInput = z.infer<typeof participantInput>;

/** Body of POST /consultations. */
export const consultationBody = z.object({
  topic: z.string().trim().min(1).max(200),
  description: text(5000).default(''),
  meetingAt: z.iso.datetime({ offset: true }).nullable().default(null),
  place: text(200).default(''),
  agenda: text(5000).default(''),
  minutes: text(50_000).default(''),
  isPublic: z.boolean().default(true),
  participants: z.array(participantInput).max(300).default([]),
});
/** A validated consultation. */
export type ConsultationInput = z.infer<typeof consultationBody>;
/** Body of PATCH /consultations/:id (participants given replace the list). */
export const consultationPatch = patchOf(consultationBody);
/** A validated edit. */
export type ConsultationPatch = z.infer<typeof consultationPatch>;

/** Body of POST /consultations/:id/status: the next step only. */
export const statusBody = z.object({ status: z.enum(CONSULTATION_STATUSES) });

/** Query of GET /consultations. */
export const consultationListQuery = pageQuery.extend({ status: z.enum(CONSULTATION_STATUSES).optional() });
/** A validated list query. */
export type ConsultationListQuery = z.infer<typeof consultationListQuery>;

/** Body of POST /consultations/:id/outcomes; the deadline defaults to 60 working days from now. */
export const outcomeBody = z.object({
  content: z.string().trim().min(1).max(5000),
  departmentId: id.nullable().default(null),
  deadline: isoDate.nullable().default(null),
});
/** A validated outcome. */
export type OutcomeInput = z.infer<typeof outcomeBody>;
/** Body of PATCH /consultations/:id/outcomes/:outcomeId. */
export const outcomePatch = patchOf(outcomeBody);
/** A validated outcome edit. */
export type OutcomePatch = z.infer<typeof outcomePatch>;

/** Body of POST …/outcomes/:outcomeId/progress: the share done and the milestone reached. */
export const progressBody = z.object({
  progress: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(2000),
});
/** Body of POST …/outcomes/:outcomeId/grade. */
export const gradeBody = z.object({ grade: z.enum(['A', 'B', 'C']), note: text(1000).default('') });

/** Path of the outcome endpoints. */
export const outcomeParams = z.object({
  id: idQuery,
  outcomeId: idQuery,
});

/** Query of GET /consultation-outcomes (the department's work list). */
export const outcomeListQuery = pageQuery.extend({
  departmentId: idQuery.optional(),
  status: z.enum(['open', 'assigned', 'in_progress', 'done']).optional(),
  overdue: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});
/** A validated outcome list query. */
export type OutcomeListQuery = z.infer<typeof outcomeListQuery>;
