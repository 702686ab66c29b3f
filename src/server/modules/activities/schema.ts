// Request schemas for contact activities (《政协委员联系群众代表活动记录卡》).
import { z } from 'zod';
import { contactMethodSchema, handlingStatusSchema, purposeTagSchema } from '../../../core/code-lists.js';
import { idBody, idQuery, isoDate, pageQuery, patchOf, text } from '../common/schemas.js';

/** The key of one opinion heard in an activity (8 hex digits, "-n" for a repeat). */
const opinionKey = z.string().regex(/^[0-9a-f]{8}(?:-\d{1,3})?$/);

export const activityBody = z.object({
  clientId: z.string().trim().min(8).max(64).optional(),
  date: isoDate,
  regionId: idBody.nullable().default(null),
  location: text(200).default(''),
  methods: z.array(contactMethodSchema).min(1).max(6),
  methodOther: text(50).default(''),
  purposes: z.array(purposeTagSchema).max(9).default([]),
  memberIds: z.array(idBody).max(50).default([]),
  representativeIds: z.array(idBody).max(500).default([]),
  opinions: text(10000).default(''),
  handling: text(5000).default(''),
  handlingStatus: handlingStatusSchema.default('pending'),
  /** 同时转为社情民意: keys (core/activity-opinions) of the opinions to raise as items with the record, atomically. */
  raiseOpinions: z.array(opinionKey).max(50).default([]),
});
export type ActivityInput = z.infer<typeof activityBody>;
export const activityPatch = patchOf(activityBody.omit({ clientId: true, raiseOpinions: true }));

/** Body of POST /activities/:id/opinions: the opinions of the record to raise as 社情民意 items (转为社情民意). */
export const raiseBody = z.object({ keys: z.array(opinionKey).min(1).max(50) });

export const activityListQuery = pageQuery.extend({
  memberId: idQuery.optional(),
  groupId: idQuery.optional(),
  regionId: idQuery.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  method: contactMethodSchema.optional(),
  purpose: purposeTagSchema.optional(),
  handlingStatus: handlingStatusSchema.optional(),
});
