// Request schemas of the staff side of 社情民意: creating an item, listing and filtering the inbox, a transition.
import { z } from 'zod';
import { ACTION_CODES, STATUS_CODES } from '../../../core/opinions/index.js';
import { idBody, idQuery, isoDate, pageQuery, text } from '../common/schemas.js';

/** The channels an item may come in by (the CHECK constraint of opinions.channel). */
export const OPINION_CHANNELS = [
  'activity',
  'web',
  'box',
  'phone',
  'letter',
  'email',
  'petition',
  'officer',
  'reception',
  'forum',
  'open311',
] as const;
/** Validates a channel code. */
export const channelSchema = z.enum(OPINION_CHANNELS);
/** Validates an urgency code. */
export const urgencySchema = z.enum(['normal', 'urgent']);
/** Validates a confidentiality tier. */
export const confidentialitySchema = z.enum(['normal', 'internal', 'confidential']);

const id = idBody;

/** One person who raised the item: a member, a representative, or a citizen/officer by name and contact. */
export const originatorInput = z.object({
  kind: z.enum(['citizen', 'member', 'representative', 'officer']),
  memberId: id.optional(),
  representativeId: id.optional(),
  name: text(50).default(''),
  phone: text(40).default(''),
  email: text(200).default(''),
});
/** A validated originator. */
export type OriginatorInput = z.infer<typeof originatorInput>;

/** Body of POST /opinions (staff intake; the channel defaults from the activity or the officer role). */
export const opinionBody = z.object({
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(20_000),
  categoryId: id.nullable().default(null),
  regionId: id.nullable().default(null),
  sectorId: id.nullable().default(null),
  // Open311 items come only through /open311/v2 with an API key; staff cannot claim that channel.
  channel: channelSchema.exclude(['open311']).optional(),
  urgency: urgencySchema.default('normal'),
  confidentiality: confidentialitySchema.default('normal'),
  originators: z.array(originatorInput).max(200).default([]),
  activityId: id.optional(),
});
/** A validated create body. */
export type OpinionInput = z.infer<typeof opinionBody>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Query of GET /opinions: the inbox filters. */
export const opinionListQuery = pageQuery.extend({
  status: z.enum(STATUS_CODES).optional(),
  channel: channelSchema.optional(),
  categoryId: idQuery.optional(),
  regionId: idQuery.optional(),
  departmentId: idQuery.optional(),
  sectorId: idQuery.optional(),
  memberId: idQuery.optional(),
  urgency: urgencySchema.optional(),
  overdue: flag.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only items that can still be compiled into a bulletin (accepted or later, live, not yet in one): the editor's picker. */
  compilable: flag.optional(),
  /** 待办 of a department: at a department (forwarded or returned for rework), the only statuses it acts on. */
  todo: flag.optional(),
  /** Department deadline within 2 working days and not passed (即将超期), on the same calendar as the deadlines. */
  dueSoon: flag.optional(),
  /** A department's extension request awaits the office's decision (延期申请). */
  extensionPending: flag.optional(),
  /** Answered (reviewed or answered directly) and the feedback not yet sent (待反馈). */
  feedbackPending: flag.optional(),
  /** `due`: overdue first, then by due date, oldest first on a tie (the department desk); default newest first. */
  sort: z.enum(['received', 'due']).optional(),
});
/** A validated list query. */
export type OpinionListQuery = z.infer<typeof opinionListQuery>;

/** Body of POST /opinions/:id/transitions: the action is checked here, its payload by core after the state check. */
export const transitionBody = z.looseObject({ action: z.enum(ACTION_CODES) });

/** The actions the office may apply to many items at once. */
export const BULK_ACTIONS = ['accept', 'not_accept', 'forward', 'urge', 'close'] as const;
/** One bulk action code. */
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** Body of POST /opinions/bulk-transitions: the ids (≤ 200), the action and its shared payload (checked by core). */
export const bulkTransitionBody = z.looseObject({
  ids: z.array(id).min(1).max(200),
  action: z.enum(BULK_ACTIONS),
});
