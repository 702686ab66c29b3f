// The quota rules and their evaluation, without validation: the web app imports this file so zod stays out of its
// bundle; quotas.ts adds the settings schema.
// The registry quotas of 篇二/篇四/篇七; practice rather than law, so each committee can change them.
export interface QuotaSettings {
  repsPerMemberMin: number;
  repsPerMemberMax: number;
  repsPerVillageMin: number;
  repsPerDeptMin: number;
  repsPerDeptMax: number;
  villagesPerMemberMin: number;
  visitsPerLinkedVillagePerYear: number;
}

// Defaults from the seed documents: 5–10 reps a member, ≥2 a village, 3–5 a department, ≥1 village, ≥1 visit a year.
export const DEFAULT_QUOTAS: Readonly<QuotaSettings> = Object.freeze({
  repsPerMemberMin: 5,
  repsPerMemberMax: 10,
  repsPerVillageMin: 2,
  repsPerDeptMin: 3,
  repsPerDeptMax: 5,
  villagesPerMemberMin: 1,
  visitsPerLinkedVillagePerYear: 1,
});

// Every rule the compliance view checks; the code is what the client translates.
export type ShortfallRule =
  | 'member_reps_min'
  | 'member_reps_max'
  | 'member_villages_min'
  | 'village_reps_min'
  | 'village_unlinked'
  | 'dept_reps_min'
  | 'dept_reps_max'
  | 'village_visits_min';

// One broken rule: gap is how many more are needed (or, for *_max, how many too many); villageId for visits.
export type Shortfall = {
  rule: ShortfallRule;
  expected: number;
  actual: number;
  gap: number;
  villageId?: number;
};

// The three kinds of entity the quotas apply to.
export type QuotaEntityKind = 'member' | 'village' | 'department';

// Which entity each rule is about, so a summary counts against the right totals.
export const RULE_ENTITY = {
  member_reps_min: 'member',
  member_reps_max: 'member',
  member_villages_min: 'member',
  village_visits_min: 'member',
  village_reps_min: 'village',
  village_unlinked: 'village',
  dept_reps_min: 'department',
  dept_reps_max: 'department',
} as const satisfies Record<ShortfallRule, QuotaEntityKind>;

// The rules in display order, for charts and legends.
export const SHORTFALL_RULES = Object.keys(RULE_ENTITY) as ShortfallRule[];

// What the compliance view knows about a member for one working year.
export interface MemberQuotaFacts {
  repCount: number;
  villageCount: number;
  /** one entry per linked village, including those with count 0 */
  visits: Array<{ villageId: number; count: number }>;
}

// What the compliance view knows about a village or community.
export interface VillageQuotaFacts {
  repCount: number;
  linkedMemberCount: number;
}

// What the compliance view knows about a township department.
export interface DepartmentQuotaFacts {
  repCount: number;
}

function atLeast(rule: ShortfallRule, min: number, actual: number): Shortfall[] {
  return actual < min ? [{ rule, expected: min, actual, gap: min - actual }] : [];
}

function atMost(rule: ShortfallRule, max: number, actual: number): Shortfall[] {
  return actual > max ? [{ rule, expected: max, actual, gap: actual - max }] : [];
}

// A member's broken rules: representative count, villages linked, and a visit to each linked village.
export function evaluateMember(m: MemberQuotaFacts, q: QuotaSettings): Shortfall[] {
  const out = [
    ...atLeast('member_reps_min', q.repsPerMemberMin, m.repCount),
    ...atMost('member_reps_max', q.repsPerMemberMax, m.repCount),
    ...atLeast('member_villages_min', q.villagesPerMemberMin, m.villageCount),
  ];
  for (const v of m.visits) {
    for (const s of atLeast('village_visits_min', q.visitsPerLinkedVillagePerYear, v.count)) {
      out.push({ ...s, villageId: v.villageId });
    }
  }
  return out;
}

// A village's broken rules: enough representatives, and linked by at least one member (全覆盖).
export function evaluateVillage(v: VillageQuotaFacts, q: QuotaSettings): Shortfall[] {
  return [
    ...atLeast('village_reps_min', q.repsPerVillageMin, v.repCount),
    ...atLeast('village_unlinked', 1, v.linkedMemberCount),
  ];
}

// A department's broken rules: between the minimum and maximum number of representatives.
export function evaluateDepartment(d: DepartmentQuotaFacts, q: QuotaSettings): Shortfall[] {
  return [
    ...atLeast('dept_reps_min', q.repsPerDeptMin, d.repCount),
    ...atMost('dept_reps_max', q.repsPerDeptMax, d.repCount),
  ];
}

// Compliant / non-compliant entity counts.
export interface ComplianceCount {
  total: number;
  compliant: number;
  nonCompliant: number;
}

// Chart data: per entity kind (any rule broken) and per rule (that rule broken, each entity counted once).
export interface ComplianceSummary {
  byKind: Record<QuotaEntityKind, ComplianceCount>;
  byRule: Record<ShortfallRule, ComplianceCount>;
}

// The shortfall lists already computed for the compliance list, one list per entity, grouped by kind.
export interface EvaluatedEntities {
  members?: readonly (readonly Shortfall[])[];
  villages?: readonly (readonly Shortfall[])[];
  departments?: readonly (readonly Shortfall[])[];
}

function tally(lists: readonly (readonly Shortfall[])[]): ComplianceCount {
  const nonCompliant = lists.filter((l) => l.length > 0).length;
  return { total: lists.length, compliant: lists.length - nonCompliant, nonCompliant };
}

// Summarises evaluated entities for the compliance chart without re-running the rules.
export function summarize(evaluated: EvaluatedEntities): ComplianceSummary {
  const lists: Record<QuotaEntityKind, readonly (readonly Shortfall[])[]> = {
    member: evaluated.members ?? [],
    village: evaluated.villages ?? [],
    department: evaluated.departments ?? [],
  };
  const byKind = {
    member: tally(lists.member),
    village: tally(lists.village),
    department: tally(lists.department),
  };
  const byRule = {} as Record<ShortfallRule, ComplianceCount>;
  for (const rule of SHORTFALL_RULES) {
    const entities = lists[RULE_ENTITY[rule]];
    const nonCompliant = entities.filter((l) => l.some((s) => s.rule === rule)).length;
    byRule[rule] = { total: entities.length, compliant: entities.length - nonCompliant, nonCompliant };
  }
  return { byKind, byRule };
}
