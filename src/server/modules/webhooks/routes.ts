// /api/v1/settings/webhooks: the administrators' list of signed webhook endpoints for item events.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { presentWebhookSettings, saveWebhookSettings, webhookSettingsBody } from './settings.js';

/** Read and replace the endpoint list (administrators only; secrets are never answered). */
export const webhookRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['settings'];
  r.get('/settings/webhooks', { schema: { tags } }, async (req) => presentWebhookSettings(db(), actorOf(req)));
  r.put('/settings/webhooks', { schema: { tags, body: webhookSettingsBody } }, async (req) => {
    const a = actorOf(req);
    return db().transaction((tx) => saveWebhookSettings(tx, a, req.body, req.ip));
  });
};
