// The working-day calendar the server uses: the official schedule merged with the admins' calendar_overrides rows.
import { sql } from 'drizzle-orm';
import {
  type Calendar,
  type CalendarOverride,
  mergeCalendar,
  OFFICIAL_CALENDAR,
} from '../../../core/calendar/index.js';
import type { DbOrTx } from '../../db/client.js';

/** Loads the effective calendar (a handful of rows a year, so read per write rather than cached across processes). */
export async function loadCalendar(db: DbOrTx): Promise<Calendar> {
  const res = await db.execute(sql`select date::text as date, kind from calendar_overrides order by created_at, date`);
  return mergeCalendar(OFFICIAL_CALENDAR, res.rows as unknown as CalendarOverride[]);
}
