import { afterAll, describe, expect, it } from 'vitest';
import { chinaDateOf, chinaInstant } from './china-time';
import { OFFICIAL_CALENDAR as cal } from './holidays-data';
import { acceptanceDeadline, conclusionDeadline } from './petition-clock';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
import { addWorkingHours } from './working-hours';

const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

// Everything a deadline screen computes, from instants on both sides of UTC midnight.
function fingerprint(): string {
  const instants = ['2026-02-13T15:59:00Z', '2026-02-13T16:00:00Z', '2025-12-31T17:00:00Z', '2026-09-30T23:00:00Z'];
  return JSON.stringify(
    instants.map((s) => {
      const t = new Date(s);
      return [
        chinaDateOf(t),
        isWorkingDay(t, cal),
        addWorkingDays(t, 1, cal),
        addWorkingDays(t, 15, cal),
        addWorkingHours(t, 2, cal),
        acceptanceDeadline(t, { calendar: cal }),
        conclusionDeadline(t, [30]),
        workingDaysBetween(t, '2026-12-31', cal),
        chinaInstant('2026-02-24', '17:30'),
      ];
    }),
  );
}

describe('time-zone independence', () => {
  it('gives the same results whatever the server time zone', () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'Europe/London'];
    const results = zones.map((tz) => {
      process.env.TZ = tz;
      return { offset: new Date('2026-01-15T00:00:00Z').getTimezoneOffset(), print: fingerprint() };
    });
    // the zone really changed between runs (UTC 0, LA +480, Kiritimati −840)
    expect(results.map((r) => r.offset)).toEqual([0, 480, -840, -480, 0]);
    for (const r of results) expect(r.print).toBe(results[0].print);
  });

  it('puts a Friday-night-UTC instant on the Chinese Saturday it is', () => {
    process.env.TZ = 'America/Los_Angeles';
    // Friday 13 Feb 16:00 UTC (08:00 Friday in LA) is Saturday 14 Feb 00:00 in Beijing: a make-up working day
    const t = new Date('2026-02-13T16:00:00Z');
    expect(chinaDateOf(t)).toBe('2026-02-14');
    expect(addWorkingDays(t, 1, cal).date).toBe('2026-02-24');
    expect(addWorkingHours(t, 2, cal)).toEqual(chinaInstant('2026-02-14', '10:30'));
  });
});
