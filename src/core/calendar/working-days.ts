// The working-day clock: Monday–Friday, minus the State Council's holidays (放假), plus its make-up working days (调休上班).
import {
  chinaInstant,
  type DateInput,
  dayNumber,
  daysFromTo,
  formatDay,
  type IsoDate,
  isoWeekdayOfDay,
  shiftDate,
  toChinaDate,
} from './china-time';

// A holiday calendar as stored or shipped: dates in China as 'YYYY-MM-DD'; a date in both lists counts as a holiday.
export interface CalendarData {
  readonly holidays: ReadonlySet<IsoDate> | readonly IsoDate[];
  readonly workdays: ReadonlySet<IsoDate> | readonly IsoDate[];
}

// A calendar with fast look-ups, what mergeCalendar returns; also valid CalendarData.
export interface Calendar extends CalendarData {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

// One admin-entered row of the editable calendar (e.g. next year's notice, or a local extra day off).
export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'workday';
}

// Office hours in China wall time; the deadline of a day is its end, the 2-hour clock runs only inside them.
export interface WorkdayHours {
  start: string;
  end: string;
  lunch?: { start: string; end: string };
}

// Default office hours of a county office; the lunch break is left to each committee's settings.
export const DEFAULT_WORKDAY: Readonly<WorkdayHours> = Object.freeze({ start: '08:30', end: '17:30' });

// A due date: the China date for lists and the exact instant (end of office hours that day) for overdue checks.
export interface Deadline {
  date: IsoDate;
  at: Date;
}

// Longest span a clock may search, so a broken calendar cannot hang a request.
const MAX_SPAN_DAYS = 36_600;

const normalized = new WeakMap<CalendarData, Calendar>();

function asSet(v: ReadonlySet<IsoDate> | readonly IsoDate[]): ReadonlySet<IsoDate> {
  return v instanceof Set ? v : new Set(v as readonly IsoDate[]);
}

// The look-up form of any calendar, cached per object (treat CalendarData as immutable once passed in).
export function toCalendar(data: CalendarData): Calendar {
  if (data.holidays instanceof Set && data.workdays instanceof Set) return data as Calendar;
  let cal = normalized.get(data);
  if (!cal) {
    cal = { holidays: asSet(data.holidays), workdays: asSet(data.workdays) };
    normalized.set(data, cal);
  }
  return cal;
}

// Applies admin rows over a base calendar (a row wins over the base; among rows the last wins), e.g. next year's notice.
export function mergeCalendar(base: CalendarData, overrides: readonly CalendarOverride[]): Calendar {
  const b = toCalendar(base);
  const holidays = new Set(b.holidays);
  const workdays = new Set(b.workdays);
  for (const row of overrides) {
    dayNumber(row.date);
    if (row.kind === 'holiday') {
      holidays.add(row.date);
      workdays.delete(row.date);
    } else if (row.kind === 'workday') {
      workdays.add(row.date);
      holidays.delete(row.date);
    } else {
      throw new RangeError(`invalid calendar kind: ${String((row as { kind: unknown }).kind)}`);
    }
  }
  return { holidays, workdays };
}

// Years the calendar has any entry for, so the admin screen can warn before a year without its notice begins.
export function calendarYears(data: CalendarData): number[] {
  const cal = toCalendar(data);
  const years = new Set<number>();
  for (const d of cal.holidays) years.add(Number(d.slice(0, 4)));
  for (const d of cal.workdays) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

function isWorkingDayNumber(day: number, cal: Calendar): boolean {
  const date = formatDay(day);
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  return isoWeekdayOfDay(day) <= 5;
}

// Whether offices work on a date in China: holiday → no, make-up day → yes, otherwise Monday–Friday.
export function isWorkingDay(date: DateInput, cal: CalendarData): boolean {
  return isWorkingDayNumber(dayNumber(toChinaDate(date)), toCalendar(cal));
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPAN_DAYS) throw new RangeError(`invalid day count: ${n}`);
}

// The first working day strictly after a date, for "next working day" rules.
export function nextWorkingDay(date: DateInput, cal: CalendarData): IsoDate {
  return addWorkingDays(toChinaDate(date), 1, cal).date;
}

// The date itself if it is a working day, else the next one: a period ending on a holiday ends after it (民法典 第二百零三条).
export function rollToWorkingDay(date: DateInput, cal: CalendarData): IsoDate {
  const c = toCalendar(cal);
  const start = dayNumber(toChinaDate(date));
  for (let day = start; day - start <= MAX_SPAN_DAYS; day++) {
    if (isWorkingDayNumber(day, c)) return formatDay(day);
  }
  throw new RangeError('no working day in range');
}

// The deadline n working days after receipt (the day of receipt never counts), at the end of office hours;
// n = 0 means the end of the receipt day, or of the next working day when received on a day off.
export function addWorkingDays(
  start: DateInput,
  n: number,
  cal: CalendarData,
  workday: WorkdayHours = DEFAULT_WORKDAY,
): Deadline {
  assertCount(n);
  const c = toCalendar(cal);
  const first = dayNumber(toChinaDate(start));
  let day = first;
  if (n === 0) {
    day = dayNumber(rollToWorkingDay(formatDay(first), c));
  } else {
    let left = n;
    while (left > 0) {
      day++;
      if (day - first > MAX_SPAN_DAYS) throw new RangeError('no working day in range');
      if (isWorkingDayNumber(day, c)) left--;
    }
  }
  const date = formatDay(day);
  return { date, at: chinaInstant(date, workday.end) };
}

// Working days after a and up to and including b (negative when b < a), so that
// workingDaysBetween(d, addWorkingDays(d, n).date) === n; used for "working days left" and statistics.
export function workingDaysBetween(a: DateInput, b: DateInput, cal: CalendarData): number {
  const c = toCalendar(cal);
  const from = dayNumber(toChinaDate(a));
  const to = dayNumber(toChinaDate(b));
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  if (hi - lo > MAX_SPAN_DAYS) throw new RangeError('range too long');
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDayNumber(day, c)) count++;
  return to >= from ? count : -count;
}

// Options of calendar-day clocks: with a calendar, a period whose last day is a day off ends on the next working day.
export interface CalendarDayOptions {
  calendar?: CalendarData;
  workday?: WorkdayHours;
}

// The deadline n calendar days after a start (start day not counted), for 信访 periods given in days (日).
export function addCalendarDays(start: DateInput, n: number, options: CalendarDayOptions = {}): Deadline {
  assertCount(n);
  let date = shiftDate(toChinaDate(start), n);
  if (options.calendar) date = rollToWorkingDay(date, options.calendar);
  return { date, at: chinaInstant(date, (options.workday ?? DEFAULT_WORKDAY).end) };
}

// Whether a deadline has passed at an instant (due at 17:30 is still on time at 17:30).
export function isOverdue(deadline: Deadline, now: Date): boolean {
  return now.getTime() > deadline.at.getTime();
}

// Calendar days from today (China date of now) to the due date: 0 = due today, negative = days overdue.
export function daysLeft(deadline: Deadline | IsoDate, now: Date): number {
  const due = typeof deadline === 'string' ? deadline : deadline.date;
  return daysFromTo(toChinaDate(now), due);
}

// Working days from today to the due date, counting the due date: 0 = due today, negative = working days overdue.
export function workingDaysLeft(deadline: Deadline | IsoDate, now: Date, cal: CalendarData): number {
  const due = typeof deadline === 'string' ? deadline : deadline.date;
  return workingDaysBetween(now, due, cal);
}
