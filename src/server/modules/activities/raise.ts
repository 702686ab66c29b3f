// 转为社情民意 from a contact activity: each opinion heard becomes one item linked to the activity, once per opinion.
import { sql } from 'drizzle-orm';
import { splitActivityOpinions } from '../../../core/activity-opinions.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import { mayActForMember } from '../common/scope.js';
import { createOpinion } from '../opinions/create.js';
import { opinionsVisible } from '../opinions/scope.js';

/** An item raised from (or linked to) the activity; id, title and status only when the actor may see the item. */
export interface RaisedItem {
  key: string | null;
  id: number | null;
  title: string | null;
  status: string | null;
}

/**
 * Who may raise items from an activity: those who may record it (admin, its member, their group leader), and only
 * roles that enter items at all (office staff, members).
 */
export function canRaise(a: Actor, row: { members: Array<{ id: number; groupId: number | null }> }): boolean {
  if (hasRole(a, 'admin')) return true;
  return hasRole(a, 'member') && row.members.some((m) => mayActForMember(a, m.groupId, m.id));
}

/** The items linked to an activity, oldest first: keyed ones mark their opinion as raised even when not visible. */
export async function loadRaised(db: DbOrTx, a: Actor, activityId: number): Promise<RaisedItem[]> {
  const res = await db.execute(sql`select o.id, o.activity_opinion_key as key, o.title, o.status,
      ${opinionsVisible(a)} as visible
    from opinions o where o.activity_id = ${activityId} order by o.id`);
  return (res.rows as any[]).flatMap((r) =>
    r.visible
      ? [{ key: r.key, id: r.id, title: r.title, status: r.status }]
      : r.key
        ? [{ key: r.key, id: null, title: null, status: null }]
        : [],
  );
}

/**
 * Raises the named opinions of an activity the actor may record, in the caller's transaction: each becomes an item
 * (channel 'activity', the activity's village, its members and representatives as originators) through the one
 * intake path, then takes the opinion's key, which the unique index (activity, key) allows once. `strict` refuses an
 * unknown or already raised key (the button); otherwise such keys are skipped (a visit synced from the phone).
 */
export async function raiseActivityOpinions(
  tx: Tx,
  a: Actor,
  activity: { id: number; opinions: string; members: Array<{ id: number; groupId: number | null }> },
  keys: string[],
  opts: { now: Date; ip?: string; strict: boolean },
): Promise<Array<{ key: string; id: number; title: string }>> {
  if (!canRaise(a, activity)) {
    if (opts.strict) throw new AppError('forbidden');
    return []; // a group leader who is not a member records the visit; the items are the office's or the member's to raise
  }
  const heard = new Map(splitActivityOpinions(activity.opinions).map((h) => [h.key, h]));
  const wanted = [...new Set(keys)];
  const taken = new Set(
    (
      await tx.execute(sql`select activity_opinion_key as key from opinions
        where activity_id = ${activity.id} and activity_opinion_key is not null`)
    ).rows.map((r: any) => r.key as string),
  );
  const out: Array<{ key: string; id: number; title: string }> = [];
  for (const key of wanted) {
    const h = heard.get(key);
    if (!h) {
      if (opts.strict) throw fieldError('keys', 'activity_opinion_missing');
      continue;
    }
    if (taken.has(key)) {
      if (opts.strict) throw new AppError('opinion_already_raised', { title: h.title });
      continue;
    }
    const { id } = await createOpinion(
      tx,
      a,
      {
        title: h.title,
        content: h.text,
        activityId: activity.id,
        originators: [],
        categoryId: null,
        regionId: null,
        sectorId: null,
        urgency: 'normal',
        confidentiality: 'normal',
      },
      { now: opts.now, ip: opts.ip },
    );
    await tx.execute(sql`update opinions set activity_opinion_key = ${key} where id = ${id}`);
    out.push({ key, id, title: h.title });
  }
  return out;
}
