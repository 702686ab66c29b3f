// Staff intake of a 社情民意 item: who may enter what, originators (also from a contact activity), idempotent retries.
import crypto from 'node:crypto';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { acceptDueAt } from '../../../core/calendar/opinion-deadlines.js';
import { isMemberChannel } from '../../../core/opinions/intake.js';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import { auditRow } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { type opinionOriginators, opinions } from '../../db/schema.js';
import { AppError, fieldError } from '../../errors.js';
import { activitiesVisible, representativesVisible } from '../common/scope.js';
import { newItemKpiCtes } from '../kpis/rollups.js';
import { mayChangeConfidentiality } from './confidentiality-view.js';
import {
  type DeadlineFacts,
  deadlinesText,
  overridesText,
  rememberedFacts,
  rememberFacts,
  toFacts,
} from './deadlines.js';
import type { OpinionInput, OriginatorInput } from './schema.js';

/** Tracking-code alphabet without 0/O and 1/I look-alikes; 32 symbols, so a random byte & 31 is unbiased. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A 10-character unguessable tracking code (50 random bits) for the citizen's tracking page. */
export function newTrackingCode(): string {
  let out = '';
  for (const b of crypto.randomBytes(10)) out += ALPHABET[b & 31];
  return out;
}

type Originator = Omit<typeof opinionOriginators.$inferInsert, 'opinionId'>;

const intArray = (xs: number[]) =>
  xs.length
    ? sql`array[${sql.join(
        xs.map((x) => sql`${x}`),
        sql`,`,
      )}]::int[]`
    : sql`'{}'::int[]`;

/**
 * Who may enter items, and with which channel: office staff any; officers from their township; members only a
 * member's channels (their contact work, their reception day), never the office's (信访, phone, e-mail, the web form…).
 */
function checkIntake(a: Actor, input: OpinionInput): { channel: OpinionInput['channel']; asMember: boolean } {
  const channel = input.channel ?? (input.activityId ? 'activity' : undefined);
  if (hasRole(a, 'admin')) return { channel, asMember: false };
  if (hasRole(a, 'info_officer') && a.townshipId && (input.channel ?? 'officer') === 'officer') {
    if (!input.regionId) throw fieldError('regionId', 'village_missing');
    return { channel: 'officer', asMember: false };
  }
  if (hasRole(a, 'member') && a.memberId) {
    if (channel && !isMemberChannel(channel)) throw fieldError('channel', 'channel_not_for_members');
    return { channel, asMember: true };
  }
  throw new AppError('forbidden');
}

/**
 * Credit is counted in members' assessments, so only office staff name any member: anyone else names only themselves,
 * or members the caller's own record vouches for (the members holding a reception day).
 */
function checkMemberCredit(a: Actor, given: OriginatorInput[], vouched: readonly number[]) {
  if (hasRole(a, 'admin')) return;
  given.forEach((o, i) => {
    if (o.kind === 'member' && o.memberId && o.memberId !== a.memberId && !vouched.includes(o.memberId))
      throw fieldError(`originators.${i}.memberId`, 'originator_not_self');
  });
}

/** The ids an item names, and the actor's bounds on them (what factsColumns reads and checkFacts checks). */
function namedIds(a: Actor, input: OpinionInput) {
  const memberIds = input.originators.flatMap((o) => (o.kind === 'member' && o.memberId ? [o.memberId] : []));
  const repIds = input.originators.flatMap((o) =>
    o.kind === 'representative' && o.representativeId ? [o.representativeId] : [],
  );
  const officerTown = hasRole(a, 'admin') ? null : hasRole(a, 'info_officer') ? a.townshipId : null;
  return { memberIds, repIds, officerTown };
}

/**
 * The select list that reads the ids an item names (region, activity, members, representatives) with the deadline
 * settings and calendar. A member names only representatives linked to them; officers and staff those they can see.
 */
function factsColumns(a: Actor, input: OpinionInput, asMember: boolean) {
  const { memberIds, repIds } = namedIds(a, input);
  const repScope =
    asMember && a.memberId
      ? sql`exists (select 1 from member_representatives mr where mr.representative_id = r.id and mr.member_id = ${a.memberId})`
      : representativesVisible(a);
  return sql`
    ${input.regionId ? sql`(select json_build_object('id', v.id, 'parentId', v.parent_id) from regions v where v.id = ${input.regionId})` : sql`null::json`} as region,
    ${
      input.activityId
        ? sql`(select json_build_object('id', a.id, 'regionId', a.region_id,
        'members', coalesce((select json_agg(am.member_id order by am.member_id) from activity_members am where am.activity_id = a.id), '[]'),
        'contacts', coalesce((select json_agg(ac.representative_id order by ac.representative_id) from activity_contacts ac where ac.activity_id = a.id), '[]'))
      from activities a where a.id = ${input.activityId} and ${activitiesVisible(a)})`
        : sql`null::json`
    } as activity,
    (select count(*)::int from members where id = any(${intArray(memberIds)})) as "memberCount",
    coalesce((select json_agg(r.id) from representatives r where r.id = any(${intArray(repIds)}) and ${repScope}), '[]') as "repIds",
    ${deadlinesText} as deadlines, ${overridesText} as overrides`;
}

