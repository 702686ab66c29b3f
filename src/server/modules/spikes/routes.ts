// /api/v1/spikes: the spike alerts (突增提醒) with the items behind them, for the office, leaders and township officers.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.js';
import { listSpikes } from './service.js';

const spikeQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
  id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** Spike endpoints (reads only; alerts are written by the scheduler's scan). */
export const spikeRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/spikes', { schema: { tags: ['spikes'], querystring: spikeQuery } }, async (req) =>
    listSpikes(app.deps.database.db, actorOf(req), req.query, app.deps.now()),
  );
};
