// PUT /opinions/:id/confidentiality: the office (or the leader) sets an item's tier, the office staff named on a
// confidential item and the redacted copy a department receives; forwarding a confidential item needs that copy.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idBody, idParam } from '../common/schemas.js';
import { mayChangeConfidentiality } from './confidentiality-view.js';
import { loadOpinion } from './read.js';
import { redactionFields } from './redaction.js';
import { confidentialitySchema } from './schema.js';
import { opinionsVisible, seesOriginal } from './scope.js';
import { appendFactEvent } from './transition.js';

/** Body of PUT /opinions/:id/confidentiality. */
export const confidentialityBody = z.strictObject({
  confidentiality: confidentialitySchema,
  /** Office staff named on a confidential item (the actor, when office staff, is always added). */
  namedUserIds: z.array(idBody).max(50).optional(),
  ...redactionFields,
});
/** A validated tier change. */
export type ConfidentialityInput = z.infer<typeof confidentialityBody>;

/** Checks that every named user is active office staff. */
async function checkNamed(tx: Tx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const res = await tx.execute(sql`select count(*)::int as n from users
    where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`,`,
    )}) and active and 'admin' = any(roles)`);
  if ((res.rows[0] as { n: number }).n !== ids.length) throw fieldError('namedUserIds', 'named_staff_invalid');
}

/**
 * Sets the tier in the caller's transaction: 404 unless the actor sees the original, 403 unless office staff or the
 * leader, 400 when a confidential item already at a department would lose its redacted copy; writes the named staff
 * (the office actor always among them), the redacted copy, an opinion event and the audit row.
 */
export async function changeConfidentiality(
  tx: Tx,
  a: Actor,
  id: number,
  input: ConfidentialityInput,
  opts: { now: Date; ip?: string },
) {
  const res = await tx.execute(sql`select o.id, o.status, o.confidentiality, o.redacted_title as "redactedTitle",
      o.redacted_content as "redactedContent", o.redaction_note as "redactionNote",
      coalesce((select json_agg(ns.user_id order by ns.user_id) from opinion_named_staff ns where ns.opinion_id = o.id), '[]') as named,
      exists (select 1 from opinion_assignments x where x.opinion_id = o.id and x.active) as "atDepartment"
    from opinions o where o.id = ${id} and ${opinionsVisible(a)} and ${seesOriginal(a)} for update of o`);
  const before = res.rows[0] as
    | {
        status: string;
        confidentiality: string;
        redactedTitle: string | null;
        redactedContent: string | null;
        redactionNote: string;
        named: number[];
        atDepartment: boolean;
      }
    | undefined;
  if (!before) throw notFound();
  if (!mayChangeConfidentiality(a)) throw new AppError('forbidden');
  const wanted: number[] = [...new Set(input.namedUserIds ?? before.named)];
  await checkNamed(tx, input.namedUserIds ? wanted : []);
  const named = input.confidentiality !== 'confidential' ? [] : wanted;
  if (input.confidentiality === 'confidential' && hasRole(a, 'admin') && !named.includes(a.userId))
    named.push(a.userId);
  named.sort((x, y) => x - y);
  const after = {
    confidentiality: input.confidentiality,
    redactedTitle: input.redactedTitle ?? before.redactedTitle,
    redactedContent: input.redactedContent ?? before.redactedContent,
    redactionNote: input.redactionNote ?? before.redactionNote,
    named,
  };
  // A department holding the item must never be left with the original or an empty copy.
  if (after.confidentiality === 'confidential' && before.atDepartment) {
    if (!after.redactedTitle?.trim()) throw fieldError('redactedTitle', 'redaction_required');
    if (!after.redactedContent?.trim()) throw fieldError('redactedContent', 'redaction_required');
  }
  await tx.execute(sql`update opinions set confidentiality = ${after.confidentiality},
      redacted_title = ${after.redactedTitle}, redacted_content = ${after.redactedContent},
      redaction_note = ${after.redactionNote}, updated_at = ${opts.now.toISOString()}::timestamptz where id = ${id}`);
  await tx.execute(sql`delete from opinion_named_staff where opinion_id = ${id}`);
  if (named.length)
    await tx.execute(
      sql`insert into opinion_named_staff (opinion_id, user_id) values ${sql.join(
        named.map((u) => sql`(${id}, ${u})`),
        sql`,`,
      )}`,
    );
  const eventId = await appendFactEvent(tx, a, {
    opinionId: id,
    type: 'confidentiality_changed',
    status: before.status,
    payload: { from: before.confidentiality, to: after.confidentiality, namedCount: named.length },
    at: opts.now,
  });
  const { status: _s, atDepartment: _d, ...image } = before;
  await writeAudit(
    tx,
    a,
    { action: 'update_confidentiality', entity: 'opinion', entityId: id, before: image, after },
    opts.ip,
  );
  return { eventId };
}

/** PUT /opinions/:id/confidentiality (registered from the opinions plugin); answers with the item as the actor reads it. */
export const confidentialityRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  r.put(
    '/opinions/:id/confidentiality',
    { schema: { tags: ['opinions'], params: idParam, body: confidentialityBody } },
    async (req) => {
      const a = actorOf(req);
      const now = app.deps.now();
      await db().transaction((tx) => changeConfidentiality(tx, a, req.params.id, req.body, { now, ip: req.ip }));
      return loadOpinion(db(), a, req.params.id, now);
    },
  );
};
