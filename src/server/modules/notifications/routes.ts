// /api/v1/notifications: each user reads and clears only their own in-app notifications.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.js';
import { idParam, pageQuery } from '../common/schemas.js';
import { listNotifications, markAllRead, markRead } from './service.js';

const listQuery = pageQuery.omit({ q: true }).extend({
  unreadOnly: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});

/** Notification endpoints (a read mark is personal UI state, so it is not written to the audit log). */
export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  r.get('/notifications', { schema: { tags: ['notifications'], querystring: listQuery } }, async (req) => {
    const a = actorOf(req);
    return listNotifications(db(), a.userId, req.query, req.lang ?? 'zh');
  });
  r.post('/notifications/read-all', { schema: { tags: ['notifications'] } }, async (req) => {
    const a = actorOf(req);
    return markAllRead(db(), a.userId, app.deps.now());
  });
  r.post('/notifications/:id/read', { schema: { tags: ['notifications'], params: idParam } }, async (req) => {
    const a = actorOf(req);
    return markRead(db(), a.userId, req.params.id, app.deps.now());
  });
};
