// The opaque `ref` the citizen form gets for each open item "already raised": the item id and an expiry, sealed with
// AES-256-GCM under a random key kept in `settings` (created on first use). GCM authenticates like an HMAC, so a
// changed or forged ref fails, and it encrypts, so the id is never readable from the page (ids are sequential: a
// clear id would tell how many items the office holds and let a script walk them).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

const KEY = 'public_follow_ref_key';
/** How long a ref may be used: long enough to finish typing the form, short enough that a copied page goes stale. */
export const REF_TTL_MS = 4 * 3600_000;

// Per database: the key once read (it never changes once created).
const keys = new WeakMap<object, Buffer>();

async function refKey(db: DbOrTx): Promise<Buffer> {
  const known = keys.get(db);
  if (known) return known;
  await db.execute(sql`insert into settings (key, value)
    values (${KEY}, ${JSON.stringify(crypto.randomBytes(32).toString('base64url'))}::jsonb) on conflict (key) do nothing`);
  const res = await db.execute(sql`select value from settings where key = ${KEY}`);
  const key = Buffer.from((res.rows[0] as { value: string }).value, 'base64url');
  keys.set(db, key);
  return key;
}

/** A ref for one item, valid for REF_TTL_MS from `now`. */
export async function sealRef(db: DbOrTx, id: number, now: Date): Promise<string> {
  const plain = Buffer.alloc(8);
  plain.writeUInt32BE(id, 0);
  plain.writeUInt32BE(Math.floor((now.getTime() + REF_TTL_MS) / 1000), 4);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', await refKey(db), iv);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, body, c.getAuthTag()]).toString('base64url');
}

/** The item a ref names, or why not: 'invalid' (not ours, altered) or 'expired'. */
export async function openRef(
  db: DbOrTx,
  ref: string,
  now: Date,
): Promise<{ id: number } | { error: 'invalid' | 'expired' }> {
  if (!/^[A-Za-z0-9_-]{48}$/.test(ref)) return { error: 'invalid' };
  const raw = Buffer.from(ref, 'base64url');
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', await refKey(db), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(20, 36));
    const plain = Buffer.concat([d.update(raw.subarray(12, 20)), d.final()]);
    if (plain.readUInt32BE(4) * 1000 < now.getTime()) return { error: 'expired' };
    return { id: plain.readUInt32BE(0) };
  } catch {
    return { error: 'invalid' };
  }
}
