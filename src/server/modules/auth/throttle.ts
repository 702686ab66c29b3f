// Failure counters in the database (login_throttle), so every server process sees the same blocks.
import { sql } from 'drizzle-orm';
import { addressKey, type BackoffRule, backoffMinutes } from '../../../core/login-throttle.js';
import type { AppConfig } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';

/** What a counter counts: one account from one address, one address, one account, one user's password changes. */
export type ThrottleKind = 'account_ip' | 'ip' | 'account' | 'password_change';

/** One counter. */
export interface Counter {
  kind: ThrottleKind;
  key: string;
}

/** A counter's limit: failures within `windowMs` (from the first one) and the waits once over the limit. */
export interface ThrottleRule extends BackoffRule {
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The limits of each counter, from the settings. */
export function rulesOf(c: AppConfig): Record<ThrottleKind, ThrottleRule> {
  return {
    account_ip: {
      maxFailures: c.loginPairMaxFailures,
      baseMinutes: c.loginBackoffBaseMinutes,
      capMinutes: c.loginBackoffMaxMinutes,
      windowMs: c.loginPairWindowHours * HOUR,
    },
    ip: {
      maxFailures: c.loginIpMaxFailures,
      baseMinutes: c.loginIpWindowMinutes,
      capMinutes: c.loginIpWindowMinutes,
      windowMs: c.loginIpWindowMinutes * MINUTE,
    },
    account: {
      maxFailures: c.loginAccountMaxFailures,
      baseMinutes: c.loginAccountLockMinutes,
      capMinutes: c.loginAccountLockMinutes,
      windowMs: c.loginAccountWindowHours * HOUR,
    },
    password_change: {
      maxFailures: c.passwordChangeMaxFailures,
      baseMinutes: c.passwordChangeLockMinutes,
      capMinutes: c.passwordChangeLockMinutes,
      windowMs: c.loginPairWindowHours * HOUR,
    },
  };
}

/** The counters a sign-in attempt of `username` from `ip` touches. */
export function signInCounters(username: string, ip: string) {
  const address = addressKey(ip);
  return {
    pair: { kind: 'account_ip', key: JSON.stringify([username, address]) } as Counter,
    ip: { kind: 'ip', key: address } as Counter,
    account: { kind: 'account', key: username } as Counter,
  };
}

/** The counter of a user's password changes. */
export const passwordChangeCounter = (userId: number): Counter => ({ kind: 'password_change', key: String(userId) });

/** Blocks in force now among the counters, longest first. */
export async function activeBlocks(db: DbOrTx, now: Date, counters: Counter[]) {
  const res = await db.execute(sql`select kind, key, blocked_until as "blockedUntil" from login_throttle
    where (kind, key) in (${sql.join(
      counters.map((c) => sql`(${c.kind}::text, ${c.key}::text)`),
      sql`, `,
    )}) and blocked_until > ${now.toISOString()}::timestamptz
    order by blocked_until desc`);
  return (res.rows as { kind: ThrottleKind; key: string; blockedUntil: string | Date }[]).map((r) => ({
    kind: r.kind,
    key: r.key,
    until: new Date(r.blockedUntil),
  }));
}

/** Counts a request refused during a block; true for the first one of the block (which is worth an audit row). */
export async function noteRefusal(db: DbOrTx, c: Counter): Promise<boolean> {
  const res = await db.execute(sql`update login_throttle set refused = refused + 1
    where kind = ${c.kind} and key = ${c.key} returning refused`);
  return (res.rows[0] as { refused: number } | undefined)?.refused === 1;
}

/** What counting one failure did: the failures in the current window and the block it started, if any. */
export interface FailureCount {
  failures: number;
  blockedUntil: Date | null;
}

/** Counts one failure atomically (several processes may count at once) and starts a block when over the limit. */
export async function countFailure(tx: DbOrTx, now: Date, c: Counter, rule: ThrottleRule): Promise<FailureCount> {
  const at = now.toISOString();
  const windowEnd = new Date(now.getTime() - rule.windowMs).toISOString();
  const res = await tx.execute(sql`insert into login_throttle (kind, key, failures, window_start, updated_at)
    values (${c.kind}, ${c.key}, 1, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (kind, key) do update set
      failures = case when login_throttle.window_start <= ${windowEnd}::timestamptz then 1
        else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start <= ${windowEnd}::timestamptz then ${at}::timestamptz
        else login_throttle.window_start end,
      updated_at = ${at}::timestamptz
    returning failures`);
  const failures = (res.rows[0] as { failures: number }).failures;
  const minutes = backoffMinutes(failures, rule);
  if (minutes === 0) return { failures, blockedUntil: null };
  const blockedUntil = new Date(now.getTime() + minutes * MINUTE);
  await tx.execute(sql`update login_throttle set blocked_until = ${blockedUntil.toISOString()}::timestamptz, refused = 0
    where kind = ${c.kind} and key = ${c.key}`);
  return { failures, blockedUntil };
}

/** Reads a counter's failures in its current window (0 when it has none). */
export async function failuresOf(db: DbOrTx, now: Date, c: Counter, rule: ThrottleRule): Promise<number> {
  const windowEnd = new Date(now.getTime() - rule.windowMs).toISOString();
  const res = await db.execute(sql`select failures from login_throttle
    where kind = ${c.kind} and key = ${c.key} and window_start > ${windowEnd}::timestamptz`);
  return (res.rows[0] as { failures: number } | undefined)?.failures ?? 0;
}

/** Forgets a counter (a success, or an admin's password reset). */
export async function clearCounter(db: DbOrTx, c: Counter) {
  await db.execute(sql`delete from login_throttle where kind = ${c.kind} and key = ${c.key}`);
}

/** Forgets every sign-in counter of a username (its account lock and each address's back-off) and its password changes. */
export async function clearCountersOf(db: DbOrTx, username: string, userId: number) {
  const pairPrefix = `${JSON.stringify([username]).slice(0, -1)},`;
  await db.execute(sql`delete from login_throttle where (kind = 'account' and key = ${username})
    or (kind = 'account_ip' and starts_with(key, ${pairPrefix}))
    or (kind = 'password_change' and key = ${String(userId)})`);
}

/** How many addresses have failed at a username in the last `windowMs` (for the admins' alert). */
export async function addressesAt(db: DbOrTx, now: Date, username: string, windowMs: number): Promise<number> {
  const pairPrefix = `${JSON.stringify([username]).slice(0, -1)},`;
  const res = await db.execute(sql`select count(*)::int as n from login_throttle
    where kind = 'account_ip' and starts_with(key, ${pairPrefix})
      and updated_at > ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`);
  return (res.rows[0] as { n: number }).n;
}

/**
 * Deletes up to 500 counters idle for longer than any window and not blocking, so guessed usernames do not pile up.
 * Run on its own, outside a transaction; rows another request holds are skipped, never waited for.
 */
export async function pruneCounters(db: DbOrTx, now: Date, c: AppConfig) {
  const longest = Math.max(c.loginPairWindowHours, c.loginAccountWindowHours) * HOUR + c.loginIpWindowMinutes * MINUTE;
  await db.execute(sql`delete from login_throttle where (kind, key) in (
    select kind, key from login_throttle
    where updated_at < ${new Date(now.getTime() - longest).toISOString()}::timestamptz
      and (blocked_until is null or blocked_until < ${now.toISOString()}::timestamptz)
    limit 500 for update skip locked)`);
}
