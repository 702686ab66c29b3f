import { describe, expect, it } from 'vitest';
import { type EvidenceRef, lineOf, median, rankWithin, round2, type ScoringRule, scoreMember, totalOf } from './score';
import { sourceLabel } from './sources';

const rule = (over: Partial<ScoringRule>): ScoringRule => ({
  id: 1,
  name: 'r',
  source: 'activities',
  points: 1,
  cap: null,
  isDeduction: false,
  ...over,
});
const refs = (n: number, units?: number): EvidenceRef[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'activity', id: i + 1, date: '2026-01-01', title: `t${i}`, units }));

describe('lineOf', () => {
  it.each([
    { name: 'plain', r: { points: 2 }, units: 3, adj: 0, want: 6 },
    { name: 'capped', r: { points: 2, cap: 5 }, units: 3, adj: 0, want: 5 },
    { name: 'under cap', r: { points: 2, cap: 10 }, units: 3, adj: 0, want: 6 },
    { name: 'deduction', r: { points: 3, isDeduction: true }, units: 2, adj: 0, want: -6 },
    { name: 'deduction capped', r: { points: 3, cap: 5, isDeduction: true }, units: 4, adj: 0, want: -5 },
    { name: 'zero units', r: { points: 3 }, units: 0, adj: 0, want: 0 },
    { name: 'rounding', r: { points: 0.335 }, units: 3, adj: 0, want: 1.01 },
    { name: 'fractional units', r: { points: 1.5 }, units: 2.5, adj: 0, want: 3.75 },
    { name: 'appeal after cap', r: { points: 2, cap: 4 }, units: 5, adj: 1.5, want: 5.5 },
    { name: 'appeal on deduction', r: { points: 2, isDeduction: true }, units: 1, adj: 2, want: 0 },
  ])('$name', ({ r, units, adj, want }) => {
    expect(lineOf(rule(r), units, adj).points).toBe(want);
  });
});

describe('scoreMember', () => {
  const rules = [
    rule({ id: 1, source: 'activities', points: 2, cap: 10 }),
    rule({ id: 2, source: 'meetings', points: 5 }),
    rule({ id: 3, source: 'absences', points: 4, isDeduction: true }),
    rule({ id: 4, source: 'training', points: 1 }),
  ];
  it('adds evidence, entries and adjustments, keeps the refs', () => {
    const s = scoreMember(
      rules,
      { activities: refs(7), training: refs(1) },
      { 2: refs(1, 2), 3: refs(1), 4: refs(1, 0.5) },
      { 1: 1 },
      60,
    );
    expect(s.lines.map((l) => l.points)).toEqual([11, 10, -4, 1.5]);
    expect(s.lines[0].evidence).toHaveLength(7);
    expect(s.lines[3].units).toBe(1.5);
    expect(s.total).toBe(78.5);
  });
  it('never goes below zero', () => {
    const s = scoreMember(rules, {}, { 3: refs(10) }, {}, 0);
    expect(s.lines[2].points).toBe(-40);
    expect(s.total).toBe(0);
  });
  it('rounds the total to 2 decimals', () => {
    expect(totalOf([{ points: 0.1 }, { points: 0.2 }], 0)).toBe(0.3);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-2.345)).toBe(-2.35);
  });
});

describe('rankWithin / median / labels', () => {
  it('ranks ties alike per group', () => {
    const rows = [
      { g: 1, t: 10 },
      { g: 1, t: 20 },
      { g: 1, t: 10 },
      { g: 1, t: 5 },
      { g: 2, t: 1 },
    ];
    const r = rankWithin(
      rows,
      (x) => x.g,
      (x) => x.t,
    );
    expect(rows.map((x) => r.get(x))).toEqual([2, 1, 2, 4, 1]);
  });
  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });
  it('labels sources in Chinese', () => {
    expect(sourceLabel('village_visits')).toBe('进村走访');
  });
});
