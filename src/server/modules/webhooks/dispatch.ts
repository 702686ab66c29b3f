// Outbound webhooks for 社情民意 item events, so a 12345 platform or a city system can follow an item: the item's
// events (opinion_events, the one record every move writes) become `outbox` rows of channel 'webhook', one per
// event and endpoint (dedupe_key `webhook:<endpoint>:<event>`), claimed with FOR UPDATE SKIP LOCKED, POSTed signed,
// and retried with the outbox's backoff. The payload names the item by id (never its tracking code) and carries no
// text or person; confidential items send nothing.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { backoffMs, OUTBOX_MAX_ATTEMPTS } from '../reminders/outbox.js';
import { loadWebhookEndpoints } from './settings.js';

/** The outbox channel of webhook deliveries (needs the outbox_channel_ck change described in docs/API.md). */
export const WEBHOOK_CHANNEL = 'webhook';
const CURSOR_KEY = 'webhooks_cursor';
// Events are read past the cursor and, again, the last LOOKBACK ids before it (by the primary key): an event whose
// transaction committed after a later one (identity values are handed out before commit) is still found, and the
// dedupe key keeps it single.
const LOOKBACK = 200;
const BATCH = 500;
// A row left in 'sending' this long (its process died mid-send) is claimed again.
const STALE_CLAIM_MS = 10 * 60_000;

/** The signature header's value: `sha256=` and the hex HMAC-SHA256 of the raw body with the endpoint's secret. */
export function signWebhook(secret: string, rawBody: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The stored part of a delivery's body; `delivery_id` and `sent_at` are added when it is sent. */
export interface WebhookPayload {
  event: string;
  event_id: number;
  item_id: number;
  status: string | null;
  category: string | null;
  department: string | null;
  occurred_at: string;
}

/** Turns new item events into outbox rows for every active endpoint; returns how many rows were written. */
export async function enqueueWebhookEvents(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const endpoints = (await loadWebhookEndpoints(tx)).filter((e) => e.active);
    const cursorRes = await tx.execute(sql`select (value->>'lastEventId')::bigint as id from settings
      where key = ${CURSOR_KEY} for update`);
    const cursor = Number((cursorRes.rows[0] as { id: number | string } | undefined)?.id ?? 0);
    // Nothing to send to: only move the cursor, so switching an endpoint on later does not replay history.
    if (!endpoints.length) {
      await tx.execute(sql`insert into settings (key, value)
        select ${CURSOR_KEY}, jsonb_build_object('lastEventId', max(id)) from opinion_events having max(id) > ${cursor}
        on conflict (key) do update set value = excluded.value, updated_at = now()`);
      return 0;
    }
    const res =
      await tx.execute(sql`select e.id, e.type, coalesce(e.to_status, o.status) as status, e.opinion_id as "itemId",
        to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
        concat_ws(' / ', pc.name, c.name) as category, d.name as department, o.confidentiality
      from opinion_events e join opinions o on o.id = e.opinion_id
        left join opinion_categories c on c.id = o.category_id left join opinion_categories pc on pc.id = c.parent_id
        left join departments d on d.id = o.lead_department_id
      where e.id > ${cursor - LOOKBACK} order by e.id limit ${BATCH + LOOKBACK}`);
    const events = res.rows as {
      id: number | string;
      type: string;
      status: string | null;
      itemId: number;
      occurredAt: string;
      category: string;
      department: string | null;
      confidentiality: string;
    }[];
    const last = Math.max(cursor, ...events.map((e) => Number(e.id)));
    if (last !== cursor)
      await tx
        .insert(settings)
        .values({ key: CURSOR_KEY, value: { lastEventId: last } })
        .onConflictDoUpdate({ target: settings.key, set: { value: { lastEventId: last }, updatedAt: sql`now()` } });
    const rows = events
      .filter((e) => e.confidentiality !== 'confidential')
      .flatMap((e) =>
        endpoints.map((ep) => {
          const payload: WebhookPayload = {
            event: `opinion.${e.type}`,
            event_id: Number(e.id),
            item_id: e.itemId,
            status: e.status,
            category: e.category || null,
            department: e.department,
            occurred_at: e.occurredAt,
          };
          return sql`(${WEBHOOK_CHANNEL}, ${ep.id}, ${payload.event}, ${JSON.stringify(payload)},
            ${`webhook:${ep.id}:${e.id}`}, ${e.itemId}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`;
        }),
      );
    if (!rows.length) return 0;
    const ins = await tx.execute(sql`insert into outbox (channel, recipient, subject, body, dedupe_key, opinion_id,
        not_before, created_at) values ${sql.join(rows, sql`, `)}
      on conflict (dedupe_key) do nothing returning id`);
    return ins.rows.length;
  });
}

