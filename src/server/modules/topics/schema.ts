// Request and response schemas of GET /topics (hot problems).
import { z } from 'zod';
import type { TopicList } from '../../../core/text/topic-list.js';
import { idQuery, isoDate } from '../common/schemas.js';

/** GET /topics: an area (county, township or village; default the whole county, or an officer's township) and a
 * period (default the last 90 days up to today). */
export const topicQuery = z.object({
  regionId: idQuery.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TopicQuery = z.infer<typeof topicQuery>;

const count = z.number().int();

/** One topic as the actor sees it in the area and period. */
export const topicSchema = z.object({
  /** The topic's id in this server's model (stable until a restart rebuilds the model). */
  id: count,
  /** Two or three key phrases, joined by " · ". */
  label: z.string(),
  phrases: z.array(z.string()),
  count,
  people: count,
  townshipId: count.nullable(),
  townshipName: z.string().nullable(),
  // level: 'village', or 'township' for items registered at the township itself (镇本级), null without an area.
  byVillage: z.array(
    z.object({ regionId: count.nullable(), name: z.string().nullable(), level: z.string().nullable(), count }),
  ),
  byChannel: z.array(z.object({ channel: z.string(), count })),
  bySector: z.array(z.object({ sectorId: count.nullable(), name: z.string().nullable(), count })),
  /** Items per ISO week (Monday start, China dates) across the whole period, oldest first. */
  trend: z.array(z.object({ week: z.string(), start: z.string(), count })),
  newest: z.array(z.object({ id: count, title: z.string(), receivedAt: z.string() })),
  opinionIds: z.array(count),
  /** Items already linked to a 民生问题. */
  linkedCount: count,
  linkedProblemIds: z.array(count),
});

export const topicResponse = z.object({
  regionId: count.nullable(),
  from: z.string(),
  to: z.string(),
  /** Items of the area and period the actor may see, and how many of them fall into a shown topic. */
  items: count,
  truncated: z.boolean(),
  topics: z.array(topicSchema),
}) satisfies z.ZodType<TopicList>;
export type TopicResponse = z.infer<typeof topicResponse>;
