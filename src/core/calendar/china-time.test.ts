import { describe, expect, it } from 'vitest';
import {
  chinaDateOf,
  chinaInstant,
  chinaTimeOfDayMs,
  daysFromTo,
  isIsoDate,
  isoWeekday,
  parseClock,
  shiftDate,
  toChinaDate,
} from './china-time';

describe('China time', () => {
  it('takes the China date of an instant, across UTC midnight', () => {
    expect(chinaDateOf(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(chinaDateOf(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(chinaDateOf(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('builds the instant of a China wall time', () => {
    expect(chinaInstant('2026-02-24', '17:30').toISOString()).toBe('2026-02-24T09:30:00.000Z');
    expect(chinaInstant('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaTimeOfDayMs(new Date('2026-03-09T00:30:00Z'))).toBe((8 * 60 + 30) * 60_000);
  });

  it('rejects impossible dates and times', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => toChinaDate('2026-13-01')).toThrow(RangeError);
    expect(() => toChinaDate(new Date('nope'))).toThrow(RangeError);
    expect(() => parseClock('24:00')).toThrow(RangeError);
    expect(parseClock('08:30')).toBe(510);
  });

  it('does date arithmetic and weekdays', () => {
    expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysFromTo('2026-10-01', '2026-09-30')).toBe(-1);
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(isoWeekday('2026-09-20')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });
});
