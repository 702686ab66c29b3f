// What followed an issued bulletin: 采用 by a committee level or a leader's 批示, recorded, edited and removed by staff.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { OutcomeInput } from './schema.js';
import { BULLETIN_STATUS_LABEL, bulletinEvent } from './service.js';

type Opts = { now: Date; ip?: string };

/** Locks an issued bulletin for an outcome write: 404 outside staff/leaders, 403 for leaders, 409 before issue. */
async function lockIssued(tx: Tx, a: Actor, id: number) {
  if (!hasRole(a, 'admin', 'leader')) throw notFound();
  const res = await tx.execute(sql`select id, status from bulletins where id = ${id} for update`);
  const b = res.rows[0] as { id: number; status: keyof typeof BULLETIN_STATUS_LABEL } | undefined;
  if (!b) throw notFound();
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  if (b.status !== 'issued')
    throw new AppError('bulletin_not_issued', { status: b.status, statusLabel: BULLETIN_STATUS_LABEL[b.status] });
}

const columns = (o: OutcomeInput) => ({
  level: o.kind === 'adoption' ? o.level : null,
  leaderName: o.kind === 'instruction' ? o.leaderName : '',
  text: o.text ?? '',
});

/** Records one outcome; returns its id. */
export async function addOutcome(tx: Tx, a: Actor, id: number, o: OutcomeInput, opts: Opts) {
  await lockIssued(tx, a, id);
  const c = columns(o);
  const res = await tx.execute(sql`insert into bulletin_outcomes (bulletin_id, kind, level, leader_name, date, text,
    follow_up, created_by) values (${id}, ${o.kind}, ${c.level}, ${c.leaderName}, ${o.date}, ${c.text}, ${o.followUp},
    ${a.userId}) returning id`);
  const outcomeId = (res.rows[0] as { id: number }).id;
  await bulletinEvent(tx, a, id, 'outcome_add', { outcomeId, ...o }, opts.now);
  await writeAudit(tx, a, { action: 'create', entity: 'bulletin_outcome', entityId: outcomeId, after: o }, opts.ip);
  return outcomeId;
}

/** Loads an outcome of this bulletin (404 when it belongs to another). */
async function loadOutcome(tx: Tx, id: number, outcomeId: number) {
  const res = await tx.execute(sql`select id, kind, level, leader_name as "leaderName", date::text as date, text,
    follow_up as "followUp" from bulletin_outcomes where id = ${outcomeId} and bulletin_id = ${id} for update`);
  const row = res.rows[0];
  if (!row) throw notFound();
  return row;
}

/** Replaces one outcome's fields. */
export async function editOutcome(tx: Tx, a: Actor, id: number, outcomeId: number, o: OutcomeInput, opts: Opts) {
  await lockIssued(tx, a, id);
  const before = await loadOutcome(tx, id, outcomeId);
  const c = columns(o);
  await tx.execute(sql`update bulletin_outcomes set kind = ${o.kind}, level = ${c.level}, leader_name = ${c.leaderName},
    date = ${o.date}, text = ${c.text}, follow_up = ${o.followUp} where id = ${outcomeId}`);
  await bulletinEvent(tx, a, id, 'outcome_edit', { outcomeId, ...o }, opts.now);
  await writeAudit(
    tx,
    a,
    { action: 'update', entity: 'bulletin_outcome', entityId: outcomeId, before, after: o },
    opts.ip,
  );
}

/** Removes one outcome. */
export async function deleteOutcome(tx: Tx, a: Actor, id: number, outcomeId: number, opts: Opts) {
  await lockIssued(tx, a, id);
  const before = await loadOutcome(tx, id, outcomeId);
  await tx.execute(sql`delete from bulletin_outcomes where id = ${outcomeId}`);
  await bulletinEvent(tx, a, id, 'outcome_delete', { outcomeId }, opts.now);
  await writeAudit(tx, a, { action: 'delete', entity: 'bulletin_outcome', entityId: outcomeId, before }, opts.ip);
}
