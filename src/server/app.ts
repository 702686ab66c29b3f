// Builds the Fastify app: used in-process by tests and by `jielian serve`.
import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { holdRenderPool } from './adapters/renderers/render-pool.js';
import { registerCompression } from './compression.js';
import type { Deps } from './context.js';
import { isDatabaseUnavailable } from './db/connection-errors.js';
import { AppError, type FieldIssue } from './errors.js';
import { mapDatabaseError, registerInputGuards } from './http-guards.js';
import { t } from './i18n/messages.js';
import { translateFieldMessage, translateIssue } from './i18n/zod-issues.js';
import { registerAuthHooks } from './modules/auth/plugin.js';
import { open311Routes } from './modules/open311/routes.js';
import { registerRoutes } from './routes.js';
import { registerSecurityHeaders } from './security-headers.js';
import { serveWeb } from './static.js';

/** Creates the app around injected dependencies; nothing here opens a database or a port. */
export async function buildApp(
  deps: Deps,
  opts: { logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // Structured JSON logs on by default (LOG_LEVEL); every request has an id that is echoed in X-Request-Id and
    // in 5xx bodies, so a user's report leads to the log line.
    logger: { level: deps.config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    genReqId: () => crypto.randomUUID(),
    // Forwarded headers are believed only from the configured proxies (TRUST_PROXY), never from anyone.
    trustProxy: deps.config.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: true } },
  });
  app.decorate('deps', deps);
  // Document rendering runs on worker threads; the last app to close stops them so the process can exit.
  app.addHook('onClose', holdRenderPool());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await registerCompression(app);
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 10, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '界联 Jielian API', version: '1', description: 'CPPCC member–constituency liaison platform' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jl_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The OpenAPI document tells clients which operations need no sign-in, from the same route config the hook reads.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] };
  });
  registerSecurityHeaders(app, deps.config);
  registerAuthHooks(app);
  registerInputGuards(app);
  setErrorHandler(app);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'] } }, async (req, reply) => {
    // A database that does not answer `select 1` within 2 s makes the instance degraded (503) until it answers again.
    // Embedded PGlite has one connection: a long write transaction (a 20,000-row import) would hold `select 1` back
    // for its whole length, yet an open database inside a transaction is plainly alive.
    const pglite = deps.database.pglite;
    const busy = !!pglite && !pglite.closed && pglite.isInTransaction();
    const ok =
      busy ||
      (await pingDatabase(deps.database.db, 2000).catch((err) => {
        req.log.warn({ err }, 'health check: database unavailable');
        return false;
      }));
    if (!ok) return reply.status(503).send({ status: 'degraded', database: deps.database.kind });
    // `demo` lets the sign-in page show the demo logins on a demo database only.
    return { status: 'ok', database: deps.database.kind, demo: deps.config.demoMode };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(registerRoutes, { prefix: '/api/v1' });
  // Open311 GeoReport v2 lives at the path integrators expect, outside the versioned API.
  await app.register(open311Routes, { prefix: '/open311/v2' });
  serveWeb(app, deps.config.webDist);
  return app;
}

/** Resolves true when the database answers `select 1` within `ms`, rejects when it fails, false when it is too slow. */
async function pingDatabase(db: Deps['database']['db'], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([db.execute('select 1' as any).then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

function setErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = req.lang ?? 'zh';
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldIssue[] = err.validation.map((v) => {
        const issue = { ...(v.params as object), code: v.keyword, message: v.message };
        const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: p, message: translateIssue(issue, lang) };
      });
      return reply.status(400).send({ code: 'validation_failed', message: t('validation_failed', lang), details });
    }
    if (err instanceof AppError) {
      const details = Array.isArray(err.details)
        ? err.details.map((d: any) =>
            typeof d?.message === 'string' ? { ...d, message: translateFieldMessage(d.message, lang) } : d,
          )
        : (err.details ?? null);
      return reply.status(err.status).send({ code: err.code, message: t(err.code, lang, err.params), details });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      const maxMb = Math.round(app.deps.config.maxUploadBytes / 1048576);
      return reply
        .status(413)
        .send({ code: 'payload_too_large', message: t('payload_too_large', lang, { maxMb }), details: null });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({
        code: 'validation_failed',
        message: t('validation_failed', lang),
        details: [{ path: '', message: err.message }],
      });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err, url: req.url, method: req.method }, 'database unavailable');
      const message = t('database_unavailable', lang);
      return reply.status(503).send({ code: 'database_unavailable', message, details: null, requestId: req.id });
    }
    const mapped = mapDatabaseError(err);
    if (mapped)
      return reply.status(mapped.status).send({ code: mapped.code, message: t(mapped.code, lang), details: null });
    req.log.error({ err, url: req.url, method: req.method }, 'request failed');
    return reply.status(500).send({ code: 'internal', message: t('internal', lang), details: null, requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply.status(404).send({ code: 'not_found', message: t('not_found', req.lang ?? 'zh'), details: null });
    return reply.status(404).send('Not found');
  });
}
