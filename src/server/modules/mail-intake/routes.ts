// /api/v1/inbound-mail: the office reads what the mail listener accepted and refused, and why (admin only).
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole } from '../../context.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';

const logQuery = z.object({
  outcome: z.enum(['accepted', 'duplicate', 'refused']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The inbound mail log, newest first, one page. */
export const inboundMailRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/inbound-mail', { schema: { tags: ['opinions'], querystring: logQuery } }, async (req) => {
    if (!hasRole(actorOf(req), 'admin')) throw new AppError('forbidden');
    const { outcome, page, pageSize } = req.query;
    const res = await app.deps.database.db.execute(sql`select l.id, l.sender, l.subject, l.outcome, l.reason,
        l.opinion_id as "opinionId", o.tracking_code as "trackingCode", l.at, count(*) over()::int as total
      from inbound_mail_log l left join opinions o on o.id = l.opinion_id
      where ${outcome ? sql`l.outcome = ${outcome}` : sql`true`}
      order by l.at desc, l.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
    const rows = res.rows as any[];
    return {
      items: rows.map(({ total, ...x }) => ({ ...x, id: Number(x.id) })),
      total: rows[0]?.total ?? 0,
      page,
      pageSize,
    };
  });
};
