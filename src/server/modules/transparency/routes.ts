// /api/v1/public/transparency and /api/v1/public/answers: the transparency board for everyone, no account, counted
// against the public look-up limit like the other public reads.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { listPublicAnswers } from './answers.js';
import { transparencyBoard } from './board.js';
import { answersQuery, transparencyQuery } from './schema.js';

/** The public board's endpoints (route config `public: true`). */
export const transparencyRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  const config = { public: true };
  const tags = ['transparency'];
  r.get('/public/transparency', { config, schema: { tags, querystring: transparencyQuery } }, async (req, reply) => {
    await lookups(req, reply);
    return transparencyBoard(app.deps.database.readDb, req.query, app.deps.now());
  });
  r.get('/public/answers', { config, schema: { tags, querystring: answersQuery } }, async (req, reply) => {
    await lookups(req, reply);
    return listPublicAnswers(app.deps.database.readDb, req.query);
  });
};
