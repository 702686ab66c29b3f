// Consultations: list and read in scope, and the office's writes (meeting, participants, minutes, status steps).
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { consultationParticipants, consultations } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { presentPerson } from '../common/present-person.js';
import {
  CONSULTATION_STATUSES,
  type ConsultationInput,
  type ConsultationListQuery,
  type ConsultationPatch,
  type ParticipantInput,
} from './schema.js';
import { consultationEvent, consultationsVisible, handlerDept, outcomesVisible } from './scope.js';

const columns = sql`c.id, c.topic, c.description, c.status, c.meeting_at as "meetingAt", c.place, c.is_public as "isPublic",
  c.created_at as "createdAt"`;

/** Outcome columns (alias o, department d), with the overdue flag by the China date of `today`. */
export const outcomeColumns = (today: string) => sql`o.id, o.consultation_id as "consultationId", o.content,
  o.department_id as "departmentId", d.name as "departmentName", o.deadline::text as deadline, o.progress, o.status, o.grade,
  o.updated_at as "updatedAt", (o.status <> 'done' and o.deadline is not null and o.deadline < ${today}) as overdue`;

/** What the actor may do with an outcome. */
export function outcomeAbilities(a: Actor, o: { departmentId: number | null; status: string; grade: string | null }) {
  const admin = hasRole(a, 'admin');
  const handles = admin || (handlerDept(a) !== null && handlerDept(a) === o.departmentId);
  return {
    canEdit: admin && o.status !== 'done',
    canProgress: handles && o.status !== 'done',
    canGrade: admin && o.status === 'done',
  };
}

