// GET /opinions/mine: the items a member raised, with the approved reply once fed back, the representatives to relay it
// to (the item's representative originators and the member's own representatives in the item's village) and the rating.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { allowedActions, type OpinionStatus } from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { presentPerson, presentTrackingCode } from '../common/present-person.js';
import { idQuery, pageQuery } from '../common/schemas.js';
import { statusLabel } from './read.js';
import { seesOriginal } from './scope.js';

const mineQuery = pageQuery.omit({ q: true }).extend({
  /** Admins may look at a member's list on their behalf; members always get their own. */
  memberId: idQuery.optional(),
});

/** A representative the member should pass the feedback on to. */
export interface RelayTarget {
  id: number;
  name: string;
  phone: string;
  /** 'originator' when the representative raised the item, 'linked' when they are the member's contact in the village. */
  source: 'originator' | 'linked';
  relayedAt: string | null;
  /** The phone is shown masked (never for the member themself). */
  masked: boolean;
}

/** Whose list is asked for: one's own member profile, or (admins) the member named; else 403/400. */
export function memberFor(a: Actor, requested?: number): number {
  if (requested !== undefined && requested !== a.memberId) {
    if (!hasRole(a, 'admin')) throw new AppError('forbidden');
    return requested;
  }
  if (a.memberId) return a.memberId;
  if (hasRole(a, 'admin')) throw fieldError('memberId', 'member_required');
  throw new AppError('forbidden');
}

/**
 * The representatives a member relays one item's feedback to, with the last time each was told (if ever), as the
 * actor may see them: the member owns both kinds (their own contacts, and the people they collected the item from).
 */
export async function relayTargets(a: Actor, db: DbOrTx, opinionId: number, memberId: number): Promise<RelayTarget[]> {
  const res = await db.execute(sql`select r.id, r.name, r.phone,
      case when exists (select 1 from opinion_originators p where p.opinion_id = ${opinionId}
        and p.kind = 'representative' and p.representative_id = r.id) then 'originator' else 'linked' end as source,
      greatest((select max(p.relayed_at) from opinion_originators p where p.opinion_id = ${opinionId}
          and p.representative_id = r.id),
        (select max(e.at) from opinion_events e where e.opinion_id = ${opinionId} and e.type = 'relayed'
          and (e.payload->>'memberId')::int = ${memberId} and (e.payload->'representativeIds') @> to_jsonb(r.id))) as "relayedAt"
    from representatives r
    where r.id in (select p.representative_id from opinion_originators p where p.opinion_id = ${opinionId}
        and p.kind = 'representative' and p.representative_id is not null)
      or r.id in (select mr.representative_id from member_representatives mr join opinions o on o.id = ${opinionId}
        join representatives x on x.id = mr.representative_id
        where mr.member_id = ${memberId} and o.region_id is not null and x.region_id = o.region_id)
    order by source desc, r.name, r.id`);
  const rel = { isOwner: a.memberId === memberId };
  return (res.rows as any[]).map((r) =>
    presentPerson(
      a,
      'representative',
      { ...r, relayedAt: r.relayedAt ? new Date(r.relayedAt).toISOString() : null },
      rel,
    ),
  );
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** One page of the member's items, newest first; reply, relay targets and rating only after feedback was sent. */
export async function listMine(db: DbOrTx, a: Actor, q: z.infer<typeof mineQuery>) {
  const memberId = memberFor(a, q.memberId);
  const res = await db.execute(sql`select o.id, o.tracking_code as "trackingCode", o.title, o.status,
      o.region_id as "regionId", v.name as "regionName", c.name as "categoryName", o.received_at as "receivedAt",
      o.has_pending_extension as "hasPendingExtension", o.is_in_bulletin as "isInBulletin", o.is_escalated as "isEscalated",
      o.public_reply as "publicReply",
      (select max(e.at) from opinion_events e where e.opinion_id = o.id and e.type = 'send_feedback') as "feedbackSentAt",
      (select max(f.id) from opinion_events f where f.opinion_id = o.id and f.type = 'send_feedback') as "feedbackEventId",
      (select max(p.relayed_at) from opinion_originators p where p.opinion_id = o.id and p.member_id = ${memberId}) as "relayedAt",
      (select json_build_object('rating', e.payload->>'rating', 'comment', coalesce(e.payload->>'comment', ''), 'at', e.at)
        from opinion_events e join users u on u.id = e.actor_user_id
        where e.opinion_id = o.id and e.type = 'rate' and u.member_id = ${memberId}
        order by e.id desc limit 1) as "myRating",
      count(*) over()::int as total
    from opinions o left join regions v on v.id = o.region_id left join opinion_categories c on c.id = o.category_id
    where exists (select 1 from opinion_originators p where p.opinion_id = o.id and p.member_id = ${memberId})
      and ${seesOriginal(a)}
    order by o.received_at desc, o.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  const items = [];
  for (const { total, feedbackEventId, hasPendingExtension, isInBulletin, isEscalated, ...r } of rows) {
    const sent = r.feedbackSentAt != null;
    const rating = r.myRating ? { ...r.myRating, at: iso(r.myRating.at) } : null;
    // Rated this round: a rating by this member's account after the latest feedback (core's not_rated_by_actor guard).
    const ratedNow = rating != null && (await ratedSince(db, r.id, memberId, Number(feedbackEventId ?? 0)));
    const state = { id: r.id, status: r.status as OpinionStatus, hasPendingExtension, isInBulletin, isEscalated };
    const own = a.memberId === memberId;
    const canRate =
      own &&
      allowedActions(state, { kind: 'user', roles: a.roles, isOriginator: true, hasRated: ratedNow }).includes('rate');
    items.push({
      ...presentTrackingCode(a, r),
      statusLabel: statusLabel(r.status),
      receivedAt: iso(r.receivedAt),
      feedbackSentAt: iso(r.feedbackSentAt),
      relayedAt: iso(r.relayedAt),
      publicReply: sent ? r.publicReply : null,
      myRating: rating,
      canRate,
      canRelay: sent && (own || hasRole(a, 'admin')),
      representatives: sent ? await relayTargets(a, db, r.id, memberId) : [],
    });
  }
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize, memberId };
}

async function ratedSince(db: DbOrTx, opinionId: number, memberId: number, sinceEventId: number) {
  const res = await db.execute(sql`select exists (select 1 from opinion_events e join users u on u.id = e.actor_user_id
    where e.opinion_id = ${opinionId} and e.type = 'rate' and u.member_id = ${memberId} and e.id > ${sinceEventId}) as x`);
  return Boolean((res.rows[0] as { x: boolean }).x);
}

/** GET /opinions/mine (registered from the opinions plugin). */
export const mineRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/opinions/mine', { schema: { tags: ['opinions'], querystring: mineQuery } }, async (req) =>
    listMine(app.deps.database.db, actorOf(req), req.query),
  );
};
