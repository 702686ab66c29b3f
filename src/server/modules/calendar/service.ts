// The editable working-day calendar: official notices merged with calendar_overrides rows, cached per database.
import { asc, eq } from 'drizzle-orm';
import {
  addWorkingDays,
  type Calendar,
  calendarYears,
  chinaDateOf,
  type IsoDate,
  isoWeekday,
  mergeCalendar,
  OFFICIAL_CALENDAR,
  shiftDate,
} from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { calendarOverrides } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { festivalName, OFFICIAL_DAYS } from './festivals.js';
import type { OverrideInput } from './schema.js';

type OverrideRow = typeof calendarOverrides.$inferSelect;

/** The merged calendar with the admin rows behind it, so answers can say which days an admin changed. */
export interface LoadedCalendar {
  calendar: Calendar;
  overrides: ReadonlyMap<IsoDate, OverrideRow>;
}

// Another server process may write overrides: a cached calendar is re-read after this long at the latest.
const CACHE_TTL_MS = 60_000;
const cache = new WeakMap<object, { loaded: LoadedCalendar; at: number }>();
const generations = new WeakMap<object, number>();

/** Reads the merged calendar without the cache; use inside a transaction that must see its own writes. */
export async function readCalendar(db: DbOrTx): Promise<LoadedCalendar> {
  const rows = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  const calendar = mergeCalendar(
    OFFICIAL_CALENDAR,
    rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday' })),
  );
  return { calendar, overrides: new Map(rows.map((r) => [r.date, r])) };
}

/** The merged calendar every deadline uses; cached in-process and dropped by invalidateCalendar after writes. */
export async function loadCalendar(db: Db): Promise<LoadedCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.loaded;
  const generation = generations.get(db) ?? 0;
  const loaded = await readCalendar(db);
  // A write that committed while we were reading makes this copy stale: hand it out once, do not keep it.
  if ((generations.get(db) ?? 0) === generation) cache.set(db, { loaded, at: Date.now() });
  return loaded;
}

/** Drops the cached calendar of a database; call after a committed override write. */
export function invalidateCalendar(db: Db): void {
  cache.delete(db);
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** A day the clock passed over, with why and, for a holiday, the festival or the admin's note. */
export interface SkippedDay {
  date: IsoDate;
  reason: 'holiday' | 'weekend';
  name?: string;
}

function describeHoliday(date: IsoDate, loaded: LoadedCalendar, lang: Lang): string | undefined {
  const row = loaded.overrides.get(date);
  if (row?.kind === 'holiday') return row.note || undefined;
  const official = OFFICIAL_DAYS.get(date);
  return official?.kind === 'holiday' ? festivalName(official.festival, lang) : undefined;
}

function skippedDay(date: IsoDate, loaded: LoadedCalendar, lang: Lang): SkippedDay {
  if (!loaded.calendar.holidays.has(date)) return { date, reason: 'weekend' };
  const name = describeHoliday(date, loaded, lang);
  return name ? { date, reason: 'holiday', name } : { date, reason: 'holiday' };
}

const isWorking = (date: IsoDate, cal: Calendar) =>
  !cal.holidays.has(date) && (cal.workdays.has(date) || isoWeekday(date) <= 5);

/** The due date n working days after `from` with every counted and skipped day, so users can check the clock. */
export function explainWorkingDays(loaded: LoadedCalendar, from: IsoDate, days: number, lang: Lang) {
  const due = addWorkingDays(from, days, loaded.calendar);
  const workingDays: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  // n = 0 counts no day: only the days off before the due day are listed, starting with `from` itself.
  let d = days === 0 ? from : shiftDate(from, 1);
  for (; d <= due.date; d = shiftDate(d, 1)) {
    if (!isWorking(d, loaded.calendar)) skipped.push(skippedDay(d, loaded, lang));
    else if (days > 0) workingDays.push(d);
  }
  return { from, days, due: due.date, dueAt: due.at.toISOString(), workingDays, skipped };
}

/** One non-ordinary day of a year: an official holiday or make-up working day, or an admin override. */
export interface CalendarDay {
  date: IsoDate;
  weekday: number;
  kind: 'holiday' | 'workday';
  festival: string | null;
  name: string | null;
  official: 'holiday' | 'workday' | null;
  override: { kind: 'holiday' | 'workday'; note: string } | null;
}

/** Every non-ordinary day of a year and the years the calendar covers, for the admin screen and its warning. */
export function describeYear(loaded: LoadedCalendar, year: number, now: Date, lang: Lang) {
  const prefix = `${year}-`;
  const dates = new Set<IsoDate>();
  for (const d of OFFICIAL_DAYS.keys()) if (d.startsWith(prefix)) dates.add(d);
  for (const d of loaded.overrides.keys()) if (d.startsWith(prefix)) dates.add(d);
  const days: CalendarDay[] = [...dates].sort().map((date) => {
    const official = OFFICIAL_DAYS.get(date) ?? null;
    const row = loaded.overrides.get(date);
    const override = row ? { kind: row.kind as 'holiday' | 'workday', note: row.note } : null;
    const kind = override?.kind ?? official!.kind;
    return {
      date,
      weekday: isoWeekday(date),
      kind,
      festival: official?.festival ?? null,
      name: override?.note || (official ? festivalName(official.festival, lang) : null),
      official: official?.kind ?? null,
      override,
    };
  });
  const coveredYears = calendarYears(loaded.calendar);
  const nextYear = Number(chinaDateOf(now).slice(0, 4)) + 1;
  return {
    year,
    days,
    coveredYears,
    nextYear,
    missingYear: !coveredYears.includes(year),
    missingNextYear: !coveredYears.includes(nextYear),
  };
}

/** Sets the kind of one date (next year's notice, a local day off); audited with the row before and after. */
export async function putOverride(tx: DbOrTx, actor: Actor, date: IsoDate, input: OverrideInput, ip: string) {
  const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date));
  const [after] = await tx
    .insert(calendarOverrides)
    .values({ date, kind: input.kind, note: input.note })
    .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: input.kind, note: input.note } })
    .returning();
  await writeAudit(
    tx,
    actor,
    { action: before ? 'update' : 'create', entity: 'calendar_override', entityId: date, before, after },
    ip,
  );
  return after;
}

/** Removes an override so the official calendar applies again; 404 when the date has none. */
export async function deleteOverride(tx: DbOrTx, actor: Actor, date: IsoDate, ip: string) {
  const [before] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
  if (!before) throw notFound();
  await writeAudit(tx, actor, { action: 'delete', entity: 'calendar_override', entityId: date, before }, ip);
}
