// Townships/streets and their villages/communities, with the 12-digit division code and the village contact person.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pinyinKeys } from '../../../core/search-keys.js';
import { regions } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { auditedCrud } from '../common/crud.js';
import { idBody, idParam, idQuery, name, optionalPhone, pageQuery, patchOf } from '../common/schemas.js';
import { searchCondition } from '../common/search.js';
import { refreshKpiItems } from '../kpis/rollups.js';

const body = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'region_code_invalid'),
  name,
  level: z.enum(['township', 'village']),
  parentId: idBody.nullable().default(null),
  contactName: z.string().trim().max(50).default(''),
  contactPhone: optionalPhone,
});
const listQuery = pageQuery.extend({
  level: z.enum(['township', 'village']).optional(),
  parentId: idQuery.optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});

/** /api/v1/regions */
export const regionRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  // The KPI table groups items by township (the village's parent): a move re-files the region's items.
  const crud = auditedCrud(db, regions, 'region', {
    afterUpdate: async (tx, before, after) => {
      if (before.parentId !== after.parentId)
        await refreshKpiItems(tx, sql`select id from opinions where region_id = ${after.id}`);
    },
  });
  const withKeys = <T extends { name?: string }>(v: T) =>
    v.name ? { ...v, pinyinInitials: pinyinKeys(v.name).initials, pinyinFull: pinyinKeys(v.name).full } : v;

  r.get('/regions', { schema: { tags: ['registry'], querystring: listQuery } }, async (req) => {
    const { page, pageSize, q, level, parentId } = req.query;
    const res = await db().execute(sql`
      select r.id, r.code, r.name, r.level, r.parent_id as "parentId", r.contact_name as "contactName", r.contact_phone as "contactPhone",
        p.name as "parentName",
        (select count(*)::int from member_villages mv where mv.region_id = r.id) as "memberCount",
        (select count(*)::int from representatives x where x.region_id = r.id) as "representativeCount",
        count(*) over()::int as total
      from regions r left join regions p on p.id = r.parent_id
      where ${level ? sql`r.level = ${level}` : sql`true`} and ${parentId ? sql`r.parent_id = ${parentId}` : sql`true`}
        and (${searchCondition(q, 'r')} or r.code like ${`${q ?? ''}%`})
      order by r.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
    const rows = res.rows as any[];
    return { items: rows.map(({ total, ...x }) => x), total: rows[0]?.total ?? 0, page, pageSize };
  });
  r.get('/regions/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) => {
    const res = await db().execute(
      sql`select r.*, p.name as parent_name from regions r left join regions p on p.id = r.parent_id where r.id = ${req.params.id}`,
    );
    const row = res.rows[0] as any;
    if (!row) throw notFound();
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      level: row.level,
      parentId: row.parent_id,
      parentName: row.parent_name,
      contactName: row.contact_name,
      contactPhone: row.contact_phone,
    };
  });
  r.post('/regions', { schema: { tags: ['registry'], body } }, async (req) => crud.create(req, withKeys(req.body)));
  r.patch('/regions/:id', { schema: { tags: ['registry'], params: idParam, body: patchOf(body) } }, async (req) =>
    crud.update(req, req.params.id, withKeys(req.body)),
  );
  r.delete('/regions/:id', { schema: { tags: ['registry'], params: idParam } }, async (req) =>
    crud.remove(req, req.params.id),
  );
};
