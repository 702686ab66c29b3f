// What the 受理并转办 dialog shows before the office confirms: the suggested lead department and the reply deadline the
// server will compute when the office leaves it empty (same rules as prepareDeadlines, read-only).
import { sql } from 'drizzle-orm';
import { conclusionDeadline } from '../../../core/calendar/index.js';
import { defaultReplyDeadline, replyWorkingDays } from '../../../core/calendar/opinion-deadlines.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { replyWorkingDaysFor } from '../categories/service.js';
import { loadCalendar } from './calendar.js';
import { loadDeadlineSettings } from './deadlines.js';
import { opinionsVisible } from './scope.js';

/** How many departments the suggestion lists (the first is preselected). */
const SUGGESTIONS = 3;

/** Where the planned deadline comes from, so the dialog can say why. */
export type DeadlineBasis = 'petition' | 'category' | 'urgent' | 'normal';

interface ItemFacts {
  status: string;
  channel: string;
  urgency: string;
  categoryId: number | null;
  categoryParentId: number | null;
  deadline: string | null;
  receivedAt: string;
  acceptedAt: string | null;
}

/**
 * Departments that led the most items of the same category (else of sibling categories under the same parent), most
 * recent first on ties: a clerk usually forwards like last time. Empty when the item has no category.
 */
async function suggestDepartments(db: DbOrTx, id: number, f: ItemFacts) {
  if (f.categoryId === null) return [];
  const ranked = (where: ReturnType<typeof sql>) =>
    db.execute(sql`select a.department_id as "departmentId", d.name, count(distinct a.opinion_id)::int as count
      from opinion_assignments a join opinions o on o.id = a.opinion_id join departments d on d.id = a.department_id
      left join opinion_categories c on c.id = o.category_id
      where a.role = 'lead' and a.active and o.id <> ${id} and o.status <> 'merged' and ${where}
      group by a.department_id, d.name order by count desc, max(a.created_at) desc, a.department_id
      limit ${SUGGESTIONS}`);
  type Row = { departmentId: number; name: string; count: number };
  const same = (await ranked(sql`o.category_id = ${f.categoryId}`)).rows as Row[];
  if (same.length) return same.map((r) => ({ ...r, basis: 'category' as const }));
  const top = f.categoryParentId ?? f.categoryId;
  const near = (await ranked(sql`(o.category_id = ${top} or c.parent_id = ${top})`)).rows as Row[];
  return near.map((r) => ({ ...r, basis: 'parent_category' as const }));
}

/** The deadline a forward without one gets if confirmed now (after the acceptance the same dialog performs). */
async function plannedDeadline(db: DbOrTx, f: ItemFacts, now: Date) {
  const calendar = await loadCalendar(db);
  if (f.channel === 'petition') {
    // 信访: the statutory conclusion date, counted from the acceptance (now, when the dialog accepts too).
    const accepting = f.status === 'received' || f.status === 'not_accepted';
    if (!accepting && f.deadline) return { deadline: f.deadline, workingDays: null, basis: 'petition' as const };
    const acceptedAt = accepting ? now : new Date(f.acceptedAt ?? f.receivedAt);
    return {
      deadline: conclusionDeadline(acceptedAt, [], { calendar }).date,
      workingDays: null,
      basis: 'petition' as const,
    };
  }
  const categoryDays = await replyWorkingDaysFor(db, f.categoryId);
  const s = await loadDeadlineSettings(db);
  const basis: DeadlineBasis = categoryDays ? 'category' : f.urgency === 'urgent' ? 'urgent' : 'normal';
  return {
    deadline: defaultReplyDeadline(now, f.urgency, categoryDays, s, calendar),
    workingDays: replyWorkingDays(f.urgency, categoryDays, s),
    basis,
  };
}

/**
 * GET /opinions/:id/forward-plan (office only; 404 outside scope): the suggested lead departments and the deadline a
 * forward confirmed now would get, with the rule it comes from.
 */
export async function loadForwardPlan(db: DbOrTx, a: Actor, id: number, now: Date) {
  const res = await db.execute(sql`select o.status, o.channel, o.urgency, o.category_id as "categoryId",
      c.parent_id as "categoryParentId", o.deadline::text as deadline, o.received_at as "receivedAt",
      (select max(e.at) from opinion_events e where e.opinion_id = o.id and e.type = 'accept') as "acceptedAt"
    from opinions o left join opinion_categories c on c.id = o.category_id
    where o.id = ${id} and ${opinionsVisible(a)}`);
  const f = res.rows[0] as ItemFacts | undefined;
  if (!f) throw notFound();
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  return { id, ...(await plannedDeadline(db, f, now)), suggestions: await suggestDepartments(db, id, f) };
}
