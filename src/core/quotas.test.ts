import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUOTAS,
  evaluateDepartment,
  evaluateMember,
  evaluateVillage,
  quotaSettingsSchema,
  resolveQuotas,
  SHORTFALL_RULES,
  type Shortfall,
  summarize,
} from './quotas';

const q = DEFAULT_QUOTAS;
const okMember = { repCount: 7, villageCount: 1, visits: [{ villageId: 1, count: 1 }] };

describe('settings', () => {
  it('has the seed defaults', () => {
    expect(DEFAULT_QUOTAS).toEqual({
      repsPerMemberMin: 5,
      repsPerMemberMax: 10,
      repsPerVillageMin: 2,
      repsPerDeptMin: 3,
      repsPerDeptMax: 5,
      villagesPerMemberMin: 1,
      visitsPerLinkedVillagePerYear: 1,
    });
    expect(quotaSettingsSchema.parse(DEFAULT_QUOTAS)).toEqual(DEFAULT_QUOTAS);
  });

  it.each([
    [{ repsPerMemberMin: -1 }, 'repsPerMemberMin'],
    [{ repsPerVillageMin: 1.5 }, 'repsPerVillageMin'],
    [{ repsPerMemberMin: 11 }, 'repsPerMemberMax'],
    [{ repsPerDeptMax: 2 }, 'repsPerDeptMax'],
  ])('rejects %j at %s', (override, path) => {
    const r = quotaSettingsSchema.safeParse({ ...DEFAULT_QUOTAS, ...override });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts min equal to max and zero quotas', () => {
    expect(quotaSettingsSchema.safeParse({ ...DEFAULT_QUOTAS, repsPerDeptMin: 4, repsPerDeptMax: 4 }).success).toBe(
      true,
    );
    expect(quotaSettingsSchema.safeParse({ ...DEFAULT_QUOTAS, visitsPerLinkedVillagePerYear: 0 }).success).toBe(true);
  });

  it('resolves partial overrides on top of the defaults', () => {
    expect(resolveQuotas()).toEqual(DEFAULT_QUOTAS);
    expect(resolveQuotas({ repsPerMemberMax: 12 }).repsPerMemberMax).toBe(12);
    expect(() => resolveQuotas({ repsPerMemberMax: 4 })).toThrow();
  });
});

describe('evaluateMember', () => {
  it.each<[string, number, Shortfall[]]>([
    ['0 reps', 0, [{ rule: 'member_reps_min', expected: 5, actual: 0, gap: 5 }]],
    ['4 reps', 4, [{ rule: 'member_reps_min', expected: 5, actual: 4, gap: 1 }]],
    ['5 reps', 5, []],
    ['10 reps', 10, []],
    ['11 reps', 11, [{ rule: 'member_reps_max', expected: 10, actual: 11, gap: 1 }]],
    ['13 reps', 13, [{ rule: 'member_reps_max', expected: 10, actual: 13, gap: 3 }]],
  ])('%s', (_label, repCount, expected) => {
    expect(evaluateMember({ ...okMember, repCount }, q)).toEqual(expected);
  });

  it.each<[number, Shortfall[]]>([
    [0, [{ rule: 'member_villages_min', expected: 1, actual: 0, gap: 1 }]],
    [1, []],
    [3, []],
  ])('%i linked villages', (villageCount, expected) => {
    expect(evaluateMember({ ...okMember, villageCount }, q)).toEqual(expected);
  });

  it.each<[number, Shortfall[]]>([
    [0, [{ rule: 'village_visits_min', expected: 1, actual: 0, gap: 1, villageId: 1 }]],
    [1, []],
    [4, []],
  ])('%i visits to a linked village', (count, expected) => {
    expect(evaluateMember({ ...okMember, visits: [{ villageId: 1, count }] }, q)).toEqual(expected);
  });

  it('reports each under-visited village separately', () => {
    const m = {
      repCount: 5,
      villageCount: 3,
      visits: [
        { villageId: 7, count: 0 },
        { villageId: 8, count: 2 },
        { villageId: 9, count: 1 },
      ],
    };
    expect(evaluateMember(m, { ...q, visitsPerLinkedVillagePerYear: 2 })).toEqual([
      { rule: 'village_visits_min', expected: 2, actual: 0, gap: 2, villageId: 7 },
      { rule: 'village_visits_min', expected: 2, actual: 1, gap: 1, villageId: 9 },
    ]);
  });

  it('reports several rules at once', () => {
    const rules = evaluateMember({ repCount: 0, villageCount: 0, visits: [] }, q).map((s) => s.rule);
    expect(rules).toEqual(['member_reps_min', 'member_villages_min']);
  });

  it('follows the configured settings', () => {
    const custom = { ...q, repsPerMemberMin: 3, repsPerMemberMax: 3, visitsPerLinkedVillagePerYear: 0 };
    expect(evaluateMember({ repCount: 3, villageCount: 1, visits: [{ villageId: 1, count: 0 }] }, custom)).toEqual([]);
    expect(evaluateMember({ repCount: 4, villageCount: 1, visits: [] }, custom)).toEqual([
      { rule: 'member_reps_max', expected: 3, actual: 4, gap: 1 },
    ]);
  });
});

