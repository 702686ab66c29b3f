// The spike rule as a table: what a county office would call "far more than usual" and what it would not.
import { describe, expect, it } from 'vitest';
import { detectSpike, poissonUpperTail, SPIKE_RULE, spikeWindows } from './detect.js';

describe('poissonUpperTail', () => {
  it.each([
    // P(X ≥ k) for X ~ Poisson(λ), values from the closed form 1 − Σ_{i<k} e^−λ λ^i / i!.
    [1, 0, 1],
    [1, 1, 1 - Math.exp(-1)],
    [2, 3, 1 - Math.exp(-2) * (1 + 2 + 2)],
    [0.5, 6, 1.4164e-5],
    [10, 12, 0.30322],
    [10, 25, 4.6949e-5],
  ])('λ=%s, k=%s', (lambda, k, want) => {
    const got = poissonUpperTail(lambda, k);
    expect(Math.abs(got - want) / want).toBeLessThan(1e-3);
  });

  it('stays exact far in the tail, where 1 − CDF would round to 0', () => {
    const p = poissonUpperTail(1, 40);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-40);
  });

  it('is 0 for any count above zero when nothing is expected, and 1 for a count of 0', () => {
    expect(poissonUpperTail(0, 3)).toBe(0);
    expect(poissonUpperTail(0, 0)).toBe(1);
  });
});

describe('detectSpike', () => {
  it.each([
    ['a quiet village (0–1 a week) at 6', 6, [0, 1, 0, 0, 1, 0, 1, 0], true],
    ['a quiet village at 8', 8, [0, 1, 0, 0, 1, 0, 1, 0], true],
    ['a village with nothing before at 5', 5, [0, 0, 0, 0, 0, 0, 0, 0], true],
    ['a village with nothing before at 4 (below the minimum)', 4, [0, 0, 0, 0, 0, 0, 0, 0], false],
    ['a busy village (10 a week) at 12', 12, [10, 10, 10, 10, 10, 10, 10, 10], false],
    ['a busy village at its usual level', 10, [9, 11, 10, 12, 8, 10, 10, 10], false],
    ['a busy village at 25 (2.5× usual)', 25, [10, 10, 10, 10, 10, 10, 10, 10], true],
    ['a village of 3 a week at 6', 6, [3, 3, 3, 3, 3, 3, 3, 3], false],
    ['a village of 3 a week at 12', 12, [3, 3, 3, 3, 3, 3, 3, 3], true],
    ['one bad week in the baseline keeps 7 ordinary', 7, [0, 0, 0, 20, 0, 0, 0, 0], false],
  ])('%s → %s', (_l, count, weeks, want) => {
    expect(detectSpike(count, weeks).alert).toBe(want);
  });

  it('reports the usual weekly count and the probability', () => {
    const r = detectSpike(8, [0, 1, 0, 0, 1, 0, 1, 0]);
    expect(r.baseline).toBe(SPIKE_RULE.minBaseline); // 3/8 a week, floored at half an item
    expect(detectSpike(8, [1, 2, 1, 0, 1, 1, 1, 1]).baseline).toBe(1);
    expect(r.p).toBeLessThan(SPIKE_RULE.maxP);
  });

  it('a missing week counts as zero; no history at all is the floor baseline', () => {
    expect(detectSpike(5, []).baseline).toBe(SPIKE_RULE.minBaseline);
    expect(detectSpike(5, []).alert).toBe(true);
  });
});

describe('spikeWindows', () => {
  it('the window is the 7 China days ending today; the baseline the 8 weeks before it', () => {
    // 2026-10-09 10:00 in China is 02:00 UTC.
    const w = spikeWindows(new Date('2026-10-09T02:00:00Z'));
    expect(w.start.toISOString()).toBe('2026-10-02T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-10-09T16:00:00.000Z');
    expect(w.baselineStart.toISOString()).toBe('2026-08-07T16:00:00.000Z');
  });

  it('is the same window all day long (a scan every minute sees one window)', () => {
    const a = spikeWindows(new Date('2026-10-08T16:00:00Z'));
    const b = spikeWindows(new Date('2026-10-09T15:59:59Z'));
    expect(a.start.getTime()).toBe(b.start.getTime());
  });
});
