// Typed payloads of the 社情民意 actions: one zod schema per action validates the request and types its event.
import { z } from 'zod';
import type { CodeList } from '../code-lists';
import type { OpinionAction, OpinionStatus } from './lifecycle';

// 满意 / 基本满意 / 不满意, the three answers of the feedback form.
export const OPINION_RATINGS = [
  { code: 'satisfied', label: '满意' },
  { code: 'basically_satisfied', label: '基本满意' },
  { code: 'unsatisfied', label: '不满意' },
] as const satisfies CodeList;

// Validates a rating value.
export const opinionRatingSchema = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
// A rating value, stored beside the status (never in it).
export type OpinionRating = z.infer<typeof opinionRatingSchema>;

// Free text a person wrote; trimmed so "   " counts as empty.
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000).optional();
const id = z.number().int().positive();
const attachmentIds = z
  .array(id)
  .max(20)
  .default([])
  .refine((xs) => new Set(xs).size === xs.length, { message: 'duplicate_ids' });
// A calendar day (YYYY-MM-DD, real dates only): department deadlines count in working days.
const day = z.iso.date();

const reason = z.strictObject({ reason: text(2000) });
const noteOnly = z.strictObject({ note });
const answer = z.strictObject({ content: text(20_000), attachmentIds });

// One schema per action; unknown keys are refused so a typo never passes silently.
export const OPINION_PAYLOAD_SCHEMAS = {
  accept: noteOnly,
  not_accept: reason,
  merge: z.strictObject({ targetId: id, note }),
  forward: z
    .strictObject({
      leadDepartmentId: id,
      coHandlerIds: z.array(id).max(20).default([]),
      // Optional: without it the server fills the default reply deadline from the settings and the calendar.
      deadline: day.optional(),
      instructions: text(4000),
    })
    .superRefine((v, ctx) => {
      if (new Set(v.coHandlerIds).size !== v.coHandlerIds.length) {
        ctx.addIssue({ code: 'custom', path: ['coHandlerIds'], message: 'duplicate_ids' });
      }
      if (v.coHandlerIds.includes(v.leadDepartmentId)) {
        ctx.addIssue({ code: 'custom', path: ['coHandlerIds'], message: 'lead_is_co_handler' });
      }
    }),
  urge: noteOnly,
  reply: answer,
  add_co_opinion: answer,
  request_extension: z.strictObject({ reason: text(2000), requestedDeadline: day }),
  approve_extension: z.strictObject({ newDeadline: day, note }),
  refuse_extension: reason,
  // `publicReply` is the office's edited text for the tracking page; without it the department's reply is shown.
  approve_reply: z.strictObject({ publicReply: text(20_000).optional(), note }),
  return_for_rework: reason,
  reply_directly: answer,
  send_feedback: noteOnly,
  // A comment is optional when satisfied, required when not: supervision needs to know what is wrong.
  rate: z
    .strictObject({ rating: opinionRatingSchema, comment: z.string().trim().max(1000).default('') })
    .superRefine((v, ctx) => {
      if (v.rating === 'unsatisfied' && v.comment === '') {
        ctx.addIssue({ code: 'custom', path: ['comment'], message: 'comment_required' });
      }
    }),
  // `autoReason` marks the system's automatic close (after a 满意 rating); people close with a note only.
  close: z.strictObject({ note, autoReason: z.enum(['satisfied_rating']).optional() }),
  reopen: reason,
  // The issue may not exist yet while staff pick items; the bulletin module links it later.
  compile_into_bulletin: z.strictObject({ bulletinId: id.optional(), note }),
  escalate_to_proposal: z.strictObject({ proposalId: id.optional(), note }),
} satisfies Record<OpinionAction, z.ZodType>;

type Schemas = typeof OPINION_PAYLOAD_SCHEMAS;

// The validated payload of each action (defaults filled in), i.e. what its event stores.
export type OpinionPayloads = { [A in OpinionAction]: z.output<Schemas[A]> };

// What a client may send for each action (defaults still optional).
export type OpinionPayloadInputs = { [A in OpinionAction]: z.input<Schemas[A]> };

// One appended event: its type is the action, its payload the validated body; from/to feed the timeline.
export type OpinionEvent = {
  [A in OpinionAction]: { type: A; from: OpinionStatus; to: OpinionStatus; payload: OpinionPayloads[A] };
}[OpinionAction];

// What a transition request carries once validated: the action and its payload side by side.
export type OpinionTransitionRequest = { [A in OpinionAction]: { action: A } & OpinionPayloads[A] }[OpinionAction];

// The body of POST /opinions/{id}/transitions: `{action, ...payload}`, one branch per action for OpenAPI.
export const opinionTransitionRequestSchema: z.ZodType<OpinionTransitionRequest> = z.discriminatedUnion(
  'action',
  (Object.keys(OPINION_PAYLOAD_SCHEMAS) as OpinionAction[]).map((a) =>
    OPINION_PAYLOAD_SCHEMAS[a].extend({ action: z.literal(a) }),
  ) as any,
);

// Fields a form must ask for before offering the action (required keys of its schema).
export function requiredFields(action: OpinionAction): string[] {
  const shape = OPINION_PAYLOAD_SCHEMAS[action].shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((k) => !shape[k].safeParse(undefined).success);
}
