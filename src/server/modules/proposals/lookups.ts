// Pickers of the proposal form: the member's own items that may still become a proposal, and members to invite.
import { sql } from 'drizzle-orm';
import { AFTER_ACCEPTANCE } from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { seesOriginal } from '../opinions/scope.js';

/** Items the member raised, accepted and not yet escalated (what POST /proposals accepts in opinionIds). */
export async function sourceOptions(db: DbOrTx, a: Actor) {
  if (!a.memberId) return { items: [] };
  const res = await db.execute(sql`select o.id, o.title, o.status, o.received_at as "receivedAt" from opinions o
    where not o.is_escalated and o.status in (${sql.join(
      AFTER_ACCEPTANCE.map((s) => sql`${s}`),
      sql`,`,
    )})
      and exists (select 1 from opinion_originators oo where oo.opinion_id = o.id and oo.member_id = ${a.memberId})
      and ${seesOriginal(a)}
    order by o.received_at desc limit 200`);
  return { items: res.rows };
}

/** Active members other than the actor, by name (the committee roster a proposer picks co-signers from). */
export async function cosignerOptions(db: DbOrTx, a: Actor, q: string | undefined) {
  if (!a.memberId) return { items: [] };
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const res = await db.execute(sql`select m.id, m.name, g.name as "groupName" from members m
    left join liaison_groups g on g.id = m.group_id
    where m.active and m.id <> ${a.memberId} ${like ? sql`and m.name like ${like}` : sql``}
    order by m.name, m.id limit 50`);
  return { items: res.rows };
}
