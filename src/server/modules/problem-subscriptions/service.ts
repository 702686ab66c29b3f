// E-mail subscriptions to a 民生问题 or to a township's problems (issue 13): double opt-in, one-click unsubscribe.
// A subscribe answers the same whether the address is new, pending or already following, so the endpoint never tells
// anyone which addresses follow what; only the mailbox's owner learns it, by the mail.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { randomToken } from '../auth/service.js';
import { loadBulletinSettings } from '../bulletins/settings.js';
import { enqueue } from '../reminders/outbox.js';
import type { SubscribeInput } from './schema.js';
import { mailText } from './texts.js';
import { hashToken, idOfUnsubscribeToken, rememberOrigin } from './tokens.js';

/** A confirm link is valid this long after the subscribe that sent it. */
export const CONFIRM_DAYS = 7;

interface Target {
  kind: 'problem' | 'region';
  id: number;
  name: string;
}

/** The problem (published) or township a subscription follows; a 400 on `field` when there is none. */
async function loadTarget(db: DbOrTx, input: { problemId?: number | null; regionId?: number | null }) {
  if (!!input.problemId === !!input.regionId) throw fieldError('problemId', 'subscription_target');
  const res = input.problemId
    ? await db.execute(
        sql`select id, title as name from livelihood_problems where id = ${input.problemId} and published`,
      )
    : await db.execute(sql`select id, name from regions where id = ${input.regionId} and level = 'township'`);
  const row = res.rows[0] as { id: number; name: string } | undefined;
  if (!row) throw fieldError(input.problemId ? 'problemId' : 'regionId', 'subscription_target');
  return { kind: input.problemId ? 'problem' : 'region', id: row.id, name: row.name } as Target;
}

const links = (origin: string, token: string) => ({
  confirm: `${origin}/public/subscriptions/confirm?token=${token}`,
  unsubscribe: `${origin}/public/subscriptions/unsubscribe?token=${token}`,
});

/**
 * Records a subscription and queues its confirm mail, in the caller's transaction. An address already following the
 * target gets nothing; a pending or unsubscribed one gets a fresh token and a new confirm mail.
 */
export async function subscribe(
  tx: DbOrTx,
  input: SubscribeInput,
  ctx: { lang: Lang; origin: string; now: Date; ip: string },
): Promise<{ ok: true }> {
  const target = await loadTarget(tx, input);
  const lang = input.lang ?? ctx.lang;
  const col = target.kind === 'problem' ? sql`problem_id` : sql`region_id`;
  // Two requests for the same address and target queue behind each other instead of creating two rows.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`problem-sub:${input.email}:${target.kind}:${target.id}`}))`,
  );
  const found = await tx.execute(sql`select id, confirmed_at as "confirmedAt", unsubscribed_at as "unsubscribedAt"
    from problem_subscriptions where email = ${input.email} and ${col} = ${target.id} order by id limit 1`);
  const row = found.rows[0] as { id: number; confirmedAt: unknown; unsubscribedAt: unknown } | undefined;
  if (row?.confirmedAt && !row.unsubscribedAt) return { ok: true };
  const token = randomToken();
  const hash = hashToken(token);
  const at = ctx.now.toISOString();
  let id: number;
  if (row) {
    id = row.id;
    await tx.execute(sql`update problem_subscriptions set token_hash = ${hash}, lang = ${lang}, confirmed_at = null,
      unsubscribed_at = null, created_at = ${at}::timestamptz where id = ${id}`);
  } else {
    const ins = await tx.execute(sql`insert into problem_subscriptions (email, problem_id, region_id, lang, token_hash,
      created_at) values (${input.email}, ${target.kind === 'problem' ? target.id : null},
      ${target.kind === 'region' ? target.id : null}, ${lang}, ${hash}, ${at}::timestamptz) returning id`);
    id = (ins.rows[0] as { id: number }).id;
  }
  await rememberOrigin(tx, ctx.origin);
  const issuer = (await loadBulletinSettings(tx)).unit;
  await enqueue(
    tx,
    {
      channel: 'email',
      recipient: input.email,
      subject: mailText('confirmSubject', lang, { target: target.name }),
      body: mailText('confirmBody', lang, { target: target.name, issuer, ...links(ctx.origin, token) }),
      dedupeKey: `problem-sub-confirm:${id}:${hash.slice(0, 16)}`,
    },
    ctx.now,
  );
  // The audit row names the subscription and its target, not the address.
  await writeAudit(
    tx,
    null,
    { action: 'subscribe', entity: 'problem_subscription', entityId: id, after: { target, lang } },
    ctx.ip,
  );
  return { ok: true };
}

