// The 社情民意 deadline settings (settings key 'opinion_deadlines'), the handling settings beside them (auto-close after a
// 满意 rating) and the per-item deadline view the item page shows.
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DEFAULT_DEADLINE_SETTINGS,
  type DeadlineSettings,
  deadlineSettingsSchema,
  resolveDeadlineSettings,
} from '../../../core/calendar/opinion-deadlines.js';
import { handlingSettingsSchema } from '../../../core/opinions/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { DEADLINES_KEY, loadDeadlineSettings, loadDeadlineView } from './deadlines.js';
import { presentHandlingSettings, saveHandlingSettings } from './handling-settings.js';

/** What GET /settings/opinion-deadlines returns: values in force and the defaults (to offer a reset). Admin only. */
export async function presentDeadlineSettings(db: DbOrTx, a: Actor) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const [row] = await db.select().from(settings).where(eq(settings.key, DEADLINES_KEY));
  return {
    settings: resolveDeadlineSettings(row?.value),
    defaults: { ...DEFAULT_DEADLINE_SETTINGS },
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves the deadline settings (office staff only), audited in the same transaction. */
export async function saveDeadlineSettings(tx: DbOrTx, a: Actor, input: DeadlineSettings, ip: string) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const before = await loadDeadlineSettings(tx);
  const value = deadlineSettingsSchema.parse(input);
  await tx
    .insert(settings)
    .values({ key: DEADLINES_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(tx, a, { action: 'update', entity: 'settings', entityId: DEADLINES_KEY, before, after: value }, ip);
  return presentDeadlineSettings(tx, a);
}

/** GET/PUT /settings/opinion-deadlines, GET/PUT /settings/opinion-handling and GET /opinions/:id/deadlines. */
export const opinionDeadlineRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['opinions'];
  r.get('/settings/opinion-deadlines', { schema: { tags } }, async (req) =>
    presentDeadlineSettings(db(), actorOf(req)),
  );
  r.put('/settings/opinion-deadlines', { schema: { tags, body: deadlineSettingsSchema } }, async (req) => {
    const a = actorOf(req);
    return db().transaction((tx) => saveDeadlineSettings(tx, a, req.body, req.ip));
  });
  r.get('/settings/opinion-handling', { schema: { tags } }, async (req) => presentHandlingSettings(db(), actorOf(req)));
  r.put('/settings/opinion-handling', { schema: { tags, body: handlingSettingsSchema } }, async (req) => {
    const a = actorOf(req);
    return db().transaction((tx) => saveHandlingSettings(tx, a, req.body, req.ip));
  });
  r.get('/opinions/:id/deadlines', { schema: { tags, params: idParam } }, async (req) =>
    loadDeadlineView(db(), actorOf(req), req.params.id),
  );
};
