// /api/v1/audit: the searchable, exportable audit log (admins only; others get 404 as if it did not exist).
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole } from '../../context.js';
import { notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { contentDisposition } from '../common/download.js';
import { isoDate } from '../common/schemas.js';
import { openAuditWorkbook } from './export.js';
import { auditSheetName } from './sheet.js';

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  actor: z.string().max(50).optional(),
  action: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  /** The export's language (a download link carries the page's language; Accept-Language is the browser's). */
  lang: z.enum(['zh', 'en']).optional(),
});

/** Audit endpoints; read-only, so they read the replica when one is configured (DATABASE_READ_URL). */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The codes present in the log, for the page's filters (the page words them from its catalogue).
  r.get('/audit/codes', { schema: { tags: ['audit'] } }, async (req) => {
    if (!hasRole(actorOf(req), 'admin')) throw notFound();
    const res = await app.deps.database.readDb.execute(sql`select
      coalesce((select json_agg(x.action order by x.action) from (select distinct action from audit_log) x), '[]') as actions,
      coalesce((select json_agg(x.entity order by x.entity) from (select distinct entity from audit_log) x), '[]') as entities`);
    return res.rows[0] as { actions: string[]; entities: string[] };
  });
  r.get('/audit', { schema: { tags: ['audit'], querystring: query } }, async (req, reply) => {
    if (!hasRole(actorOf(req), 'admin')) throw notFound();
    const q = req.query;
    const where = sql.join(
      [
        q.entity ? sql`entity = ${q.entity}` : sql`true`,
        q.entityId ? sql`entity_id = ${q.entityId}` : sql`true`,
        q.actor ? sql`actor_name like ${`%${q.actor}%`}` : sql`true`,
        q.action ? sql`action = ${q.action}` : sql`true`,
        q.from ? sql`at >= ${q.from}::date` : sql`true`,
        q.to ? sql`at < ${q.to}::date + 1` : sql`true`,
      ],
      sql` and `,
    );
    if (q.format === 'xlsx') {
      // Streamed page by page (export.ts): headers go out now, rows as they are read.
      const lang = q.lang ?? req.lang ?? 'zh';
      const write = await openAuditWorkbook(app.deps.database.readDb, where, lang);
      const out = new PassThrough();
      write(out).catch((err) => {
        req.log.error({ err }, 'audit export stopped');
        out.destroy(err);
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', contentDisposition(`${auditSheetName(lang)}.xlsx`));
      return reply.send(out);
    }
    const res =
      await app.deps.database.readDb.execute(sql`select id, at, actor_name as "actorName", action, entity, entity_id as "entityId", before, after, ip,
      count(*) over()::int as total from audit_log where ${where} order by id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
    const rows = res.rows as any[];
    return { items: rows.map(({ total, ...x }) => x), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
};
