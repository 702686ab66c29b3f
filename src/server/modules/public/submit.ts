// The citizen web form without files in one statement: the address's rate-limit hit, the retry key, the village and
// category checks, and the item with its originator, received event, audit row and KPI rollups — one round trip and
// one commit (the hot path of the public site; forms with files and e-mail go through recordCitizenOpinion).
import { type SQL, sql } from 'drizzle-orm';
import { acceptDueAt } from '../../../core/calendar/opinion-deadlines.js';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import { auditRow } from '../../audit.js';
import type { Db } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { fieldError } from '../../errors.js';
import { newItemKpiCtes } from '../kpis/rollups.js';
import { newTrackingCode } from '../opinions/create.js';
import {
  type DeadlineFacts,
  deadlinesText,
  overridesText,
  rememberedFacts,
  rememberFacts,
  toFacts,
} from '../opinions/deadlines.js';
import {
  addressedMemberIds,
  auditExtra,
  auditOriginators,
  findByKey,
  memberExists,
  memberOriginatorCte,
  regionOf,
  stationExists,
  villageChosen,
} from './intake.js';
import { type LinkRequest, linkCte } from './link-message.js';
import type { hitParts } from './rate-limit.js';
import type { PublicOpinionInput } from './schema.js';

async function loadFacts(db: Db): Promise<DeadlineFacts> {
  const res = await db.execute(sql`select ${deadlinesText} as deadlines, ${overridesText} as overrides`);
  const row = res.rows[0] as { deadlines: string | null; overrides: string };
  return toFacts(row.deadlines, row.overrides);
}

type Hit = ReturnType<typeof hitParts>;
interface Outcome {
  village: boolean;
  category: boolean;
  member: boolean;
  station: boolean;
  deadlines: string | null;
  overrides: string;
  dup: { id: number; trackingCode: string } | null;
  hits: { bucket: string; hits: number; windowStart: string }[] | null;
  id: number | null;
  trackingCode: string | null;
}

