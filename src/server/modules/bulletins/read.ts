// Reading bulletins: the searchable archive, one issue with its items, credits, outcomes and timeline, member credits.
import { type SQL, sql } from 'drizzle-orm';
import { segment } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { statusLabel as opinionStatusLabel } from '../opinions/read.js';
import type { BulletinListQuery, BulletinStatus } from './schema.js';
import { BULLETIN_STATUS_LABEL, mayStep } from './service.js';

/** Staff and leaders read every issue; everyone else only their credited list. */
export const readsBulletins = (a: Actor) => hasRole(a, 'admin', 'leader');

/** Issues crediting a member: issued, compiled from an item the member originated. */
const creditsMember = (memberId: number) => sql`b.status = 'issued' and exists (select 1 from bulletin_items bi
  join opinion_originators oo on oo.opinion_id = bi.opinion_id where bi.bulletin_id = b.id and oo.member_id = ${memberId})`;

/**
 * 404 unless the actor may read this issue: staff and leaders any, a member an issued one that credits them
 * (the evidence links of their assessment and their credited list open it read-only).
 */
export async function assertReadsBulletin(db: DbOrTx, a: Actor, id: number): Promise<void> {
  if (readsBulletins(a)) return;
  if (!a.memberId) throw notFound();
  const res = await db.execute(sql`select 1 from bulletins b where b.id = ${id} and ${creditsMember(a.memberId)}`);
  if (!res.rows.length) throw notFound();
}

