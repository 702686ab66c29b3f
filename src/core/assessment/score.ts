// Scores one member against a year's rule table: units × points per line, capped, deductions negative, appeals added.
import type { AssessmentSource } from './sources';

/** One line of the rule table as the scorer needs it. */
export interface ScoringRule {
  id: number;
  name: string;
  source: AssessmentSource;
  points: number;
  cap: number | null;
  isDeduction: boolean;
}

/** The record behind a unit of a line: what kind, which id, when and what it is called. */
export interface EvidenceRef {
  kind: 'activity' | 'opinion' | 'bulletin' | 'proposal' | 'reception_day' | 'entry';
  id: number;
  date: string;
  title: string;
  /** Units this record counts for (manual entries carry a quantity); 1 when omitted. */
  units?: number;
}

/** A scored line: the units counted, the points earned (after cap and appeal), and the records behind them. */
export interface ScoreLine {
  ruleId: number;
  name: string;
  source: AssessmentSource;
  isDeduction: boolean;
  units: number;
  points: number;
  adjustment: number;
  evidence: EvidenceRef[];
}

/** A member's result: every line and the total. */
export interface MemberScore {
  total: number;
  lines: ScoreLine[];
}

/** Rounds to 2 decimals, half away from zero, without the binary-float drift of a plain toFixed. */
export function round2(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** Units of a line: the sum of its evidence's units. */
export function unitsOf(evidence: readonly EvidenceRef[]): number {
  return round2(evidence.reduce((s, e) => s + (e.units ?? 1), 0));
}

/**
 * Scores one member.
 * - evidence: the automatic records per source (a rule reads the list of its source);
 * - entries: manual entries per rule id (added to that rule's evidence);
 * - adjustments: accepted appeals per rule id (added to the line after the cap).
 * Line points = min(units × points, cap), negative for deductions, plus the adjustment; total = base + Σ, floor 0.
 */
export function scoreMember(
  rules: readonly ScoringRule[],
  evidence: Partial<Record<AssessmentSource, readonly EvidenceRef[]>>,
  entries: Readonly<Record<number, readonly EvidenceRef[]>> = {},
  adjustments: Readonly<Record<number, number>> = {},
  baseScore = 0,
): MemberScore {
  const lines = rules.map((rule): ScoreLine => {
    const ev = [...(evidence[rule.source] ?? []), ...(entries[rule.id] ?? [])];
    const units = unitsOf(ev);
    return { ...lineOf(rule, units, adjustments[rule.id] ?? 0), evidence: ev };
  });
  return { total: totalOf(lines, baseScore), lines };
}

/** One line from its unit count alone (the scores table uses counts, not the records). */
export function lineOf(rule: ScoringRule, units: number, adjustment = 0): Omit<ScoreLine, 'evidence'> {
  let raw = units * rule.points;
  if (rule.cap !== null && rule.cap !== undefined) raw = Math.min(raw, rule.cap);
  const signed = rule.isDeduction ? -raw : raw;
  return {
    ruleId: rule.id,
    name: rule.name,
    source: rule.source,
    isDeduction: rule.isDeduction,
    units: round2(units),
    points: round2(signed + adjustment),
    adjustment: round2(adjustment),
  };
}

/** Total of the lines over the base score, never below 0. */
export function totalOf(lines: readonly { points: number }[], baseScore = 0): number {
  return Math.max(0, round2(baseScore + lines.reduce((s, l) => s + l.points, 0)));
}

/** Standard competition ranks (1, 2, 2, 4) of totals within each group key, highest first. */
export function rankWithin<T>(rows: readonly T[], key: (r: T) => string | number | null, total: (r: T) => number) {
  const groups = new Map<string | number | null, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const rank = new Map<T, number>();
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => total(b) - total(a));
    sorted.forEach((r, i) => {
      const prev = sorted[i - 1];
      rank.set(r, prev && total(prev) === total(r) ? rank.get(prev)! : i + 1);
    });
  }
  return rank;
}

/** Median of numbers (null for none). */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : round2((s[m - 1] + s[m]) / 2);
}
