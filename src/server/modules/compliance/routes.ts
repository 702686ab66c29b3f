// /api/v1/compliance (live quota check) and /api/v1/settings/quotas (the office edits the quotas).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { quotaSettingsSchema } from '../../../core/quotas.js';
import { actorOf } from '../auth/plugin.js';
import { complianceQuery } from './schema.js';
import { complianceSummary, complianceView } from './service.js';
import { presentQuotas, saveQuotas } from './settings.js';

/** Compliance and quota-settings endpoints. */
export const complianceRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.get('/compliance', { schema: { tags: ['compliance'], querystring: complianceQuery } }, async (req) =>
    complianceView(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.get('/compliance/summary', { schema: { tags: ['compliance'], querystring: complianceQuery } }, async (req) =>
    complianceSummary(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.get('/settings/quotas', { schema: { tags: ['compliance'] } }, async (req) => presentQuotas(db(), actorOf(req)));
  r.put('/settings/quotas', { schema: { tags: ['compliance'], body: quotaSettingsSchema } }, async (req) => {
    const a = actorOf(req);
    return db().transaction((tx) => saveQuotas(tx, a, req.body, req.ip));
  });
};
