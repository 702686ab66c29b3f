// POST requests: a GeoReport v2 service request becomes a 社情民意 item in the same inbox as the citizen web form,
// channel 'open311', through the public intake's own functions (same field rules, idempotency key, one write with
// its audit rows) after the spec's checks in the spec's order: api_key, service_code, location, attributes.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor, Deps } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { resolveApiToken } from '../auth/service.js';
import { findByKey, publicIdempotencyKey, recordCitizenOpinion } from '../public/intake.js';
import { parseBody, publicOpinionBody } from '../public/schema.js';
import { Open311Error } from './errors.js';
import type { Open311Value } from './format.js';
import { findService } from './read.js';
import type { PostRequestBody } from './schema.js';

/** The channel code Open311 items carry (needs the opinions_channel_ck change described in docs/API.md). */
export const OPEN311_CHANNEL = 'open311' as const;

/** The API client behind an `api_key` (an admin-issued API token), or the spec's 403. */
export async function apiClientOf(deps: Deps, key: string | undefined, bearer: Actor | null): Promise<Actor> {
  const actor = key ? await resolveApiToken(deps, key.trim()) : bearer?.via === 'token' ? bearer : null;
  if (!actor) throw new Open311Error(403, 'open311_api_key');
  return actor;
}

/** `attribute[code]=value` form keys (or a JSON `attribute` object) as one map. */
export function attributesOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested))
    for (const [k, v] of Object.entries(nested)) if (typeof v === 'string') out[k] = v;
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,40})\](\[\])?$/.exec(k);
    if (m && typeof v === 'string') out[m[1]] = v;
  }
  return out;
}

/** The village a location names: `address_id` (a village id) or `address_string` (its name, with the township). */
async function villageOf(db: DbOrTx, b: PostRequestBody): Promise<number> {
  if (b.address_id) {
    if (!/^\d{1,9}$/.test(b.address_id.trim()))
      throw new Open311Error(400, 'open311_address', { address: b.address_id });
    return Number(b.address_id.trim());
  }
  if (!b.address_string?.trim()) throw new Open311Error(400, 'open311_location');
  const s = b.address_string.replace(/[\s,，、/]+/g, '');
  const res = await db.execute(sql`select v.id from regions v left join regions t on t.id = v.parent_id
    where v.level = 'village' and (v.name = ${s} or t.name || v.name = ${s} or v.name || t.name = ${s}) limit 2`);
  if (res.rows.length !== 1) throw new Open311Error(400, 'open311_address', { address: b.address_string });
  return (res.rows[0] as { id: number }).id;
}

/** Family name first for Chinese names ("王" + "芳"), "first last" for Latin ones. */
const fullName = (first = '', last = '') =>
  /^[\x20-\x7E]*$/.test(first + last) ? `${first} ${last}`.trim() : `${last.trim()}${first.trim()}`;

/** A title from the description's first line when the client gives none. */
const titleOf = (attrs: Record<string, string>, description: string) =>
  (attrs.title?.trim() || description.trim().split(/\r?\n/)[0]).slice(0, 40);

/**
 * Records one posted request and answers the spec's `[{token, service_notice, account_id}]`: the token is the
 * item's tracking code (the citizen's tracking page takes it). A repeat with the same Idempotency-Key and text
 * answers the first item's token with `created: false`.
 */
export async function postServiceRequest(
  deps: Deps,
  client: Actor,
  b: PostRequestBody,
  opts: { idempotencyHeader: unknown; ip: string; lang: Lang },
): Promise<{ created: boolean; body: Open311Value }> {
  const db = deps.database.db;
  if (!b.service_code?.trim()) throw new Open311Error(400, 'open311_service_code_missing');
  const service = await findService(db, b.service_code.trim());
  const regionId = await villageOf(db, b);
  const attrs = attributesOf(b);
  const description = b.description ?? '';
  const input = parseBody(
    publicOpinionBody,
    {
      title: titleOf(attrs, description),
      content: description,
      categoryId: Number(service.service_code),
      regionId,
      name: fullName(b.first_name, b.last_name),
      phone: b.phone ?? '',
      email: b.email ?? '',
      consent: attrs.consent === 'true',
      website: '',
    },
    opts.lang,
  );
  if (!input.consent) throw fieldError('attribute[consent]', 'consent_required');
  const key = publicIdempotencyKey(opts.idempotencyHeader, input);
  const answer = (trackingCode: string) => [
    { token: trackingCode, service_notice: null, account_id: b.account_id ?? null },
  ];
  const done = await findByKey(db, key);
  if (done) return { created: false, body: answer(done.trackingCode) };
  const channel = OPEN311_CHANNEL;
  const out = await recordCitizenOpinion(db, input, {
    channel,
    now: deps.now(),
    ip: opts.ip,
    idempotencyKey: key,
    // Which API client posted it, in the same transaction: the intake's own audit row has no signed-in actor.
    within: (tx, item) =>
      writeAudit(
        tx,
        client,
        {
          action: 'open311_submit',
          entity: 'opinion',
          entityId: item.id,
          after: { serviceCode: service.service_code, deviceId: b.device_id ?? null, accountId: b.account_id ?? null },
        },
        opts.ip,
      ),
  });
  return { created: out.created, body: answer(out.trackingCode) };
}
