// /api/v1/workbench: the signed-in actor's 待办 counters, each with the link of the list it counts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { workbenchAnswer } from './schema.js';
import { loadWorkbench } from './service.js';

/** The workbench endpoint; every role gets its own counters (possibly none). */
export const workbenchRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/workbench', { schema: { tags: ['workbench'], response: { 200: workbenchAnswer } } }, async (req) =>
    loadWorkbench(app.deps.database.db, actorOf(req), app.deps.now()),
  );
};