/** Lists consultations in scope, newest meeting first, with outcome counts. */
export async function listConsultations(db: DbOrTx, a: Actor, q: ConsultationListQuery, now: Date) {
  const where = [consultationsVisible(a)];
  if (q.status) where.push(sql`c.status = ${q.status}`);
  if (q.q) where.push(sql`c.topic ilike ${`%${q.q}%`}`);
  const today = chinaDateOf(now);
  const res = await db.execute(sql`select ${columns},
    (select count(*)::int from consultation_outcomes o where o.consultation_id = c.id and ${outcomesVisible(a)}) as "outcomeCount",
    (select count(*)::int from consultation_outcomes o where o.consultation_id = c.id and ${outcomesVisible(a)} and o.status = 'done') as "doneCount",
    (select count(*)::int from consultation_outcomes o where o.consultation_id = c.id and ${outcomesVisible(a)}
      and o.status <> 'done' and o.deadline < ${today}) as "overdueCount",
    count(*) over()::int as total
    from consultations c where ${sql.join(where, sql` and `)}
    order by c.meeting_at desc nulls first, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One consultation with participants, minutes, outcomes (with their timelines) and its own timeline; 404 outside scope. */
export async function loadConsultation(db: DbOrTx, a: Actor, id: number, now: Date) {
  const res = await db.execute(sql`select ${columns}, c.agenda, c.minutes from consultations c
    where c.id = ${id} and ${consultationsVisible(a)}`);
  const row = res.rows[0] as any;
  if (!row) throw notFound();
  const people =
    await db.execute(sql`select p.id, p.kind, p.member_id as "memberId", p.representative_id as "representativeId",
    p.department_id as "departmentId", p.attended, coalesce(m.name, r.name, d.name, p.name) as name
    from consultation_participants p left join members m on m.id = p.member_id
    left join representatives r on r.id = p.representative_id left join departments d on d.id = p.department_id
    where p.consultation_id = ${id} order by p.id`);
  const outs = await db.execute(sql`select ${outcomeColumns(chinaDateOf(now))},
    coalesce((select json_agg(json_build_object('id', e.id, 'type', e.type, 'payload', e.payload, 'actorName', e.actor_name, 'at', e.at)
      order by e.at, e.id) from record_events e where e.entity = 'consultation_outcome' and e.entity_id = o.id), '[]') as events
    from consultation_outcomes o left join departments d on d.id = o.department_id
    where o.consultation_id = ${id} and ${outcomesVisible(a)} order by o.id`);
  const events = await db.execute(sql`select id, type, payload, actor_name as "actorName", at from record_events
    where entity = 'consultation' and entity_id = ${id} order by at, id`);
  const admin = hasRole(a, 'admin');
  return {
    ...row,
    participants: (people.rows as any[]).map((p) =>
      p.kind === 'representative' || p.kind === 'citizen' ? presentPerson(a, p.kind, p) : p,
    ),
    outcomes: (outs.rows as any[]).map((o) => ({ ...o, abilities: outcomeAbilities(a, o) })),
    events: events.rows,
    abilities: {
      canEdit: admin && row.status !== 'completed',
      canAddOutcome: admin && row.status !== 'completed',
      nextStatus: admin ? (CONSULTATION_STATUSES[CONSULTATION_STATUSES.indexOf(row.status) + 1] ?? null) : null,
    },
  };
}

/** Checks that every participant names an existing record of its kind, or a name for citizens. */
async function participantRows(tx: DbOrTx, list: ParticipantInput[]) {
  const rows = list.map((p) => ({
    kind: p.kind,
    memberId: p.kind === 'member' ? (p.memberId ?? null) : null,
    representativeId: p.kind === 'representative' ? (p.representativeId ?? null) : null,
    departmentId: p.kind === 'department' ? (p.departmentId ?? null) : null,
    name: p.name,
    attended: p.attended,
  }));
  const ids = (k: 'memberId' | 'representativeId' | 'departmentId') =>
    sql`array[${sql.join(
      [0, ...rows.flatMap((r) => (r[k] ? [r[k] as number] : []))].map((x) => sql`${x}`),
      sql`,`,
    )}]::int[]`;
  const res = await tx.execute(sql`select
    (select count(*)::int from members where id = any(${ids('memberId')})) as m,
    (select count(*)::int from representatives where id = any(${ids('representativeId')})) as r,
    (select count(*)::int from departments where id = any(${ids('departmentId')})) as d`);
  const f = res.rows[0] as { m: number; r: number; d: number };
  const want = (k: 'memberId' | 'representativeId' | 'departmentId') =>
    new Set(rows.map((r) => r[k]).filter(Boolean)).size;
  const missing = rows.some(
    (r) =>
      (r.kind === 'member' && !r.memberId) ||
      (r.kind === 'representative' && !r.representativeId) ||
      (r.kind === 'department' && !r.departmentId) ||
      (r.kind === 'citizen' && !r.name),
  );
  if (missing || f.m !== want('memberId')) throw fieldError('participants', 'member_missing');
  if (f.r !== want('representativeId')) throw fieldError('participants', 'contact_not_yours');
  if (f.d !== want('departmentId')) throw fieldError('participants', 'department_missing');
  return rows;
}

/** Records a consultation (office staff only). */
export async function createConsultation(tx: DbOrTx, a: Actor, input: ConsultationInput, now: Date, ip = '') {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const { participants, meetingAt, ...fields } = input;
  const people = await participantRows(tx, participants);
  const [row] = await tx
    .insert(consultations)
    .values({
      ...fields,
      meetingAt: meetingAt ? new Date(meetingAt) : null,
      createdBy: a.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (people.length)
    await tx.insert(consultationParticipants).values(people.map((p) => ({ ...p, consultationId: row.id })));
  await consultationEvent(tx, a, 'consultation', row.id, 'created', { topic: row.topic }, now);
  await writeAudit(tx, a, { action: 'create', entity: 'consultation', entityId: row.id, after: input }, ip);
  return row.id;
}

async function editable(tx: DbOrTx, a: Actor, id: number, now: Date) {
  const before = await loadConsultation(tx, a, id, now);
  if (!hasRole(a, 'admin')) throw notFound();
  if (before.status === 'completed') throw new AppError('consultation_state', { status: before.status });
  return before;
}

/** Edits a consultation that is not completed; participants given replace the list. */
export async function updateConsultation(
  tx: DbOrTx,
  a: Actor,
  id: number,
  input: ConsultationPatch,
  now: Date,
  ip = '',
) {
  const before = await editable(tx, a, id, now);
  const { participants, meetingAt, ...fields } = input;
  if (participants) {
    const people = await participantRows(tx, participants);
    await tx.delete(consultationParticipants).where(eq(consultationParticipants.consultationId, id));
    if (people.length)
      await tx.insert(consultationParticipants).values(people.map((p) => ({ ...p, consultationId: id })));
  }
  const set: Record<string, unknown> = { ...fields, updatedAt: now };
  if (meetingAt !== undefined) set.meetingAt = meetingAt ? new Date(meetingAt) : null;
  await tx.update(consultations).set(set).where(eq(consultations.id, id));
  await consultationEvent(tx, a, 'consultation', id, 'updated', { fields: Object.keys(input) }, now);
  const after = await loadConsultation(tx, a, id, now);
  await writeAudit(tx, a, { action: 'update', entity: 'consultation', entityId: id, before, after }, ip);
  return after;
}

/** Moves a consultation one step on; completing it needs every outcome done. */
export async function advanceConsultation(tx: DbOrTx, a: Actor, id: number, status: string, now: Date, ip = '') {
  const before = await editable(tx, a, id, now);
  if (before.abilities.nextStatus !== status) throw new AppError('consultation_state', { status: before.status });
  if (status === 'completed' && before.outcomes.some((o: any) => o.status !== 'done'))
    throw new AppError('consultation_state', { status: before.status });
  await tx.update(consultations).set({ status, updatedAt: now }).where(eq(consultations.id, id));
  await consultationEvent(tx, a, 'consultation', id, 'status', { from: before.status, to: status }, now);
  await writeAudit(
    tx,
    a,
    { action: 'status', entity: 'consultation', entityId: id, before: { status: before.status }, after: { status } },
    ip,
  );
  return loadConsultation(tx, a, id, now);
}
