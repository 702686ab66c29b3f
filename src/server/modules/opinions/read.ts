// Reading 社情民意 items: the scoped inbox with filters and full-text search, one item with its people, the timeline.
import { type SQL, sql } from 'drizzle-orm';
import { chinaDateOf, chinaInstant, shiftDate } from '../../../core/calendar/index.js';
import { allowedActions, OPINION_STATUSES, type OpinionStatus } from '../../../core/opinions/index.js';
import { maskPhone } from '../../../core/phone.js';
import { toSearchQuery } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { normalizeCode } from '../public/schema.js';
import type { OpinionListQuery } from './schema.js';
import { opinionActorFor, opinionsVisible, seesMaskedContacts } from './scope.js';

const LABEL = new Map<string, string>(OPINION_STATUSES.map((s) => [s.code, s.label]));
/** The Chinese label of a status code (exports and messages print it). */
export const statusLabel = (s: string) => LABEL.get(s) ?? s;

/** Overdue: acceptance late while received, or the department deadline passed while at a department. */
function overdueSql(now: Date): SQL {
  const today = chinaDateOf(now);
  return sql`((o.status = 'received' and o.accept_due_at < ${now.toISOString()}::timestamptz)
    or (o.status in ('forwarded','returned_for_rework') and o.deadline < ${today}::date))`;
}

const columns = (now: Date) => sql`o.id, o.tracking_code as "trackingCode", o.title, o.status, o.channel, o.urgency,
  o.confidentiality, o.category_id as "categoryId", c.name as "categoryName", o.region_id as "regionId", v.name as "regionName",
  o.sector_id as "sectorId", o.activity_id as "activityId", o.merged_into_id as "mergedIntoId",
  o.lead_department_id as "leadDepartmentId", d.name as "leadDepartmentName", o.deadline::text as deadline,
  o.accept_due_at as "acceptDueAt", o.has_pending_extension as "hasPendingExtension", o.is_in_bulletin as "isInBulletin",
  o.is_escalated as "isEscalated", o.contact_released as "contactReleased", o.received_at as "receivedAt",
  o.closed_at as "closedAt", o.updated_at as "updatedAt", ${overdueSql(now)} as overdue`;

const from = sql`from opinions o left join opinion_categories c on c.id = o.category_id
  left join regions v on v.id = o.region_id left join departments d on d.id = o.lead_department_id`;

function filters(a: Actor, q: OpinionListQuery, now: Date): SQL {
  const parts: SQL[] = [opinionsVisible(a)];
  if (q.status) parts.push(sql`o.status = ${q.status}`);
  if (q.channel) parts.push(sql`o.channel = ${q.channel}`);
  if (q.categoryId) parts.push(sql`(o.category_id = ${q.categoryId} or c.parent_id = ${q.categoryId})`);
  if (q.regionId) parts.push(sql`(o.region_id = ${q.regionId} or v.parent_id = ${q.regionId})`);
  if (q.departmentId)
    parts.push(sql`(o.lead_department_id = ${q.departmentId} or exists (select 1 from opinion_assignments x
      where x.opinion_id = o.id and x.active and x.department_id = ${q.departmentId}))`);
  if (q.sectorId) parts.push(sql`o.sector_id = ${q.sectorId}`);
  if (q.memberId)
    parts.push(
      sql`exists (select 1 from opinion_originators mo where mo.opinion_id = o.id and mo.member_id = ${q.memberId})`,
    );
  if (q.urgency) parts.push(sql`o.urgency = ${q.urgency}`);
  if (q.overdue !== undefined) parts.push(q.overdue ? overdueSql(now) : sql`not ${overdueSql(now)}`);
  if (q.from) parts.push(sql`o.received_at >= ${chinaInstant(q.from).toISOString()}::timestamptz`);
  if (q.to) parts.push(sql`o.received_at < ${chinaInstant(shiftDate(q.to, 1)).toISOString()}::timestamptz`);
  if (q.compilable) parts.push(sql`not o.is_in_bulletin and o.status not in ('received','not_accepted','merged')`);
  const code = q.q ? normalizeCode(q.q) : null;
  const tsq = q.q ? toSearchQuery(q.q) : '';
  // A typed tracking code finds its item as well as any text match.
  const text = tsq ? sql`to_tsvector('simple', o.search_text) @@ to_tsquery('simple', ${tsq})` : null;
  if (code) parts.push(text ? sql`(o.tracking_code = ${code} or ${text})` : sql`o.tracking_code = ${code}`);
  else if (text) parts.push(text);
  return sql.join(parts, sql` and `);
}

