// /api/v1/kpis: the 社情民意 KPI table (JSON or xlsx) for admins, leaders and group leaders.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { contentDisposition } from '../common/download.js';
import { kpiQuery } from './schema.js';
import { kpiReport } from './service.js';
import { kpiWorkbook } from './xlsx.js';

/** KPI endpoint; everyone outside the allowed roles gets 404. */
export const kpiRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/kpis', { schema: { tags: ['kpis'], querystring: kpiQuery } }, async (req, reply) => {
    const report = await kpiReport(app.deps.database.readDb, actorOf(req), req.query, app.deps.now(), req.lang ?? 'zh');
    if (req.query.format !== 'xlsx') return report;
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', contentDisposition('社情民意指标.xlsx'));
    return reply.send(await kpiWorkbook(report));
  });
};
