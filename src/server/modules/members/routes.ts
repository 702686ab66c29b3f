// /api/v1/members: the directory for everyone signed in; changes by office staff only.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../audit.js';
import { actorOf } from '../auth/plugin.js';
import { registryAdmin } from '../common/crud.js';
import { idParam, patchOf } from '../common/schemas.js';
import { memberBody, memberListQuery } from './schema.js';
import { getMember, listMembers, saveMember } from './service.js';

/** Member endpoints. */
export const memberRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.get('/members', { schema: { tags: ['registry'], querystring: memberListQuery } }, async (req) =>
    listMembers(db(), actorOf(req), req.query),
  );
  r.get('/members/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) =>
    getMember(db(), actorOf(req), req.params.id),
  );
  r.post('/members', { schema: { tags: ['registry'], body: memberBody } }, async (req) => {
    const actor = registryAdmin(req);
    return db().transaction(async (tx) => {
      const id = await saveMember(tx, req.body);
      const after = await getMember(tx, actor, id);
      await writeAudit(tx, actor, { action: 'create', entity: 'member', entityId: id, after }, req.ip);
      return after;
    });
  });
  r.patch(
    '/members/:id',
    { schema: { tags: ['registry'], params: idParam, body: patchOf(memberBody) } },
    async (req) => {
      const actor = registryAdmin(req);
      return db().transaction(async (tx) => {
        const before = await getMember(tx, actor, req.params.id);
        await saveMember(tx, req.body, req.params.id);
        const after = await getMember(tx, actor, req.params.id);
        await writeAudit(
          tx,
          actor,
          { action: 'update', entity: 'member', entityId: req.params.id, before, after },
          req.ip,
        );
        return after;
      });
    },
  );
};