/** The inbox: items in the actor's scope matching the filters, newest first, one page. */
export async function listOpinions(db: DbOrTx, a: Actor, q: OpinionListQuery, now: Date) {
  const res = await db.execute(sql`select ${columns(now)}, count(*) over()::int as total ${from}
    where ${filters(a, q, now)} order by o.received_at desc, o.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...r }) => ({ ...r, statusLabel: statusLabel(r.status) })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Hides a name but its first character, as departments see citizens. */
function maskName(s: string): string {
  const chars = Array.from(s);
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : '';
}

/** Hides the local part of an e-mail address but its first character. */
function maskEmail(s: string): string {
  const at = s.indexOf('@');
  return at > 0 ? `${s[0]}***${s.slice(at)}` : s ? '***' : '';
}

/** The id of a visible item, or 404 (the one gate every item endpoint passes). */
export async function assertVisible(db: DbOrTx, a: Actor, id: number): Promise<void> {
  const res = await db.execute(sql`select 1 from opinions o where o.id = ${id} and ${opinionsVisible(a)}`);
  if (!res.rows.length) throw notFound();
}

/** One item in scope with its originators (masked for departments), assignments and the actor's abilities. */
export async function loadOpinion(db: DbOrTx, a: Actor, id: number, now: Date) {
  const res = await db.execute(sql`select ${columns(now)}, o.content, o.public_reply as "publicReply",
      o.created_by as "createdBy",
      coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'memberId', p.member_id, 'memberName', m.name,
        'representativeId', p.representative_id, 'representativeName', r.name, 'userId', p.user_id, 'name', p.name,
        'phone', p.phone, 'email', p.email, 'relayedAt', p.relayed_at) order by p.id)
        from opinion_originators p left join members m on m.id = p.member_id
        left join representatives r on r.id = p.representative_id where p.opinion_id = o.id), '[]') as originators,
      coalesce((select json_agg(json_build_object('departmentId', x.department_id, 'departmentName', dd.name,
        'role', x.role, 'active', x.active, 'createdAt', x.created_at) order by x.active desc, x.role desc, x.department_id)
        from opinion_assignments x join departments dd on dd.id = x.department_id where x.opinion_id = o.id), '[]') as assignments
      ,coalesce((select json_agg(json_build_object('id', f.id, 'eventId', f.event_id, 'filename', f.filename, 'mime', f.mime,
        'size', f.size, 'createdAt', f.created_at) order by f.id) from opinion_attachments f where f.opinion_id = o.id), '[]') as attachments
    ${from} where o.id = ${id} and ${opinionsVisible(a)}`);
  const row = res.rows[0] as any;
  if (!row) throw notFound();
  if (seesMaskedContacts(a, row.contactReleased)) {
    row.originators = row.originators.map((p: any) => ({
      ...p,
      name: maskName(p.name),
      phone: p.phone ? maskPhone(p.phone) : '',
      email: maskEmail(p.email),
    }));
  }
  const actor = await opinionActorFor(db, a, id);
  const state = {
    id,
    status: row.status as OpinionStatus,
    hasPendingExtension: row.hasPendingExtension,
    isInBulletin: row.isInBulletin,
    isEscalated: row.isEscalated,
    deadline: row.deadline ?? undefined,
  };
  return { ...row, statusLabel: statusLabel(row.status), abilities: allowedActions(state, actor) };
}

/** The timeline of a visible item, oldest first. */
export async function listEvents(db: DbOrTx, a: Actor, id: number) {
  await assertVisible(db, a, id);
  const res = await db.execute(sql`select e.id, e.type, e.from_status as "fromStatus", e.to_status as "toStatus",
      e.payload, e.actor_kind as "actorKind", e.actor_name as "actorName", e.at
    from opinion_events e where e.opinion_id = ${id} order by e.at, e.id`);
  return { items: res.rows };
}
