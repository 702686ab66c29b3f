// Reading 社情民意 items: the scoped inbox with filters and full-text search, one item with its people, the timeline.
import { type SQL, sql } from 'drizzle-orm';
import {
  addWorkingDays,
  type Calendar,
  chinaDateOf,
  chinaInstant,
  shiftDate,
  workingDaysLeft,
} from '../../../core/calendar/index.js';
import {
  allowedActions,
  allowedCompounds,
  OPINION_STATUSES,
  type OpinionStatus,
} from '../../../core/opinions/index.js';
import { toSearchQuery } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { notFound } from '../../errors.js';
import { presentPerson, presentTrackingCode, seesTrackingCode } from '../common/present-person.js';
import { normalizeCode } from '../public/schema.js';
import { loadCalendar } from './calendar.js';
import { departmentFileSql, presentConfidentiality, redactEvent } from './confidentiality-view.js';
import { piiSpansFor } from './pii-view.js';
import type { OpinionListQuery } from './schema.js';
import { actorRelationSql, opinionActorOf, opinionsVisible, seesOriginal, seesRedacted } from './scope.js';

const LABEL = new Map<string, string>(OPINION_STATUSES.map((s) => [s.code, s.label]));
/** The Chinese label of a status code (exports and messages print it). */
export const statusLabel = (s: string) => LABEL.get(s) ?? s;

/** Overdue: acceptance late while received, or the department deadline passed while at a department. */
function overdueSql(now: Date): SQL {
  const today = chinaDateOf(now);
  return sql`((o.status = 'received' and o.accept_due_at < ${now.toISOString()}::timestamptz)
    or (o.status in ('forwarded','returned_for_rework') and o.deadline < ${today}::date))`;
}

/** The statuses in which a department holds the item and its deadline runs. */
const AT_DEPARTMENT = sql`('forwarded','returned_for_rework')`;

/** The list's clock: the instant and the working-day calendar the deadlines were set on. */
export interface ListClock {
  now: Date;
  calendar: Calendar;
}

/** Loads the calendar once per list or count request. */
export async function listClock(db: DbOrTx, now: Date): Promise<ListClock> {
  return { now, calendar: await loadCalendar(db) };
}

/**
 * 即将超期: at a department, deadline not passed and at most 2 working days left (the same count as the rows'
 * workingDaysLeft), i.e. before the third working day after today.
 */
function dueSoonSql({ now, calendar }: ListClock): SQL {
  const today = chinaDateOf(now);
  const bound = addWorkingDays(today, 3, calendar).date;
  return sql`(o.status in ${AT_DEPARTMENT} and o.deadline >= ${today}::date and o.deadline < ${bound}::date)`;
}

/**
 * Working days left on the clock that runs now (negative: working days over): acceptance while received, the
 * department deadline while at a department; null when no clock runs. Same calendar as the deadlines.
 */
export function workingDaysLeftOf(
  r: { status: string; acceptDueAt: unknown; deadline: string | null },
  { now, calendar }: ListClock,
): number | null {
  if (r.status === 'received' && r.acceptDueAt)
    return workingDaysLeft(chinaDateOf(new Date(r.acceptDueAt as string)), now, calendar);
  if ((r.status === 'forwarded' || r.status === 'returned_for_rework') && r.deadline)
    return workingDaysLeft(r.deadline, now, calendar);
  return null;
}

/**
 * The title as the actor reads it: a department on a confidential item reads the office's redacted copy (and no
 * sector or activity, which would point at who raised it).
 */
const titleFor = (a: Actor) => sql`case when ${seesRedacted(a)} then coalesce(o.redacted_title, '') else o.title end`;

