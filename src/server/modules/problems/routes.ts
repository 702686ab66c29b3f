// /api/v1/problems (staff, signed in) and /api/v1/public/problems (no account, rate-limited like the other public reads):
// 民生问题, the problems people feel most strongly about, grouped from items and followed to the end.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { sendStored } from '../common/uploads.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { addEvidence, findEvidence } from './evidence.js';
import { findPublicEvidence, listPublicProblems, loadPublicProblem } from './public.js';
import { listProblems, loadProblem } from './read.js';
import {
  evidenceParam,
  itemParam,
  itemsBody,
  milestoneBody,
  milestoneParam,
  milestonePatch,
  problemBody,
  problemListQuery,
  problemParam,
  problemPatch,
  publicProblemQuery,
  statusBody,
  suggestionQuery,
} from './schema.js';
import {
  addMilestone,
  changeStatus,
  createProblem,
  linkItems,
  unlinkItem,
  updateMilestone,
  updateProblem,
  type WriteOpts,
} from './service.js';
import { suggestProblems } from './suggest.js';

/** The staff and public problem endpoints; every staff write answers the problem as the actor now sees it. */
export const problemRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['problems'];
  const opts = (req: FastifyRequest): WriteOpts => ({
    now: app.deps.now(),
    ip: req.ip,
    origin: `${req.protocol}://${req.host}`,
  });
  const answer = (req: FastifyRequest, id: number) => loadProblem(db(), actorOf(req), id);

  r.get('/problems', { schema: { tags, querystring: problemListQuery } }, async (req) =>
    listProblems(db(), actorOf(req), req.query),
  );
  r.get('/problems/suggestions', { schema: { tags, querystring: suggestionQuery } }, async (req) =>
    suggestProblems(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.post('/problems', { schema: { tags, body: problemBody } }, async (req, reply) => {
    const id = await createProblem(db(), actorOf(req), req.body, opts(req));
    return reply.status(201).send({ id });
  });
  r.get('/problems/:id', { schema: { tags, params: problemParam } }, async (req) => answer(req, req.params.id));
  r.patch('/problems/:id', { schema: { tags, params: problemParam, body: problemPatch } }, async (req) => {
    await updateProblem(db(), actorOf(req), req.params.id, req.body, opts(req));
    return answer(req, req.params.id);
  });
  r.post('/problems/:id/status', { schema: { tags, params: problemParam, body: statusBody } }, async (req) => {
    await changeStatus(db(), actorOf(req), req.params.id, req.body, opts(req));
    return answer(req, req.params.id);
  });
  r.post('/problems/:id/items', { schema: { tags, params: problemParam, body: itemsBody } }, async (req) => {
    await linkItems(db(), actorOf(req), req.params.id, req.body.opinionIds, opts(req));
    return answer(req, req.params.id);
  });
  r.delete('/problems/:id/items/:opinionId', { schema: { tags, params: itemParam } }, async (req) => {
    await unlinkItem(db(), actorOf(req), req.params.id, req.params.opinionId, opts(req));
    return answer(req, req.params.id);
  });
  r.post(
    '/problems/:id/milestones',
    { schema: { tags, params: problemParam, body: milestoneBody } },
    async (req, reply) => {
      const id = await addMilestone(db(), actorOf(req), req.params.id, req.body, opts(req));
      return reply.status(201).send({ id });
    },
  );
  r.patch(
    '/problems/:id/milestones/:milestoneId',
    { schema: { tags, params: milestoneParam, body: milestonePatch } },
    async (req) => {
      const { id, milestoneId } = req.params;
      await updateMilestone(db(), actorOf(req), id, milestoneId, req.body, opts(req));
      return answer(req, id);
    },
  );
  r.post(
    '/problems/:id/evidence',
    { schema: { tags, params: problemParam, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const a = actorOf(req);
      const id = await addEvidence(db(), app.deps.files, req, a, req.params.id, {
        ...opts(req),
        lang: req.lang ?? 'zh',
      });
      return reply.status(201).send({ id });
    },
  );
  r.get('/problems/:id/evidence/:evidenceId', { schema: { tags, params: evidenceParam } }, async (req, reply) => {
    const row = await findEvidence(db(), actorOf(req), req.params.id, req.params.evidenceId);
    return sendStored(reply, app.deps.files, row);
  });

  // Public: only published problems, nothing of an item but counts.
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  const config = { public: true };
  const publicTags = ['public'];
  r.get(
    '/public/problems',
    { config, schema: { tags: publicTags, querystring: publicProblemQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      return listPublicProblems(db(), req.query, app.deps.now());
    },
  );
  r.get('/public/problems/:id', { config, schema: { tags: publicTags, params: problemParam } }, async (req, reply) => {
    await lookups(req, reply);
    return loadPublicProblem(db(), req.params.id);
  });
  r.get(
    '/public/problems/:id/evidence/:evidenceId',
    { config, schema: { tags: publicTags, params: evidenceParam } },
    async (req, reply) => {
      await lookups(req, reply);
      const row = await findPublicEvidence(db(), req.params.id, req.params.evidenceId);
      return sendStored(reply, app.deps.files, row);
    },
  );
};
