// The secrets in subscription links. The confirm mail carries a random token whose SHA-256 alone is stored
// (token_hash), so the table never holds a working link. Later mails (a problem moved) cannot re-create that token,
// so their unsubscribe link carries `u<id>.<mac>`: an HMAC of the subscription under a key kept in `settings`.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { randomToken } from '../auth/service.js';

const KEY = 'problem_subscription_link_key';
const ORIGIN_KEY = 'public_origin';

/** What the table stores of a token. */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** The HMAC key of unsubscribe links, created once (random) on first use and kept in `settings`. */
async function linkKey(db: DbOrTx): Promise<string> {
  await db.execute(sql`insert into settings (key, value) values (${KEY}, ${JSON.stringify(randomToken())}::jsonb)
    on conflict (key) do nothing`);
  const res = await db.execute(sql`select value from settings where key = ${KEY}`);
  return (res.rows[0] as { value: string }).value;
}

const macOf = (key: string, id: number) =>
  crypto.createHmac('sha256', key).update(`unsubscribe:${id}`).digest('base64url').slice(0, 32);

/** The unsubscribe token of a subscription for mails sent after its confirmation. */
export async function unsubscribeToken(db: DbOrTx, id: number): Promise<string> {
  return `u${id}.${macOf(await linkKey(db), id)}`;
}

/** The subscription an HMAC unsubscribe token names, or null when it is not one or its MAC is wrong. */
export async function idOfUnsubscribeToken(db: DbOrTx, token: string): Promise<number | null> {
  const m = /^u(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const want = Buffer.from(macOf(await linkKey(db), id));
  const got = Buffer.from(m[2]);
  return want.length === got.length && crypto.timingSafeEqual(want, got) ? id : null;
}

/**
 * Remembers the citizens' site origin for mails written outside a request (a problem moved): PUBLIC_ORIGIN when set,
 * else the origin of the latest subscribe or confirm request.
 */
export async function rememberOrigin(db: DbOrTx, origin: string): Promise<void> {
  await db.execute(sql`insert into settings (key, value) values (${ORIGIN_KEY}, ${JSON.stringify(origin)}::jsonb)
    on conflict (key) do update set value = excluded.value where settings.value is distinct from excluded.value`);
}

/** The remembered origin ('' when none yet: links are then relative). */
export async function rememberedOrigin(db: DbOrTx): Promise<string> {
  const res = await db.execute(sql`select value from settings where key = ${ORIGIN_KEY}`);
  const v = (res.rows[0] as { value: unknown } | undefined)?.value;
  return typeof v === 'string' ? v : '';
}
