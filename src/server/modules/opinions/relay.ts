// POST /opinions/:id/relay: an originating member records passing the feedback on to representatives (社情民意反馈制度).
// Not a status change: it marks relayed_at and appends a 'relayed' event beside the lifecycle, in one audited transaction.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idBody, idParam } from '../common/schemas.js';
import { memberFor, relayTargets } from './mine.js';
import { seesOriginal } from './scope.js';
import { appendFactEvent } from './transition.js';

/** How the member told them. */
export const RELAY_METHODS = ['visit', 'phone', 'meeting', 'other'] as const;

export const relayBody = z.strictObject({
  /** Only admins name a member (recording for them); members relay as themselves. */
  memberId: idBody.optional(),
  representativeIds: z.array(idBody).max(50).default([]),
  method: z.enum(RELAY_METHODS),
  note: z.string().trim().max(1000).default(''),
});
export type RelayBody = z.infer<typeof relayBody>;

/**
 * Records the relay: 404 unless the member originated the item, 409 before feedback was sent, 400 for a representative
 * not among the item's relay targets; else sets relayed_at on the member's and the named representatives' originator
 * rows and appends the event with its audit row, all in the caller's transaction.
 */
export async function relayOpinion(tx: Tx, a: Actor, id: number, body: RelayBody, opts: { now: Date; ip?: string }) {
  const memberId = memberFor(a, body.memberId);
  const res = await tx.execute(sql`select o.id, o.status from opinions o where o.id = ${id}
    and exists (select 1 from opinion_originators p where p.opinion_id = o.id and p.member_id = ${memberId})
    and ${seesOriginal(a)} for update`);
  const item = res.rows[0] as { id: number; status: string } | undefined;
  if (!item) throw notFound();
  const sent = await tx.execute(
    sql`select 1 from opinion_events e where e.opinion_id = ${id} and e.type = 'send_feedback' limit 1`,
  );
  if (!sent.rows.length) throw new AppError('feedback_not_sent', {}, { currentStatus: item.status });
  const ids = [...new Set(body.representativeIds)];
  if (ids.length !== body.representativeIds.length) throw fieldError('representativeIds', 'duplicate_ids');
  const targets = await relayTargets(a, tx, id, memberId);
  const names = new Map(targets.map((r) => [r.id, r.name]));
  if (ids.some((r) => !names.has(r))) throw fieldError('representativeIds', 'contact_not_yours');
  const at = opts.now.toISOString();
  const repCond = ids.length
    ? sql` or (p.kind = 'representative' and p.representative_id in (${sql.join(
        ids.map((r) => sql`${r}`),
        sql`,`,
      )}))`
    : sql``;
  const rows = await tx.execute(sql`update opinion_originators p set relayed_at = ${at}::timestamptz
    where p.opinion_id = ${id} and (p.member_id = ${memberId}${repCond}) returning p.id`);
  const payload = {
    memberId,
    representativeIds: ids,
    representatives: ids.map((r) => names.get(r)).join('、'),
    method: body.method,
    note: body.note,
  };
  const eventId = await appendFactEvent(tx, a, {
    opinionId: id,
    type: 'relayed',
    status: item.status,
    payload: payload,
    at: opts.now,
  });
  await writeAudit(
    tx,
    a,
    { action: 'relay', entity: 'opinion', entityId: id, after: { ...payload, originatorRows: rows.rows.length } },
    opts.ip,
  );
  return { eventId: eventId, relayedAt: at, representatives: await relayTargets(a, tx, id, memberId) };
}

/** POST /opinions/:id/relay (registered from the opinions plugin). */
export const relayRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/opinions/:id/relay', { schema: { tags: ['opinions'], params: idParam, body: relayBody } }, async (req) =>
    app.deps.database.db.transaction((tx) =>
      relayOpinion(tx, actorOf(req), req.params.id, req.body, { now: app.deps.now(), ip: req.ip }),
    ),
  );
};
