import { describe, expect, it } from 'vitest';
import { chinaInstant } from './china-time';
import { OFFICIAL_CALENDAR as cal } from './holidays-data';
import { addWorkingHours, workdaySegments, workingHoursBetween } from './working-hours';

const lunch = { start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } };
const at = (date: string, hhmm: string) => chinaInstant(date, hhmm);

describe('addWorkingHours', () => {
  it('runs inside one working day', () => {
    expect(addWorkingHours(at('2026-03-09', '09:00'), 2, cal)).toEqual(at('2026-03-09', '11:00'));
    expect(addWorkingHours(at('2026-03-09', '15:30'), 2, cal)).toEqual(at('2026-03-09', '17:30'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingHours(at('2026-03-09', '11:00'), 2, cal, lunch)).toEqual(at('2026-03-09', '14:30'));
    expect(addWorkingHours(at('2026-03-09', '12:15'), 2, cal, lunch)).toEqual(at('2026-03-09', '15:30'));
  });

  it('rolls Friday evening over the weekend to Monday morning', () => {
    expect(addWorkingHours(at('2026-03-06', '16:30'), 2, cal, lunch)).toEqual(at('2026-03-09', '09:30'));
    expect(addWorkingHours(at('2026-03-06', '20:00'), 2, cal)).toEqual(at('2026-03-09', '10:30'));
    expect(addWorkingHours(at('2026-03-07', '10:00'), 2, cal)).toEqual(at('2026-03-09', '10:30'));
    expect(addWorkingHours(at('2026-03-09', '07:00'), 0.5, cal)).toEqual(at('2026-03-09', '09:00'));
  });

  it('uses the make-up Saturday and then skips Spring Festival', () => {
    expect(addWorkingHours(at('2026-02-13', '17:00'), 2, cal)).toEqual(at('2026-02-14', '10:00'));
    expect(addWorkingHours(at('2026-02-14', '16:30'), 2, cal)).toEqual(at('2026-02-24', '09:30'));
  });

  it('keeps seconds of the start', () => {
    const start = new Date(at('2026-03-09', '09:00').getTime() + 12_345);
    expect(addWorkingHours(start, 2, cal).getTime()).toBe(at('2026-03-09', '11:00').getTime() + 12_345);
  });

  it('rejects nonsense', () => {
    expect(() => addWorkingHours(at('2026-03-09', '09:00'), -1, cal)).toThrow(RangeError);
    expect(() => workdaySegments({ start: '17:30', end: '08:30' })).toThrow(RangeError);
    expect(() => workdaySegments({ start: '08:30', end: '17:30', lunch: { start: '07:00', end: '08:00' } })).toThrow(
      RangeError,
    );
  });
});

describe('workingHoursBetween', () => {
  it('measures only office time', () => {
    expect(workingHoursBetween(at('2026-03-06', '16:30'), at('2026-03-09', '09:30'), cal, lunch)).toBe(2);
    expect(workingHoursBetween(at('2026-03-09', '11:00'), at('2026-03-09', '14:30'), cal, lunch)).toBe(2);
    expect(workingHoursBetween(at('2026-03-09', '11:00'), at('2026-03-09', '10:00'), cal)).toBe(0);
  });

  it('agrees with addWorkingHours', () => {
    const start = at('2026-02-13', '15:10');
    for (const h of [0.5, 2, 9, 20]) {
      expect(workingHoursBetween(start, addWorkingHours(start, h, cal, lunch), cal, lunch)).toBeCloseTo(h, 9);
    }
  });
});
