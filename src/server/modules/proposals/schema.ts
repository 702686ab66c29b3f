// Request schemas of /api/v1/proposals: drafting, co-signing, the office's decision, assignment, reply and rating.
import { z } from 'zod';
import { PROPOSAL_STATUS_CODES } from '../../../core/proposals/index.js';
import { idBody, isoDate, pageQuery, text } from '../common/schemas.js';

const id = idBody;
const unique = (xs: number[]) => new Set(xs).size === xs.length;
const title = z.string().trim().min(1).max(200);
const content = z.string().trim().min(1).max(20_000);

/** Body of POST /proposals: a draft, optionally from the member's 社情民意 items. */
export const proposalBody = z.object({
  title,
  content,
  opinionIds: z.array(id).max(20).refine(unique, 'duplicate_ids').default([]),
});
/** A validated draft. */
export type ProposalInput = z.infer<typeof proposalBody>;

/** Body of PATCH /proposals/:id (while draft). */
export const proposalPatch = z.object({ title: title.optional(), content: content.optional() });

/** Body of POST /proposals/:id/cosigners: whom to invite (联名) and until when. */
export const cosignersBody = z.object({
  memberIds: z.array(id).min(1).max(50).refine(unique, 'duplicate_ids'),
  deadline: isoDate,
});

/** Body of POST /proposals/:id/cosign: an invited member's answer. */
export const cosignBody = z.object({ accept: z.boolean() });

/** Body of POST /proposals/:id/decide: 立案 / 不立案 / 转为意见, with the reason (required unless registering). */
export const decideBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('register'), reason: text(2000).default('') }),
  z.object({ decision: z.enum(['not_register', 'convert']), reason: text(2000).min(1) }),
]);

/** Body of POST /proposals/:id/assign: the lead (主办) and co-handling (协办) units. */
export const assignBody = z
  .object({
    leadDepartmentId: id,
    coDepartmentIds: z.array(id).max(20).refine(unique, 'duplicate_ids').default([]),
  })
  .refine((b) => !b.coDepartmentIds.includes(b.leadDepartmentId), {
    path: ['coDepartmentIds'],
    message: 'lead_is_co_handler',
  });

/** Body of POST /proposals/:id/reply. */
export const replyBody = z.object({ content });

/** Body of POST /proposals/:id/rate: the proposer's rating (a comment when unsatisfied). */
export const rateBody = z
  .object({
    rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
    comment: text(2000).default(''),
  })
  .refine((b) => b.rating !== 'unsatisfied' || b.comment.length > 0, {
    path: ['comment'],
    message: 'comment_required',
  });

/** Query of GET /proposals: box mine (proposed or invited), department (assigned to my unit) or all in scope. */
export const proposalListQuery = pageQuery.extend({
  box: z.enum(['all', 'mine', 'invited', 'department']).default('all'),
  status: z.enum(PROPOSAL_STATUS_CODES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});
/** A validated list query. */
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

/** Query of GET /proposals/cosigner-options: a name fragment. */
export const cosignerQuery = z.object({ q: z.string().trim().max(20).optional() });
