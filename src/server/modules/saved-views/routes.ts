// /api/v1/saved-views: each signed-in user's named inbox filters.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { savedViewBody, savedViewListQuery } from './schema.js';
import { createSavedView, deleteSavedView, listSavedViews } from './service.js';

/** Saved-view endpoints; every user keeps their own, nobody sees another's. */
export const savedViewRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['saved-views'];
  r.get('/saved-views', { schema: { tags, querystring: savedViewListQuery } }, async (req) =>
    listSavedViews(db(), actorOf(req), req.query.scope),
  );
  r.post('/saved-views', { schema: { tags, body: savedViewBody } }, async (req, reply) =>
    reply.status(201).send(await createSavedView(db(), actorOf(req), req.body, req.ip)),
  );
  r.delete('/saved-views/:id', { schema: { tags, params: idParam } }, async (req) => {
    await deleteSavedView(db(), actorOf(req), req.params.id, req.ip);
    return { ok: true };
  });
};
