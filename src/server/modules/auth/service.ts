// Sessions, API tokens and password rules: the rules 等保 level 3 asks for, kept out of the handlers (sign-in and
// its throttling are in sign-in.ts).
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../core/code-lists.js';
import { checkPassword, type PasswordCheckOptions } from '../../../core/password.js';
import type { Actor, Deps } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { apiTokens, liaisonGroups, sessions, users } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { sessionCacheOf } from './session-cache.js';

/** The stored form of a session or token secret. */
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
/** A 256-bit random secret, base64url (43 characters): session and CSRF tokens, API tokens, subscription links. */
export const randomToken = () => crypto.randomBytes(32).toString('base64url');

/** Hashes a password with argon2id (the library's defaults follow OWASP guidance). */
export const hashPassword = (pw: string) => hash(pw);

/**
 * Throws weak_password with the broken rules as details. `currentHash` (on a change or reset) refuses the password the
 * account already has; `demoMode` allows the demo password.
 */
export async function assertStrongPassword(
  pw: string,
  username: string,
  opts: PasswordCheckOptions & { currentHash?: string } = {},
): Promise<void> {
  const broken = checkPassword(pw, username, opts);
  if (opts.currentHash && (await verify(opts.currentHash, pw))) broken.push('same_as_current');
  if (broken.length) throw new AppError('weak_password', {}, { rules: broken });
}

type UserRow = typeof users.$inferSelect;

/** Builds the actor from a user row (and the roles a token narrows it to). */
export async function buildActor(
  db: DbOrTx,
  u: UserRow,
  via: Actor['via'],
  roles?: Role[],
  knownGroupId?: number | null,
): Promise<Actor> {
  let groupId: number | null = knownGroupId ?? null;
  if (knownGroupId === undefined && u.memberId && u.roles.includes('group_leader')) {
    const [g] = await db
      .select({ id: liaisonGroups.id })
      .from(liaisonGroups)
      .where(eq(liaisonGroups.leaderMemberId, u.memberId));
    groupId = g?.id ?? null;
  }
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: (roles ?? u.roles) as Role[],
    memberId: u.memberId,
    groupId,
    townshipId: u.townshipId,
    departmentId: u.departmentId,
    via,
    mustChangePassword: u.mustChangePassword,
  };
}

/** The rows a session resolves to: the session, its user and the group the user leads. */
type SessionRow = { s: typeof sessions.$inferSelect; u: UserRow; groupId: number | null };

/** The session look-up of every signed-in request, prepared once per database (PostgreSQL plans it once per connection). */
function sessionQuery(db: Db) {
  return db
    .select({
      s: sessions,
      u: users,
      groupId: sql<
        number | null
      >`(select g.id from liaison_groups g where g.leader_member_id = ${users.memberId} limit 1)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('jl_read_session');
}
const sessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

async function readSession(deps: Deps, id: string): Promise<SessionRow | undefined> {
  const { db } = deps.database;
  let query = sessionQueries.get(db);
  if (!query) {
    query = sessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id });
  return row;
}

/**
 * Resolves a session cookie; expired sessions (idle too long, or older than the absolute lifetime) are deleted and
 * reported. A live session comes from the session cache when it is there (invalidated by the database itself, see
 * session-cache.ts); anything that might be expired is read again before it is judged.
 */
export async function resolveSession(deps: Deps, token: string): Promise<Actor | 'expired' | null> {
  const { db } = deps.database;
  const id = sha256(token);
  const now = deps.now();
  const live = (r: SessionRow) =>
    r.u.active &&
    now.getTime() - r.s.lastSeenAt.getTime() <= deps.config.sessionIdleMinutes * 60_000 &&
    now.getTime() - r.s.createdAt.getTime() <= deps.config.sessionMaxHours * 3_600_000;
  const cache = await sessionCacheOf<SessionRow>(deps.database);
  let row = cache?.get(id)?.row;
  if (!row || !live(row)) {
    const seenAt = cache?.generation ?? 0;
    row = await readSession(deps, id);
    if (!row) return null;
    if (!live(row)) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return 'expired';
    }
    cache?.set(id, { userId: row.u.id, row }, seenAt);
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > 30_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)); // drops the cached row too
  }
  // A copy of the roles: the row may be the cached one, shared by every request of the session.
  const actor = await buildActor(db, { ...row.u, roles: [...row.u.roles] }, 'session', undefined, row.groupId);
  return { ...actor, sessionId: id, csrfToken: row.s.csrfToken };
}

/** Resolves a Bearer token to an actor whose roles are the token's scope (never more than the user's); expired = none. */
export async function resolveApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const { db } = deps.database;
  const now = deps.now();
  const [row] = await db
    .select({ t: apiTokens, u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!row?.u.active) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  const roles = row.t.roles.filter((r) => row.u.roles.includes(r)) as Role[];
  return buildActor(db, row.u, 'token', roles);
}

/** Creates a personal API token valid until `expiresAt`; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  db: DbOrTx,
  input: { name: string; userId: number; roles: Role[]; createdBy: number; expiresAt: Date },
) {
  const secret = `jl_${randomToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ ...input, tokenHash: sha256(secret), prefix: secret.slice(0, 8) })
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      roles: apiTokens.roles,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
    });
  return { ...row, token: secret };
}

/** Ends a session (logout) . */
export async function logout(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, e.g. after a password reset. */
export async function endSessionsOf(db: DbOrTx, userId: number) {
  await db.execute(sql`delete from sessions where user_id = ${userId}`);
}