/**
 * The same checks in SQL, on the row `f` of factsColumns, as the condition of the one-statement write: true exactly
 * when checkFacts passes (an item without an activity) and the deadline texts are the ones `facts` came from.
 */
function factsHold(a: Actor, input: OpinionInput, facts: DeadlineFacts) {
  const { memberIds, repIds, officerTown } = namedIds(a, input);
  const town = officerTown
    ? sql`and ${officerTown}::int in ((f.region->>'id')::int, (f.region->>'parentId')::int)`
    : sql``;
  return sql`(${input.regionId ?? null}::int is null or (f.region is not null ${town}))
    and f."memberCount" = ${new Set(memberIds).size}::int and json_array_length(f."repIds") = ${new Set(repIds).size}::int
    and f.deadlines is not distinct from ${facts.deadlines}::text and f.overrides = ${facts.overrides}::text`;
}

type Facts = {
  region: { id: number; parentId: number | null } | null;
  activity: { id: number; regionId: number | null; members: number[]; contacts: number[] } | null;
  memberCount: number;
  repIds: number[];
  deadlines: string | null;
  overrides: string;
};

/** Refuses the item when a named id is missing or not the actor's; returns the activity and the deadline facts. */
function checkFacts(a: Actor, input: OpinionInput, f: Facts) {
  const { memberIds, officerTown } = namedIds(a, input);
  if (input.regionId && !f.region) throw fieldError('regionId', 'village_missing');
  if (officerTown && f.region && f.region.id !== officerTown && f.region.parentId !== officerTown)
    throw fieldError('regionId', 'village_missing');
  if (input.activityId && !f.activity) throw fieldError('activityId', 'activity_missing');
  if (f.memberCount !== new Set(memberIds).size) throw fieldError('originators', 'member_missing');
  const repsOk = new Set<number>(f.repIds);
  input.originators.forEach((o, i) => {
    if (o.kind === 'representative' && o.representativeId && !repsOk.has(o.representativeId))
      throw fieldError(`originators.${i}.representativeId`, 'contact_not_yours');
  });
  return { activity: f.activity, deadlines: toFacts(f.deadlines, f.overrides) };
}

/** Reads and checks the ids an item names, with the deadline settings and calendar (one round trip). */
async function loadFacts(db: DbOrTx, a: Actor, input: OpinionInput, asMember: boolean) {
  const res = await executePrepared(db, sql`select ${factsColumns(a, input, asMember)}`);
  return checkFacts(a, input, res.rows[0] as unknown as Facts);
}

/** The originator rows: the given ones, the activity's members and contacts, and the actor's own member/officer row. */
function originatorRows(
  a: Actor,
  given: OriginatorInput[],
  activity: { members: number[]; contacts: number[] } | null,
) {
  const rows: Originator[] = [];
  const seen = new Set<string>();
  const add = (o: Originator, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(o);
  };
  for (const o of given) {
    if (o.kind === 'member') {
      if (!o.memberId) throw fieldError('originators', 'member_missing');
      add({ kind: 'member', memberId: o.memberId }, `m${o.memberId}`);
    } else if (o.kind === 'representative') {
      if (!o.representativeId) throw fieldError('originators', 'contact_not_yours');
      add({ kind: 'representative', representativeId: o.representativeId }, `r${o.representativeId}`);
    } else {
      add({ kind: o.kind, name: o.name, phone: o.phone, email: o.email }, `c${rows.length}`);
    }
  }
  for (const m of activity?.members ?? []) add({ kind: 'member', memberId: m }, `m${m}`);
  for (const r of activity?.contacts ?? []) add({ kind: 'representative', representativeId: r }, `r${r}`);
  if (!hasRole(a, 'admin')) {
    if (hasRole(a, 'info_officer') && !hasRole(a, 'member'))
      add({ kind: 'officer', userId: a.userId, name: a.displayName }, `u${a.userId}`);
    // From an activity the credit is the activity's: a group leader entering a member's visit was not there.
    else if (a.memberId && !activity) add({ kind: 'member', memberId: a.memberId, userId: a.userId }, `m${a.memberId}`);
  }
  return rows;
}

