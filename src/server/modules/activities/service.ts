// Activity rules: members and contacts must be within the actor's reach, a client id makes retries idempotent.
import { eq, sql } from 'drizzle-orm';
import { auditRow } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { activities, activityContacts, activityMembers } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { activitiesVisible, canRecord, mayActForMember, representativesVisible } from '../common/scope.js';
import { canRaise, raiseActivityOpinions } from './raise.js';
import type { ActivityInput } from './schema.js';

/** What createActivity takes: the request body, where raising opinions is optional (other modules create activities). */
export type ActivityCreate = Omit<ActivityInput, 'raiseOpinions'> & { raiseOpinions?: string[] };

const ids = (xs: number[]) =>
  sql.join(
    xs.map((i) => sql`${i}`),
    sql`,`,
  );

const select = sql`
  select a.id, a.client_id as "clientId", a.date::text as date, a.region_id as "regionId", v.name as "regionName", t.name as "townshipName",
    a.location, a.methods, a.method_other as "methodOther", a.purposes, a.opinions, a.handling, a.handling_status as "handlingStatus",
    a.created_at as "createdAt",
    coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name, 'workUnit', m.work_unit, 'groupId', m.group_id) order by m.id)
      from activity_members am join members m on m.id = am.member_id where am.activity_id = a.id), '[]') as members,
    coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.id)
      from activity_contacts ac join representatives r on r.id = ac.representative_id where ac.activity_id = a.id), '[]') as contacts,
    (select count(*)::int from attachments f where f.activity_id = a.id) as "attachmentCount"
  from activities a left join regions v on v.id = a.region_id left join regions t on t.id = v.parent_id`;

/** Adds what the actor may do with the activity. */
export function presentActivity(a: Actor, row: any) {
  const mine = hasRole(a, 'admin') || row.members.some((m: any) => mayActForMember(a, m.groupId, m.id));
  return {
    ...row,
    abilities: {
      canEdit: canRecord(a) && mine,
      canDelete: canRecord(a) && mine,
      canAttach: canRecord(a) && mine,
      canRaise: canRaise(a, row),
    },
  };
}

