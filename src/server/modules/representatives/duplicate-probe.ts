// The duplicate-representative answer tells its caller that a name and phone exist somewhere, also outside their
// scope: enough answers recover the hidden middle of a masked phone. A non-office user gets a few such answers a day
// (counted in the shared rate_limits table); after that every representative write of theirs waits, so neither a
// 409 nor a 201 answers the question. Office staff see every phone in full and are not limited.
import type { FastifyReply } from 'fastify';
import { writeAudit } from '../../audit.js';
import type { Actor, Deps } from '../../context.js';
import { hasRole } from '../../context.js';
import { AppError } from '../../errors.js';
import { countHit, peekWait, type WindowLimit } from '../public/rate-limit.js';

/** Duplicate answers a non-office user gets in 24 hours before their representative writes wait. */
export const DUPLICATE_PROBES_PER_DAY = 10;
const LIMITS: WindowLimit[] = [{ windowMs: 24 * 3600_000, max: DUPLICATE_PROBES_PER_DAY }];
const NAME = 'representative_duplicates';

/** Runs a representative write; refuses it while the user is over their duplicate answers, and counts a new one. */
export async function withDuplicateProbeLimit<T>(
  deps: Deps,
  actor: Actor,
  ip: string,
  reply: FastifyReply,
  write: () => Promise<T>,
): Promise<T> {
  if (hasRole(actor, 'admin')) return write();
  const { db } = deps.database;
  const key = `user:${actor.userId}`;
  const waiting = await peekWait(db, deps.now(), NAME, LIMITS, key);
  if (waiting > 0) {
    reply.header('retry-after', String(waiting));
    throw new AppError('rate_limited', {}, { retryAfterSeconds: waiting });
  }
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError && e.code === 'duplicate_representative') {
      const wait = await countHit(db, deps.now(), NAME, LIMITS, key);
      // The answer that reaches the limit is the last one; the block is audited once, when it starts.
      if ((await peekWait(db, deps.now(), NAME, LIMITS, key)) > 0 && wait === 0)
        await writeAudit(db, actor, { action: 'duplicate_probe_blocked', entity: 'user', entityId: actor.userId }, ip);
    }
    throw e;
  }
}
