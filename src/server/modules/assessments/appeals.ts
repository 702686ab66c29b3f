// Appeals: a member raises one on a line of their own open-year score; staff accept (with an adjustment) or reject.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { loadYear, lockOpenYear, readsAll, requireManager, requireMemberVisible, requireReader } from './access.js';
import { recordEvent } from './events.js';
import type { appealBody, decisionBody } from './schema.js';

const present = (r: any) => ({
  id: Number(r.id),
  year: Number(r.year),
  memberId: Number(r.member_id),
  memberName: r.member_name,
  ruleId: Number(r.rule_id),
  ruleName: r.rule_name,
  reason: r.reason,
  status: r.status as 'pending' | 'accepted' | 'rejected',
  adjustment: Number(r.adjustment),
  decision: r.decision,
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
});
const select = sql`select p.*, r.name as rule_name, m.name as member_name from assessment_appeals p
  join assessment_rules r on r.id = p.rule_id join members m on m.id = p.member_id`;

/** Appeals of a year: staff and leaders all, a member (or group leader) their own / their group's, or one member's. */
export async function listAppeals(
  db: DbOrTx,
  a: Actor,
  year: number,
  memberId?: number,
  status?: 'pending' | 'accepted' | 'rejected',
) {
  requireReader(a);
  await loadYear(db, year);
  if (memberId) await requireMemberVisible(db, a, memberId);
  const scope = readsAll(a)
    ? sql`true`
    : hasRole(a, 'group_leader') && a.groupId
      ? sql`(p.member_id = ${a.memberId ?? 0} or m.group_id = ${a.groupId})`
      : sql`p.member_id = ${a.memberId ?? 0}`;
  const rows = (
    await db.execute(sql`${select} where p.year = ${year} and ${scope}
      ${memberId ? sql`and p.member_id = ${memberId}` : sql``} ${status ? sql`and p.status = ${status}` : sql``} order by p.created_at desc, p.id desc`)
  ).rows as any[];
  return {
    items: rows.map((r) => ({
      ...present(r),
      abilities: { canDecide: hasRole(a, 'admin') && r.status === 'pending' },
    })),
  };
}

/** A member's appeal against one line of their own score. */
export async function createAppeal(tx: DbOrTx, a: Actor, year: number, b: z.infer<typeof appealBody>, ip: string) {
  requireReader(a);
  if (!a.memberId) throw notFound();
  await lockOpenYear(tx, year);
  const [rule] = (await tx.execute(sql`select id from assessment_rules where id = ${b.ruleId} and year = ${year}`))
    .rows;
  if (!rule) throw fieldError('ruleId', 'code_unknown');
  const [row] = (
    await tx.execute(sql`insert into assessment_appeals (year, member_id, rule_id, reason)
      values (${year}, ${a.memberId}, ${b.ruleId}, ${b.reason}) returning id`)
  ).rows as any[];
  const id = Number(row.id);
  const [after] = (await tx.execute(sql`${select} where p.id = ${id}`)).rows.map(present);
  await writeAudit(tx, a, { action: 'create', entity: 'assessment_appeal', entityId: id, after }, ip);
  await recordEvent(tx, a, 'assessment_appeal', id, 'raised', { ruleId: b.ruleId, reason: b.reason });
  return after;
}

/** Staff decide a pending appeal; an accepted one adds its adjustment to the line. */
export async function decideAppeal(
  tx: DbOrTx,
  a: Actor,
  year: number,
  id: number,
  b: z.infer<typeof decisionBody>,
  ip: string,
) {
  requireManager(a);
  await lockOpenYear(tx, year);
  const [row] = (await tx.execute(sql`${select} where p.id = ${id} and p.year = ${year} for update of p`))
    .rows as any[];
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('conflict');
  const status = b.decision === 'accept' ? 'accepted' : 'rejected';
  const adjustment = b.decision === 'accept' ? b.adjustment : 0;
  await tx.execute(sql`update assessment_appeals set status = ${status}, adjustment = ${adjustment},
    decision = ${b.text}, decided_by = ${a.userId}, decided_at = now() where id = ${id}`);
  const [after] = (await tx.execute(sql`${select} where p.id = ${id}`)).rows.map(present);
  await writeAudit(
    tx,
    a,
    { action: 'update', entity: 'assessment_appeal', entityId: id, before: present(row), after },
    ip,
  );
  await recordEvent(tx, a, 'assessment_appeal', id, status, { adjustment, text: b.text });
  return after;
}