interface Row {
  id: number;
  problemId: number | null;
  regionId: number | null;
  createdAt: string | Date;
  confirmedAt: unknown;
  unsubscribedAt: unknown;
  name: string | null;
}

/**
 * The subscription a link token names, locked for the update; a clear 400 when none. `viaMac` says it was named by
 * an HMAC unsubscribe token (`u<id>.<mac>`, the only form with a dot) rather than by the confirm mail's random one.
 */
async function byToken(tx: DbOrTx, token: string): Promise<Row & { viaMac: boolean }> {
  const hmacId = await idOfUnsubscribeToken(tx, token);
  const where = hmacId !== null ? sql`s.id = ${hmacId}` : sql`s.token_hash = ${hashToken(token)}`;
  const res = await tx.execute(sql`select s.id, s.problem_id as "problemId", s.region_id as "regionId",
      s.created_at as "createdAt", s.confirmed_at as "confirmedAt", s.unsubscribed_at as "unsubscribedAt",
      coalesce(p.title, r.name) as name
    from problem_subscriptions s left join livelihood_problems p on p.id = s.problem_id
    left join regions r on r.id = s.region_id where ${where} for update of s`);
  const row = res.rows[0] as Row | undefined;
  if (!row) throw new AppError('subscription_token_invalid');
  return { ...row, viaMac: hmacId !== null };
}

const targetOf = (r: Row): Target => ({
  kind: r.problemId ? 'problem' : 'region',
  id: (r.problemId ?? r.regionId) as number,
  name: r.name ?? '',
});

/** Confirms a subscription by its confirm token (idempotent); an unsubscribed or stale one is refused clearly. */
export async function confirm(tx: DbOrTx, token: string, ctx: { origin: string; now: Date; ip: string }) {
  const row = await byToken(tx, token);
  // Only the confirm mail's own token confirms: an unsubscribe link must never turn mail on.
  if (row.viaMac || row.unsubscribedAt) throw new AppError('subscription_token_invalid');
  if (!row.confirmedAt) {
    const ageMs = ctx.now.getTime() - new Date(row.createdAt).getTime();
    if (ageMs > CONFIRM_DAYS * 86_400_000) throw new AppError('subscription_token_expired');
    await tx.execute(sql`update problem_subscriptions set confirmed_at = ${ctx.now.toISOString()}::timestamptz
      where id = ${row.id}`);
    await rememberOrigin(tx, ctx.origin);
    await writeAudit(tx, null, { action: 'confirm', entity: 'problem_subscription', entityId: row.id }, ctx.ip);
  }
  return { ok: true as const, target: targetOf(row) };
}

/** Ends a subscription by either link token (idempotent: a second click answers the same). */
export async function unsubscribe(tx: DbOrTx, token: string, ctx: { now: Date; ip: string }) {
  const row = await byToken(tx, token);
  if (!row.unsubscribedAt) {
    await tx.execute(sql`update problem_subscriptions set unsubscribed_at = ${ctx.now.toISOString()}::timestamptz
      where id = ${row.id}`);
    await writeAudit(tx, null, { action: 'unsubscribe', entity: 'problem_subscription', entityId: row.id }, ctx.ip);
  }
  return { ok: true as const, target: targetOf(row) };
}
