// The due date on the tracking page is formatted per language and never shifted by the viewer's time zone.
import { describe, expect, it } from 'vitest';
import { formatDay } from './dates';

describe('formatDay', () => {
  it('formats a calendar date per language', () => {
    expect(formatDay('2026-04-15', 'zh')).toBe('2026年4月15日');
    expect(formatDay('2026-04-15', 'en')).toBe('15 April 2026');
    expect(formatDay('2026-04-15', 'ug')).toMatch(/2026/);
    expect(formatDay('2026-04-15', 'ug')).not.toBe(formatDay('2026-04-15', 'en'));
  });
});
