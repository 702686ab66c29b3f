import { describe, expect, it } from 'vitest';
import { planDemo } from './demo.js';
import { BASE_TODAY, demoClock, demoTodayFromEnv } from './demo-clock.js';
import { loadCounty } from './demo-county.js';

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('demo clock', () => {
  it('on the base day reproduces the hand-written dates', () => {
    const c = demoClock(BASE_TODAY);
    expect(c).toMatchObject({ today: '2026-11-01', year: 2026, first: '2025-11-01', yearStart: '2026-01-01' });
    expect(c.recentStart).toBe('2026-01-01');
    expect(c.shift('2026-12-05')).toBe('2026-12-05');
    expect(c.inYear(0, '05-16')).toBe('2026-05-16');
    expect(c.inYear(0, '12-20')).toBe('2026-10-31');
    expect(c.todayAt.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('moves with the load date: working year, a non-empty "this year" early in January, weekdays kept', () => {
    const c = demoClock('2027-01-10');
    expect(c).toMatchObject({ year: 2027, first: '2026-01-10', yearStart: '2027-01-01' });
    expect(c.recentStart).toBe('2026-10-12');
    expect(c.day(-1)).toBe('2027-01-09');
    expect(c.inYear(0, '05-10')).toBe('2027-01-09');
    expect(c.inYear(-1, '05-10')).toBe('2026-05-10');
    expect(c.past('2027-02-01')).toBe('2027-01-09');
    // A Saturday of the base calendar stays a Saturday, about as far from today as it was from the base day.
    expect(weekday(c.shift('2026-12-05'))).toBe(6);
    expect(Math.abs(Date.parse(c.shift('2026-12-05')) - Date.parse('2027-02-13'))).toBeLessThanOrEqual(3 * 86_400_000);
    // On 1 January nothing of the working year lies before today: its dates fall on today, never after.
    expect(demoClock('2027-01-01').inYear(0, '03-01')).toBe('2027-01-01');
    expect(demoClock('2028-02-29').first).toBe('2027-03-01');
  });

  it('takes DEMO_TODAY from the environment, else today in China', () => {
    expect(demoTodayFromEnv({ DEMO_TODAY: '2027-03-15' })).toBe('2027-03-15');
    expect(demoTodayFromEnv({}, new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(() => demoTodayFromEnv({ DEMO_TODAY: '2027-02-30' })).toThrow(/DEMO_TODAY must be a date YYYY-MM-DD/);
    expect(() => demoTodayFromEnv({ DEMO_TODAY: 'tomorrow' })).toThrow(/DEMO_TODAY/);
  });
});

describe('demo plan on another day', async () => {
  const county = await loadCounty();
  const today = '2028-03-15';
  const plan = planDemo(county, undefined, demoClock(today));
  const todayAt = demoClock(today).todayAt.getTime();

  it('covers the year before the load date and reaches up to it', () => {
    const dates = plan.activities.map((a) => a.values.date as string).sort();
    expect(dates[0] >= '2027-03-15').toBe(true);
    expect(dates.at(-1)! < today).toBe(true);
    expect(dates.filter((d) => d >= '2028-02-15').length).toBeGreaterThan(20);
    const received = plan.opinions.map((o) => o.receivedAt.getTime());
    expect(Math.min(...received)).toBeGreaterThanOrEqual(Date.parse('2027-03-15T00:00:00+08:00'));
    expect(Math.max(...received)).toBeLessThan(todayAt);
    expect(received.filter((t) => t >= todayAt - 30 * 86_400_000).length).toBeGreaterThan(200);
    expect(plan.opinions.every((o) => o.events.every((e) => e.at.getTime() < todayAt))).toBe(true);
  });

  it('is the same plan for the same day and another for another day', () => {
    const again = planDemo(county, undefined, demoClock(today));
    expect(again.opinions.map((o) => o.receivedAt.getTime())).toEqual(plan.opinions.map((o) => o.receivedAt.getTime()));
    const base = planDemo(county);
    expect(base.activities[0].values.date < '2026-01-01').toBe(true);
    expect(base.activities.map((a) => a.values.date)).not.toEqual(plan.activities.map((a) => a.values.date));
  });
});
