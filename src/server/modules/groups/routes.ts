// Liaison groups (one per township/street, with a leader) and township departments (乡机关部门).
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { departments, liaisonGroups } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { auditedCrud } from '../common/crud.js';
import { idBody, idParam, idQuery, name, patchOf } from '../common/schemas.js';

const groupBody = z.object({
  name,
  townshipId: idBody,
  leaderMemberId: idBody.nullable().default(null),
});
const deptBody = z.object({
  name,
  kind: z.enum(['township', 'county']).default('township'),
  townshipId: idBody.nullable().default(null),
});

/** /api/v1/liaison-groups and /api/v1/departments */
export const groupRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const groups = auditedCrud(db, liaisonGroups, 'liaison_group');
  const depts = auditedCrud(db, departments, 'department');

  const listGroups = (where = sql`true`) =>
    db().execute(sql`
      select g.id, g.name, g.township_id as "townshipId", t.name as "townshipName", g.leader_member_id as "leaderMemberId",
        m.name as "leaderName", (select count(*)::int from members x where x.group_id = g.id and x.active) as "memberCount"
      from liaison_groups g join regions t on t.id = g.township_id left join members m on m.id = g.leader_member_id
      where ${where} order by t.code`);
  r.get('/liaison-groups', { schema: { tags: ['registry'] } }, async () => ({ items: (await listGroups()).rows }));
  r.get('/liaison-groups/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) => {
    const row = (await listGroups(sql`g.id = ${req.params.id}`)).rows[0];
    if (!row) throw notFound();
    return row;
  });
  r.post('/liaison-groups', { schema: { tags: ['registry'], body: groupBody } }, async (req) =>
    groups.create(req, req.body),
  );
  r.patch(
    '/liaison-groups/:id',
    { schema: { tags: ['registry'], params: idParam, body: patchOf(groupBody) } },
    async (req) => groups.update(req, req.params.id, req.body),
  );
  r.delete('/liaison-groups/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) =>
    groups.remove(req, req.params.id),
  );

  r.get(
    '/departments',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({ townshipId: idQuery.optional() }),
      },
    },
    async (req) => {
      const t = req.query.townshipId;
      const res = await db().execute(sql`
      select d.id, d.name, d.kind, d.township_id as "townshipId", t.name as "townshipName",
        (select count(*)::int from representatives x where x.department_id = d.id) as "representativeCount"
      from departments d left join regions t on t.id = d.township_id
      where ${t ? sql`d.township_id = ${t}` : sql`true`} order by t.code nulls first, d.name`);
      return { items: res.rows };
    },
  );
  r.post('/departments', { schema: { tags: ['registry'], body: deptBody } }, async (req) =>
    depts.create(req, req.body),
  );
  r.patch(
    '/departments/:id',
    { schema: { tags: ['registry'], params: idParam, body: patchOf(deptBody) } },
    async (req) => depts.update(req, req.params.id, req.body),
  );
  r.delete('/departments/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) =>
    depts.remove(req, req.params.id),
  );
};