describe('evaluateVillage', () => {
  it.each<[number, number, Shortfall[]]>([
    [
      0,
      0,
      [
        { rule: 'village_reps_min', expected: 2, actual: 0, gap: 2 },
        { rule: 'village_unlinked', expected: 1, actual: 0, gap: 1 },
      ],
    ],
    [1, 1, [{ rule: 'village_reps_min', expected: 2, actual: 1, gap: 1 }]],
    [2, 1, []],
    [9, 3, []],
    [2, 0, [{ rule: 'village_unlinked', expected: 1, actual: 0, gap: 1 }]],
  ])('%i reps, %i linked members', (repCount, linkedMemberCount, expected) => {
    expect(evaluateVillage({ repCount, linkedMemberCount }, q)).toEqual(expected);
  });
});

describe('evaluateDepartment', () => {
  it.each<[number, Shortfall[]]>([
    [0, [{ rule: 'dept_reps_min', expected: 3, actual: 0, gap: 3 }]],
    [2, [{ rule: 'dept_reps_min', expected: 3, actual: 2, gap: 1 }]],
    [3, []],
    [5, []],
    [6, [{ rule: 'dept_reps_max', expected: 5, actual: 6, gap: 1 }]],
  ])('%i reps', (repCount, expected) => {
    expect(evaluateDepartment({ repCount }, q)).toEqual(expected);
  });
});

describe('summarize', () => {
  it('counts entities per kind and per rule, each entity once per rule', () => {
    const members = [
      evaluateMember(okMember, q),
      evaluateMember({ repCount: 4, villageCount: 0, visits: [] }, q),
      evaluateMember(
        {
          repCount: 11,
          villageCount: 2,
          visits: [
            { villageId: 1, count: 0 },
            { villageId: 2, count: 0 },
          ],
        },
        q,
      ),
    ];
    const villages = [
      evaluateVillage({ repCount: 2, linkedMemberCount: 1 }, q),
      evaluateVillage({ repCount: 0, linkedMemberCount: 0 }, q),
    ];
    const departments = [evaluateDepartment({ repCount: 4 }, q)];
    const s = summarize({ members, villages, departments });

    expect(s.byKind).toEqual({
      member: { total: 3, compliant: 1, nonCompliant: 2 },
      village: { total: 2, compliant: 1, nonCompliant: 1 },
      department: { total: 1, compliant: 1, nonCompliant: 0 },
    });
    expect(s.byRule.member_reps_min).toEqual({ total: 3, compliant: 2, nonCompliant: 1 });
    expect(s.byRule.member_reps_max).toEqual({ total: 3, compliant: 2, nonCompliant: 1 });
    expect(s.byRule.member_villages_min).toEqual({ total: 3, compliant: 2, nonCompliant: 1 });
    expect(s.byRule.village_visits_min).toEqual({ total: 3, compliant: 2, nonCompliant: 1 });
    expect(s.byRule.village_reps_min).toEqual({ total: 2, compliant: 1, nonCompliant: 1 });
    expect(s.byRule.village_unlinked).toEqual({ total: 2, compliant: 1, nonCompliant: 1 });
    expect(s.byRule.dept_reps_min).toEqual({ total: 1, compliant: 1, nonCompliant: 0 });
    expect(s.byRule.dept_reps_max).toEqual({ total: 1, compliant: 1, nonCompliant: 0 });
  });

  it('handles missing groups and lists every rule', () => {
    const s = summarize({});
    expect(Object.keys(s.byRule).sort()).toEqual([...SHORTFALL_RULES].sort());
    expect(SHORTFALL_RULES).toHaveLength(8);
    expect(s.byKind.member).toEqual({ total: 0, compliant: 0, nonCompliant: 0 });
  });
});
