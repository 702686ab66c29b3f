// The working-hour clock for urgent items (受理 within 2 hours): time only runs inside office hours on working days.
import { chinaDateOf, chinaInstantAt, chinaTimeOfDayMs, dayNumber, formatDay, parseClock } from './china-time';
import { type CalendarData, DEFAULT_WORKDAY, isWorkingDay, toCalendar, type WorkdayHours } from './working-days';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const MAX_SPAN_DAYS = 36_600;

// A stretch of working time within a day, in ms after China midnight.
export interface Segment {
  from: number;
  to: number;
}

// The working segments of a day in ms after midnight; rejects hours that would make the clock meaningless.
export function workdaySegments(workday: WorkdayHours = DEFAULT_WORKDAY): Segment[] {
  const start = parseClock(workday.start) * MINUTE_MS;
  const end = parseClock(workday.end) * MINUTE_MS;
  if (start >= end) throw new RangeError(`workday start ${workday.start} is not before end ${workday.end}`);
  if (!workday.lunch) return [{ from: start, to: end }];
  const ls = parseClock(workday.lunch.start) * MINUTE_MS;
  const le = parseClock(workday.lunch.end) * MINUTE_MS;
  if (!(start < ls && ls < le && le < end)) throw new RangeError('lunch break must lie inside the workday');
  return [
    { from: start, to: ls },
    { from: le, to: end },
  ];
}

// The instant a number of working hours after a start; time outside office hours (night, lunch, weekends,
// holidays) does not count, so an item received on Friday evening is due on the next working morning.
export function addWorkingHours(
  start: Date,
  hours: number,
  cal: CalendarData,
  workday: WorkdayHours = DEFAULT_WORKDAY,
): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`invalid hours: ${hours}`);
  const segments = workdaySegments(workday);
  const c = toCalendar(cal);
  let remaining = Math.round(hours * HOUR_MS);
  const firstDay = dayNumber(chinaDateOf(start));
  let day = firstDay;
  let pos = chinaTimeOfDayMs(start);
  for (; day - firstDay <= MAX_SPAN_DAYS; day++, pos = 0) {
    if (!isWorkingDay(formatDay(day), c)) continue;
    for (const seg of segments) {
      if (pos >= seg.to) continue;
      if (pos < seg.from) pos = seg.from;
      const available = seg.to - pos;
      if (remaining <= available) return chinaInstantAt(day, pos + remaining);
      remaining -= available;
      pos = seg.to;
    }
  }
  throw new RangeError('no working time in range');
}

// Working time between two instants in hours (0 when end ≤ start), for "time left" on the urgent clock.
export function workingHoursBetween(
  start: Date,
  end: Date,
  cal: CalendarData,
  workday: WorkdayHours = DEFAULT_WORKDAY,
): number {
  if (end.getTime() <= start.getTime()) return 0;
  const segments = workdaySegments(workday);
  const c = toCalendar(cal);
  const firstDay = dayNumber(chinaDateOf(start));
  const lastDay = dayNumber(chinaDateOf(end));
  if (lastDay - firstDay > MAX_SPAN_DAYS) throw new RangeError('range too long');
  const startMs = chinaTimeOfDayMs(start);
  const endMs = chinaTimeOfDayMs(end);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isWorkingDay(formatDay(day), c)) continue;
    const lo = day === firstDay ? startMs : 0;
    const hi = day === lastDay ? endMs : Number.POSITIVE_INFINITY;
    for (const seg of segments) total += Math.max(0, Math.min(seg.to, hi) - Math.max(seg.from, lo));
  }
  return total / HOUR_MS;
}