const columns = (a: Actor, now: Date) => sql`o.id, o.tracking_code as "trackingCode", ${titleFor(a)} as title,
  ${seesRedacted(a)} as "isRedacted", o.status, o.channel, o.urgency,
  o.confidentiality, o.category_id as "categoryId", c.name as "categoryName", o.region_id as "regionId", v.name as "regionName",
  case when ${seesRedacted(a)} then null else o.sector_id end as "sectorId",
  case when ${seesRedacted(a)} then null else o.activity_id end as "activityId", o.merged_into_id as "mergedIntoId",
  o.lead_department_id as "leadDepartmentId", d.name as "leadDepartmentName", o.deadline::text as deadline,
  o.accept_due_at as "acceptDueAt", o.has_pending_extension as "hasPendingExtension", o.is_in_bulletin as "isInBulletin",
  o.is_escalated as "isEscalated", o.contact_released as "contactReleased", o.received_at as "receivedAt",
  o.closed_at as "closedAt", o.updated_at as "updatedAt", ${overdueSql(now)} as overdue`;

const from = sql`from opinions o left join opinion_categories c on c.id = o.category_id
  left join regions v on v.id = o.region_id left join departments d on d.id = o.lead_department_id`;

/** The inbox's WHERE: scope plus every filter; the list and the workbench counts share it so they cannot drift. */
function filters(a: Actor, q: OpinionListQuery, clock: ListClock): SQL {
  const { now } = clock;
  const parts: SQL[] = [opinionsVisible(a)];
  if (q.status) parts.push(sql`o.status = ${q.status}`);
  if (q.channel) parts.push(sql`o.channel = ${q.channel}`);
  if (q.categoryId) parts.push(sql`(o.category_id = ${q.categoryId} or c.parent_id = ${q.categoryId})`);
  if (q.regionId) parts.push(sql`(o.region_id = ${q.regionId} or v.parent_id = ${q.regionId})`);
  if (q.departmentId)
    parts.push(sql`(o.lead_department_id = ${q.departmentId} or exists (select 1 from opinion_assignments x
      where x.opinion_id = o.id and x.active and x.department_id = ${q.departmentId}))`);
  if (q.sectorId) parts.push(sql`o.sector_id = ${q.sectorId}`);
  // Originators of a confidential item are not the department's to know: the filter never matches its redacted copy.
  if (q.memberId)
    parts.push(
      sql`(${seesOriginal(a)} and exists (select 1 from opinion_originators mo where mo.opinion_id = o.id and mo.member_id = ${q.memberId}))`,
    );
  if (q.urgency) parts.push(sql`o.urgency = ${q.urgency}`);
  if (q.overdue !== undefined) parts.push(q.overdue ? overdueSql(now) : sql`not ${overdueSql(now)}`);
  if (q.from) parts.push(sql`o.received_at >= ${chinaInstant(q.from).toISOString()}::timestamptz`);
  if (q.to) parts.push(sql`o.received_at < ${chinaInstant(shiftDate(q.to, 1)).toISOString()}::timestamptz`);
  if (q.compilable) parts.push(sql`not o.is_in_bulletin and o.status not in ('received','not_accepted','merged')`);
  if (q.todo) parts.push(sql`o.status in ${AT_DEPARTMENT}`);
  if (q.dueSoon) parts.push(dueSoonSql(clock));
  if (q.extensionPending) parts.push(sql`(o.has_pending_extension and o.status in ${AT_DEPARTMENT})`);
  if (q.feedbackPending) parts.push(sql`o.status in ('reviewed','replied_directly')`);
  // A typed tracking code finds its item as well as any text match, for those who may see codes (never departments).
  const code = q.q && seesTrackingCode(a) ? normalizeCode(q.q) : null;
  const tsq = q.q ? toSearchQuery(q.q) : '';
  const text = tsq ? textMatch(a, q.q ?? '', tsq) : null;
  if (code) parts.push(text ? sql`(o.tracking_code = ${code} or ${text})` : sql`o.tracking_code = ${code}`);
  else if (text) parts.push(text);
  return sql.join(parts, sql` and `);
}

/**
 * The text search: the segmented original for those who read it; a department reading a confidential item's redacted
 * copy matches only that copy (search never matches a field the viewer may not see).
 */