/** One attempt: counts the hit (when given) and writes the item when every check passes in the same snapshot. */
async function attempt(
  db: Db,
  input: PublicOpinionInput,
  opts: { now: Date; ip: string },
  key: string | null,
  facts: DeadlineFacts,
  hit: Hit | null,
  link: LinkRequest | null = null,
): Promise<Outcome> {
  const now = opts.now.toISOString();
  const item = {
    trackingCode: newTrackingCode(),
    title: input.title,
    content: input.content,
    categoryId: input.categoryId ?? null,
    regionId: input.regionId ?? null,
    contactStationId: input.stationId ?? null,
    publishConsent: input.publishConsent === true,
    channel: 'web' as const,
    urgency: 'normal',
    confidentiality: 'normal',
    status: 'received',
    acceptDueAt: acceptDueAt(opts.now, { channel: 'web', urgency: 'normal' }, facts.settings, facts.calendar),
    receivedAt: opts.now,
  };
  const person = { kind: 'citizen', name: input.name, phone: input.phone, email: input.email };
  const audit = auditRow(
    null,
    {
      action: 'create',
      entity: 'opinion',
      after: { ...item, originators: auditOriginators(person, input.memberId), files: [] },
    },
    opts.ip,
  );
  const hitCte: SQL = hit ? sql`hit as (${hit.upsert}),` : sql``;
  // Prepared by name: planning this statement cost more than running it (PostgreSQL 2.7 → 1.7 ms a form).
  const res = await executePrepared(
    db,
    sql`
    with ${hitCte} f as (select
      ${villageChosen(item.regionId)} as village,
      exists (select 1 from opinion_categories where id = ${item.categoryId} and active) as category,
      ${memberExists(input.memberId)} as member,
      ${stationExists(input.stationId)} as station,
      ${deadlinesText} as deadlines, ${overridesText} as overrides,
      ${key ? sql`(select json_build_object('id', id, 'trackingCode', tracking_code) from opinions where idempotency_key = ${key})` : sql`null::json`} as dup),
    ins as (
      insert into opinions (tracking_code, title, content, category_id, region_id, contact_station_id, publish_consent,
        channel, urgency, confidentiality, accept_due_at, search_text, idempotency_key, received_at, updated_at)
      select ${item.trackingCode}, ${item.title}, ${item.content}, ${item.categoryId}, ${regionOf(input)},
        ${item.contactStationId}::int, ${item.publishConsent}, 'web',
        'normal', 'normal', ${item.acceptDueAt.toISOString()}::timestamptz,
        ${toSearchDocument(`${input.title}\n${input.content}`)}, ${key}, ${now}::timestamptz, ${now}::timestamptz
      from f where f.village and f.category and f.member and f.station and f.dup is null
        and f.deadlines is not distinct from ${facts.deadlines} and f.overrides = ${facts.overrides}
        and ${hit ? hit.allowed(sql`hit`) : sql`true`}
      on conflict (idempotency_key) do nothing
      returning id, tracking_code, region_id, category_id, channel, received_at),
    og as (insert into opinion_originators (opinion_id, kind, name, phone, email, lang)
      select id, 'citizen', ${person.name}, ${person.phone}, ${person.email}, ${input.lang ?? 'zh'} from ins),
    ${memberOriginatorCte(input)}
    ${linkCte(input, item.trackingCode, link, now)}
    ev as (insert into opinion_events (opinion_id, type, to_status, payload, actor_kind, actor_name, at)
      select id, 'received', 'received', '{"channel":"web"}'::jsonb, 'citizen', '', ${now}::timestamptz from ins),
    au as (insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
      select null, ${audit.actorName}, 'create', 'opinion', ins.id::text,
        ${JSON.stringify(audit.after)}::jsonb || ${auditExtra(input)}, ${audit.ip} from ins),
    ${newItemKpiCtes(addressedMemberIds(input))}
    select f.village, f.category, f.member, f.station, f.deadlines, f.overrides, f.dup,
      ${hit ? sql`(select json_agg(json_build_object('bucket', bucket, 'hits', hits, 'windowStart', "windowStart")) from hit)` : sql`null::json`} as hits,
      ins.id, ins.tracking_code as "trackingCode"
    from f left join ins on true`,
  );
  return res.rows[0] as unknown as Outcome;
}

/**
 * Records a citizen's web form (no files) in one statement, counting the address's hit in the same statement when
 * `hit` is given: `{wait}` when the address must wait (nothing written), else the tracking code, `created: false` for
 * a repeat of a keyed form. The checks and their order are those of the gate + createPublicOpinion path.
 */
export async function submitCitizenForm(
  db: Db,
  input: PublicOpinionInput,
  opts: { now: Date; ip: string; idempotencyKey: string | null; hit: Hit | null; link?: LinkRequest | null },
): Promise<{ wait: number } | { trackingCode: string; created: boolean }> {
  const key = opts.idempotencyKey;
  let facts = rememberedFacts(db) ?? (await loadFacts(db));
  let hit = opts.hit;
  for (let run = 0; run < 4; run++) {
    const out = await attempt(db, input, opts, key, facts, hit, opts.link ?? null);
    if (hit) {
      const wait = hit.waitFrom(out.hits ?? []);
      if (wait > 0) return { wait };
      hit = null; // counted once: a re-run does not count again
    }
    if (out.dup) return { trackingCode: out.dup.trackingCode, created: false };
    if (!out.category) throw fieldError('categoryId', 'category_missing');
    if (!out.village) throw fieldError('regionId', 'village_missing');
    if (!out.member) throw fieldError('memberId', 'member_missing');
    if (!out.station) throw fieldError('stationId', 'station_missing');
    if (out.id !== null && out.trackingCode) {
      rememberFacts(db, facts);
      return { trackingCode: out.trackingCode, created: true };
    }
    if (out.deadlines !== facts.deadlines || out.overrides !== facts.overrides) {
      facts = toFacts(out.deadlines, out.overrides); // a setting or calendar day changed: compute again
      continue;
    }
    const winner = await findByKey(db, key); // a concurrent repeat with the same key committed first
    if (winner) return { trackingCode: winner.trackingCode, created: false };
  }
  throw new Error('citizen item not written after 4 attempts');
}
