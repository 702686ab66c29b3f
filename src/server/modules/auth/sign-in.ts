// Sign-in and own password change with throttling (OWASP ASVS 2.2, 等保 三级): one answer for every failed guess,
// back-off per account and address, a per-address limit, an account lock only at a high count, all audited.
import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { minutesLeft } from '../../../core/login-throttle.js';
import { writeAudit } from '../../audit.js';
import type { Actor, Deps } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import {
  assertStrongPassword,
  buildActor,
  endSessionsOf,
  hashPassword,
  logout,
  randomToken,
  sha256,
} from './service.js';
import { authText } from './texts.js';
import {
  activeBlocks,
  addressesAt,
  type Counter,
  clearCounter,
  countFailure,
  failuresOf,
  noteRefusal,
  passwordChangeCounter,
  pruneCounters,
  rulesOf,
  signInCounters,
} from './throttle.js';

let dummyHash: Promise<string> | undefined;
// A hash to verify against when the username is unknown, so both cases cost the same argon2 work.
const dummy = () => {
  dummyHash ??= hash(randomToken());
  return dummyHash;
};

type Block = { kind: Counter['kind']; key: string; until: Date };

// The error a block answers with: the account lock is 423, a back-off or address limit 429; both say how long.
function blockError(b: Block, now: Date) {
  const wait = { retryAfterSeconds: Math.ceil((b.until.getTime() - now.getTime()) / 1000) };
  const minutes = minutesLeft(b.until, now);
  if (b.kind === 'account') return new AppError('account_locked', { minutes }, wait);
  if (b.kind === 'password_change') return new AppError('password_attempts_exceeded', { minutes }, wait);
  return new AppError('too_many_attempts', { minutes }, wait);
}

