// Request schemas of the public e-mail subscriptions to a 民生问题 or to a township's problems.
import { z } from 'zod';
import { idBody } from '../common/schemas.js';

/** Body of POST /public/problem-subscriptions: an address and exactly one target (checked by the service). */
export const subscribeBody = z.object({
  email: z.string().trim().toLowerCase().max(254).email(),
  problemId: idBody.optional(),
  regionId: idBody.optional(),
  /** The language of the mails; the request's language when absent. */
  lang: z.enum(['zh', 'en', 'ug']).optional(),
});
/** A validated subscribe body. */
export type SubscribeInput = z.infer<typeof subscribeBody>;

/** Body of the confirm and unsubscribe calls: the token from the mail's link (any text: a wrong one is a clear 400). */
export const tokenBody = z.object({ token: z.string().trim().min(1).max(200) });

/** The answer to a subscribe: always the same, whether the address was new, pending or already following. */
export const acceptedReply = z.object({ ok: z.literal(true) });

/** The answer to confirm and unsubscribe: what the address follows (or followed), for the page to say. */
export const tokenReply = z.object({
  ok: z.literal(true),
  target: z.object({ kind: z.enum(['problem', 'region']), id: z.number(), name: z.string() }),
});
