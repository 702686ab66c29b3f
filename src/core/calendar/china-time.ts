// Date-only and wall-clock arithmetic in China Standard Time (UTC+8, no DST), never the server's time zone.

// A calendar date in China, 'YYYY-MM-DD': what the holiday notices, deadlines and the database DATE columns use.
export type IsoDate = string;

// A point in time, or a date in China (taken as that date, time unknown).
export type DateInput = Date | IsoDate;

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Days since 1970-01-01 of a China date; the integer every date calculation here works on.
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`invalid date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  if (formatDay(day) !== date) throw new RangeError(`invalid date: ${date}`);
  return day;
}

// The China date of a day number, so results go back to callers in the form they gave.
export function formatDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Whether a string is a real calendar date in ISO form, for validating admin input before it reaches the calendar.
export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function assertInstant(at: Date): number {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

// The date in China at an instant: a letter received at 01:00 Beijing time is received that day, not the UTC day before.
export function chinaDateOf(at: Date): IsoDate {
  return formatDay(Math.floor((assertInstant(at) + CST_OFFSET_MS) / DAY_MS));
}

// The China date of either input form, so every API accepts a timestamp or a plain date.
export function toChinaDate(input: DateInput): IsoDate {
  if (typeof input === 'string') {
    dayNumber(input);
    return input;
  }
  return chinaDateOf(input);
}

// Milliseconds since China midnight of an instant, for working-hour clocks.
export function chinaTimeOfDayMs(at: Date): number {
  const local = assertInstant(at) + CST_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

// Minutes after midnight of a 'HH:MM' wall time; office hours are configured in this form.
export function parseClock(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`invalid time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

// The instant of a wall time on a China date (e.g. 17:30 on the due date), independent of the server's zone.
export function chinaInstant(date: IsoDate, hhmm = '00:00'): Date {
  return chinaInstantAt(dayNumber(date), parseClock(hhmm) * 60_000);
}

// The instant at a millisecond offset into a China day; the low-level form of chinaInstant.
export function chinaInstantAt(day: number, msOfDay: number): Date {
  return new Date(day * DAY_MS + msOfDay - CST_OFFSET_MS);
}

// A date n calendar days later (earlier when n < 0); the building block of 信访 clocks.
export function shiftDate(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`invalid day count: ${n}`);
  return formatDay(dayNumber(date) + n);
}

// Calendar days from a to b (negative when b is earlier), for "days left" counters.
export function daysFromTo(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

// ISO weekday of a date, 1 = Monday … 7 = Sunday, for the default Monday–Friday week.
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDay(dayNumber(date));
}

// ISO weekday of a day number (1970-01-01 was a Thursday).
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
