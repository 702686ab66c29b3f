// The outbox worker: claims due email/SMS rows with FOR UPDATE SKIP LOCKED, sends them, records the outcome.
import { sql } from 'drizzle-orm';
import type { Mailer } from '../../adapters/mailer.js';
import type { SmsGateway } from '../../adapters/sms.js';
import type { Db, DbOrTx } from '../../db/client.js';

/** A row to send later; `dedupeKey` makes enqueueing idempotent (a second insert with the same key is ignored). */
export interface OutboxInput {
  channel: 'email' | 'sms';
  recipient: string;
  subject?: string;
  body: string;
  dedupeKey: string;
  opinionId?: number | null;
}

/** Retry policy: attempts before a row is marked failed, and the delay before attempt n+1 (1, 2, 4 … min, ≤ 1 h). */
export const OUTBOX_MAX_ATTEMPTS = 6;
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

// A row left in 'sending' this long (its process died mid-send) is claimed again.
const STALE_CLAIM_MS = 10 * 60_000;

/** Enqueues a message in the caller's transaction; returns true when a new row was written. */
export async function enqueue(tx: DbOrTx, m: OutboxInput, now: Date): Promise<boolean> {
  const res =
    await tx.execute(sql`insert into outbox (channel, recipient, subject, body, dedupe_key, opinion_id, not_before, created_at)
    values (${m.channel}, ${m.recipient}, ${m.subject ?? ''}, ${m.body}, ${m.dedupeKey}, ${m.opinionId ?? null},
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
    on conflict (dedupe_key) do nothing returning id`);
  return res.rows.length > 0;
}

interface Claimed {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Claims up to `limit` due mail/SMS rows for this process (webhook rows have their own worker, modules/webhooks). */
async function claim(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`update outbox o set status = 'sending', claimed_at = ${at}::timestamptz,
        attempts = o.attempts + 1
      where o.id in (select id from outbox
        where channel in ('email', 'sms') and ((status = 'pending' and not_before <= ${at}::timestamptz)
           or (status = 'sending' and claimed_at < ${stale}::timestamptz))
        order by not_before, id limit ${limit} for update skip locked)
      returning o.id, o.channel, o.recipient, o.subject, o.body, o.attempts`);
    return (res.rows as any[]).map((r) => ({ ...r, id: Number(r.id) }));
  });
}

/**
 * Delivers due outbox rows once each: claimed rows are sent outside the claiming transaction, then marked sent, or
 * put back with a growing delay, or failed after OUTBOX_MAX_ATTEMPTS. Safe to run from several processes at once.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  sms: SmsGateway,
  now: Date,
  limit = 50,
): Promise<{ sent: number; failed: number; retried: number }> {
  const rows = await claim(db, now, limit);
  const out = { sent: 0, failed: 0, retried: 0 };
  for (const r of rows) {
    try {
      if (r.channel === 'email') await mailer.send({ to: r.recipient, subject: r.subject, text: r.body });
      else await sms.send(r.recipient, r.body);
      await db.execute(sql`update outbox set status = 'sent', sent_at = ${new Date().toISOString()}::timestamptz,
        last_error = '' where id = ${r.id}`);
      out.sent++;
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const final = r.attempts >= OUTBOX_MAX_ATTEMPTS;
      const next = new Date(now.getTime() + backoffMs(r.attempts)).toISOString();
      await db.execute(sql`update outbox set status = ${final ? 'failed' : 'pending'}, last_error = ${error},
        not_before = ${next}::timestamptz where id = ${r.id}`);
      if (final) out.failed++;
      else out.retried++;
    }
  }
  return out;
}