function textMatch(a: Actor, raw: string, tsq: string): SQL {
  const original = sql`to_tsvector('simple', o.search_text) @@ to_tsquery('simple', ${tsq})`;
  // Only a department's assignment shows a redacted copy; for everyone else the plain match keeps the GIN index in use.
  if (hasRole(a, 'leader') || !hasRole(a, 'dept_handler')) return original;
  const like = `%${raw.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`((${seesOriginal(a)} and ${original}) or (${seesRedacted(a)}
    and (o.redacted_title ilike ${like} or o.redacted_content ilike ${like})))`;
}

const ORDER = {
  received: sql`o.received_at desc, o.id desc`,
  due: (now: Date) =>
    sql`${overdueSql(now)} desc, o.deadline asc nulls last, o.accept_due_at asc nulls last, o.received_at, o.id`,
};

/** The inbox: items in the actor's scope matching the filters, newest first (or by due date), one page. */
export async function listOpinions(db: DbOrTx, a: Actor, q: OpinionListQuery, now: Date) {
  const clock = await listClock(db, now);
  const order = q.sort === 'due' ? ORDER.due(now) : ORDER.received;
  const res = await db.execute(sql`select ${columns(a, now)}, count(*) over()::int as total ${from}
    where ${filters(a, q, clock)} order by ${order}
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...r }) =>
      presentTrackingCode(a, {
        ...r,
        statusLabel: statusLabel(r.status),
        workingDaysLeft: workingDaysLeftOf(r, clock),
      }),
    ),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** How many items the same list would show (the workbench's counters): the list's WHERE, without paging. */
export async function countOpinions(db: DbOrTx, a: Actor, q: OpinionListQuery, clock: ListClock): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n ${from} where ${filters(a, q, clock)}`);
  return (res.rows[0] as { n: number }).n;
}

interface OriginatorRow {
  kind: 'citizen' | 'member' | 'representative' | 'officer';
  memberId: number | null;
  userId: number | null;
  [key: string]: unknown;
}

/**
 * The people who raised an item as the actor may see them (core's masking table): whoever collected the item (its
 * creator, an originating user or member) owns its contacts; a department sees them once the office released them.
 */
export function presentOriginators(
  a: Actor,
  item: { createdBy: number | null; contactReleased: boolean },
  people: OriginatorRow[],
) {
  const collected =
    item.createdBy === a.userId ||
    people.some((p) => p.userId === a.userId || (a.memberId !== null && p.memberId === a.memberId));
  const rel = { isOwner: collected, isReleased: item.contactReleased };
  return people.map((p) => {
    if (p.kind === 'member') return presentPerson(a, 'member', p, {}, { name: 'memberName' });
    if (p.kind === 'representative') return presentPerson(a, 'representative', p, rel, { name: 'representativeName' });
    return presentPerson(a, 'citizen', p, rel);
  });
}

/** The id of a visible item, or 404 (the one gate every item endpoint passes). */
export async function assertVisible(db: DbOrTx, a: Actor, id: number): Promise<void> {
  const res = await db.execute(sql`select 1 from opinions o where o.id = ${id} and ${opinionsVisible(a)}`);
  if (!res.rows.length) throw notFound();
}

/** One item in scope with its originators (masked for departments), assignments and the actor's abilities. */
export async function loadOpinion(db: DbOrTx, a: Actor, id: number, now: Date) {
  const redacted = seesRedacted(a);
  // Prepared by name (one text per set of roles): every item page and every transition's answer reads it.
  const res = await executePrepared(
    db,
    sql`select ${columns(a, now)}, o.public_reply as "publicReply",
      case when ${redacted} then coalesce(o.redacted_content, '') else o.content end as content,
      case when ${redacted} then null else o.created_by end as "createdBy",
      o.redacted_title as "redactedTitle", o.redacted_content as "redactedContent", o.redaction_note as "redactionNote",
      coalesce((select json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) order by u.display_name, u.id)
        from opinion_named_staff ns join users u on u.id = ns.user_id where ns.opinion_id = o.id), '[]') as "namedStaff",
      coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'memberId', p.member_id, 'memberName', m.name,
        'representativeId', p.representative_id, 'representativeName', r.name, 'userId', p.user_id, 'name', p.name,
        'phone', p.phone, 'email', p.email, 'relayedAt', p.relayed_at) order by p.id)
        from opinion_originators p left join members m on m.id = p.member_id
        left join representatives r on r.id = p.representative_id where p.opinion_id = o.id and not ${redacted}), '[]') as originators,
      coalesce((select json_agg(json_build_object('departmentId', x.department_id, 'departmentName', dd.name,
        'role', x.role, 'active', x.active, 'createdAt', x.created_at) order by x.active desc, x.role desc, x.department_id)
        from opinion_assignments x join departments dd on dd.id = x.department_id where x.opinion_id = o.id), '[]') as assignments
      ,coalesce((select json_agg(json_build_object('id', f.id, 'eventId', f.event_id, 'filename', f.filename, 'mime', f.mime,
        'size', f.size, 'createdAt', f.created_at) order by f.id) from opinion_attachments f where f.opinion_id = o.id
        and (not ${redacted} or ${departmentFileSql('f')})), '[]') as attachments,
      ${actorRelationSql(a, sql`o.id`)}
    ${from} where o.id = ${id} and ${opinionsVisible(a)}`,
  );
  const found = res.rows[0] as any;
  if (!found) throw notFound();
  // How the actor stands to the item is read in the same statement (one round trip for every item page).
  const { deptRole, isOriginator, hasRated, ...row } = found;
  const actor = opinionActorOf(a, { deptRole, isOriginator, hasRated });
  // Before the originators are masked: their names are personal data wherever the text repeats them.
  const pii = piiSpansFor(row);
  row.originators = presentOriginators(a, row, row.originators);
  presentConfidentiality(a, row);
  const state = {
    id,
    status: row.status as OpinionStatus,
    hasPendingExtension: row.hasPendingExtension,
    isInBulletin: row.isInBulletin,
    isEscalated: row.isEscalated,
    deadline: row.deadline ?? undefined,
  };
  return presentTrackingCode(a, {
    ...row,
    statusLabel: statusLabel(row.status),
    pii,
    abilities: allowedActions(state, actor),
    // Named compound moves (受理并转办, 审核通过并反馈) the actor may start now, each step allowed in turn.
    compounds: allowedCompounds(state, actor),
  });
}

/** The timeline of a visible item, oldest first; names of relayed-to representatives as the actor may see them. */
export async function listEvents(db: DbOrTx, a: Actor, id: number) {
  const item = await db.execute(sql`select o.contact_released as "contactReleased", ${seesRedacted(a)} as redacted
    from opinions o where o.id = ${id} and ${opinionsVisible(a)}`);
  if (!item.rows.length) throw notFound();
  const head = item.rows[0] as { contactReleased: boolean; redacted: boolean };
  const rel = { isReleased: Boolean(head.contactReleased) };
  const res = await db.execute(sql`select e.id, e.type, e.from_status as "fromStatus", e.to_status as "toStatus",
      e.payload, e.actor_kind as "actorKind", e.actor_name as "actorName", e.at
    from opinion_events e where e.opinion_id = ${id} order by e.at, e.id`);
  const items = (res.rows as any[]).map((e) => {
    if (head.redacted) return redactEvent(e);
    const names = e.type === 'relayed' ? e.payload?.representatives : undefined;
    if (typeof names !== 'string' || !names) return e;
    const shown = names.split('、').map((name) => presentPerson(a, 'representative', { name }, rel).name);
    return { ...e, payload: { ...e.payload, representatives: shown.join('、') } };
  });
  return { items };
}
