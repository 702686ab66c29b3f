// Appends a record_events row (the timeline of appeals, entries, schemes) in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';

/** One typed event of an assessment record. */
export async function recordEvent(
  tx: DbOrTx,
  a: Actor,
  entity: string,
  entityId: number,
  type: string,
  payload: unknown = {},
): Promise<void> {
  await tx.execute(sql`insert into record_events (entity, entity_id, type, payload, actor_user_id, actor_name)
    values (${entity}, ${entityId}, ${type}, ${JSON.stringify(payload)}::jsonb, ${a.userId}, ${`${a.displayName}(${a.username})`})`);
}