/** The stored idempotency key: scoped to the user, so two people's keys never collide or leak each other's items. */
const storedKey = (a: Actor, key: string | undefined) => (key ? `${a.userId}:${key}` : null);

async function findByKey(db: DbOrTx, key: string | null): Promise<number | null> {
  if (!key) return null;
  const res = await db.execute(sql`select id from opinions where idempotency_key = ${key}`);
  return (res.rows[0] as { id: number } | undefined)?.id ?? null;
}

// The audit image of the inserted row, built in SQL from RETURNING with the row's own (camelCase) field names; the
// search keys and the idempotency key are not part of it.
const auditImage = sql.raw(
  `jsonb_build_object(${Object.entries(getTableColumns(opinions))
    .filter(([k]) => k !== 'searchText' && k !== 'idempotencyKey')
    .map(([k, c]) => `'${k}', ins.${c.name}`)
    .join(', ')})`,
);

/** What intake writes into the item's row (the rest are the columns' defaults). */
type NewItem = Required<
  Pick<
    typeof opinions.$inferInsert,
    | 'trackingCode'
    | 'title'
    | 'content'
    | 'categoryId'
    | 'regionId'
    | 'sectorId'
    | 'channel'
    | 'urgency'
    | 'confidentiality'
    | 'activityId'
    | 'acceptDueAt'
    | 'searchText'
    | 'idempotencyKey'
    | 'createdBy'
    | 'receivedAt'
    | 'updatedAt'
  >
>;

/**
 * Writes the item, its originators (and the filing office user on a confidential item, so they keep seeing it), the
 * 'received' event, its KPI facts and rollups and the audit row as one statement: one round trip where there were
 * eight. Returns the new id.
 */
async function insertItem(
  db: DbOrTx,
  a: Actor,
  v: NewItem,
  people: Originator[],
  opts: { now: Date; ip?: string },
  guard?: { facts: SQL; hold: SQL },
): Promise<{ id: number | null } & Partial<Facts>> {
  const at = (d: Date | null) => sql`${d?.toISOString() ?? null}::timestamptz`;
  const memberIds = [...new Set(people.flatMap((p) => (p.memberId ? [p.memberId] : [])))].sort((x, y) => x - y);
  const named = v.confidentiality === 'confidential' && hasRole(a, 'admin');
  const audit = auditRow(a, { action: 'create', entity: 'opinion', after: { originators: people } }, opts.ip);
  const res = await executePrepared(
    db,
    sql`
    with ${guard ? sql`f as (select ${guard.facts}),` : sql``} ins as (
      insert into opinions (tracking_code, title, content, category_id, region_id, sector_id, channel, urgency,
        confidentiality, activity_id, accept_due_at, search_text, idempotency_key, created_by, received_at, updated_at)
      select ${v.trackingCode}::text, ${v.title}::text, ${v.content}::text, ${v.categoryId}::int, ${v.regionId}::int,
        ${v.sectorId}::int, ${v.channel}::text, ${v.urgency}::text, ${v.confidentiality}::text, ${v.activityId}::int,
        ${at(v.acceptDueAt)}, ${v.searchText}::text, ${v.idempotencyKey}::text, ${v.createdBy}::int, ${at(v.receivedAt)},
        ${at(v.updatedAt)} ${guard ? sql`from f where ${guard.hold}` : sql``}
      returning *),
    ${
      people.length
        ? sql`og as (insert into opinion_originators (opinion_id, kind, member_id, representative_id, user_id, name, phone, email)
      select ins.id, x.kind, x.member_id, x.representative_id, x.user_id, x.name, x.phone, x.email
      from ins, (values ${sql.join(
        people.map(
          (p) =>
            sql`(${p.kind}::text, ${p.memberId ?? null}::int, ${p.representativeId ?? null}::int, ${p.userId ?? null}::int,
            ${p.name ?? ''}::text, ${p.phone ?? ''}::text, ${p.email ?? ''}::text)`,
        ),
        sql`, `,
      )}) as x(kind, member_id, representative_id, user_id, name, phone, email)),`
        : sql``
    }
    ${named ? sql`ns as (insert into opinion_named_staff (opinion_id, user_id) select ins.id, ${a.userId}::int from ins),` : sql``}
    ev as (insert into opinion_events (opinion_id, type, to_status, payload, actor_user_id, actor_kind, actor_name, at)
      select ins.id, 'received', 'received', ${JSON.stringify({ channel: v.channel, activityId: v.activityId })}::jsonb,
        ${a.userId}::int, 'user', ${a.displayName}, ${at(opts.now)} from ins),
    ${newItemKpiCtes(sql`${`{${memberIds.join(',')}}`}::int[]`, sql`ins.sector_id`)},
    au as (insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
      select ${audit.actorUserId}::int, ${audit.actorName}, 'create', 'opinion', ins.id::text,
        ${auditImage} || ${JSON.stringify(audit.after)}::jsonb, ${audit.ip} from ins)
    select ins.id ${guard ? sql`, f.*` : sql``} from ${guard ? sql`f left join ins on true` : sql`ins`}`,
  );
  return res.rows[0] as unknown as { id: number | null } & Partial<Facts>;
}

