// /api/v1/activities: the record cards, scoped to the actor; writes audited in the same transaction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../audit.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { loadRaised, raiseActivityOpinions } from './raise.js';
import { activityBody, activityListQuery, activityPatch, raiseBody } from './schema.js';
import {
  createActivity,
  createAndRaise,
  deleteActivity,
  listActivities,
  loadActivity,
  presentActivity,
  updateActivity,
} from './service.js';

/** Activity endpoints. */
export const activityRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.get('/activities', { schema: { tags: ['activities'], querystring: activityListQuery } }, async (req) =>
    listActivities(db(), actorOf(req), req.query),
  );
  r.get('/activities/:id', { schema: { tags: ['activities'], params: idParam } }, async (req) => {
    const a = actorOf(req);
    const row = presentActivity(a, await loadActivity(db(), a, req.params.id));
    return { ...row, raised: await loadRaised(db(), a, row.id) };
  });
  r.post('/activities', { schema: { tags: ['activities'], body: activityBody } }, async (req, reply) => {
    const a = actorOf(req);
    const { row, created } = req.body.raiseOpinions.length
      ? await createAndRaise(db(), a, req.body, { now: app.deps.now(), ip: req.ip })
      : await createActivity(db(), a, req.body, req.ip);
    // A record this request just made, with nothing raised, has no linked items yet: no need to ask.
    const raised = created && !req.body.raiseOpinions.length ? [] : await loadRaised(db(), a, row.id);
    const body = { ...presentActivity(a, row), raised };
    return reply.status(created ? 201 : 200).send(body);
  });
  r.post(
    '/activities/:id/opinions',
    { schema: { tags: ['activities'], params: idParam, body: raiseBody } },
    async (req, reply) => {
      const a = actorOf(req);
      const items = await db().transaction(async (tx) => {
        const row = await loadActivity(tx, a, req.params.id);
        return raiseActivityOpinions(tx, a, row, req.body.keys, { now: app.deps.now(), ip: req.ip, strict: true });
      });
      return reply.status(201).send({ items, raised: await loadRaised(db(), a, req.params.id) });
    },
  );
  r.patch(
    '/activities/:id',
    { schema: { tags: ['activities'], params: idParam, body: activityPatch } },
    async (req) => {
      const a = actorOf(req);
      return db().transaction(async (tx) => {
        const before = await updateActivity(tx, a, req.params.id, req.body);
        const after = await loadActivity(tx, a, req.params.id);
        await writeAudit(
          tx,
          a,
          { action: 'update', entity: 'activity', entityId: req.params.id, before, after },
          req.ip,
        );
        return { ...presentActivity(a, after), raised: await loadRaised(tx, a, req.params.id) };
      });
    },
  );
  r.delete('/activities/:id', { schema: { tags: ['activities'], params: idParam } }, async (req) => {
    const a = actorOf(req);
    const { keys } = await db().transaction(async (tx) => {
      const res = await deleteActivity(tx, a, req.params.id);
      await writeAudit(
        tx,
        a,
        { action: 'delete', entity: 'activity', entityId: req.params.id, before: res.before },
        req.ip,
      );
      return res;
    });
    for (const k of keys) await app.deps.files.remove(k);
    return { ok: true };
  });
};
