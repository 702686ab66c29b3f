// /api/v1/representatives: scoped lists, 404 outside scope, every write audited in its transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../audit.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { withDuplicateProbeLimit } from './duplicate-probe.js';
import { representativeBody, representativeListQuery, representativePatch } from './schema.js';
import {
  createRepresentative,
  deleteRepresentative,
  listRepresentatives,
  loadRepresentative,
  presentRepresentative,
  updateRepresentative,
} from './service.js';

/** Representative endpoints. */
export const representativeRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const show = async (tx: any, a: any, id: number) =>
    presentRepresentative(a, await loadRepresentative(tx, a, id), app.deps.now());

  r.get('/representatives', { schema: { tags: ['registry'], querystring: representativeListQuery } }, async (req) =>
    listRepresentatives(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.get('/representatives/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) =>
    show(db(), actorOf(req), req.params.id),
  );
  r.post('/representatives', { schema: { tags: ['registry'], body: representativeBody } }, async (req, reply) => {
    const a = actorOf(req);
    const out = await withDuplicateProbeLimit(app.deps, a, req.ip, reply, () =>
      db().transaction(async (tx) => {
        const id = await createRepresentative(tx, a, req.body);
        const after = await loadRepresentative(tx, { ...a, roles: ['admin'] }, id);
        await writeAudit(tx, a, { action: 'create', entity: 'representative', entityId: id, after }, req.ip);
        return presentRepresentative(a, after, app.deps.now());
      }),
    );
    return reply.status(201).send(out);
  });
  r.patch(
    '/representatives/:id',
    { schema: { tags: ['registry'], params: idParam, body: representativePatch } },
    async (req, reply) => {
      const a = actorOf(req);
      return withDuplicateProbeLimit(app.deps, a, req.ip, reply, () =>
        db().transaction(async (tx) => {
          const before = await updateRepresentative(tx, a, req.params.id, req.body);
          const after = await loadRepresentative(tx, { ...a, roles: ['admin'] }, req.params.id);
          await writeAudit(
            tx,
            a,
            { action: 'update', entity: 'representative', entityId: req.params.id, before, after },
            req.ip,
          );
          return presentRepresentative(a, after, app.deps.now());
        }),
      );
    },
  );
  r.delete('/representatives/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) => {
    const a = actorOf(req);
    return db().transaction(async (tx) => {
      const before = await deleteRepresentative(tx, a, req.params.id);
      await writeAudit(tx, a, { action: 'delete', entity: 'representative', entityId: req.params.id, before }, req.ip);
      return { ok: true };
    });
  });
};