/** Lists activities in the actor's scope, newest first. */
export async function listActivities(db: DbOrTx, a: Actor, q: any) {
  const where = sql.join(
    [
      activitiesVisible(a),
      q.memberId
        ? sql`exists (select 1 from activity_members x where x.activity_id = a.id and x.member_id = ${q.memberId})`
        : sql`true`,
      q.groupId
        ? sql`exists (select 1 from activity_members x join members m on m.id = x.member_id where x.activity_id = a.id and m.group_id = ${q.groupId})`
        : sql`true`,
      q.regionId ? sql`(a.region_id = ${q.regionId} or v.parent_id = ${q.regionId})` : sql`true`,
      q.from ? sql`a.date >= ${q.from}` : sql`true`,
      q.to ? sql`a.date <= ${q.to}` : sql`true`,
      q.method ? sql`${q.method} = any(a.methods)` : sql`true`,
      q.purpose ? sql`${q.purpose} = any(a.purposes)` : sql`true`,
      q.handlingStatus ? sql`a.handling_status = ${q.handlingStatus}` : sql`true`,
      q.q
        ? sql`(a.opinions like ${`%${q.q}%`} or a.location like ${`%${q.q}%`} or v.name like ${`%${q.q}%`})`
        : sql`true`,
    ],
    sql` and `,
  );
  const res = await db.execute(
    sql`select x.*, count(*) over()::int as total from (${select} where ${where}) x order by x.date desc, x.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...r }) => presentActivity(a, r)),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Loads one activity in scope, or 404. */
export async function loadActivity(db: DbOrTx, a: Actor, id: number) {
  const row = (await db.execute(sql`${select} where a.id = ${id} and ${activitiesVisible(a)}`)).rows[0];
  if (!row) throw notFound();
  return row as any;
}

const intArray = (xs: number[]) => (xs.length ? sql`array[${ids(xs)}]::int[]` : sql`'{}'::int[]`);
const textArray = (xs: string[]) =>
  xs.length
    ? sql`array[${sql.join(
        xs.map((x) => sql`${x}`),
        sql`,`,
      )}]::text[]`
    : sql`'{}'::text[]`;

/** Everything a new activity needs checked, in one round trip: the retry key, the members, the visible contacts, the village. */
async function loadParticipantFacts(
  db: DbOrTx,
  a: Actor,
  clientId: string | undefined,
  memberIds: number[],
  repIds: number[],
  regionId: number | null,
) {
  const res = await db.execute(sql`select
    ${clientId ? sql`(select id from activities where client_id = ${clientId})` : sql`null::int`} as dup,
    coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name, 'workUnit', m.work_unit, 'groupId', m.group_id) order by m.id)
      from members m where m.id = any(${intArray(memberIds)})), '[]') as members,
    coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.id)
      from representatives r where r.id = any(${intArray(repIds)}) and ${representativesVisible(a)}), '[]') as contacts,
    ${regionId ? sql`(select json_build_object('name', v.name, 'township', t.name) from regions v left join regions t on t.id = v.parent_id where v.id = ${regionId} and v.level = 'village')` : sql`null::json`} as region`);
  return res.rows[0] as {
    dup: number | null;
    members: any[];
    contacts: any[];
    region: { name: string; township: string } | null;
  };
}

/** Checks who and where an activity names: members the actor may act for, contacts in the actor's lists, a real village. */
async function checkParticipants(
  db: DbOrTx,
  a: Actor,
  memberIds: number[],
  repIds: number[],
  regionId: number | null,
  clientId?: string,
) {
  if (!memberIds.length) throw fieldError('memberIds', 'member_required');
  const facts = await loadParticipantFacts(db, a, clientId, memberIds, repIds, regionId);
  if (facts.dup) return facts;
  if (facts.members.length !== memberIds.length) throw fieldError('memberIds', 'member_missing');
  if (!facts.members.some((m) => mayActForMember(a, m.groupId, m.id))) throw new AppError('forbidden');
  if (facts.contacts.length !== repIds.length) throw fieldError('representativeIds', 'contact_not_yours');
  if (regionId && !facts.region) throw fieldError('regionId', 'village_missing');
  return facts;
}

/** SQL: the member row `m` is one the actor may act for (mayActForMember, as a condition on members). */
function actableMember(a: Actor) {
  if (hasRole(a, 'admin')) return sql`true`;
  const ways = [sql`false`];
  if (hasRole(a, 'member') && a.memberId !== null) ways.push(sql`m.id = ${a.memberId}`);
  if (hasRole(a, 'group_leader') && a.groupId !== null) ways.push(sql`m.group_id = ${a.groupId}`);
  return sql`(${sql.join(ways, sql` or `)})`;
}

/**
 * Records an activity and its audit row in one statement that also reads and checks what checkParticipants checks
 * (atomic, one round trip: this is the hot path of members in villages); the row is written only when every check
 * passes in the statement's snapshot, and the same facts then name the error. A repeated clientId returns the first
 * record instead.
 */
export async function createActivity(
  db: DbOrTx,
  a: Actor,
  input: ActivityCreate,
  ip = '',
): Promise<{ row: any; created: boolean }> {
  if (!canRecord(a)) throw new AppError('forbidden');
  const memberIds = input.memberIds.length ? [...new Set(input.memberIds)] : a.memberId ? [a.memberId] : [];
  const repIds = [...new Set(input.representativeIds)];
  if (!memberIds.length) throw fieldError('memberIds', 'member_required');
  const { memberIds: _m, representativeIds: _r, raiseOpinions: _o, clientId = null, ...f } = input;
  const base = { clientId, ...f, attachmentCount: 0 };
  const audit = auditRow(a, { action: 'create', entity: 'activity', after: base }, ip);
  const regionId = f.regionId ?? null;
  let res: any;
  try {
    // Prepared by name: PostgreSQL plans this statement once per connection (a few shapes: by role, village or not).
    res = await executePrepared(
      db,
      sql`
      with facts as (select
        ${clientId ? sql`(select id from activities where client_id = ${clientId})` : sql`null::int`} as dup,
        coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name, 'workUnit', m.work_unit, 'groupId', m.group_id) order by m.id)
          from members m where m.id = any(${intArray(memberIds)})), '[]') as members,
        exists (select 1 from members m where m.id = any(${intArray(memberIds)}) and ${actableMember(a)}) as actable,
        coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.id)
          from representatives r where r.id = any(${intArray(repIds)}) and ${representativesVisible(a)}), '[]') as contacts,
        ${regionId ? sql`(select json_build_object('name', v.name, 'township', t.name) from regions v left join regions t on t.id = v.parent_id where v.id = ${regionId} and v.level = 'village')` : sql`null::json`} as region),
      ins as (
        insert into activities (client_id, date, region_id, location, methods, method_other, purposes, opinions, handling, handling_status, created_by)
        select ${clientId}, ${f.date}, ${f.regionId}, ${f.location}, ${textArray(f.methods)}, ${f.methodOther}, ${textArray(f.purposes)},
          ${f.opinions}, ${f.handling}, ${f.handlingStatus}, ${a.userId}
        from facts where facts.dup is null and facts.actable
          and json_array_length(facts.members) = ${memberIds.length} and json_array_length(facts.contacts) = ${repIds.length}
          and ${regionId ? sql`facts.region is not null` : sql`true`}
        returning id, created_at),
      am as (insert into activity_members (activity_id, member_id) select ins.id, x from ins, unnest(${intArray(memberIds)}) x),
      ac as (insert into activity_contacts (activity_id, representative_id) select ins.id, x from ins, unnest(${intArray(repIds)}) x),
      au as (insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after, ip)
        select ${audit.actorUserId}, ${audit.actorName}, 'create', 'activity', ins.id::text,
          ${JSON.stringify(audit.after)}::jsonb || jsonb_build_object('regionName', facts.region->>'name',
            'townshipName', facts.region->>'township', 'members', facts.members, 'contacts', facts.contacts,
            'id', ins.id, 'createdAt', ins.created_at), ${ip} from ins, facts)
      select facts.*, ins.id, ins.created_at as "createdAt" from facts left join ins on true`,
    );
  } catch (e) {
    const code = (e as any)?.code ?? (e as any)?.cause?.code;
    if (code === '23505' && clientId) return createActivity(db, a, input, ip); // a concurrent retry won the race
    throw e;
  }
  const out = res.rows[0] as {
    dup: number | null;
    members: any[];
    actable: boolean;
    contacts: any[];
    region: { name: string; township: string } | null;
    id: number | null;
    createdAt: string | Date | null;
  };
  if (out.dup) return { row: await loadActivity(db, a, out.dup), created: false };
  // The errors of checkParticipants, in its order.
  if (out.members.length !== memberIds.length) throw fieldError('memberIds', 'member_missing');
  if (!out.members.some((m) => mayActForMember(a, m.groupId, m.id))) throw new AppError('forbidden');
  if (out.contacts.length !== repIds.length) throw fieldError('representativeIds', 'contact_not_yours');
  if (regionId && !out.region) throw fieldError('regionId', 'village_missing');
  if (out.id === null) throw new Error('activity not written although its checks passed');
  const row = {
    clientId,
    ...f,
    regionName: out.region?.name ?? null,
    townshipName: out.region?.township ?? null,
    members: out.members,
    contacts: out.contacts,
    attachmentCount: 0,
  };
  return { row: { id: out.id, ...row, createdAt: out.createdAt }, created: true };
}

/**
 * Records a visit and raises the chosen opinions as 社情民意 items in one transaction (同时转为社情民意), so a visit
 * synced later from the phone's outbox raises them then; a retried clientId returns the first record, raising nothing.
 */
export async function createAndRaise(db: Db, a: Actor, input: ActivityCreate, opts: { now: Date; ip: string }) {
  try {
    return await db.transaction(async (tx) => {
      const out = await createActivity(tx, a, input, opts.ip);
      if (out.created)
        await raiseActivityOpinions(tx, a, out.row, input.raiseOpinions ?? [], { ...opts, strict: false });
      return out;
    });
  } catch (e) {
    const dup = input.clientId
      ? ((await db.execute(sql`select id from activities where client_id = ${input.clientId}`)).rows[0] as any)
      : undefined;
    if (dup) return { row: await loadActivity(db, a, dup.id), created: false }; // a concurrent retry won the race
    throw e;
  }
}

/** Updates an activity the actor may edit; participant lists are replaced when given. */
export async function updateActivity(tx: DbOrTx, a: Actor, id: number, input: Partial<ActivityInput>) {
  const before = presentActivity(a, await loadActivity(tx, a, id));
  if (!before.abilities.canEdit) throw notFound();
  const { memberIds, representativeIds, ...fields } = input;
  const memberList = memberIds ?? before.members.map((m: any) => m.id);
  const repList = representativeIds ?? before.contacts.map((c: any) => c.id);
  await checkParticipants(
    tx,
    a,
    [...new Set<number>(memberList)],
    [...new Set<number>(representativeIds ?? [])],
    fields.regionId ?? null,
  );
  if (Object.keys(fields).length)
    await tx
      .update(activities)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(activities.id, id));
  if (memberIds) {
    await tx.delete(activityMembers).where(eq(activityMembers.activityId, id));
    await tx
      .insert(activityMembers)
      .values([...new Set<number>(memberList)].map((memberId) => ({ activityId: id, memberId })));
  }
  if (representativeIds) {
    await tx.delete(activityContacts).where(eq(activityContacts.activityId, id));
    if (repList.length)
      await tx
        .insert(activityContacts)
        .values([...new Set(repList as number[])].map((representativeId) => ({ activityId: id, representativeId })));
  }
  return before;
}

/** Deletes an activity the actor may edit (its attachments go with it). */
export async function deleteActivity(tx: DbOrTx, a: Actor, id: number) {
  const before = presentActivity(a, await loadActivity(tx, a, id));
  if (!before.abilities.canDelete) throw notFound();
  const linked = Number(
    (await tx.execute(sql`select count(*)::int as n from opinions where activity_id = ${id}`)).rows[0]?.n ?? 0,
  );
  if (linked > 0) throw new AppError('activity_has_opinions', { count: linked });
  const keys = (await tx.execute(sql`select storage_key from attachments where activity_id = ${id}`)).rows.map(
    (r: any) => r.storage_key as string,
  );
  await tx.delete(activities).where(eq(activities.id, id));
  return { before, keys };
}
