// Per-address limits of the no-account endpoints (so they need no third-party captcha), counted in the database
// (rate_limits) so that every server process behind a load balancer sees the same hits.
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addressKey } from '../../../core/login-throttle.js';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { AppError } from '../../errors.js';

/** One limit: at most `max` hits within a fixed window of `windowMs` that starts at the first hit. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** The limits of the public endpoints; env overrides let an office tune them without a release. */
export interface PublicLimits {
  submit: WindowLimit[];
  lookup: WindowLimit[];
}

const MINUTE = 60_000;
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

/** Reads the limits (defaults: 5 submissions per 10 minutes and 20 per day; 120 look-ups per 10 minutes). */
export function publicLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PublicLimits {
  return {
    submit: [
      { max: num(env.PUBLIC_SUBMIT_MAX, 5), windowMs: num(env.PUBLIC_SUBMIT_WINDOW_MINUTES, 10) * MINUTE },
      { max: num(env.PUBLIC_SUBMIT_DAILY_MAX, 20), windowMs: 24 * 60 * MINUTE },
    ],
    lookup: [{ max: num(env.PUBLIC_LOOKUP_MAX, 120), windowMs: 10 * MINUTE }],
  };
}

/** One counter row per window: the bucket names the endpoint group and the window, so a changed window starts afresh. */
interface Bucket extends WindowLimit {
  bucket: string;
}

// Windows of equal length merge into the stricter one: one statement may not update a row twice.
function bucketsOf(name: string, limits: WindowLimit[]): Bucket[] {
  const byWindow = new Map<number, number>();
  for (const l of limits) byWindow.set(l.windowMs, Math.min(l.max, byWindow.get(l.windowMs) ?? l.max));
  return [...byWindow].map(([windowMs, max]) => ({ bucket: `${name}/${Math.round(windowMs / 1000)}s`, windowMs, max }));
}

/** The seconds `key` must still wait under a limit, without counting a hit: 0 when another hit would be allowed. */
export async function peekWait(db: DbOrTx, now: Date, name: string, limits: WindowLimit[], key: string) {
  const buckets = bucketsOf(name, limits);
  const res = await db.execute(sql`select bucket, hits, window_start as "windowStart" from rate_limits
    where key = ${key} and bucket in (${sql.join(
      buckets.map((b) => sql`${b.bucket}`),
      sql`, `,
    )})`);
  let wait = 0;
  for (const row of res.rows as { bucket: string; hits: number; windowStart: string | Date }[]) {
    const b = buckets.find((x) => x.bucket === row.bucket);
    const ends = new Date(row.windowStart).getTime() + (b?.windowMs ?? 0);
    if (!b || row.hits < b.max || ends <= now.getTime()) continue;
    wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000), 1);
  }
  return wait;
}

/**
 * One hit of `key` in every window of a limit, as parts of a statement: `upsert` (an atomic insert … on conflict that
 * returns bucket, hits, window_start; several processes may count at once), `allowed(rel)` (SQL: no returned row of
 * `rel` is over its window's max) and `waitFrom(rows)` (the seconds to wait: 0 when the hit is allowed). A write can
 * then carry its own hit in one round trip and commit, counted whether or not the write happens.
 */
