// /api/v1/topics: hot problems (热点问题) of an area and period, for the office, leaders and a township's officer.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { topicQuery, topicResponse } from './schema.js';
import { listTopics } from './service.js';

/** GET /topics. */
export const topicRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/topics',
    { schema: { tags: ['topics'], querystring: topicQuery, response: { 200: topicResponse } } },
    async (req) => listTopics(app.deps.database.db, actorOf(req), req.query, app.deps.now()),
  );
};