/**
 * Records an item with its originators, the 'received' event and the audit row in one transaction; a retry with the
 * same Idempotency-Key returns the first item instead (created: false). `vouchedMemberIds`: members the caller's own
 * record names (a reception day's members), which a non-office actor may credit besides themselves.
 */
export async function createOpinion(
  db: Db | Tx,
  a: Actor,
  input: OpinionInput,
  opts: { idempotencyKey?: string; now: Date; ip?: string; vouchedMemberIds?: readonly number[] },
): Promise<{ id: number; created: boolean }> {
  const key = storedKey(a, opts.idempotencyKey);
  const existing = await findByKey(db, key);
  if (existing) return { id: existing, created: false };
  const { channel, asMember } = checkIntake(a, input);
  if (!channel) throw fieldError('channel', 'channel_required');
  checkMemberCredit(a, input.originators, opts.vouchedMemberIds ?? []);
  // Only the office and the leader may see a confidential item, so only they may file one (else the filer gets 404).
  if (input.confidentiality === 'confidential' && !mayChangeConfidentiality(a))
    throw fieldError('confidentiality', 'confidential_office_only');
  const values = (activity: Facts['activity'], deadlines: DeadlineFacts): NewItem => ({
    trackingCode: newTrackingCode(),
    title: input.title,
    content: input.content,
    categoryId: input.categoryId ?? null,
    regionId: input.regionId ?? activity?.regionId ?? null,
    sectorId: input.sectorId ?? null,
    channel,
    urgency: input.urgency ?? 'normal',
    confidentiality: input.confidentiality ?? 'normal',
    activityId: activity?.id ?? null,
    acceptDueAt: acceptDueAt(opts.now, { channel, urgency: input.urgency }, deadlines.settings, deadlines.calendar),
    searchText: toSearchDocument(`${input.title}\n${input.content}`),
    idempotencyKey: key,
    createdBy: a.userId,
    receivedAt: opts.now,
    updatedAt: opts.now,
  });
  // The common case, an item of its own (no activity, no caller's transaction): the checks and the write in one
  // statement, guarded by the deadline texts its due date was computed from (kept from the last item: a setting or
  // calendar day edited since, in any process, only costs a re-run). Null when there is nothing kept yet.
  const inOneStatement = async (): Promise<number | null> => {
    let deadlines = rememberedFacts(db);
    let people: Originator[];
    try {
      people = originatorRows(a, input.originators, null);
    } catch {
      return null; // an originator without its id: the two-statement path refuses it, in its order of checks
    }
    for (let run = 0; deadlines && run < 3; run++) {
      const hold = factsHold(a, input, deadlines);
      const out = await insertItem(db, a, values(null, deadlines), people, opts, {
        facts: factsColumns(a, input, asMember),
        hold,
      });
      if (out.id !== null) return out.id;
      const checked = checkFacts(a, input, out as Facts).deadlines; // throws the field error of a failed check
      if (checked.deadlines === deadlines.deadlines && checked.overrides === deadlines.overrides) return null;
      deadlines = checked; // the texts changed: compute the due date again
      rememberFacts(db, deadlines);
    }
    return null;
  };
  // Otherwise the checks are a read and the write is one statement (atomic by itself), so a call of its own needs no
  // BEGIN and COMMIT, and on PGlite both statements run prepared. Inside a caller's transaction it runs in a
  // savepoint, so a lost key race leaves that transaction usable for the winner's look-up.
  const record = async (q: DbOrTx) => {
    const { activity, deadlines } = await loadFacts(q, a, input, asMember);
    if (q === db) rememberFacts(db, deadlines);
    const row = await insertItem(
      q,
      a,
      values(activity, deadlines),
      originatorRows(a, input.originators, activity),
      opts,
    );
    return { id: row.id as number, created: true };
  };
  try {
    if (db instanceof PgTransaction) return await db.transaction(record);
    const id = input.activityId ? null : await inOneStatement();
    return id !== null ? { id, created: true } : await record(db);
  } catch (e) {
    const code = (e as any)?.code ?? (e as any)?.cause?.code;
    const winner = code === '23505' ? await findByKey(db, key) : null;
    if (winner) return { id: winner, created: false }; // a concurrent retry with the same key won the race
    throw e;
  }
}
