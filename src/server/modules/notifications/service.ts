// The signed-in user's own in-app notifications (reminders, feedback): list unread first, mark read.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import type { Page } from '../common/schemas.js';
import { renderNotification } from './render.js';

/** One notification as the API returns it. */
export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  opinionId: number | null;
  readAt: string | null;
  createdAt: string;
}

/** A page of the user's notifications, unread first then newest first, with the unread count, worded in `lang`. */
export async function listNotifications(
  db: DbOrTx,
  userId: number,
  q: { page: number; pageSize: number; unreadOnly?: boolean },
  lang: Lang = 'zh',
): Promise<Page<NotificationRow> & { unread: number }> {
  const where = sql`n.user_id = ${userId} ${q.unreadOnly ? sql`and n.read_at is null` : sql``}`;
  const res = await db.execute(sql`select n.id::int as id, n.kind, n.title, n.body, n.link, n.opinion_id as "opinionId",
      n.data, n.read_at as "readAt", n.created_at as "createdAt"
    from notifications n where ${where}
    order by (n.read_at is null) desc, n.created_at desc, n.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const counts = await db.execute(sql`select count(*)::int as total,
      count(*) filter (where n.read_at is null)::int as unread
    from notifications n where ${where}`);
  const c = counts.rows[0] as { total: number; unread: number };
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  const items = (res.rows as any[]).map(({ data, ...r }) => ({
    ...r,
    ...renderNotification({ ...r, data }, lang),
    readAt: iso(r.readAt),
    createdAt: iso(r.createdAt),
  }));
  return { items, total: c.total, unread: c.unread, page: q.page, pageSize: q.pageSize };
}

/** Marks one of the user's notifications read (idempotent); someone else's or a missing one is a 404. */
export async function markRead(db: DbOrTx, userId: number, id: number, now: Date) {
  const res =
    await db.execute(sql`update notifications set read_at = coalesce(read_at, ${now.toISOString()}::timestamptz)
    where id = ${id} and user_id = ${userId} returning id`);
  if (res.rows.length === 0) throw notFound();
  return { ok: true };
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: DbOrTx, userId: number, now: Date) {
  const res = await db.execute(sql`update notifications set read_at = ${now.toISOString()}::timestamptz
    where user_id = ${userId} and read_at is null returning id`);
  return { updated: res.rows.length };
}
