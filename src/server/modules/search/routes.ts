// /api/v1/search: one box that finds items, members and representatives within the actor's scope.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { searchQuery } from './schema.js';
import { searchAll } from './service.js';

/** The search endpoint for signed-in users. */
export const searchRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/search', { schema: { tags: ['search'], querystring: searchQuery } }, async (req) =>
    // A report read: the read replica when one is configured (DATABASE_READ_URL).
    searchAll(app.deps.database.readDb, actorOf(req), req.query.q, app.deps.now()),
  );
};
