// Reading 民生问题 for staff: the list with counts, one problem with its items (only those the actor may see), counts
// by village and channel, milestones, evidence, timeline, and the moves the actor may make now.
import { sql } from 'drizzle-orm';
import { allowedProblemStatuses, type ProblemStatus } from '../../../core/problems/lifecycle.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { presentTrackingCode } from '../common/present-person.js';
import { opinionsVisible } from '../opinions/scope.js';
import { isProblemDepartment, loadVisible, managesRegion, problemsVisible, worksOnProblems } from './access.js';
import { breakdownColumns, countColumns } from './counts.js';
import type { ProblemListQuery } from './schema.js';

const listColumns = sql`p.id, p.title, p.region_id as "regionId", g.name as "regionName", p.year, p.status,
  p.progress, p.lead_department_id as "leadDepartmentId", d.name as "leadDepartmentName", p.updated_at as "updatedAt"`;
const from = sql`from livelihood_problems p join regions g on g.id = p.region_id
  left join departments d on d.id = p.lead_department_id`;

/** The problems the actor may see, newest year first, with item and people counts. */
export async function listProblems(db: DbOrTx, a: Actor, q: ProblemListQuery) {
  if (!worksOnProblems(a)) throw notFound();
  const parts = [problemsVisible(a)];
  if (q.year) parts.push(sql`p.year = ${q.year}`);
  if (q.regionId) parts.push(sql`p.region_id = ${q.regionId}`);
  if (q.status) parts.push(sql`p.status = ${q.status}`);
  const res = await db.execute(sql`select ${listColumns}, ${countColumns(false)} ${from}
    where ${sql.join(parts, sql` and `)} order by p.year desc, p.updated_at desc, p.id desc limit 1000`);
  return { items: res.rows };
}

/** One problem as the actor may see it, or 404. */
export async function loadProblem(db: DbOrTx, a: Actor, id: number) {
  const row = await loadVisible(db, a, id);
  const res = await db.execute(sql`select ${listColumns}, p.summary, p.goal, p.outcome, p.published,
      p.closed_at as "closedAt", ${countColumns(false)}, ${breakdownColumns(false)},
      coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.id)
        from problem_departments pd join departments x on x.id = pd.department_id where pd.problem_id = p.id), '[]')
        as departments,
      coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title, 'dueDate', m.due_date::text,
          'progress', m.progress, 'reachedAt', m.reached_at::text, 'note', m.note) order by m.id)
        from problem_milestones m where m.problem_id = p.id), '[]') as milestones,
      coalesce((select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'filename', e.filename,
          'mime', e.mime, 'size', e.size, 'published', e.published, 'departmentId', e.department_id,
          'createdAt', e.created_at) order by e.id)
        from problem_evidence e where e.problem_id = p.id), '[]') as evidence,
      coalesce((select json_agg(json_build_object('id', v.id, 'type', v.type, 'fromStatus', v.from_status,
          'toStatus', v.to_status, 'payload', v.payload, 'at', v.at) order by v.at, v.id)
        from problem_events v where v.problem_id = p.id), '[]') as events
    ${from} where p.id = ${id}`);
  const items = await db.execute(sql`select o.id, o.tracking_code as "trackingCode", o.title, o.status,
      g.name as "regionName", o.channel, o.received_at as "receivedAt"
    from problem_items pi join opinions o on o.id = pi.opinion_id left join regions g on g.id = o.region_id
    where pi.problem_id = ${id} and ${opinionsVisible(a)} order by o.received_at, o.id`);
  const canEdit = managesRegion(a, row.regionId);
  const canReport = canEdit || (await isProblemDepartment(db, a, row));
  return {
    ...(res.rows[0] as Record<string, unknown>),
    items: (items.rows as { trackingCode: string }[]).map((r) => presentTrackingCode(a, r)),
    allowedStatuses: canEdit ? allowedProblemStatuses(row.status as ProblemStatus) : [],
    abilities: { canEdit, canReport, canLinkItems: canEdit },
  };
}
