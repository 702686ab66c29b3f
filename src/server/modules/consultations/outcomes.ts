// Consultation outcomes: assigned to a department with a working-day deadline, progress by its handler, graded A/B/C.
import { eq, sql } from 'drizzle-orm';
import { addWorkingDays, chinaDateOf } from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { consultationOutcomes, consultations } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { loadCalendar } from '../opinions/calendar.js';
import type { OutcomeInput, OutcomeListQuery, OutcomePatch } from './schema.js';
import { consultationEvent, outcomesVisible } from './scope.js';
import { loadConsultation, outcomeAbilities, outcomeColumns } from './service.js';

/** Working days a department has to implement an outcome unless the office sets another deadline. */
export const OUTCOME_WORKING_DAYS = 60;

async function checkDept(tx: DbOrTx, departmentId: number | null) {
  if (!departmentId) return;
  const res = await tx.execute(sql`select 1 from departments where id = ${departmentId}`);
  if (!res.rows.length) throw fieldError('departmentId', 'department_missing');
}

/** Adds an outcome; with a department it is assigned, with the default deadline of 60 working days. */
export async function addOutcome(tx: DbOrTx, a: Actor, id: number, input: OutcomeInput, now: Date, ip = '') {
  const c = await loadConsultation(tx, a, id, now);
  if (!hasRole(a, 'admin')) throw notFound();
  if (!c.abilities.canAddOutcome) throw new AppError('consultation_state');
  await checkDept(tx, input.departmentId);
  const deadline =
    input.deadline ??
    (input.departmentId ? addWorkingDays(now, OUTCOME_WORKING_DAYS, await loadCalendar(tx)).date : null);
  const [row] = await tx
    .insert(consultationOutcomes)
    .values({
      consultationId: id,
      content: input.content,
      departmentId: input.departmentId,
      deadline,
      status: input.departmentId ? 'assigned' : 'open',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await consultationEvent(
    tx,
    a,
    'consultation_outcome',
    row.id,
    'created',
    { departmentId: row.departmentId, deadline },
    now,
  );
  await writeAudit(tx, a, { action: 'create', entity: 'consultation_outcome', entityId: row.id, after: row }, ip);
  return row.id;
}

/** An outcome of the consultation as the actor sees it, or 404. */
async function outcomeOf(tx: DbOrTx, a: Actor, id: number, outcomeId: number, now: Date) {
  const c = await loadConsultation(tx, a, id, now);
  const o = c.outcomes.find((x: any) => x.id === outcomeId);
  if (!o) throw notFound();
  return o;
}

/** Edits an outcome's text, department or deadline (office staff, until it is done). */
export async function editOutcome(
  tx: DbOrTx,
  a: Actor,
  id: number,
  outcomeId: number,
  input: OutcomePatch,
  now: Date,
  ip = '',
) {
  const o = await outcomeOf(tx, a, id, outcomeId, now);
  if (!hasRole(a, 'admin')) throw notFound();
  if (!o.abilities.canEdit) throw new AppError('outcome_state');
  if (input.departmentId !== undefined) await checkDept(tx, input.departmentId);
  const set: Record<string, unknown> = { ...input, updatedAt: now };
  const dept = input.departmentId === undefined ? o.departmentId : input.departmentId;
  if (o.status === 'open' || o.status === 'assigned') set.status = dept ? 'assigned' : 'open';
  if (dept && input.deadline === undefined && !o.deadline)
    set.deadline = addWorkingDays(now, OUTCOME_WORKING_DAYS, await loadCalendar(tx)).date;
  await tx.update(consultationOutcomes).set(set).where(eq(consultationOutcomes.id, outcomeId));
  const type = input.departmentId !== undefined && input.departmentId !== o.departmentId ? 'assigned' : 'updated';
  await consultationEvent(
    tx,
    a,
    'consultation_outcome',
    outcomeId,
    type,
    { fields: Object.keys(input), departmentId: dept },
    now,
  );
  await writeAudit(
    tx,
    a,
    { action: 'update', entity: 'consultation_outcome', entityId: outcomeId, before: o, after: input },
    ip,
  );
  return loadConsultation(tx, a, id, now);
}

/**
 * Records progress (a milestone note and the share done) by the department's handler or the office; 100 % marks it
 * done, and the first outcome moving puts a held consultation into implementing.
 */
export async function recordProgress(
  tx: DbOrTx,
  a: Actor,
  id: number,
  outcomeId: number,
  body: { progress: number; note: string },
  now: Date,
  ip = '',
) {
  const o = await outcomeOf(tx, a, id, outcomeId, now);
  const handles = outcomeAbilities(a, o);
  if (!handles.canProgress) {
    if (o.status === 'done' && (hasRole(a, 'admin') || o.departmentId === a.departmentId))
      throw new AppError('outcome_state');
    throw notFound();
  }
  if (!o.departmentId) throw new AppError('outcome_state');
  if (body.progress < o.progress) throw fieldError('progress', 'min_le_max');
  const status = body.progress === 100 ? 'done' : body.progress > 0 ? 'in_progress' : o.status;
  await tx
    .update(consultationOutcomes)
    .set({ progress: body.progress, status, updatedAt: now })
    .where(eq(consultationOutcomes.id, outcomeId));
  await consultationEvent(tx, a, 'consultation_outcome', outcomeId, 'progress', { ...body, from: o.progress }, now);
  await writeAudit(
    tx,
    a,
    {
      action: 'progress',
      entity: 'consultation_outcome',
      entityId: outcomeId,
      before: { progress: o.progress, status: o.status },
      after: { ...body, status },
    },
    ip,
  );
  await tx
    .update(consultations)
    .set({ status: 'implementing', updatedAt: now })
    .where(sql`${consultations.id} = ${id} and ${consultations.status} = 'held'`);
  return loadConsultation(tx, a, id, now);
}

/** Grades a done outcome A/B/C (office staff). */
export async function gradeOutcome(
  tx: DbOrTx,
  a: Actor,
  id: number,
  outcomeId: number,
  body: { grade: 'A' | 'B' | 'C'; note: string },
  now: Date,
  ip = '',
) {
  const o = await outcomeOf(tx, a, id, outcomeId, now);
  if (!hasRole(a, 'admin')) throw notFound();
  if (!o.abilities.canGrade) throw new AppError('outcome_state');
  await tx
    .update(consultationOutcomes)
    .set({ grade: body.grade, updatedAt: now })
    .where(eq(consultationOutcomes.id, outcomeId));
  await consultationEvent(tx, a, 'consultation_outcome', outcomeId, 'graded', body, now);
  await writeAudit(
    tx,
    a,
    { action: 'grade', entity: 'consultation_outcome', entityId: outcomeId, before: { grade: o.grade }, after: body },
    ip,
  );
  return loadConsultation(tx, a, id, now);
}

/** The outcomes in the actor's scope across consultations (a department's work list), overdue first. */
export async function listOutcomes(db: DbOrTx, a: Actor, q: OutcomeListQuery, now: Date) {
  const today = chinaDateOf(now);
  const where = [outcomesVisible(a)];
  if (q.departmentId) where.push(sql`o.department_id = ${q.departmentId}`);
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.overdue !== undefined)
    where.push(
      q.overdue
        ? sql`(o.status <> 'done' and o.deadline < ${today})`
        : sql`not (o.status <> 'done' and coalesce(o.deadline < ${today}, false))`,
    );
  if (q.q) where.push(sql`(o.content ilike ${`%${q.q}%`} or c.topic ilike ${`%${q.q}%`})`);
  const res =
    await db.execute(sql`select ${outcomeColumns(today)}, c.topic, c.status as "consultationStatus", count(*) over()::int as total
    from consultation_outcomes o join consultations c on c.id = o.consultation_id left join departments d on d.id = o.department_id
    where ${sql.join(where, sql` and `)}
    order by (o.status <> 'done' and o.deadline < ${today}) desc, o.deadline nulls last, o.id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total: _t, ...r }) => ({ ...r, abilities: outcomeAbilities(a, r) })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Public consultations: topic, meeting date, status, outcomes with department, progress, grade (no participants). */
export async function publicConsultations(db: DbOrTx, now: Date) {
  const today = chinaDateOf(now);
  const res = await db.execute(sql`select c.id, c.topic, c.status, c.meeting_at as "meetingAt",
    coalesce((select json_agg(json_build_object('id', o.id, 'content', o.content, 'departmentName', d.name,
      'deadline', o.deadline::text, 'progress', o.progress, 'status', o.status, 'grade', o.grade,
      'overdue', (o.status <> 'done' and o.deadline is not null and o.deadline < ${today})) order by o.id)
      from consultation_outcomes o left join departments d on d.id = o.department_id where o.consultation_id = c.id), '[]') as outcomes
    from consultations c where c.is_public and c.status <> 'planned'
    order by c.meeting_at desc nulls last, c.id desc limit 200`);
  return { items: res.rows };
}
