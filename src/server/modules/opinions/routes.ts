// /api/v1/opinions: staff intake, the scoped inbox, one item, its timeline, its transitions (single or a named compound)
// and the forward plan the 受理并转办 dialog shows.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { bulkTransition } from './bulk.js';
import { categoriseRoutes } from './categorise.js';
import { confidentialityRoutes } from './confidentiality.js';
import { createOpinion } from './create.js';
import { doorRoutes } from './door-routes.js';
import { loadForwardPlan } from './forward-plan.js';
import { mineRoutes } from './mine.js';
import { listEvents, listOpinions, loadOpinion } from './read.js';
import { relayRoutes } from './relay.js';
import { opinionBody, opinionListQuery } from './schema.js';
import { findSimilar } from './similar.js';
import { applySteps, bulkRequestBody, transitionRequestBody } from './steps.js';
import { suggestRoutes } from './suggest.js';
import { transitionOpinion } from './transition.js';

/** 社情民意 endpoints for signed-in users (the public ones live elsewhere). */
export const opinionRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['opinions'];
  await app.register(mineRoutes);
  await app.register(relayRoutes);
  await app.register(suggestRoutes);
  await app.register(confidentialityRoutes);
  await app.register(categoriseRoutes);
  await app.register(doorRoutes);
  r.get('/opinions', { schema: { tags, querystring: opinionListQuery } }, async (req) =>
    listOpinions(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.get('/opinions/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadOpinion(db(), actorOf(req), req.params.id, app.deps.now()),
  );
  r.get('/opinions/:id/events', { schema: { tags, params: idParam } }, async (req) =>
    listEvents(db(), actorOf(req), req.params.id),
  );
  r.post('/opinions', { schema: { tags, body: opinionBody } }, async (req, reply) => {
    const a = actorOf(req);
    const header = req.headers['idempotency-key'];
    const key = typeof header === 'string' && header.trim() ? header.trim().slice(0, 200) : undefined;
    const now = app.deps.now();
    const { id, created } = await createOpinion(db(), a, req.body, { idempotencyKey: key, now, ip: req.ip });
    return reply.status(created ? 201 : 200).send(await loadOpinion(db(), a, id, now));
  });
  r.get('/opinions/:id/similar', { schema: { tags, params: idParam } }, async (req) =>
    findSimilar(db(), actorOf(req), req.params.id, app.deps.now()),
  );
  r.get('/opinions/:id/forward-plan', { schema: { tags, params: idParam } }, async (req) =>
    loadForwardPlan(db(), actorOf(req), req.params.id, app.deps.now()),
  );
  r.post('/opinions/bulk-transitions', { schema: { tags, body: bulkRequestBody } }, async (req) =>
    bulkTransition(db(), actorOf(req), req.body as any, { now: app.deps.now(), lang: req.lang ?? 'zh', ip: req.ip }),
  );
  // `{action, ...payload}` moves once; `{steps: [...]}` runs a named compound (受理并转办, 审核通过并反馈) all or nothing.
  r.post(
    '/opinions/:id/transitions',
    { schema: { tags, params: idParam, body: transitionRequestBody } },
    async (req) => {
      const a = actorOf(req);
      const now = app.deps.now();
      const opts = { now, lang: req.lang ?? 'zh', ip: req.ip } as const;
      const body = req.body;
      const out = await db().transaction<{ eventId: number; status: string }>((tx) =>
        'steps' in body
          ? applySteps(tx, a, req.params.id, body.steps as any, opts)
          : transitionOpinion(tx, a, req.params.id, body, opts),
      );
      return { ...out, item: await loadOpinion(db(), a, req.params.id, now) };
    },
  );
};