interface Claimed {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

async function claim(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`update outbox o set status = 'sending', claimed_at = ${at}::timestamptz,
        attempts = o.attempts + 1
      where o.id in (select id from outbox where channel = ${WEBHOOK_CHANNEL} and (
          (status = 'pending' and not_before <= ${at}::timestamptz)
          or (status = 'sending' and claimed_at < ${stale}::timestamptz))
        order by not_before, id limit ${limit} for update skip locked)
      returning o.id, o.recipient, o.subject, o.body, o.attempts`);
    // UPDATE … RETURNING has no order: send in the order the events happened.
    return (res.rows as any[]).map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
  });
}

/** How a delivery is sent; tests and operators may swap the HTTP client. */
export interface WebhookDriver {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** POSTs one claimed delivery; resolves when the endpoint answered 2xx, throws otherwise. */
async function post(row: Claimed, url: string, secret: string, now: Date, driver: WebhookDriver) {
  const sentAt = Math.floor(now.getTime() / 1000);
  const raw = JSON.stringify({
    ...(JSON.parse(row.body) as WebhookPayload),
    delivery_id: row.id,
    sent_at: new Date(sentAt * 1000).toISOString(),
  });
  const res = await (driver.fetch ?? fetch)(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Jielian-Webhook/1',
      'x-jielian-event': row.subject,
      'x-jielian-delivery': String(row.id),
      'x-jielian-timestamp': String(sentAt),
      'x-jielian-signature': signWebhook(secret, raw),
    },
    body: raw,
    redirect: 'manual',
    signal: AbortSignal.timeout(driver.timeoutMs ?? 10_000),
  });
  await res.body?.cancel().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
}

/**
 * Sends due webhook deliveries once each (several processes may run it): sent on a 2xx, otherwise put back with
 * the outbox's growing delay, failed after OUTBOX_MAX_ATTEMPTS or when the endpoint was removed or switched off.
 */
export async function deliverWebhooks(db: Db, now: Date, driver: WebhookDriver = {}, limit = 50) {
  const rows = await claim(db, now, limit);
  const out = { sent: 0, failed: 0, retried: 0 };
  if (!rows.length) return out;
  const endpoints = new Map((await loadWebhookEndpoints(db)).map((e) => [e.id, e]));
  for (const r of rows) {
    const ep = endpoints.get(r.recipient);
    try {
      if (!ep?.active) {
        await setOutcome(db, r.id, 'failed', 'endpoint removed or inactive', now);
        out.failed++;
        continue;
      }
      await post(r, ep.url, ep.secret, now, driver);
      await db.execute(sql`update outbox set status = 'sent', sent_at = ${new Date().toISOString()}::timestamptz,
        last_error = '' where id = ${r.id}`);
      out.sent++;
    } catch (err) {
      const final = r.attempts >= OUTBOX_MAX_ATTEMPTS;
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      await setOutcome(db, r.id, final ? 'failed' : 'pending', error, new Date(now.getTime() + backoffMs(r.attempts)));
      if (final) out.failed++;
      else out.retried++;
    }
  }
  return out;
}

async function setOutcome(db: DbOrTx, id: number, status: 'failed' | 'pending', error: string, next: Date) {
  await db.execute(sql`update outbox set status = ${status}, last_error = ${error},
    not_before = ${next.toISOString()}::timestamptz where id = ${id}`);
}

/** One scheduler tick of webhooks: new events into the outbox, then due deliveries out. */
export async function runWebhooks(db: Db, now: Date, driver: WebhookDriver = {}) {
  const queued = await enqueueWebhookEvents(db, now);
  return { queued, ...(await deliverWebhooks(db, now, driver)) };
}