export function hitParts(now: Date, name: string, limits: WindowLimit[], key: string) {
  const buckets = bucketsOf(name, limits);
  const at = now.toISOString();
  const cutoff = sql`case rate_limits.bucket ${sql.join(
    buckets.map((b) => sql`when ${b.bucket} then ${new Date(now.getTime() - b.windowMs).toISOString()}::timestamptz`),
    sql` `,
  )} end`;
  const upsert = sql`insert into rate_limits (bucket, key, window_start, hits)
    values ${sql.join(
      buckets.map((b) => sql`(${b.bucket}, ${key}, ${at}::timestamptz, 1)`),
      sql`, `,
    )}
    on conflict (bucket, key) do update set
      hits = case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${cutoff} then excluded.window_start
        else rate_limits.window_start end
    returning bucket, hits, window_start as "windowStart"`;
  const maxOf = (rel: SQL) =>
    sql`case ${rel}.bucket ${sql.join(
      buckets.map((b) => sql`when ${b.bucket} then ${b.max}::int`),
      sql` `,
    )} end`;
  const allowed = (rel: SQL) => sql`not exists (select 1 from ${rel} where ${rel}.hits > ${maxOf(rel)})`;
  const waitFrom = (rows: { bucket: string; hits: number; windowStart: string | Date }[]) => {
    let wait = 0;
    for (const row of rows) {
      const b = buckets.find((x) => x.bucket === row.bucket);
      if (!b || row.hits <= b.max) continue;
      const ends = new Date(row.windowStart).getTime() + b.windowMs;
      wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000), 1);
    }
    return wait;
  };
  return { upsert, allowed, waitFrom };
}

/**
 * Counts one hit of `key` in every window of a limit with one atomic upsert (several processes may count at once)
 * and answers the seconds to wait: 0 when the hit is allowed. A refused hit counts too, so an address that keeps
 * hammering stays refused until its windows end.
 */
export async function countHit(db: DbOrTx, now: Date, name: string, limits: WindowLimit[], key: string) {
  const hit = hitParts(now, name, limits, key);
  const res = await executePrepared(db, hit.upsert);
  return hit.waitFrom(res.rows as { bucket: string; hits: number; windowStart: string | Date }[]);
}

/**
 * Deletes up to 500 counters of a limit whose windows have ended. Run on its own, outside a transaction; rows another
 * request holds are skipped, never waited for.
 */
export async function pruneHits(db: DbOrTx, now: Date, name: string, limits: WindowLimit[]) {
  const ended = sql.join(
    bucketsOf(name, limits).map(
      (b) =>
        sql`(bucket = ${b.bucket} and window_start <= ${new Date(now.getTime() - b.windowMs).toISOString()}::timestamptz)`,
    ),
    sql` or `,
  );
  await db.execute(sql`delete from rate_limits where (bucket, key) in (
    select bucket, key from rate_limits where ${ended} limit 500 for update skip locked)`);
}

/** How often a hit also prunes ended counters (1 in 100). */
export const PRUNE_CHANCE = 0.01;

/** A gate's refusal: 429 `rate_limited` with Retry-After. */
function refuse(reply: FastifyReply, wait: number): never {
  reply.header('retry-after', String(wait));
  throw new AppError('rate_limited', {}, { retryAfterSeconds: wait });
}

/**
 * A limit on a group of public endpoints, counted per client address (as Fastify gives it: TRUST_PROXY decides;
 * IPv6 by its /64): the returned gate counts the hit, or answers 429 `rate_limited` with Retry-After. `gate.parts(req)`
 * gives the same hit as parts of the caller's own write statement, and `gate.settle(req, reply, wait)` answers for it.
 */
export function publicGate(app: FastifyInstance, name: string, limits: WindowLimit[], random = Math.random) {
  const prune = (req: FastifyRequest, now: Date) =>
    random() < PRUNE_CHANCE
      ? pruneHits(app.deps.database.db, now, name, limits).catch((err) =>
          req.log.warn({ err }, 'pruning rate limits failed'),
        )
      : undefined;
  const gate = async (req: FastifyRequest, reply: FastifyReply) => {
    const now = app.deps.now();
    const wait = await countHit(app.deps.database.db, now, name, limits, addressKey(req.ip));
    await prune(req, now);
    if (wait > 0) refuse(reply, wait);
  };
  return Object.assign(gate, {
    parts: (req: FastifyRequest) => hitParts(app.deps.now(), name, limits, addressKey(req.ip)),
    settle: async (req: FastifyRequest, reply: FastifyReply, wait: number) => {
      await prune(req, app.deps.now());
      if (wait > 0) refuse(reply, wait);
    },
  });
}
