// Who sees which consultation: staff, leaders and members all; department handlers those with outcomes for their unit.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { recordEvents } from '../../db/schema.js';

/** Whether the actor reads every consultation. */
export const readsAll = (a: Actor) => hasRole(a, 'admin', 'leader', 'member', 'group_leader');

/** The department a handler acts for, or null. */
export const handlerDept = (a: Actor) => (hasRole(a, 'dept_handler') && a.departmentId ? a.departmentId : null);

/** SQL condition on consultations (alias c). */
export function consultationsVisible(a: Actor) {
  if (readsAll(a)) return sql`true`;
  const dept = handlerDept(a);
  if (!dept) return sql`false`;
  return sql`exists (select 1 from consultation_outcomes o2 where o2.consultation_id = c.id and o2.department_id = ${dept})`;
}

/** SQL condition on outcomes (alias o): handlers who read only through their department see their own outcomes. */
export function outcomesVisible(a: Actor) {
  if (readsAll(a)) return sql`true`;
  const dept = handlerDept(a);
  return dept ? sql`o.department_id = ${dept}` : sql`false`;
}

/** Appends an event to a consultation's or an outcome's timeline. */
export async function consultationEvent(
  tx: DbOrTx,
  a: Actor,
  entity: 'consultation' | 'consultation_outcome',
  entityId: number,
  type: string,
  payload: Record<string, unknown>,
  at: Date,
) {
  await tx.insert(recordEvents).values({
    entity,
    entityId,
    type,
    payload,
    actorUserId: a.userId,
    actorName: a.displayName,
    at,
  });
}
