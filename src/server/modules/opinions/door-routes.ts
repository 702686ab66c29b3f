// Duplicates at the door, over HTTP: the citizen form's public, rate-limited look-up (opaque refs, no personal data)
// and the staff new-item form's list with ids and scores.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole } from '../../context.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { doorBody, findOpenForCitizen, findOpenForStaff } from './door.js';

const publicAnswer = z.object({
  items: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      status: z.string(),
      peopleCount: z.number().int(),
      handlingUnit: z.string().nullable(),
      month: z.string(),
    }),
  ),
});

/** POST /public/opinions/similar-open and POST /opinions/similar-draft. */
export const doorRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  r.post(
    '/public/opinions/similar-open',
    { config: { public: true }, schema: { tags: ['public'], body: doorBody, response: { 200: publicAnswer } } },
    async (req, reply) => {
      await lookups(req, reply);
      return findOpenForCitizen(db(), req.body, app.deps.now());
    },
  );
  r.post('/opinions/similar-draft', { schema: { tags: ['opinions'], body: doorBody } }, async (req) => {
    const a = actorOf(req);
    // Those who register items (office, leader, officers, members); a department handles, it does not register.
    if (!hasRole(a, 'admin', 'leader', 'info_officer', 'member')) throw new AppError('forbidden');
    return findOpenForStaff(db(), a, req.body);
  });
};
