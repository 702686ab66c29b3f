// The working year (工作年度) is the calendar year in China Standard Time, the period quotas and scores cover.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

// A date-only range, inclusive, in the ISO form the database and the 汇总表 filters take.
export interface DateRange {
  from: string;
  to: string;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`invalid year: ${year}`);
}

// Calendar year of an instant in Beijing time (UTC+8, no DST), so a UTC server agrees with users on 1 January.
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

// The inclusive date range of a working year, for queries and report headers.
export function yearRange(year: number): DateRange {
  assertYear(year);
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

function yearOf(today: Date | string): number {
  if (typeof today !== 'string') return chinaYear(today);
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(today);
  if (!m) throw new RangeError(`invalid date: ${today}`);
  return Number(m[1]);
}

// Age shown on the registration form (年龄), from the stored birth year so it stays right in later years.
export function ageFromBirthYear(birthYear: number, today: Date | string): number {
  assertYear(birthYear);
  const year = yearOf(today);
  if (birthYear > year) throw new RangeError(`birth year ${birthYear} is after ${year}`);
  return year - birthYear;
}

// Birth year to store when a paper form or spreadsheet gives only an age.
export function birthYearFromAge(age: number, today: Date | string): number {
  if (!Number.isInteger(age) || age < 0 || age > 150) throw new RangeError(`invalid age: ${age}`);
  return yearOf(today) - age;
}
