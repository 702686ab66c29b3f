// Citizen intake without an account (web form, e-mail): one item with the citizen as originator, its files, its event
// and audit row, written atomically (one statement, or one transaction when files or a hook come with it).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { acceptDueAt } from '../../../core/calendar/opinion-deadlines.js';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import { auditRow } from '../../audit.js';
import type { Db, Tx } from '../../db/client.js';
import { fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import type { StoredUpload } from '../common/uploads.js';
import { newItemKpiCtes } from '../kpis/rollups.js';
import { insertOpinionAttachments } from '../opinions/attachments.js';
import { newTrackingCode } from '../opinions/create.js';
import { deadlinesText, overridesText, toFacts } from '../opinions/deadlines.js';
import { enqueueLink, type LinkRequest } from './link-message.js';
import type { PublicOpinionInput } from './schema.js';

/** What a citizen's item holds, whatever channel brought it; category and village are optional (e-mail has none). */
export interface CitizenOpinionInput {
  title: string;
  content: string;
  categoryId?: number | null;
  regionId?: number | null;
  name: string;
  phone: string;
  email: string;
  /** An active member the citizen wrote to (a member's QR code): added as a member originator of the item. */
  memberId?: number | null;
  /** The language of the citizen's SMS and e-mails (the form's); Chinese when not known (mail intake, Open311). */
  lang?: Lang;
  /** A published, active contact station whose QR code opened the form: its members become member originators. */
  stationId?: number | null;
  /** The citizen agreed that the office's answer may be shown publicly (PII removed). */
  publishConsent?: boolean;
}

/** The item a channel key already made, so a redelivered mail or retried form never makes a second one. */
export async function findByKey(db: Db | Tx, key: string | null) {
  if (!key) return null;
  const res = await db.execute(
    sql`select id, tracking_code as "trackingCode" from opinions where idempotency_key = ${key}`,
  );
  return (res.rows[0] as { id: number; trackingCode: string } | undefined) ?? null;
}

/**
 * Records a citizen's item with its stored files (and whatever `within` adds, e.g. an acknowledgement in the outbox)
 * in one transaction. The staff createOpinion needs a signed-in actor (its intake rules are per role), so this path
 * writes the same rows with actor kind 'citizen'. With an idempotency key a repeat returns the first item.
 */
export async function recordCitizenOpinion(
  db: Db,
  input: CitizenOpinionInput,
  opts: {
    channel: 'web' | 'email' | 'open311';
    now: Date;
    ip?: string;
    idempotencyKey?: string | null;
    files?: StoredUpload[];
    within?: (tx: Tx, item: { id: number; trackingCode: string }) => Promise<void>;
  },
): Promise<{ id: number; trackingCode: string; created: boolean }> {
  const key = opts.idempotencyKey ?? null;
  const existing = await findByKey(db, key);
  if (existing) return { ...existing, created: false };
  // One transaction holds the item, its KPI rollups, its files and whatever the hook adds.
  const write = async (q: Db | Tx) => {
    const ctx = await loadIntakeContext(q, input);
    if (!ctx.category) throw fieldError('categoryId', 'category_missing');
    if (!ctx.village) throw fieldError('regionId', 'village_missing');
    if (!ctx.member) throw fieldError('memberId', 'member_missing');
    if (!ctx.station) throw fieldError('stationId', 'station_missing');
    const item = await insertCitizenItem(q, input, opts, key, ctx);
    await insertOpinionAttachments(q, item.id, opts.files ?? [], {});
    if (opts.within) await opts.within(q as Tx, item);
    return { ...item, created: true };
  };
  try {
    return await db.transaction((tx) => write(tx));
  } catch (e) {
    const code = (e as any)?.code ?? (e as any)?.cause?.code;
    const winner = code === '23505' ? await findByKey(db, key) : null;
    if (winner) return { ...winner, created: false }; // a concurrent redelivery with the same key won the race
    throw e;
  }
}

/** SQL: the addressed member (if any) exists and is active; the one rule both intake paths apply. */
export function memberExists(memberId: number | null | undefined) {
  return memberId ? sql`exists (select 1 from members where id = ${memberId} and active)` : sql`true`;
}

/** SQL: the station (if any) is published and active; an unknown or closed one refuses the form (400). */
export function stationExists(stationId: number | null | undefined) {
  return stationId
    ? sql`exists (select 1 from contact_stations where id = ${stationId} and published and active)`
    : sql`true`;
}

/** SQL: the item's region, the chosen village or else the station's region (a township or a village). */
export function regionOf(input: { regionId?: number | null; stationId?: number | null }) {
  if (input.regionId) return sql`${input.regionId}::int`;
  return input.stationId
    ? sql`(select region_id from contact_stations where id = ${input.stationId} and published and active)`
    : sql`null::int`;
}

/** SQL: a chosen region is a village (a station's region, used when none is chosen, may also be a township). */
export function villageChosen(regionId: number | null | undefined) {
  return regionId ? sql`exists (select 1 from regions where id = ${regionId} and level = 'village')` : sql`true`;
}

type Addressed = { memberId?: number | null; stationId?: number | null };

/** SQL: the ids (sorted, distinct) of the item's member originators: the addressed member and the station's members. */
export function addressedMemberIds(a: Addressed) {
  if (!a.memberId && !a.stationId) return sql`'{}'::int[]`;
  const station = a.stationId
    ? sql`m.id in (select member_id from contact_station_members where station_id = ${a.stationId})`
    : sql`false`;
  return sql`(select coalesce(array_agg(m.id order by m.id), '{}'::int[]) from members m
    where m.active and (m.id = ${a.memberId ?? null}::int or ${station}))`;
}

/** The member originator rows of an addressed item, as a CTE over the inserted item `ins` (nothing without one). */
export function memberOriginatorCte(a: Addressed) {
  return a.memberId || a.stationId
    ? sql`ogm as (insert into opinion_originators (opinion_id, kind, member_id)
        select ins.id, 'member', m.id from ins cross join unnest(${addressedMemberIds(a)}) as m(id)),`
    : sql``;
}

/** The originators an item's audit row lists: the citizen, and the member the form was addressed to. */
export function auditOriginators(person: object, memberId: number | null | undefined) {
  return memberId ? [person, { kind: 'member', memberId }] : [person];
}

/** SQL (jsonb): what the audit row adds once the item exists: its id, and the station's members it went to. */
export function auditExtra(a: Addressed) {
  return a.stationId
    ? sql`jsonb_build_object('id', ins.id, 'stationMemberIds', to_jsonb(${addressedMemberIds(a)}))`
    : sql`jsonb_build_object('id', ins.id)`;
}

/** The facts intake needs, read in one round trip: the village and category exist, the deadline settings, the calendar rows. */
async function loadIntakeContext(q: Db | Tx, input: CitizenOpinionInput) {
  const res = await q.execute(sql`select
    ${villageChosen(input.regionId)} as village,
    ${input.categoryId ? sql`exists (select 1 from opinion_categories where id = ${input.categoryId} and active)` : sql`true`} as category,
    ${memberExists(input.memberId)} as member,
    ${stationExists(input.stationId)} as station,
    ${deadlinesText} as deadlines, ${overridesText} as overrides`);
  const row = res.rows[0] as {
    village: boolean;
    category: boolean;
    member: boolean;
    station: boolean;
    deadlines: string | null;
    overrides: string;
  };
  return { ...row, ...toFacts(row.deadlines, row.overrides) };
}

/** Writes the item, its citizen originator, its received event, its KPI facts and rollups and the audit row as one statement. */
async function insertCitizenItem(
  q: Db | Tx,
  input: CitizenOpinionInput,
  opts: { channel: 'web' | 'email' | 'open311'; now: Date; ip?: string; files?: StoredUpload[] },
  key: string | null,
  ctx: Awaited<ReturnType<typeof loadIntakeContext>>,
): Promise<{ id: number; trackingCode: string }> {
  const now = opts.now.toISOString();
  const item = {
    trackingCode: newTrackingCode(),
    title: input.title,
    content: input.content,
    categoryId: input.categoryId ?? null,
    regionId: input.regionId ?? null,
    contactStationId: input.stationId ?? null,
    publishConsent: input.publishConsent === true,
    channel: opts.channel,
    urgency: 'normal',
    confidentiality: 'normal',
    status: 'received',
    acceptDueAt: acceptDueAt(opts.now, { channel: opts.channel, urgency: 'normal' }, ctx.settings, ctx.calendar),
    receivedAt: opts.now,
  };
  const person = { kind: 'citizen', name: input.name, phone: input.phone, email: input.email };
  const files = (opts.files ?? []).map(({ storageKey: _k, ...f }) => f);
  const audit = auditRow(
    null,
    {
      action: 'create',
      entity: 'opinion',
      after: { ...item, originators: auditOriginators(person, input.memberId), files },
    },
    opts.ip,
  );
  const res = await q.execute(sql`
    with ins as (
      insert into opinions (tracking_code, title, content, category_id, region_id, contact_station_id, publish_consent,
        channel, urgency, confidentiality, accept_due_at, search_text, idempotency_key, received_at, updated_at)
      values (${item.trackingCode}, ${item.title}, ${item.content}, ${item.categoryId}, ${regionOf(input)},
        ${item.contactStationId}::int, ${item.publishConsent}, ${item.channel},
        'normal', 'normal', ${item.acceptDueAt.toISOString()}::timestamptz,
        ${toSearchDocument(`${input.title}\n${input.content}`)}, ${key}, ${now}::timestamptz, ${now}::timestamptz)
      returning id, tracking_code, region_id, category_id, channel, received_at),
    og as (insert into opinion_originators (opinion_id, kind, name, phone, email, lang)
      select id, 'citizen', ${person.name}, ${person.phone}, ${person.email}, ${input.lang ?? 'zh'} from ins),
    ${memberOriginatorCte(input)}
    ev as (insert into opinion_events (opinion_id, type, to_status, payload, actor_kind, actor_name, at)
      select id, 'received', 'received', ${JSON.stringify({ channel: opts.channel })}::jsonb, 'citizen', '', ${now}::timestamptz
      from ins),
    ${newItemKpiCtes(addressedMemberIds(input))},
    au as (insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
      select null, ${audit.actorName}, 'create', 'opinion', ins.id::text,
        ${JSON.stringify(audit.after)}::jsonb || ${auditExtra(input)}, ${audit.ip} from ins)
    select id, tracking_code as "trackingCode" from ins`);
  return res.rows[0] as { id: number; trackingCode: string };
}

/**
 * The stored key of a citizen form's Idempotency-Key: 'public:' and a hash of the key with the title and content, so
 * only a retry of the same form finds the item; a guessed or reused key with other content finds nothing.
 */
export function publicIdempotencyKey(header: unknown, input: { title: string; content: string }): string | null {
  if (typeof header !== 'string' || !header.trim()) return null;
  const hash = crypto.createHash('sha256');
  for (const part of [header.trim().slice(0, 200), input.title, input.content]) hash.update(`${part}\u0000`);
  return `public:${hash.digest('hex')}`;
}

/** The web form: consent required, category and village required; a repeat of a keyed submission returns the first item. */
export async function createPublicOpinion(
  db: Db,
  input: PublicOpinionInput,
  opts: {
    now: Date;
    ip: string;
    files?: StoredUpload[];
    idempotencyKey?: string | null;
    /** The citizen asked for the tracking link (sendLink): queued with the item. */
    link?: LinkRequest | null;
    /** More work in the item's transaction (following an open item: the merge). */
    alsoWithin?: (tx: Tx, item: { id: number; trackingCode: string }) => Promise<void>;
  },
): Promise<{ trackingCode: string; created: boolean }> {
  if (input.consent !== true) throw fieldError('consent', 'consent_required');
  const { link, alsoWithin, ...rest } = opts;
  const within =
    link || alsoWithin
      ? async (tx: Tx, item: { id: number; trackingCode: string }) => {
          if (link) await enqueueLink(tx, input, item, link, opts.now);
          if (alsoWithin) await alsoWithin(tx, item);
        }
      : undefined;
  const out = await recordCitizenOpinion(db, input, { channel: 'web', ...rest, within });
  return { trackingCode: out.trackingCode, created: out.created };
}