/** Full text over title and body: every jieba word of the query must occur (substring match, fine at this size). */
function textFilter(q: string): SQL | null {
  const words = [...new Set(segment(q))].filter((w) => w.trim()).slice(0, 8);
  if (words.length === 0) return null;
  const parts = words.map((w) => {
    const pat = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(b.title || ' ' || b.body) ilike ${pat}`;
  });
  return sql.join(parts, sql` and `);
}

/** An issue number typed as printed ("2026年第11期", "第11期", "11期"): year (optional) and number, else null. */
export function parseIssueNo(q: string): { year?: number; number: number } | null {
  const m = /^\s*(?:(\d{4})\s*年)?\s*第?\s*(\d{1,4})\s*期\s*$/.exec(q);
  if (!m) return null;
  return { year: m[1] ? Number(m[1]) : undefined, number: Number(m[2]) };
}

/** The archive: newest first; mine=1 lists a member's credited issues (the only list a member may read). */
export async function listBulletins(db: DbOrTx, a: Actor, q: BulletinListQuery) {
  const parts: SQL[] = [];
  if (q.mine) {
    if (!a.memberId) throw notFound();
    parts.push(creditsMember(a.memberId));
  } else if (!readsBulletins(a)) throw notFound();
  if (q.year) parts.push(sql`b.year = ${q.year}`);
  if (q.status) parts.push(sql`b.status = ${q.status}`);
  if (q.level)
    parts.push(sql`exists (select 1 from bulletin_outcomes x where x.bulletin_id = b.id and x.kind = 'adoption'
      and x.level = ${q.level})`);
  if (q.instructed !== undefined) {
    const instructed = sql`exists (select 1 from bulletin_outcomes x where x.bulletin_id = b.id and x.kind = 'instruction')`;
    parts.push(q.instructed ? instructed : sql`not ${instructed}`);
  }
  const issueNo = q.q ? parseIssueNo(q.q) : null;
  if (issueNo) {
    parts.push(sql`b.number = ${issueNo.number}`);
    if (issueNo.year) parts.push(sql`b.year = ${issueNo.year}`);
  }
  const text = q.q && !issueNo ? textFilter(q.q) : null;
  if (text) parts.push(text);
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  const res = await db.execute(sql`select b.id, b.year, b.number, b.title, b.status, b.category_id as "categoryId",
      c.name as "categoryName", b.issue_date::text as "issueDate", b.updated_at as "updatedAt",
      (select count(*)::int from bulletin_items bi where bi.bulletin_id = b.id) as "itemCount",
      coalesce((select json_agg(distinct x.level) from bulletin_outcomes x where x.bulletin_id = b.id
        and x.kind = 'adoption'), '[]'::json) as "adoptionLevels",
      (select count(*)::int from bulletin_outcomes x where x.bulletin_id = b.id and x.kind = 'instruction') as "instructionCount",
      count(*) over()::int as total
    from bulletins b left join opinion_categories c on c.id = b.category_id
    where ${where}
    order by (b.status = 'issued'), b.year desc, b.number desc nulls first, b.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...r }) => ({
      ...r,
      statusLabel: BULLETIN_STATUS_LABEL[r.status as BulletinStatus],
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The originating members of an issue's items (who the 采用 and 批示 credit). */
export async function bulletinCredits(db: DbOrTx, id: number) {
  const res = await db.execute(sql`select distinct m.id as "memberId", m.name from bulletin_items bi
    join opinion_originators oo on oo.opinion_id = bi.opinion_id join members m on m.id = oo.member_id
    where bi.bulletin_id = ${id} order by m.id`);
  return res.rows as { memberId: number; name: string }[];
}

/** The outcomes of one issue, oldest first. */
export async function listOutcomes(db: DbOrTx, id: number) {
  const res = await db.execute(sql`select id, kind, level, leader_name as "leaderName", date::text as date, text,
    follow_up as "followUp", created_at as "createdAt" from bulletin_outcomes where bulletin_id = ${id}
    order by date, id`);
  return res.rows as any[];
}

/** One issue (staff, leaders, credited members): fields, items, credits, outcomes, timeline and what the actor may do. */
export async function loadBulletin(db: DbOrTx, a: Actor, id: number) {
  await assertReadsBulletin(db, a, id);
  const res = await db.execute(sql`select b.id, b.year, b.number, b.title, b.body, b.status, b.distribution,
      b.category_id as "categoryId", c.name as "categoryName", b.editor_id as "editorId", ue.display_name as "editorName",
      b.signed_off_by as "signedOffBy", us.display_name as "signedOffByName", b.signed_off_at as "signedOffAt",
      b.issued_at as "issuedAt", b.issue_date::text as "issueDate", b.created_at as "createdAt", b.updated_at as "updatedAt"
    from bulletins b left join opinion_categories c on c.id = b.category_id
    left join users ue on ue.id = b.editor_id left join users us on us.id = b.signed_off_by where b.id = ${id}`);
  const b = res.rows[0] as any;
  if (!b) throw notFound();
  const items = await db.execute(sql`select o.id, o.tracking_code as "trackingCode", o.title, o.status,
      c.name as "categoryName" from bulletin_items bi join opinions o on o.id = bi.opinion_id
      left join opinion_categories c on c.id = o.category_id where bi.bulletin_id = ${id} order by o.id`);
  const events = await db.execute(sql`select id, type, payload, actor_name as "actorName", at from record_events
    where entity = 'bulletin' and entity_id = ${id} order by at, id`);
  const admin = hasRole(a, 'admin');
  return {
    ...b,
    statusLabel: BULLETIN_STATUS_LABEL[b.status as BulletinStatus],
    items: (items.rows as any[]).map((r) => ({ ...r, statusLabel: opinionStatusLabel(r.status) })),
    credits: await bulletinCredits(db, id),
    outcomes: await listOutcomes(db, id),
    events: events.rows,
    abilities: {
      canEdit: admin && b.status === 'draft',
      canSubmit: mayStep(a, b, 'submit'),
      canSignOff: mayStep(a, b, 'sign_off'),
      canReturn: mayStep(a, b, 'return'),
      canIssue: mayStep(a, b, 'issue'),
      canRecordOutcome: admin && b.status === 'issued',
      canDownload: true,
    },
  };
}

/** GET /bulletins/credits?memberId=: the issued bulletins crediting a member, with their outcomes (own record or staff). */
export async function memberCredits(db: DbOrTx, a: Actor, memberId: number) {
  if (!readsBulletins(a) && a.memberId !== memberId) throw notFound();
  const res = await db.execute(sql`select b.id, b.year, b.number, b.title, b.issue_date::text as "issueDate",
      coalesce((select json_agg(json_build_object('id', x.id, 'kind', x.kind, 'level', x.level,
        'leaderName', x.leader_name, 'date', x.date::text) order by x.date, x.id)
        from bulletin_outcomes x where x.bulletin_id = b.id), '[]'::json) as outcomes
    from bulletins b where ${creditsMember(memberId)} order by b.year desc, b.number desc`);
  return { memberId, items: res.rows };
}
