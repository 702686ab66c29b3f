// 督办 reminders: finds items whose acceptance or department deadline is near or past and notifies the people on it.
import { sql } from 'drizzle-orm';
import {
  type Calendar,
  chinaInstant,
  DEFAULT_WORKDAY,
  shiftDate,
  toChinaDate,
  workingDaysBetween,
  workingHoursBetween,
} from '../../../core/calendar/index.js';
import type { Db, Tx } from '../../db/client.js';
import { loadCalendar } from '../opinions/calendar.js';
import { type ReminderData, type ReminderKind, renderReminder } from './texts.js';

/** The four reminder kinds; also the notifications.kind written. */
export type { ReminderKind };

/** Near-due thresholds: acceptance within 2 working hours, the department's deadline within 2 working days. */
export const NEAR_DUE = Object.freeze({ acceptHours: 2, replyDays: 2 });

/** One reminder to write: the item, its kind, the deadline it is about and since when it applies (dedupe window). */
export interface ReminderHit {
  opinionId: number;
  title: string;
  kind: ReminderKind;
  dueAt: Date;
  windowStart: Date;
  leadDepartmentId: number | null;
  /** Overdue kinds: whole working days past the deadline's date (0 on the day itself). */
  overdueDays?: number;
}

// Any instant older than this is before every reminder of an item, so accept reminders are effectively once per item.
const EPOCH = new Date(0);

/** The first instant at which a department deadline counts as "within 2 working days" (start of that China day). */
export function replyWindowStart(deadline: string, cal: Calendar): Date {
  let d = deadline;
  for (let i = 0; i < 60 && workingDaysBetween(shiftDate(d, -1), deadline, cal) <= NEAR_DUE.replyDays; i++) {
    d = shiftDate(d, -1);
  }
  return chinaInstant(d, '00:00');
}

/** Pure classification of one candidate row at an instant; null when no reminder applies. */
export function classify(
  row: {
    id: number;
    title: string;
    status: string;
    acceptDueAt: Date | null;
    deadline: string | null;
    leadDepartmentId: number | null;
  },
  now: Date,
  cal: Calendar,
): ReminderHit | null {
  const base = { opinionId: row.id, title: row.title, leadDepartmentId: row.leadDepartmentId };
  if (row.status === 'received' && row.acceptDueAt) {
    const due = row.acceptDueAt;
    if (now > due) {
      const overdueDays = Math.max(0, workingDaysBetween(toChinaDate(due), toChinaDate(now), cal));
      return { ...base, kind: 'accept_overdue', dueAt: due, windowStart: EPOCH, overdueDays };
    }
    if (workingHoursBetween(now, due, cal) <= NEAR_DUE.acceptHours)
      return { ...base, kind: 'accept_due_soon', dueAt: due, windowStart: EPOCH };
    return null;
  }
  if ((row.status === 'forwarded' || row.status === 'returned_for_rework') && row.deadline) {
    const due = chinaInstant(row.deadline, DEFAULT_WORKDAY.end);
    if (now > due) {
      const overdueDays = Math.max(0, workingDaysBetween(row.deadline, toChinaDate(now), cal));
      return { ...base, kind: 'reply_overdue', dueAt: due, windowStart: due, overdueDays };
    }
    if (workingDaysBetween(toChinaDate(now), row.deadline, cal) <= NEAR_DUE.replyDays)
      return { ...base, kind: 'reply_due_soon', dueAt: due, windowStart: replyWindowStart(row.deadline, cal) };
  }
  return null;
}

/** Items that may need a reminder: received with an acceptance clock, or with a department and a deadline. */
async function candidates(tx: Tx, now: Date) {
  const horizon = new Date(now.getTime() + 30 * 86_400_000);
  // A confidential item's reminder names only its redacted copy (a department reads it; unnamed office staff get none).
  const res = await tx.execute(sql`select o.id, o.status, o.accept_due_at as "acceptDueAt",
      case when o.confidentiality = 'confidential' then coalesce(nullif(o.redacted_title, ''), '—') else o.title end as title,
      o.deadline::text as deadline, o.lead_department_id as "leadDepartmentId"
    from opinions o
    where (o.status = 'received' and o.accept_due_at is not null and o.accept_due_at <= ${horizon.toISOString()}::timestamptz)
       or (o.status in ('forwarded','returned_for_rework') and o.deadline is not null
           and o.deadline <= ${toChinaDate(horizon)}::date)
    order by o.id`);
  return (res.rows as any[]).map((r) => ({ ...r, acceptDueAt: r.acceptDueAt ? new Date(r.acceptDueAt) : null }));
}

/** The notification's parameters: rendered in the reader's language when listed (notifications/render.ts). */
export function reminderData(h: ReminderHit): ReminderData {
  return {
    title: h.title,
    dueAt: h.dueAt.toISOString(),
    ...(h.overdueDays ? { overdueDays: h.overdueDays } : {}),
  };
}

/**
 * Writes the reminders due at `now`: an in-app notification to every active admin and, for department deadlines,
 * to the lead department's handlers. Scans serialize on a transaction advisory lock and skip a reminder whose kind
 * already exists for the item inside the current window, so a reminder exists once however many processes scan.
 */
export async function scanDeadlines(db: Db, now: Date): Promise<{ hits: number; created: number }> {
  const cal = await loadCalendar(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jielian:reminders'))`);
    const hits = (await candidates(tx, now)).map((r) => classify(r, now, cal)).filter((h) => h !== null);
    let created = 0;
    for (const h of hits) {
      const dept = h.kind.startsWith('reply') && h.leadDepartmentId ? h.leadDepartmentId : null;
      const data = reminderData(h);
      const text = renderReminder(h.kind, data, 'zh'); // stored as well, for readers of the table itself
      const res =
        await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, opinion_id, data, created_at)
        select u.id, ${h.kind}::text, ${text.title}::text, ${text.body}::text, ${`/opinions/${h.opinionId}`}::text,
          ${h.opinionId}::int, ${JSON.stringify(data)}::jsonb, ${now.toISOString()}::timestamptz
        from users u
        where u.active and (('admin' = any(u.roles) and ((select confidentiality from opinions where id = ${h.opinionId}::int) <> 'confidential'
            or exists (select 1 from opinion_named_staff ns where ns.opinion_id = ${h.opinionId}::int and ns.user_id = u.id)))
          or (${dept}::int is not null and 'dept_handler' = any(u.roles) and u.department_id = ${dept}::int))
          and not exists (select 1 from notifications n where n.opinion_id = ${h.opinionId} and n.kind = ${h.kind}
            and n.created_at >= ${h.windowStart.toISOString()}::timestamptz)
        returning id`);
      created += res.rows.length;
    }
    return { hits: hits.length, created };
  });
}
