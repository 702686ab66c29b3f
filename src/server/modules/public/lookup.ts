// 我的社情民意: a citizen finds the items raised with their phone after a one-time SMS code. Asking for a code always
// gets the same answer (no way to learn whether a phone has items); a code is stored hashed, valid 10 minutes, used
// once, and void after 5 wrong tries.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isMobilePhone, maskPhone } from '../../../core/phone.js';
import { auditRow } from '../../audit.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { publicText } from './texts.js';
import { PUBLIC_STAGES, STAGE_OF } from './view.js';

/** How long a code is valid, and the wrong tries that void it. */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_WRONG_TRIES = 5;

const hashCode = (phone: string, code: string) =>
  crypto.createHash('sha256').update(`public-lookup\u0000${phone}\u0000${code}`).digest('hex');

/** A 6-digit code from a secure source. */
export const newLookupCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');

const hasItems = sql`exists (select 1 from opinion_originators g join opinions o on o.id = g.opinion_id
  where g.kind = 'citizen' and g.phone = p.phone and o.confidentiality = 'normal')`;

/**
 * Issues a code for `phone` (normalised) when it has items: earlier open codes of the phone are voided, the code row,
 * its SMS in the outbox and the audit row are written in one statement. Nothing happens for a phone without items
 * (or a landline, which cannot receive it).
 */
export async function issueLookupCode(
  db: Db,
  phone: string,
  opts: { now: Date; lang: Lang; ip: string; code?: string },
): Promise<void> {
  if (!isMobilePhone(phone)) return; // a landline cannot receive the code (the answer stays the same)
  const code = opts.code ?? newLookupCode();
  const now = opts.now.toISOString();
  const expires = new Date(opts.now.getTime() + CODE_TTL_MS).toISOString();
  const audit = auditRow(
    null,
    { action: 'create', entity: 'public_lookup_code', after: { phone: maskPhone(phone) } },
    opts.ip,
  );
  const stale = new Date(opts.now.getTime() - 24 * 60 * 60_000).toISOString();
  // gc: codes expired more than a day ago are dropped, a few at a time, by whoever asks next.
  await db.execute(sql`with p as (select ${phone}::text as phone),
    gc as (delete from public_lookup_codes where id in (select id from public_lookup_codes
      where expires_at < ${stale}::timestamptz limit 100)),
    ok as (select phone from p where ${hasItems}),
    old as (update public_lookup_codes set used_at = ${now}::timestamptz
      where phone in (select phone from ok) and used_at is null and expires_at > ${now}::timestamptz),
    ins as (insert into public_lookup_codes (phone, code_hash, expires_at, created_at)
      select phone, ${hashCode(phone, code)}, ${expires}::timestamptz, ${now}::timestamptz from ok returning id),
    sms as (insert into outbox (channel, recipient, subject, body, dedupe_key, not_before, created_at)
      select 'sms', ${phone}, '', ${publicText('lookupSms', opts.lang, { code })}, 'lookup-code:' || ins.id,
        ${now}::timestamptz, ${now}::timestamptz from ins)
    insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
      select null, ${audit.actorName}, 'create', 'public_lookup_code', ins.id::text, ${JSON.stringify(audit.after)}::jsonb,
        ${audit.ip} from ins`);
}

/** One item of the list: merged items name the item they were merged into (when that one is public). */
export interface LookupItem {
  trackingCode: string;
  title: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  mergedInto: string | null;
}

/**
 * Checks a code: the phone's latest open code (unused, unexpired, fewer than 5 wrong tries). A match uses it up and
 * answers the phone's public items; a mismatch counts a wrong try (the fifth voids the code) and answers 400.
 */
export async function verifyLookupCode(
  db: Db,
  phone: string,
  code: string,
  opts: { now: Date; lang: Lang; ip: string },
): Promise<LookupItem[]> {
  const now = opts.now.toISOString();
  const ok = await db.transaction(async (tx) => {
    const res = await tx.execute(sql`select id, code_hash as "codeHash" from public_lookup_codes
      where phone = ${phone} and used_at is null and expires_at > ${now}::timestamptz and wrong_tries < ${MAX_WRONG_TRIES}
      order by id desc limit 1 for update`);
    const row = res.rows[0] as { id: number; codeHash: string } | undefined;
    if (!row) return false;
    const given = Buffer.from(hashCode(phone, code));
    if (!crypto.timingSafeEqual(given, Buffer.from(row.codeHash))) {
      await tx.execute(sql`update public_lookup_codes set wrong_tries = wrong_tries + 1,
        used_at = case when wrong_tries + 1 >= ${MAX_WRONG_TRIES} then ${now}::timestamptz else used_at end
        where id = ${row.id}`);
      return false;
    }
    const audit = auditRow(null, { action: 'update', entity: 'public_lookup_code', after: { used: true } }, opts.ip);
    await tx.execute(sql`update public_lookup_codes set used_at = ${now}::timestamptz where id = ${row.id}`);
    await tx.execute(sql`insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
      values (null, ${audit.actorName}, 'update', 'public_lookup_code', ${String(row.id)}, ${JSON.stringify(audit.after)}::jsonb, ${audit.ip})`);
    return true;
  });
  if (!ok) throw new AppError('validation_failed', {}, [{ path: 'code', message: publicText('codeWrong', opts.lang) }]);
  const res = await db.execute(sql`select o.tracking_code as "trackingCode", o.title, o.status,
      o.received_at as "receivedAt", m.tracking_code as "mergedInto"
    from opinions o left join opinions m on m.id = o.merged_into_id and m.confidentiality = 'normal'
    where o.confidentiality = 'normal' and exists (select 1 from opinion_originators g
      where g.opinion_id = o.id and g.kind = 'citizen' and g.phone = ${phone})
    order by o.received_at desc, o.id desc limit 200`);
  return (res.rows as any[]).map((r) => {
    const stage = STAGE_OF[r.status as keyof typeof STAGE_OF] ?? r.status;
    return {
      trackingCode: r.trackingCode,
      title: r.title,
      status: stage,
      statusLabel: PUBLIC_STAGES.find((s) => s.code === stage)?.label ?? stage,
      receivedAt: new Date(r.receivedAt).toISOString(),
      mergedInto: r.mergedInto ?? null,
    };
  });
}
