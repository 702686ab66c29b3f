// Who sees and runs which reception day: staff all, leaders read all, members their own days, group leaders their group's.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { recordEvents } from '../../db/schema.js';
import { memberIdsVisible } from '../common/scope.js';

/** SQL condition on reception days (alias d): one of the members present is visible to the actor. */
export function daysVisible(a: Actor) {
  if (hasRole(a, 'admin', 'leader')) return sql`true`;
  return sql`exists (select 1 from reception_day_members dm where dm.reception_day_id = d.id and ${memberIdsVisible(a, 'dm.member_id')})`;
}

/** Staff run any day; a member runs the days they are present at (schedule, edit, check in, record, close). */
export function mayRunDay(a: Actor, memberIds: number[]): boolean {
  if (hasRole(a, 'admin')) return true;
  return hasRole(a, 'member') && a.memberId !== null && memberIds.includes(a.memberId);
}

/** Appends one event to a reception day's timeline. */
export async function dayEvent(
  tx: DbOrTx,
  a: Actor | null,
  dayId: number,
  type: string,
  payload: Record<string, unknown>,
  at: Date,
) {
  await tx.insert(recordEvents).values({
    entity: 'reception_day',
    entityId: dayId,
    type,
    payload,
    actorUserId: a?.userId ?? null,
    actorName: a?.displayName ?? '',
    at,
  });
}