/** Checks the password and opens a session; every outcome is audited and failures are counted per account and address. */
export async function login(deps: Deps, username: string, password: string, ip: string) {
  const { db } = deps.database;
  const now = deps.now();
  const counters = signInCounters(username, ip);
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const blocks = await activeBlocks(db, now, [counters.account, counters.pair, counters.ip]);
  // The account lock wins over the address's own waits: it is the answer every address gets.
  const block = blocks.find((b) => b.kind === 'account') ?? blocks[0];
  if (block) {
    if (await noteRefusal(db, block)) {
      const reason = block.kind === 'account' ? 'account_locked' : 'throttled';
      await writeAudit(db, null, failedEntry(username, u, reason, block.kind), ip);
    }
    throw blockError(block, now);
  }
  const isRight = await verify(u?.passwordHash ?? (await dummy()), password);
  if (!isRight || !u) {
    const err = await recordFailure(deps, username, u, ip, counters);
    await pruneCounters(db, now, deps.config);
    throw err;
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!u.active) {
    await writeAudit(db, null, failedEntry(username, u, 'disabled'), ip);
    throw new AppError('account_disabled');
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const actor = await buildActor(db, u, 'session');
  await db.transaction(async (tx) => {
    await clearCounter(tx, counters.pair);
    await tx
      .insert(sessions)
      .values({ id: sha256(token), userId: u.id, csrfToken, createdAt: now, lastSeenAt: now, ip });
    await writeAudit(tx, actor, { action: 'login', entity: 'user', entityId: u.id }, ip);
  });
  return { token, csrfToken, actor, mustChangePassword: u.mustChangePassword };
}

type UserRow = typeof users.$inferSelect;

// The audit entry of a failed sign-in: the username tried and why, never the password.
function failedEntry(username: string, u: UserRow | undefined, reason: string, scope?: string) {
  return {
    action: 'login_failed',
    entity: 'user',
    entityId: u?.id ?? '',
    after: { username, reason, ...(scope ? { scope } : {}) },
  };
}

// Counts a wrong password (or unknown user) on all three counters in one transaction, audits it, locks and alerts
// when a limit is reached, and returns the error to answer with: the same for known and unknown usernames.
async function recordFailure(
  deps: Deps,
  username: string,
  u: UserRow | undefined,
  ip: string,
  counters: ReturnType<typeof signInCounters>,
): Promise<AppError> {
  const now = deps.now();
  const rules = rulesOf(deps.config);
  return deps.database.db.transaction(async (tx) => {
    await writeAudit(tx, null, failedEntry(username, u, u ? 'wrong_password' : 'unknown_user'), ip);
    const pair = await countFailure(tx, now, counters.pair, rules.account_ip);
    const byIp = await countFailure(tx, now, counters.ip, rules.ip);
    // Each address adds at most its own limit to the account's count, so no single address can lock the account.
    const account =
      pair.failures <= rules.account_ip.maxFailures
        ? await countFailure(tx, now, counters.account, rules.account)
        : { failures: await failuresOf(tx, now, counters.account, rules.account), blockedUntil: null };
    if (account.blockedUntil) {
      await alertAccountLocked(tx, deps, { username, u, ip, failures: account.failures, until: account.blockedUntil });
      return blockError({ ...counters.account, until: account.blockedUntil }, now);
    }
    const started = [
      { c: counters.pair, r: pair },
      { c: counters.ip, r: byIp },
    ].filter((x) => x.r.blockedUntil);
    for (const { c, r } of started) {
      const minutes = minutesLeft(r.blockedUntil as Date, now);
      await writeAudit(
        tx,
        null,
        {
          action: 'login_throttled',
          entity: 'user',
          entityId: u?.id ?? '',
          after: { username, scope: c.kind, failures: r.failures, minutes },
        },
        ip,
      );
    }
    const longest = started.sort((a, b) => (b.r.blockedUntil as Date).getTime() - (a.r.blockedUntil as Date).getTime());
    if (longest[0]) return blockError({ ...longest[0].c, until: longest[0].r.blockedUntil as Date }, now);
    return new AppError('bad_credentials');
  });
}

// Audits an account lock and tells every active admin in-app (only for an account that exists).
async function alertAccountLocked(
  tx: DbOrTx,
  deps: Deps,
  a: { username: string; u: UserRow | undefined; ip: string; failures: number; until: Date },
) {
  const now = deps.now();
  const minutes = minutesLeft(a.until, now);
  const hours = deps.config.loginAccountWindowHours;
  const addresses = await addressesAt(tx, now, a.username, hours * 3_600_000);
  await writeAudit(
    tx,
    null,
    {
      action: 'account_locked',
      entity: 'user',
      entityId: a.u?.id ?? '',
      after: { username: a.username, failures: a.failures, addresses, minutes, until: a.until.toISOString() },
    },
    a.ip,
  );
  if (!a.u) return;
  const params = { username: a.username, minutes, hours, failures: a.failures, addresses, ip: a.ip };
  await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, data, created_at)
    select u.id, 'account_locked', ${authText('account_locked_title', params)}::text,
      ${authText('account_locked_body', params)}::text, '/registry/audit', ${JSON.stringify(params)}::jsonb,
      ${now.toISOString()}::timestamptz
    from users u where u.active and 'admin' = any(u.roles)`);
}

/**
 * Changes the signed-in user's own password. Wrong current passwords are audited and counted: at the limit the
 * session ends and changes wait, so a stolen session cannot guess the password.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip: string,
) {
  const { db } = deps.database;
  const now = deps.now();
  const counter = passwordChangeCounter(actor.userId);
  const [block] = await activeBlocks(db, now, [counter]);
  if (block) throw blockError(block, now);
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u) throw new AppError('unauthenticated');
  if (!(await verify(u.passwordHash, input.currentPassword))) {
    const err = await db.transaction(async (tx) => {
      const entry = { entity: 'user', entityId: u.id };
      await writeAudit(tx, actor, { ...entry, action: 'change_password_failed' }, ip);
      const r = await countFailure(tx, now, counter, rulesOf(deps.config).password_change);
      if (!r.blockedUntil) return new AppError('wrong_password');
      const minutes = minutesLeft(r.blockedUntil, now);
      await writeAudit(
        tx,
        actor,
        { ...entry, action: 'password_change_throttled', after: { failures: r.failures, minutes } },
        ip,
      );
      if (actor.sessionId) await logout(tx, actor.sessionId);
      return blockError({ ...counter, until: r.blockedUntil }, now);
    });
    throw err;
  }
  await assertStrongPassword(input.newPassword, u.username, {
    demoMode: deps.config.demoMode,
    currentHash: u.passwordHash,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
      .where(eq(users.id, u.id));
    await endSessionsOf(tx, u.id);
    await clearCounter(tx, counter);
    await writeAudit(tx, actor, { action: 'change_password', entity: 'user', entityId: u.id }, ip);
  });
}
