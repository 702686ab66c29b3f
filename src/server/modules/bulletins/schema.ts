// Request schemas of 《社情民意》 bulletins: drafting, editing, workflow steps, outcomes, the archive query, settings.
import { z } from 'zod';
import { idBody, idQuery, isoDate, pageQuery, text } from '../common/schemas.js';

const id = idBody;

/** The workflow statuses (the CHECK constraint of bulletins.status). */
export const BULLETIN_STATUSES = ['draft', 'submitted', 'signed_off', 'issued'] as const;
/** A workflow status. */
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
/** The committee levels that can adopt (采用) an issue. */
export const ADOPTION_LEVELS = ['county', 'city', 'province', 'national'] as const;

/** Body of POST /bulletins: a draft compiled from one or more items. */
export const bulletinBody = z.object({
  opinionIds: z.array(id).min(1).max(50),
  title: text(200).min(1),
  body: z.string().max(20000),
  categoryId: id.nullable().optional(),
  distribution: text(500).default(''),
});
/** A validated create body. */
export type BulletinInput = z.infer<typeof bulletinBody>;

/** Body of PATCH /bulletins/:id (drafts only): any of the edited fields. */
export const bulletinPatch = z.object({
  title: text(200).min(1).optional(),
  body: z.string().max(20000).optional(),
  categoryId: id.nullable().optional(),
  distribution: text(500).optional(),
});
/** A validated patch body. */
export type BulletinPatch = z.infer<typeof bulletinPatch>;

/** Body of POST /bulletins/:id/steps: one workflow move (return needs a comment). */
export const stepBody = z.object({
  step: z.enum(['submit', 'sign_off', 'return', 'issue']),
  comment: text(1000).default(''),
  issueDate: isoDate.optional(),
});
/** A validated step body. */
export type StepInput = z.infer<typeof stepBody>;

/** Body of POST /bulletins/:id/outcomes: 采用 at a level, or a leader's 批示 with its text. */
export const outcomeBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('adoption'),
    level: z.enum(ADOPTION_LEVELS),
    date: isoDate,
    text: text(2000).default(''),
    followUp: text(2000).default(''),
  }),
  z.object({
    kind: z.literal('instruction'),
    leaderName: text(50).min(1),
    date: isoDate,
    text: text(2000).min(1),
    followUp: text(2000).default(''),
  }),
]);
/** A validated outcome. */
export type OutcomeInput = z.infer<typeof outcomeBody>;

/** Params of one outcome. */
export const outcomeParams = z.object({
  id: idQuery,
  outcomeId: idQuery,
});

/** Query of the archive: full text, year, status, adoption level, and mine=1 for a member's credited issues. */
export const bulletinListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(BULLETIN_STATUSES).optional(),
  level: z.enum(ADOPTION_LEVELS).optional(),
  mine: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  /** instructed=false: issues with no leader's 批示 recorded yet (the workbench's 批示 to record); true: with one. */
  instructed: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
});
/** A validated archive query. */
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;

/** Query of GET /bulletins/credits. */
export const creditsQuery = z.object({ memberId: idQuery });

/** Query of the document download. */
export const documentQuery = z.object({ format: z.enum(['docx', 'pdf']).default('pdf') });

/** Body of PUT /settings/bulletins. */
export const bulletinSettingsBody = z.object({
  maxChars: z.number().int().min(100).max(20000),
  unit: text(60).min(1),
});
/** Validated bulletin settings. */
export type BulletinSettings = z.infer<typeof bulletinSettingsBody>;
