// Resolves the actor of every request and enforces sign-in and CSRF before any handler runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { pickLang } from '../../i18n/messages.js';
import { resolveApiToken, resolveSession } from './service.js';

export const SESSION_COOKIE = 'jl_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registers the request hooks; kept unencapsulated so they apply to all routes. */
export function registerAuthHooks(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req.headers['accept-language']);
  });
  app.addHook('preHandler', async (req) => {
    const isPublic = req.routeOptions.config?.public === true || !req.url.startsWith('/api/');
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await resolveApiToken(app.deps, auth.slice(7).trim());
      if (!req.actor && !isPublic) throw new AppError('unauthenticated');
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const r = await resolveSession(app.deps, cookie);
      if (r === 'expired') {
        if (!isPublic) throw new AppError('session_expired');
      } else req.actor = r;
    }
    if (!req.actor) {
      if (!isPublic) throw new AppError('unauthenticated');
      return;
    }
    if (!isPublic && !SAFE_METHODS.has(req.method) && req.actor.via === 'session') checkCsrf(req);
  });
}

function checkCsrf(req: FastifyRequest) {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== req.actor?.csrfToken) throw new AppError('csrf_failed');
}

/** The signed-in actor; handlers call this instead of null-checking. */
export function actorOf(req: FastifyRequest) {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
