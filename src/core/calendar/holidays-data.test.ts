import { describe, expect, it } from 'vitest';
import { isoWeekday } from './china-time';
import { OFFICIAL_CALENDAR, OFFICIAL_SCHEDULES, OFFICIAL_YEARS } from './holidays-data';

const festival = (year: number, name: string) => OFFICIAL_SCHEDULES[year].find((f) => f.festival === name)!;

describe('official schedules', () => {
  it('covers 2024–2026', () => {
    expect(OFFICIAL_YEARS).toEqual([2024, 2025, 2026]);
  });

  it('has the 2026 notice: Spring Festival 15–23 Feb, make-up Saturdays 14 and 28 Feb', () => {
    const f = festival(2026, 'spring_festival');
    expect(f.holidays[0]).toBe('2026-02-15');
    expect(f.holidays.at(-1)).toBe('2026-02-23');
    expect(f.holidays).toHaveLength(9);
    expect(f.workdays).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('has the 2026 notice: National Day 1–7 Oct, make-up Sunday 20 Sep and Saturday 10 Oct', () => {
    const f = festival(2026, 'national_day');
    expect(f.holidays).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(f.workdays).toEqual(['2026-09-20', '2026-10-10']);
  });

  it('has the 2025 combined National Day / Mid-Autumn break of 8 days', () => {
    expect(festival(2025, 'national_day_mid_autumn').holidays).toHaveLength(8);
  });

  it('lists only weekends as make-up working days, and never a date as both', () => {
    for (const d of OFFICIAL_CALENDAR.workdays) {
      expect(isoWeekday(d)).toBeGreaterThanOrEqual(6);
      expect(OFFICIAL_CALENDAR.holidays.has(d)).toBe(false);
    }
  });

  it('keeps each festival inside its year', () => {
    for (const year of OFFICIAL_YEARS) {
      for (const f of OFFICIAL_SCHEDULES[year]) {
        for (const d of [...f.holidays, ...f.workdays]) expect(d.startsWith(String(year))).toBe(true);
      }
    }
  });
});
