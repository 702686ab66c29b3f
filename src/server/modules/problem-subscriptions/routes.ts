// /api/v1/public/problem-subscriptions: citizens follow a 民生问题 or a township by e-mail, without an account.
// Subscribing counts against the public form's limits (it sends mail); confirm and unsubscribe against the look-ups.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { acceptedReply, subscribeBody, tokenBody, tokenReply } from './schema.js';
import { confirm, subscribe, unsubscribe } from './service.js';

/** The three public subscription endpoints. */
export const problemSubscriptionRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const limits = publicLimitsFromEnv();
  const subscribes = publicGate(app, 'public_subscribe', limits.submit);
  const lookups = publicGate(app, 'public_lookup', limits.lookup);
  const config = { public: true };
  const tags = ['public'];
  // PUBLIC_ORIGIN when the operator set it, else the origin this request came to.
  const origin = (req: FastifyRequest) => app.deps.config.publicOrigin ?? `${req.protocol}://${req.host}`;
  const ctx = (req: FastifyRequest) => ({
    lang: req.lang ?? 'zh',
    origin: origin(req),
    now: app.deps.now(),
    ip: req.ip,
  });

  r.post(
    '/public/problem-subscriptions',
    { config, schema: { tags, body: subscribeBody, response: { 202: acceptedReply } } },
    async (req, reply) => {
      await subscribes(req, reply);
      const out = await db().transaction((tx) => subscribe(tx, req.body, ctx(req)));
      return reply.status(202).send(out);
    },
  );
  r.post(
    '/public/problem-subscriptions/confirm',
    { config, schema: { tags, body: tokenBody, response: { 200: tokenReply } } },
    async (req, reply) => {
      await lookups(req, reply);
      return db().transaction((tx) => confirm(tx, req.body.token, ctx(req)));
    },
  );
  r.post(
    '/public/problem-subscriptions/unsubscribe',
    { config, schema: { tags, body: tokenBody, response: { 200: tokenReply } } },
    async (req, reply) => {
      await lookups(req, reply);
      return db().transaction((tx) => unsubscribe(tx, req.body.token, ctx(req)));
    },
  );
};
