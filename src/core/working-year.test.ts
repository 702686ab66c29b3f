import { describe, expect, it } from 'vitest';
import { ageFromBirthYear, birthYearFromAge, chinaYear, yearRange } from './working-year';

describe('yearRange', () => {
  it('covers the whole calendar year', () => {
    expect(yearRange(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(yearRange(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(yearRange(999)).toEqual({ from: '0999-01-01', to: '0999-12-31' });
  });

  it.each([0, -1, 2025.5, 10000, Number.NaN])('rejects %s', (year) => {
    expect(() => yearRange(year)).toThrow(RangeError);
  });
});

describe('chinaYear', () => {
  it('uses Beijing time at the year boundary', () => {
    expect(chinaYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
    expect(chinaYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(chinaYear(new Date('2025-06-01T00:00:00+08:00'))).toBe(2025);
  });
});

describe('ageFromBirthYear', () => {
  it.each([
    [1970, '2025-03-01', 55],
    [2025, '2025-12-31', 0],
    [1970, new Date('2024-12-31T16:00:00Z'), 55],
    [1970, new Date('2024-12-31T15:00:00Z'), 54],
  ])('%i on %s → %i', (birthYear, today, age) => {
    expect(ageFromBirthYear(birthYear, today)).toBe(age);
  });

  it('rejects impossible input', () => {
    expect(() => ageFromBirthYear(2026, '2025-01-01')).toThrow(RangeError);
    expect(() => ageFromBirthYear(1970.5, '2025-01-01')).toThrow(RangeError);
    expect(() => ageFromBirthYear(1970, '1/1/2025')).toThrow(RangeError);
  });
});

describe('birthYearFromAge', () => {
  it('inverts ageFromBirthYear', () => {
    expect(birthYearFromAge(55, '2025-03-01')).toBe(1970);
    expect(ageFromBirthYear(birthYearFromAge(40, '2025-03-01'), '2025-03-01')).toBe(40);
  });

  it.each([-1, 1.5, 151])('rejects age %s', (age) => {
    expect(() => birthYearFromAge(age, '2025-01-01')).toThrow(RangeError);
  });
});
