import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR as cal } from './holidays-data';
import {
  addCalendarDays,
  addWorkingDays,
  calendarYears,
  daysLeft,
  isOverdue,
  isWorkingDay,
  mergeCalendar,
  nextWorkingDay,
  rollToWorkingDay,
  workingDaysBetween,
  workingDaysLeft,
} from './working-days';

const due = (start: string | Date, n: number) => addWorkingDays(start, n, cal).date;

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true], // Friday before Spring Festival
    ['2026-02-14', true], // 调休 Saturday
    ['2026-02-16', false], // Spring Festival Monday
    ['2026-02-23', false], // last day of the break, a Monday
    ['2026-02-28', true], // 调休 Saturday
    ['2026-03-07', false], // ordinary Saturday
    ['2026-09-19', false], // ordinary Saturday
    ['2026-09-20', true], // 调休 Sunday
    ['2026-10-07', false],
    ['2026-10-10', true], // 调休 Saturday
    ['2026-10-11', false],
    ['2026-01-04', true], // 调休 Sunday after New Year
    ['2027-03-01', true], // no notice yet: plain Monday
    ['2027-03-06', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('takes the China date of an instant', () => {
    // 2026-02-13 23:30 UTC is Saturday 14 Feb 07:30 in Beijing, a make-up working day
    expect(isWorkingDay(new Date('2026-02-13T23:30:00Z'), cal)).toBe(true);
    // 2026-02-14 16:30 UTC is Sunday 15 Feb 00:30 in Beijing, Spring Festival
    expect(isWorkingDay(new Date('2026-02-14T16:30:00Z'), cal)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('does not count the day of receipt', () => {
    expect(due('2026-03-02', 1)).toBe('2026-03-03');
    expect(due('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(due('2026-03-07', 1)).toBe('2026-03-09'); // received on Saturday
  });

  it('counts the make-up Saturday before Spring Festival, then jumps the whole break', () => {
    expect(due('2026-02-13', 1)).toBe('2026-02-14');
    expect(due('2026-02-14', 1)).toBe('2026-02-24');
    expect(due('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('lands after National Day from the day before it, and counts the make-up Sunday', () => {
    expect(due('2026-09-30', 1)).toBe('2026-10-08');
    expect(due('2026-09-18', 1)).toBe('2026-09-20');
    expect(due('2026-09-19', 1)).toBe('2026-09-20');
  });

  it('gives 15 working days across National Day', () => {
    expect(due('2026-09-28', 15)).toBe('2026-10-23');
    expect(due('2026-09-30', 15)).toBe('2026-10-27');
    expect(workingDaysBetween('2026-09-28', '2026-10-23', cal)).toBe(15);
  });

  it('crosses the year boundary into the 2026 New Year break and its make-up Sunday', () => {
    expect(due('2025-12-31', 1)).toBe('2026-01-04');
    expect(due('2025-12-31', 3)).toBe('2026-01-06');
    expect(due('2024-12-31', 1)).toBe('2025-01-02');
    expect(due('2025-12-15', 15)).toBe('2026-01-06');
  });

  it('returns the end of office hours that day as the instant', () => {
    const d = addWorkingDays('2026-02-14', 1, cal);
    expect(d).toEqual({ date: '2026-02-24', at: new Date('2026-02-24T09:30:00Z') });
    const custom = addWorkingDays('2026-03-02', 1, cal, { start: '09:00', end: '18:00' });
    expect(custom.at.toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  it('receives an instant on its China date (New Year 01:00 Beijing is still 31 Dec in UTC)', () => {
    const received = new Date('2025-12-31T17:00:00Z'); // 2026-01-01 01:00 Beijing, a holiday
    expect(due(received, 1)).toBe('2026-01-04');
    expect(due(received, 2)).toBe('2026-01-05');
    expect(due(new Date('2025-12-31T15:59:00Z'), 2)).toBe('2026-01-05');
  });

  it('treats n = 0 as the end of the receipt day, or the next working day', () => {
    expect(due('2026-02-14', 0)).toBe('2026-02-14');
    expect(due('2026-02-16', 0)).toBe('2026-02-24');
  });

  it('rejects invalid counts and dates', () => {
    expect(() => due('2026-03-02', -1)).toThrow(RangeError);
    expect(() => due('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => due('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays', () => {
    for (let start = '2025-12-20'; start < '2026-11-01'; start = addCalendarDays(start, 3).date) {
      for (const n of [1, 5, 15]) expect(workingDaysBetween(start, due(start, n), cal)).toBe(n);
    }
  });

  it('is 0 on the same day and negative backwards', () => {
    expect(workingDaysBetween('2026-10-08', '2026-10-08', cal)).toBe(0);
    expect(workingDaysBetween('2026-10-08', '2026-09-30', cal)).toBe(-1);
  });
});

describe('next and roll', () => {
  it('finds working days around holidays', () => {
    expect(nextWorkingDay('2026-10-07', cal)).toBe('2026-10-08');
    expect(rollToWorkingDay('2026-10-05', cal)).toBe('2026-10-08');
    expect(rollToWorkingDay('2026-10-10', cal)).toBe('2026-10-10');
  });
});

describe('mergeCalendar', () => {
  it('adds next year from admin rows and lets rows override the shipped notice', () => {
    const merged = mergeCalendar(cal, [
      { date: '2027-02-08', kind: 'holiday' },
      { date: '2027-02-06', kind: 'workday' },
      { date: '2026-02-14', kind: 'holiday' },
      { date: '2026-02-16', kind: 'workday' },
      { date: '2026-03-02', kind: 'holiday' },
      { date: '2026-03-02', kind: 'workday' },
    ]);
    expect(isWorkingDay('2027-02-08', merged)).toBe(false);
    expect(isWorkingDay('2027-02-06', merged)).toBe(true);
    expect(isWorkingDay('2026-02-14', merged)).toBe(false);
    expect(isWorkingDay('2026-02-16', merged)).toBe(true);
    expect(isWorkingDay('2026-03-02', merged)).toBe(true);
    expect(calendarYears(merged)).toEqual([2024, 2025, 2026, 2027]);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // base untouched
  });

  it('rejects bad rows', () => {
    expect(() => mergeCalendar(cal, [{ date: '2027-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => mergeCalendar(cal, [{ date: '2027-02-03', kind: 'x' as 'holiday' }])).toThrow(RangeError);
  });

  it('accepts plain arrays, as loaded from a table', () => {
    const data = { holidays: ['2026-03-02'], workdays: ['2026-03-07'] };
    expect(isWorkingDay('2026-03-02', data)).toBe(false);
    expect(isWorkingDay('2026-03-07', data)).toBe(true);
    expect(addWorkingDays('2026-02-27', 1, data).date).toBe('2026-03-03');
  });
});

describe('calendar days and status helpers', () => {
  it('adds calendar days, rolling a last day off to the next working day when given a calendar', () => {
    expect(addCalendarDays('2026-09-20', 15).date).toBe('2026-10-05');
    expect(addCalendarDays('2026-09-20', 15, { calendar: cal }).date).toBe('2026-10-08');
    expect(addCalendarDays('2026-09-25', 15, { calendar: cal }).date).toBe('2026-10-10');
    expect(addCalendarDays('2026-12-17', 15).date).toBe('2027-01-01');
  });

  it('flags overdue at the instant and counts days left', () => {
    const d = addWorkingDays('2026-09-30', 1, cal); // 2026-10-08 17:30 Beijing
    expect(isOverdue(d, new Date('2026-10-08T09:30:00Z'))).toBe(false);
    expect(isOverdue(d, new Date('2026-10-08T09:30:01Z'))).toBe(true);
    expect(daysLeft(d, new Date('2026-10-01T02:00:00Z'))).toBe(7);
    expect(workingDaysLeft(d, new Date('2026-10-01T02:00:00Z'), cal)).toBe(1);
    expect(workingDaysLeft(d, new Date('2026-10-08T02:00:00Z'), cal)).toBe(0);
    expect(daysLeft('2026-10-08', new Date('2026-10-09T16:30:00Z'))).toBe(-2);
  });
});
