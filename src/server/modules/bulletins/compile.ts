// Putting one 社情民意 item into an existing draft issue: the item page's 编入《社情民意》 picks the issue, and the item's
// compile_into_bulletin transition calls this so the issue really lists it. It never imports the opinions module.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { recordEvents } from '../../db/schema.js';
import { AppError, fieldError } from '../../errors.js';

/**
 * Links the item to a draft issue (office staff): 400 on `bulletinId` unless it is a draft, the one-topic rule
 * (`bulletin_mixed_topics`) when the item's top category differs from the issue's; already linked is a no-op.
 */
export async function addItemToDraft(tx: Tx, a: Actor, bulletinId: number, opinionId: number, now: Date) {
  const b = await tx.execute(sql`select b.id, b.status, coalesce(c.parent_id, c.id) as "top", t.name as "topName"
    from bulletins b left join opinion_categories c on c.id = b.category_id
    left join opinion_categories t on t.id = coalesce(c.parent_id, c.id)
    where b.id = ${bulletinId} for update of b`);
  const row = b.rows[0] as { status: string; top: number | null; topName: string | null } | undefined;
  if (row?.status !== 'draft') throw fieldError('bulletinId', 'bulletin_not_draft');
  const it = await tx.execute(sql`select coalesce(c.parent_id, c.id) as "top", t.name as "topName"
    from opinions o join opinion_categories c on c.id = o.category_id
    join opinion_categories t on t.id = coalesce(c.parent_id, c.id) where o.id = ${opinionId}`);
  const item = it.rows[0] as { top: number; topName: string } | undefined;
  if (item && row.top !== null && item.top !== row.top)
    throw new AppError('bulletin_mixed_topics', { names: `${row.topName}、${item.topName}` });
  const added = await tx.execute(sql`insert into bulletin_items (bulletin_id, opinion_id)
    values (${bulletinId}, ${opinionId}) on conflict do nothing returning opinion_id`);
  if (!added.rows.length) return;
  await tx.insert(recordEvents).values({
    entity: 'bulletin',
    entityId: bulletinId,
    type: 'add_item',
    payload: { opinionId },
    actorUserId: a.userId,
    actorName: a.displayName,
    at: now,
  });
}
