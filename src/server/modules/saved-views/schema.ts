// Request schemas of saved views: a named inbox filter (the URL query) kept per user.
import { z } from 'zod';

/** Pages that keep saved views (today the 社情民意 inbox). */
export const VIEW_SCOPES = ['opinions'] as const;

/** A saved query: the inbox's URL parameters as strings (page and size are not kept). */
const viewQuery = z
  .record(z.string().trim().min(1).max(40), z.union([z.string().max(200), z.number(), z.boolean()]))
  .refine((q) => Object.keys(q).length <= 30, { message: 'too_many_filters' });

/** Body of POST /saved-views. */
export const savedViewBody = z.object({
  name: z.string().trim().min(1).max(50),
  scope: z.enum(VIEW_SCOPES).default('opinions'),
  query: viewQuery.default({}),
});
/** A validated view. */
export type SavedViewInput = z.infer<typeof savedViewBody>;

/** Query of GET /saved-views. */
export const savedViewListQuery = z.object({ scope: z.enum(VIEW_SCOPES).default('opinions') });
