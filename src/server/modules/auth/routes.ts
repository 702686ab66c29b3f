// Sign-in, sign-out, who-am-I and own password change.

import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf, SESSION_COOKIE } from './plugin.js';
import { logout } from './service.js';
import { changeOwnPassword, login } from './sign-in.js';

const loginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) });
const changeBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) });

/** Auth endpoints under /api/v1/auth. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    { config: { public: true, secret: true }, schema: { tags: ['auth'], body: loginBody } },
    async (req, reply) => {
      const res = await login(app.deps, req.body.username, req.body.password, req.ip).catch(withRetryAfter(reply));
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
  r.get(
    '/auth/me',
    { config: { duringPasswordChange: true, secret: true }, schema: { tags: ['auth'] } },
    async (req) => {
      const actor = actorOf(req);
      return { user: presentMe(actor), csrfToken: actor.csrfToken ?? null };
    },
  );
  r.post(
    '/auth/password',
    { config: { duringPasswordChange: true }, schema: { tags: ['auth'], body: changeBody } },
    async (req, reply) => {
      await changeOwnPassword(app.deps, actorOf(req), req.body, req.ip).catch((e) => {
        // At the limit the session has ended: drop its cookie too.
        if (e instanceof AppError && e.code === 'password_attempts_exceeded')
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return withRetryAfter(reply)(e);
      });
      return { ok: true };
    },
  );
};

// Rethrows an error, adding the Retry-After header when it says how long to wait (429/423 of the throttles).
function withRetryAfter(reply: FastifyReply) {
  return (e: unknown): never => {
    const wait =
      e instanceof AppError ? (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (wait) reply.header('retry-after', String(wait));
    throw e;
  };
}

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
