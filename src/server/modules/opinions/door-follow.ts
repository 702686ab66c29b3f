// "我也反映这个问题": the citizen's new item is recorded as usual and, in the same transaction, merged into the open item
// they chose at the door — the office's merge (status merged, merge event, merged_in on the target, originators moved
// over, KPI rollups), so the tracking page shows it merged, the KPIs count the matter once, and the target's feedback
// reaches the citizen (reminders/feedback.ts notifies every originator of the target).
import { sql } from 'drizzle-orm';
import type { OpinionActor, OpinionStatus } from '../../../core/opinions/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { opinionEvents } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { refreshKpiItems } from '../kpis/rollups.js';
import { OPEN_STATUSES } from './door.js';
import { openRef } from './door-ref.js';
import { applyTransition, moveOriginators } from './transition.js';

/**
 * The lifecycle's merge is the office's move (roles: admin). The door offers only open public items and the office's
 * rule for a fresh item (received → merged) is what is applied, so core is asked with the office's role; the merge event
 * says a citizen did it (actor kind citizen, no user); its audit row is the transition's.
 */
const OFFICE_RULE: OpinionActor = { kind: 'user', roles: ['admin'] };

/**
 * Merges the just-recorded item `sourceId` into `targetId` when the target is still open and public (locked first);
 * false, with nothing changed, when it was closed, merged or made internal meanwhile (the citizen's item then stays a
 * normal submission).
 */
export async function followInto(
  tx: Tx,
  sourceId: number,
  targetId: number,
  opts: { now: Date; lang: Lang; ip?: string },
): Promise<boolean> {
  const t = await tx.execute(sql`select id, status from opinions where id = ${targetId} and id <> ${sourceId}
    and confidentiality = 'normal' for update`);
  const target = t.rows[0] as { id: number; status: OpinionStatus } | undefined;
  if (!target || !OPEN_STATUSES.includes(target.status)) return false;
  await moveOriginators(tx, sourceId, targetId);
  await tx.insert(opinionEvents).values({
    opinionId: targetId,
    type: 'merged_in',
    fromStatus: target.status,
    toStatus: target.status,
    payload: { sourceId, followed: true },
    actorUserId: null,
    actorKind: 'citizen',
    actorName: '',
    at: opts.now,
  });
  await refreshKpiItems(tx, [targetId]);
  await applyTransition(
    tx,
    { kind: 'citizen' },
    { id: sourceId, status: 'received' },
    OFFICE_RULE,
    { action: 'merge', targetId, note: '' },
    opts,
  );
  return true;
}

/** The item a submitted followRef names; a 400 in the citizen's language when the ref is altered or expired. */
export async function followTarget(db: DbOrTx, ref: string, now: Date): Promise<number> {
  const opened = await openRef(db, ref, now);
  if ('error' in opened) throw new AppError('follow_ref_invalid', {}, { reason: opened.error });
  return opened.id;
}

/** Whether the item behind a tracking code was merged at submission (a repeat of the form answers the same). */
export async function followedOf(db: DbOrTx, trackingCode: string): Promise<boolean> {
  const res = await db.execute(
    sql`select status = 'merged' as merged from opinions where tracking_code = ${trackingCode}`,
  );
  return (res.rows[0] as { merged: boolean } | undefined)?.merged === true;
}
