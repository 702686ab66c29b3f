// The State Council General Office's holiday notices (国务院办公厅关于部分节假日安排的通知) for 2024–2026, as data.
// Generated once from the npm package chinese-days 1.5.7 (MIT) and checked against the notices; not a runtime dependency.
// Each year's notice appears around November of the year before: admins add it with mergeCalendar overrides.
import type { IsoDate } from './china-time';
import type { Calendar } from './working-days';

// Festivals a notice lists; codes, so the web side labels them from its message catalogue.
export type Festival =
  | 'new_year'
  | 'spring_festival'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'national_day'
  | 'national_day_mid_autumn';

// One festival of a notice: the days off (放假, weekends inside the break included) and the make-up working days (调休上班).
export interface FestivalSchedule {
  readonly festival: Festival;
  readonly holidays: readonly IsoDate[];
  readonly workdays: readonly IsoDate[];
}

// The notices by year, festival by festival, so an admin screen can show what the shipped calendar contains.
export const OFFICIAL_SCHEDULES: Readonly<Record<number, readonly FestivalSchedule[]>> = {
  2024: [
    { festival: 'new_year', holidays: ['2024-01-01'], workdays: [] },
    {
      festival: 'spring_festival',
      holidays: [
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-15',
        '2024-02-16',
        '2024-02-17',
      ],
      workdays: ['2024-02-04', '2024-02-18'],
    },
    { festival: 'qingming', holidays: ['2024-04-04', '2024-04-05', '2024-04-06'], workdays: ['2024-04-07'] },
    {
      festival: 'labour_day',
      holidays: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
      workdays: ['2024-04-28', '2024-05-11'],
    },
    { festival: 'dragon_boat', holidays: ['2024-06-10'], workdays: [] },
    { festival: 'mid_autumn', holidays: ['2024-09-15', '2024-09-16', '2024-09-17'], workdays: ['2024-09-14'] },
    {
      festival: 'national_day',
      holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
      workdays: ['2024-09-29', '2024-10-12'],
    },
  ],
  2025: [
    { festival: 'new_year', holidays: ['2025-01-01'], workdays: [] },
    {
      festival: 'spring_festival',
      holidays: [
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
      ],
      workdays: ['2025-01-26', '2025-02-08'],
    },
    { festival: 'qingming', holidays: ['2025-04-04', '2025-04-05', '2025-04-06'], workdays: [] },
    {
      festival: 'labour_day',
      holidays: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      workdays: ['2025-04-27'],
    },
    { festival: 'dragon_boat', holidays: ['2025-05-31', '2025-06-01', '2025-06-02'], workdays: [] },
    {
      festival: 'national_day_mid_autumn',
      holidays: [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      workdays: ['2025-09-28', '2025-10-11'],
    },
  ],
  2026: [
    { festival: 'new_year', holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04'] },
    {
      festival: 'spring_festival',
      holidays: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      workdays: ['2026-02-14', '2026-02-28'],
    },
    { festival: 'qingming', holidays: ['2026-04-04', '2026-04-05', '2026-04-06'], workdays: [] },
    {
      festival: 'labour_day',
      holidays: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      workdays: ['2026-05-09'],
    },
    { festival: 'dragon_boat', holidays: ['2026-06-19', '2026-06-20', '2026-06-21'], workdays: [] },
    { festival: 'mid_autumn', holidays: ['2026-09-25', '2026-09-26', '2026-09-27'], workdays: [] },
    {
      festival: 'national_day',
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-20', '2026-10-10'],
    },
  ],
};

// Years the shipped data covers; a clock running past the last one treats that year as plain Monday–Friday.
export const OFFICIAL_YEARS: readonly number[] = Object.keys(OFFICIAL_SCHEDULES).map(Number);

// The flat calendar of the shipped notices, the base every committee's overrides apply to.
export const OFFICIAL_CALENDAR: Calendar = {
  holidays: new Set(Object.values(OFFICIAL_SCHEDULES).flatMap((y) => y.flatMap((f) => f.holidays))),
  workdays: new Set(Object.values(OFFICIAL_SCHEDULES).flatMap((y) => y.flatMap((f) => f.workdays))),
};
