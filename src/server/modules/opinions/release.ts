// The office releases a citizen's name and phone to the departments handling an item (they see them masked before).
// Not a status change, so not in core's transition table: one flag, one 'contact_released' event, one audit row.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { loadOpinion } from './read.js';
import { opinionsVisible } from './scope.js';
import { appendFactEvent } from './transition.js';

/** The body of POST /opinions/:id/release-contact: why the department needs the contact (kept in the timeline). */
export const releaseContactBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/** Releases the contacts of a visible item (admin only): 404 outside scope, 403 for others, 409 when already released. */
export async function releaseContact(tx: Tx, a: Actor, id: number, reason: string, opts: { now: Date; ip?: string }) {
  const res = await tx.execute(sql`select o.id, o.status, o.contact_released as "contactReleased"
    from opinions o where o.id = ${id} and ${opinionsVisible(a)} for update`);
  const row = res.rows[0] as { id: number; status: string; contactReleased: boolean } | undefined;
  if (!row) throw notFound();
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  if (row.contactReleased) throw new AppError('contact_already_released');
  await tx.execute(
    sql`update opinions set contact_released = true, updated_at = ${opts.now.toISOString()}::timestamptz where id = ${id}`,
  );
  const eventId = await appendFactEvent(tx, a, {
    opinionId: id,
    type: 'contact_released',
    status: row.status,
    payload: { reason },
    at: opts.now,
  });
  await writeAudit(
    tx,
    a,
    {
      action: 'release_contact',
      entity: 'opinion',
      entityId: id,
      before: { contactReleased: false },
      after: { contactReleased: true, reason },
    },
    opts.ip,
  );
  return { eventId: eventId };
}

/** POST /opinions/:id/release-contact. */
export const releaseContactRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.post(
    '/opinions/:id/release-contact',
    { schema: { tags: ['opinions'], params: idParam, body: releaseContactBody } },
    async (req) => {
      const a = actorOf(req);
      const now = app.deps.now();
      const out = await db().transaction((tx) =>
        releaseContact(tx, a, req.params.id, req.body.reason, { now, ip: req.ip }),
      );
      return { ...out, item: await loadOpinion(db(), a, req.params.id, now) };
    },
  );
};
