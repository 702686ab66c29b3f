// Resolves the actor of every request and enforces sign-in, CSRF and a forced password change before the body is
// read. Whether a route is public comes from the matched route's own config, never from the URL text.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { pickLang } from '../../i18n/messages.js';
import { resolveApiToken, resolveSession } from './service.js';

export const SESSION_COOKIE = 'jl_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How a request's route is reached: public (no sign-in), or signed in (the default for every route). */
export function isPublicRoute(req: FastifyRequest): boolean {
  // No route matched: the not-found handler answers, with no data behind it.
  if (req.is404) return true;
  return req.routeOptions.config?.public === true;
}

/** Registers the request hooks; kept unencapsulated so they apply to all routes. */
export function registerAuthHooks(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh');
  // onRequest runs after routing and before the body is parsed or validated: an anonymous or forged request never
  // learns anything about the body it sent.
  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req.headers['accept-language']);
    const isPublic = isPublicRoute(req);
    req.actor = await resolveActor(app, req, isPublic);
    if (isPublic) return;
    if (!req.actor) throw new AppError('unauthenticated');
    if (req.actor.mustChangePassword && req.routeOptions.config?.duringPasswordChange !== true)
      throw new AppError('password_change_required');
    if (!SAFE_METHODS.has(req.method) && req.actor.via === 'session') checkCsrf(req);
  });
}

async function resolveActor(app: FastifyInstance, req: FastifyRequest, isPublic: boolean) {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(app.deps, auth.slice(7).trim());
    if (!actor && !isPublic) throw new AppError('unauthenticated');
    return actor;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const r = await resolveSession(app.deps, cookie);
  if (r === 'expired') {
    if (!isPublic) throw new AppError('session_expired');
    return null;
  }
  return r;
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
