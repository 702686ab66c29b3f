// Spikes (社情民意突增): a village × category whose items in the last 7 days are far above its usual weekly count.
//
// The rule, in words (also in docs/USER-GUIDE.md): count the items of the 7 China days ending today (the window) and
// each of the 8 weeks before it (the baseline; a week without items counts 0). The usual weekly count λ is the
// baseline mean, but never below half an item a week (a village nobody has written from is not "infinitely" quiet).
// A spike is a window count of at least 5 that a Poisson count with mean λ would reach less than once in a thousand
// weeks: P(X ≥ count | λ) < 0.001, computed exactly from the tail sum. So a village that always has 10 a week does not
// alert at 12 (p ≈ 0.30) but does at 25 (p ≈ 0.00005), and one with 0–1 a week alerts at 6 (p ≈ 0.00001).
import { chinaInstant, shiftDate, toChinaDate } from '../calendar/index.js';

/** The rule's numbers: window length, baseline weeks, the least count that can alert, the floor of λ and the p cut-off. */
export const SPIKE_RULE = Object.freeze({
  windowDays: 7,
  baselineWeeks: 8,
  minCount: 5,
  minBaseline: 0.5,
  maxP: 0.001,
});

/** ln(k!) by summing logs (k stays small: a week's items of one village). */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/**
 * P(X ≥ k) for X ~ Poisson(λ), summed upward from the k-th term in log space, so a tail of 1e-40 is still exact where
 * 1 − CDF would round to 0.
 */
export function poissonUpperTail(lambda: number, k: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // Below the mean the tail is most of the mass: use the complement, which then has few terms and no cancellation.
  if (k <= lambda) {
    let below = 0;
    for (let i = 0; i < k; i++) below += Math.exp(-lambda + i * Math.log(lambda) - logFactorial(i));
    return Math.max(0, 1 - below);
  }
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-17) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

/** What the rule says about one village × category. */
export interface SpikeVerdict {
  alert: boolean;
  /** The usual weekly count used (baseline mean, floored). */
  baseline: number;
  /** P(X ≥ count) under the usual count. */
  p: number;
}

/** Applies the rule to a window count and the baseline weeks' counts (fewer weeks than the rule's: missing ones are 0). */
export function detectSpike(count: number, baselineWeeks: readonly number[]): SpikeVerdict {
  const total = baselineWeeks.reduce((s, n) => s + n, 0);
  const baseline = Math.max(SPIKE_RULE.minBaseline, total / SPIKE_RULE.baselineWeeks);
  const p = poissonUpperTail(baseline, count);
  return { alert: count >= SPIKE_RULE.minCount && p < SPIKE_RULE.maxP, baseline, p };
}

/** The window and baseline instants for a scan at `now`: whole China days, so every scan of a day sees one window. */
export function spikeWindows(now: Date): { start: Date; end: Date; baselineStart: Date } {
  const today = toChinaDate(now);
  const startDay = shiftDate(today, 1 - SPIKE_RULE.windowDays);
  return {
    start: chinaInstant(startDay),
    end: chinaInstant(shiftDate(today, 1)),
    baselineStart: chinaInstant(shiftDate(startDay, -7 * SPIKE_RULE.baselineWeeks)),
  };
}

/** Which baseline week (1 = the week just before the window) an instant falls in, or 0 when it is not in the baseline. */
export function baselineWeekOf(at: Date, windowStart: Date): number {
  const days = (windowStart.getTime() - at.getTime()) / 86_400_000;
  if (days <= 0) return 0;
  const week = Math.ceil(days / 7);
  return week <= SPIKE_RULE.baselineWeeks ? week : 0;
}
