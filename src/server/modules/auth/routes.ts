// Sign-in, sign-out, who-am-I and own password change.

import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { actorOf, SESSION_COOKIE } from './plugin.js';
import { assertStrongPassword, endSessionsOf, hashPassword, login, logout } from './service.js';

const loginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) });
const changeBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) });

/** Auth endpoints under /api/v1/auth. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: loginBody } },
    async (req, reply) => {
      const res = await login(app.deps, req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, res.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: app.deps.config.secureCookies,
      });
      return { user: presentMe(res.actor), csrfToken: res.csrfToken, mustChangePassword: res.mustChangePassword };
    },
  );
  r.post('/auth/logout', { config: { duringPasswordChange: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const actor = actorOf(req);
    if (actor.sessionId) await logout(app.deps.database.db, actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  r.get('/auth/me', { config: { duringPasswordChange: true }, schema: { tags: ['auth'] } }, async (req) => {
    const actor = actorOf(req);
    return { user: presentMe(actor), csrfToken: actor.csrfToken ?? null };
  });
  r.post(
    '/auth/password',
    { config: { duringPasswordChange: true }, schema: { tags: ['auth'], body: changeBody } },
    async (req) => {
      const actor = actorOf(req);
      const { db } = app.deps.database;
      const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!u || !(await verify(u.passwordHash, req.body.currentPassword))) throw new AppError('wrong_password');
      assertStrongPassword(req.body.newPassword, u.username);
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: app.deps.now() })
          .where(eq(users.id, u.id));
        await endSessionsOf(tx, u.id);
        await writeAudit(tx, actor, { action: 'change_password', entity: 'user', entityId: u.id }, req.ip);
      });
      return { ok: true };
    },
  );
};

/** What the web client needs about the signed-in user. */
export function presentMe(a: ReturnType<typeof actorOf>) {
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    memberId: a.memberId,
    groupId: a.groupId,
    townshipId: a.townshipId,
    departmentId: a.departmentId,
    mustChangePassword: a.mustChangePassword ?? false,
  };
}
