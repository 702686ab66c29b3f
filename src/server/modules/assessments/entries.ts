// Manual evidence (meetings attended, training, unexcused absences …): admin CRUD, refused once the year is closed.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AssessmentSource, MANUAL_SOURCES } from '../../../core/assessment/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError, notFound } from '../../errors.js';
import { loadYear, lockOpenYear, readsAll, requireManager, requireReader } from './access.js';
import { recordEvent } from './events.js';
import type { entriesQuery, entryBody, entryPatch } from './schema.js';

const present = (r: any) => ({
  id: Number(r.id),
  year: Number(r.year),
  ruleId: Number(r.rule_id),
  ruleName: r.rule_name,
  memberId: Number(r.member_id),
  memberName: r.member_name,
  date: String(r.date).slice(0, 10),
  quantity: Number(r.quantity),
  evidence: r.evidence,
});

const select = sql`select e.*, e.date::text as date, r.name as rule_name, m.name as member_name from assessment_entries e
  join assessment_rules r on r.id = e.rule_id join members m on m.id = e.member_id`;

/** Entries of a year (admin and leaders), newest first. */
export async function listEntries(db: DbOrTx, a: Actor, year: number, q: z.infer<typeof entriesQuery>) {
  requireReader(a);
  if (!readsAll(a)) throw notFound();
  await loadYear(db, year);
  const rows = (
    await db.execute(sql`${select} where e.year = ${year}
      ${q.memberId ? sql`and e.member_id = ${q.memberId}` : sql``} ${q.ruleId ? sql`and e.rule_id = ${q.ruleId}` : sql``}
      order by e.date desc, e.id desc limit 2000`)
  ).rows as any[];
  return { items: rows.map(present) };
}

async function checkRefs(tx: DbOrTx, year: number, ruleId: number, memberId: number) {
  const [r] = (await tx.execute(sql`select source from assessment_rules where id = ${ruleId} and year = ${year}`))
    .rows as Array<{ source: AssessmentSource }>;
  if (!r || !MANUAL_SOURCES.has(r.source)) throw fieldError('ruleId', 'code_unknown');
  const [m] = (await tx.execute(sql`select 1 from members where id = ${memberId}`)).rows;
  if (!m) throw fieldError('memberId', 'member_missing');
}

async function loadEntry(tx: DbOrTx, year: number, id: number) {
  const [row] = (await tx.execute(sql`${select} where e.id = ${id} and e.year = ${year}`)).rows as any[];
  if (!row) throw notFound();
  return present(row);
}

/** Adds a manual entry with its evidence text. */
export async function createEntry(tx: DbOrTx, a: Actor, year: number, b: z.infer<typeof entryBody>, ip: string) {
  requireManager(a);
  await lockOpenYear(tx, year);
  await checkRefs(tx, year, b.ruleId, b.memberId);
  const [row] = (
    await tx.execute(sql`insert into assessment_entries (year, rule_id, member_id, date, quantity, evidence, created_by)
      values (${year}, ${b.ruleId}, ${b.memberId}, ${b.date}, ${b.quantity}, ${b.evidence}, ${a.userId}) returning id`)
  ).rows as any[];
  const after = await loadEntry(tx, year, Number(row.id));
  await writeAudit(tx, a, { action: 'create', entity: 'assessment_entry', entityId: after.id, after }, ip);
  await recordEvent(tx, a, 'assessment_entry', after.id, 'created', after);
  return after;
}

/** Changes a manual entry. */
export async function updateEntry(
  tx: DbOrTx,
  a: Actor,
  year: number,
  id: number,
  b: z.infer<typeof entryPatch>,
  ip: string,
) {
  requireManager(a);
  await lockOpenYear(tx, year);
  const before = await loadEntry(tx, year, id);
  const next = { ...before, ...b };
  await checkRefs(tx, year, next.ruleId, next.memberId);
  await tx.execute(sql`update assessment_entries set rule_id = ${next.ruleId}, member_id = ${next.memberId},
    date = ${next.date}, quantity = ${next.quantity}, evidence = ${next.evidence} where id = ${id}`);
  const after = await loadEntry(tx, year, id);
  await writeAudit(tx, a, { action: 'update', entity: 'assessment_entry', entityId: id, before, after }, ip);
  await recordEvent(tx, a, 'assessment_entry', id, 'updated', { before, after });
  return after;
}

/** Removes a manual entry. */
export async function deleteEntry(tx: DbOrTx, a: Actor, year: number, id: number, ip: string) {
  requireManager(a);
  await lockOpenYear(tx, year);
  const before = await loadEntry(tx, year, id);
  await tx.execute(sql`delete from assessment_entries where id = ${id}`);
  await writeAudit(tx, a, { action: 'delete', entity: 'assessment_entry', entityId: id, before }, ip);
  await recordEvent(tx, a, 'assessment_entry', id, 'deleted', before);
  return { ok: true };
}
