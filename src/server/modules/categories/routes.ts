// /api/v1/opinion-categories: everyone signed in reads the tree; admins edit it, every write audited.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { canManageRegistry } from '../common/scope.js';
import { categoryBody, categoryListQuery, categoryPatch } from './schema.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './service.js';

/** Category endpoints. */
export const categoryRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const admin = (req: FastifyRequest) => {
    const a = actorOf(req);
    if (!canManageRegistry(a)) throw new AppError('forbidden');
    return a;
  };

  r.get('/opinion-categories', { schema: { tags: ['opinions'], querystring: categoryListQuery } }, async (req) => {
    actorOf(req);
    return listCategories(db(), req.query.includeInactive);
  });
  r.post('/opinion-categories', { schema: { tags: ['opinions'], body: categoryBody } }, async (req, reply) => {
    const a = admin(req);
    const row = await db().transaction((tx) => createCategory(tx, a, req.body, req.ip, req.lang));
    return reply.status(201).send(row);
  });
  r.patch(
    '/opinion-categories/:id',
    { schema: { tags: ['opinions'], params: idParam, body: categoryPatch } },
    async (req) => {
      const a = admin(req);
      return db().transaction((tx) => updateCategory(tx, a, req.params.id, req.body, req.ip, req.lang));
    },
  );
  r.delete('/opinion-categories/:id', { schema: { tags: ['opinions'], params: idParam } }, async (req) => {
    const a = admin(req);
    await db().transaction((tx) => deleteCategory(tx, a, req.params.id, req.ip));
    return { ok: true };
  });
};
