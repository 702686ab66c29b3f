// Who sees and who changes which 民生问题: office staff everything, leaders read all, a township's information officer
// the problems of their township, a department the problems it leads or co-handles (read + reports). Others: 404.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';

/** Whether the actor has any business with problems at all (members and representatives do not). */
export const worksOnProblems = (a: Actor) =>
  hasRole(a, 'admin', 'leader') ||
  (hasRole(a, 'info_officer') && a.townshipId !== null) ||
  (hasRole(a, 'dept_handler') && a.departmentId !== null);

/** SQL condition on livelihood_problems (alias p) the actor may see. */
export function problemsVisible(a: Actor): SQL {
  if (hasRole(a, 'admin', 'leader')) return sql`true`;
  const parts: SQL[] = [];
  if (hasRole(a, 'info_officer') && a.townshipId) parts.push(sql`p.region_id = ${a.townshipId}`);
  if (hasRole(a, 'dept_handler') && a.departmentId)
    parts.push(sql`(p.lead_department_id = ${a.departmentId} or exists (select 1 from problem_departments pd
      where pd.problem_id = p.id and pd.department_id = ${a.departmentId}))`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Whether the actor may create and change problems of a township (office staff any, an officer their own). */
export const managesRegion = (a: Actor, regionId: number) =>
  hasRole(a, 'admin') || (hasRole(a, 'info_officer') && a.townshipId === regionId);

/** The locked problem row a write works on. */
export interface LockedProblem {
  id: number;
  title: string;
  summary: string;
  regionId: number;
  year: number;
  status: string;
  goal: string;
  outcome: string;
  leadDepartmentId: number | null;
  progress: number;
  published: boolean;
}

const columns = sql`p.id, p.title, p.summary, p.region_id as "regionId", p.year, p.status, p.goal, p.outcome,
  p.lead_department_id as "leadDepartmentId", p.progress, p.published`;

/** The problem if the actor may see it, else 404; `lock` takes the row lock for a write. */
export async function loadVisible(db: DbOrTx, a: Actor, id: number, lock = false): Promise<LockedProblem> {
  if (!worksOnProblems(a)) throw notFound();
  const res = await db.execute(sql`select ${columns} from livelihood_problems p
    where p.id = ${id} and ${problemsVisible(a)} ${lock ? sql`for update of p` : sql``}`);
  const row = res.rows[0] as LockedProblem | undefined;
  if (!row) throw notFound();
  return row;
}

/** Locks a problem for a change by someone who manages it: 404 outside the scope, 403 for readers (leaders, departments). */
export async function lockForChange(db: DbOrTx, a: Actor, id: number): Promise<LockedProblem> {
  const row = await loadVisible(db, a, id, true);
  if (!managesRegion(a, row.regionId)) throw new AppError('forbidden');
  return row;
}

/** The department's relation to a problem: lead or co-handler (may report), or none. */
export async function isProblemDepartment(db: DbOrTx, a: Actor, row: LockedProblem): Promise<boolean> {
  if (!hasRole(a, 'dept_handler') || !a.departmentId) return false;
  if (row.leadDepartmentId === a.departmentId) return true;
  const res = await db.execute(sql`select 1 from problem_departments
    where problem_id = ${row.id} and department_id = ${a.departmentId}`);
  return res.rows.length > 0;
}
