// What the 受理并转办 dialog shows before the office confirms: the suggested lead departments (text and category
// blended, department-suggest.ts, with a probability) and the reply deadline the server will compute when the office
// leaves it empty (same rules as prepareDeadlines, read-only).
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
import { rankDepartments } from './department-suggest.js';
import { opinionsVisible } from './scope.js';
import { triageModelsFor } from './text-index.js';

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
      c.parent_id as "categoryParentId", o.title, left(o.content, 3000) as content, o.deadline::text as deadline, o.received_at as "receivedAt",
      (select max(e.at) from opinion_events e where e.opinion_id = o.id and e.type = 'accept') as "acceptedAt"
    from opinions o left join opinion_categories c on c.id = o.category_id
    where o.id = ${id} and ${opinionsVisible(a)}`);
  const f = res.rows[0] as (ItemFacts & { title: string; content: string }) | undefined;
  if (!f) throw notFound();
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const suggestions = await rankDepartments(db, await triageModelsFor(db), { id, ...f });
  return { id, ...(await plannedDeadline(db, f, now)), suggestions };
}
