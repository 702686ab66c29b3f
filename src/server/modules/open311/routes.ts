// /open311/v2: the Open311 GeoReport v2 endpoints (https://wiki.open311.org/GeoReport_v2), public by route config,
// rate-limited per address like the citizen form; POST requests needs an api_key (an admin-issued API token).
// Cookie-less: the session is never read for an action here, so there is no CSRF surface; errors are the spec's
// `[{code, description}]` or `<errors>` in the format the path asks for.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../../db/connection-errors.js';
import { AppError } from '../../errors.js';
import { mapDatabaseError } from '../../http-guards.js';
import { t } from '../../i18n/messages.js';
import { translateFieldMessage, translateIssue } from '../../i18n/zod-issues.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { Open311Error } from './errors.js';
import { type Open311Format, type Open311Value, render } from './format.js';
import { apiClientOf, postServiceRequest } from './intake.js';
import { findRequest, findService, findToken, listRequests, listServices, serviceDefinition } from './read.js';
import {
  formatParam,
  jurisdictionQuery,
  postRequestBody,
  requestParam,
  requestsQuery,
  serviceParam,
  tokenParam,
} from './schema.js';

/** The jurisdiction this server answers for (OPEN311_JURISDICTION_ID); unset, any or no jurisdiction_id is accepted. */
export function open311JurisdictionFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.OPEN311_JURISDICTION_ID?.trim() || null;
}

/** The date this server's GeoReport v2 behaviour last changed (the discovery file's changeset). */
export const OPEN311_CHANGESET = '2026-12-04T00:00:00Z';

/** The discovery document for the endpoint at `url`. */
function discoveryOf(url: string): Open311Value {
  return {
    changeset: OPEN311_CHANGESET,
    contact: process.env.OPEN311_CONTACT?.trim() || null,
    key_service: process.env.OPEN311_KEY_SERVICE?.trim() || null,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

const formatOf = (req: FastifyRequest): Open311Format =>
  (req.params as { format?: string } | undefined)?.format === 'xml' ? 'xml' : 'json';

function send(reply: FastifyReply, format: Open311Format, root: string, value: Open311Value, status = 200) {
  const out = render(format, root, value);
  return reply.status(status).type(out.type).send(out.body);
}

/** The GeoReport v2 plugin; mount it with the prefix `/open311/v2`. */
export const open311Routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const jurisdiction = open311JurisdictionFromEnv();
  const limits = publicLimitsFromEnv();
  // The same counters as the citizen form and tracking page: one address gets one budget, whatever door it uses.
  const submits = publicGate(app, 'public_submit', limits.submit);
  const lookups = publicGate(app, 'public_lookup', limits.lookup);
  const config = { public: true };
  const tags = ['open311'];

  // The spec posts application/x-www-form-urlencoded; repeated keys (multivaluelist attributes) become lists.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    },
  );

  const checkJurisdiction = (id: string | undefined) => {
    if (jurisdiction && id && id.trim() !== jurisdiction) throw new Open311Error(404, 'open311_jurisdiction', { id });
  };

  // Service Discovery (https://wiki.open311.org/Service_discovery): where this endpoint is and what it speaks.
  r.get('/discovery.:format', { config, schema: { tags, params: formatParam } }, async (req, reply) => {
    await lookups(req, reply);
    return send(reply, req.params.format, 'discovery', discoveryOf(`${req.protocol}://${req.host}/open311/v2/`));
  });
  r.get(
    '/services.:format',
    { config, schema: { tags, params: formatParam, querystring: jurisdictionQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      checkJurisdiction(req.query.jurisdiction_id);
      return send(reply, req.params.format, 'services', (await listServices(db())) as unknown as Open311Value);
    },
  );
  r.get(
    '/services/:service_code.:format',
    { config, schema: { tags, params: serviceParam, querystring: jurisdictionQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      checkJurisdiction(req.query.jurisdiction_id);
      const service = await findService(db(), req.params.service_code);
      return send(reply, req.params.format, 'service_definition', serviceDefinition(service, req.lang));
    },
  );
  r.post(
    '/requests.:format',
    {
      config,
      schema: {
        tags,
        params: formatParam,
        body: postRequestBody,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
      },
    },
    async (req, reply) => {
      await submits(req, reply);
      checkJurisdiction(req.body.jurisdiction_id);
      const client = await apiClientOf(app.deps, req.body.api_key, req.actor);
      const out = await postServiceRequest(app.deps, client, req.body, {
        idempotencyHeader: req.headers['idempotency-key'],
        ip: req.ip,
        lang: req.lang,
      });
      return send(reply, req.params.format, 'service_requests', out.body, out.created ? 201 : 200);
    },
  );
  r.get(
    '/requests.:format',
    { config, schema: { tags, params: formatParam, querystring: requestsQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      checkJurisdiction(req.query.jurisdiction_id);
      return send(reply, req.params.format, 'service_requests', await listRequests(db(), req.query, app.deps.now()));
    },
  );
  r.get(
    '/requests/:service_request_id.:format',
    { config, schema: { tags, params: requestParam, querystring: jurisdictionQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      checkJurisdiction(req.query.jurisdiction_id);
      return send(reply, req.params.format, 'service_requests', await findRequest(db(), req.params.service_request_id));
    },
  );
  r.get(
    '/tokens/:token.:format',
    { config, schema: { tags, params: tokenParam, querystring: jurisdictionQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      checkJurisdiction(req.query.jurisdiction_id);
      return send(reply, req.params.format, 'service_requests', await findToken(db(), req.params.token));
    },
  );
  // Anything else under /open311/v2 is the spec's 404, not the web app's index page.
  app.all('/*', { config, schema: { hide: true } }, async (req, reply) => {
    const format = req.url.split('?')[0].endsWith('.xml') ? 'xml' : 'json';
    const error = [{ code: 404, description: t('open311_not_found', req.lang) }];
    return send(reply, format, 'errors', error, 404);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = req.lang ?? 'zh';
    const format = formatOf(req);
    const fail = (status: number, descriptions: string[]) =>
      send(
        reply,
        format,
        'errors',
        descriptions.map((description) => ({ code: status, description })),
        status,
      );
    if (err instanceof Open311Error) return fail(err.status, [t(err.messageCode, lang, err.params)]);
    if (hasZodFastifySchemaValidationErrors(err))
      return fail(
        400,
        err.validation.map((v) => {
          const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
          const issue = { ...(v.params as object), code: v.keyword, message: v.message };
          return `${field}: ${translateIssue(issue as any, lang)}`;
        }),
      );
    if (err instanceof AppError) {
      const details = Array.isArray(err.details)
        ? err.details.map((d: any) => `${d.path}: ${translateFieldMessage(String(d.message), lang)}`)
        : [];
      return fail(err.status, details.length ? details : [t(err.code, lang, err.params)]);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return fail(err.statusCode === 415 || err.statusCode === 413 ? err.statusCode : 400, [err.message]);
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err, url: req.url }, 'database unavailable');
      return fail(503, [t('database_unavailable', lang)]);
    }
    const mapped = mapDatabaseError(err);
    if (mapped) return fail(mapped.status, [t(mapped.code, lang)]);
    req.log.error({ err, url: req.url, method: req.method }, 'open311 request failed');
    return fail(500, [`${t('internal', lang)} (${req.id})`]);
  });
};
