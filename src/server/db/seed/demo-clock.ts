// The demo's "today": every date of the demo county is generated relative to the day it is loaded, so a newcomer
// always finds a live current year (this month's items, upcoming reception days, deadlines just past or ahead).
import { chinaInstant } from '../../../core/calendar/index.js';

/** The day the demo's hand-written dates were composed against; a clock on this day reproduces them unchanged. */
export const BASE_TODAY = '2026-11-01';

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Dates of the demo, all derived from one load date (a China calendar day). Deterministic for a given `today`. */
export interface DemoClock {
  /** The load date, YYYY-MM-DD: data ends the day before; upcoming things lie after it. */
  today: string;
  /** The start of today in China time. */
  todayAt: Date;
  /** The working year: today's year. */
  year: number;
  /** One year before today: the first day of data. */
  first: string;
  /** 1 January of the working year. */
  yearStart: string;
  /** Start of the "visited this year" window: 1 January, or 90 days back early in the year so it is never empty. */
  recentStart: string;
  /** The date n days from today (negative: before). */
  day(n: number): string;
  /** The date n days from `from`. */
  add(from: string, n: number): string;
  /** A date of the base calendar (composed against BASE_TODAY) moved by whole weeks to this clock: weekdays kept. */
  shift(baseDate: string): string;
  /** `MM-DD` in the working year plus `dy`, never on or after today (then the day before today, not before 1 Jan). */
  inYear(dy: number, mmdd: string): string;
  /** The earlier of a date and the day before today. */
  past(date: string): string;
}

/** Parses YYYY-MM-DD strictly (a real calendar day), or throws a clear error naming the source. */
export function parseDemoDate(value: string, source = 'DEMO_TODAY'): string {
  const m = ISO.exec(value.trim());
  if (!m || iso(ms(m[0])) !== m[0]) throw new Error(`${source} must be a date YYYY-MM-DD, got "${value}"`);
  return m[0];
}

/** Today's date in China (UTC+8, no DST). */
export function chinaToday(now: Date = new Date()): string {
  return iso(now.getTime() + 8 * 3_600_000);
}

/** The demo's load date: DEMO_TODAY when set (tests and reproducible demos), else today in China. */
export function demoTodayFromEnv(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const v = env.DEMO_TODAY?.trim();
  return v ? parseDemoDate(v) : chinaToday(now);
}

/** The clock of a demo loaded on `today` (YYYY-MM-DD). */
export function demoClock(today: string = BASE_TODAY): DemoClock {
  const t = parseDemoDate(today, 'demo date');
  const year = Number(t.slice(0, 4));
  const day = (n: number) => iso(ms(t) + n * DAY);
  const yearStart = `${year}-01-01`;
  const firstT = Date.UTC(year - 1, Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10)));
  // 29 February loads start on 1 March of the year before.
  const first = iso(firstT);
  const recentStart = ms(yearStart) <= ms(t) - 90 * DAY ? yearStart : day(-90);
  const weeks = Math.round((ms(t) - ms(BASE_TODAY)) / (7 * DAY));
  const past = (d: string) => (d >= t ? day(-1) : d);
  return {
    today: t,
    todayAt: chinaInstant(t),
    year,
    first,
    yearStart,
    recentStart,
    day,
    add: (from, n) => iso(ms(from) + n * DAY),
    shift: (baseDate) => iso(ms(baseDate) + weeks * 7 * DAY),
    inYear: (dy, mmdd) => {
      const d = `${year + dy}-${mmdd}`;
      if (d < t) return d;
      const y = day(-1);
      return y < `${year + dy}-01-01` ? `${year + dy}-01-01` : y;
    },
    past,
  };
}
