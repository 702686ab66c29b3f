// The compliance view: facts from set-based SQL, rules from core/quotas, rows per member, village, department and group.
import {
  type ComplianceCount,
  evaluateDepartment,
  evaluateMember,
  evaluateVillage,
  type QuotaEntityKind,
  type QuotaSettings,
  RULE_ENTITY,
  SHORTFALL_RULES,
  type ShortfallRule,
  summarize,
} from '../../../core/quotas.js';
import { chinaYear, yearRange } from '../../../core/working-year.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { groupRuleFixUrl, rowFixUrl, shortfallFixUrl } from './fix-urls.js';
import { departmentFacts, memberFacts, townshipRows, villageFacts, withFactReader } from './repo.js';
import type {
  ComplianceKind,
  ComplianceQuery,
  ComplianceResponse,
  ComplianceRow,
  ComplianceSummaryOut,
  EntityRow,
  GroupRow,
} from './schema.js';
import { complianceScope } from './scope.js';
import { loadQuotas } from './settings.js';

/** Every evaluated row in scope, before filtering and paging. */
export interface EvaluatedCompliance {
  year: number;
  quotas: QuotaSettings;
  members: EntityRow[];
  villages: EntityRow[];
  departments: EntityRow[];
  groups: GroupRow[];
}

/** Names for a row, looked up from the township list instead of travelling with every row. */
interface Place {
  groupId: number | null;
  groupName: string | null;
  townshipName: string | null;
}

const entityRow = (
  kind: QuotaEntityKind,
  r: { id: number; name: string; code?: string },
  place: Place,
  facts: Record<string, number>,
  shortfalls: EntityRow['shortfalls'],
): EntityRow => ({
  kind,
  id: r.id,
  name: r.name,
  code: r.code ?? null,
  ...place,
  facts,
  compliant: shortfalls.length === 0,
  shortfalls,
  fixUrl: rowFixUrl(kind, r.id),
});

const count = (rows: { compliant: boolean }[]): ComplianceCount => {
  const nonCompliant = rows.filter((r) => !r.compliant).length;
  return { total: rows.length, compliant: rows.length - nonCompliant, nonCompliant };
};

/** A group row from the group's own entities: counts per kind, and per rule how many break it and by how much. */
function groupRow(g: { id: number; name: string; townshipName: string | null }, mine: EntityRow[]): GroupRow {
  const byKind = (k: QuotaEntityKind) => mine.filter((e) => e.kind === k);
  const shortfalls: GroupRow['shortfalls'] = [];
  for (const rule of SHORTFALL_RULES) {
    let entitiesBreaking = 0;
    let gap = 0;
    for (const e of mine) {
      const hits = e.shortfalls.filter((s) => s.rule === rule);
      if (hits.length) entitiesBreaking++;
      for (const s of hits) gap += s.gap;
    }
    if (entitiesBreaking)
      shortfalls.push({ rule, entities: entitiesBreaking, gap, fixUrl: groupRuleFixUrl(g.id, RULE_ENTITY[rule]) });
  }
  return {
    kind: 'group',
    id: g.id,
    name: g.name,
    code: null,
    groupId: g.id,
    groupName: g.name,
    townshipName: g.townshipName,
    counts: {
      member: count(byKind('member')),
      village: count(byKind('village')),
      department: count(byKind('department')),
    },
    compliant: shortfalls.length === 0,
    shortfalls,
    fixUrl: rowFixUrl('group', g.id),
  };
}

/** Reads the facts in the actor's scope and evaluates every rule; each kind costs one aggregate query. */
export async function evaluateCompliance(
  db: DbOrTx,
  a: Actor,
  opts: { year?: number; groupId?: number; now?: Date },
): Promise<EvaluatedCompliance> {
  const year = opts.year ?? chinaYear(opts.now ?? new Date());
  const { quotas } = await loadQuotas(db);
  const { filters, kinds } = complianceScope(a, opts.groupId);
  const seeVillages = kinds.has('village');
  const [towns, mf, vf, df] = await withFactReader(
    db,
    async (tx) =>
      [
        await townshipRows(tx, filters),
        kinds.has('member') ? await memberFacts(tx, filters, yearRange(year)) : [],
        seeVillages ? await villageFacts(tx, filters) : [],
        seeVillages ? await departmentFacts(tx, filters) : [],
      ] as const,
  );
  const byTownship = new Map(towns.map((t) => [t.id, t]));
  const byGroup = new Map(towns.filter((t) => t.groupId !== null).map((t) => [t.groupId as number, t]));
  const atTownship = (id: number | null): Place => {
    const t = id === null ? undefined : byTownship.get(id);
    return { groupId: t?.groupId ?? null, groupName: t?.groupName ?? null, townshipName: t?.name ?? null };
  };
  const inGroup = (id: number | null): Place => {
    const t = id === null ? undefined : byGroup.get(id);
    return { groupId: id, groupName: t?.groupName ?? null, townshipName: t?.name ?? null };
  };
  const members = mf.map((m) => {
    const visits = m.visits.map(([villageId, n]) => ({ villageId, count: n }));
    const names = new Map(m.visits.map(([id, , name]) => [id, name]));
    const shortfalls = evaluateMember({ repCount: m.repCount, villageCount: m.villageCount, visits }, quotas).map(
      (s) => ({
        ...s,
        ...(s.villageId ? { villageName: names.get(s.villageId) } : {}),
        fixUrl: shortfallFixUrl(s.rule, m.id, s.villageId),
      }),
    );
    return entityRow(
      'member',
      m,
      inGroup(m.groupId),
      { repCount: m.repCount, villageCount: m.villageCount },
      shortfalls,
    );
  });
  const villages = vf.map((v) => {
    const facts = { repCount: v.repCount, linkedMemberCount: v.linkedMemberCount };
    const shortfalls = evaluateVillage(facts, quotas).map((s) => ({ ...s, fixUrl: shortfallFixUrl(s.rule, v.id) }));
    return entityRow('village', v, atTownship(v.townshipId), facts, shortfalls);
  });
  const departments = df.map((d) => {
    const shortfalls = evaluateDepartment({ repCount: d.repCount }, quotas).map((s) => ({
      ...s,
      fixUrl: shortfallFixUrl(s.rule, d.id),
    }));
    return entityRow('department', d, atTownship(d.townshipId), { repCount: d.repCount }, shortfalls);
  });
  // Group rows aggregate only entities the actor sees; a group leader sees all of their own group.
  const byGroupId = new Map<number, EntityRow[]>();
  for (const e of [...members, ...villages, ...departments]) {
    if (e.groupId === null) continue;
    const list = byGroupId.get(e.groupId);
    if (list) list.push(e);
    else byGroupId.set(e.groupId, [e]);
  }
  const groups = kinds.has('group')
    ? towns
        .filter((t) => t.groupId !== null && t.groupVisible)
        .map((t) =>
          groupRow(
            { id: t.groupId as number, name: t.groupName ?? '', townshipName: t.name },
            byGroupId.get(t.groupId as number) ?? [],
          ),
        )
    : [];
  return { year, quotas, members, villages, departments, groups };
}

/** Chart data over everything evaluated: per kind (groups too) and per rule, each entity counted once. */
export function summarizeCompliance(e: EvaluatedCompliance): ComplianceSummaryOut {
  const core = summarize({
    members: e.members.map((r) => r.shortfalls),
    villages: e.villages.map((r) => r.shortfalls),
    departments: e.departments.map((r) => r.shortfalls),
  });
  return {
    byKind: { ...core.byKind, group: count(e.groups) },
    byRule: core.byRule as Record<ShortfallRule, ComplianceCount>,
  };
}

const KIND_ORDER: ComplianceKind[] = ['group', 'member', 'village', 'department'];

/** GET /compliance: rows (groups, then members, villages, departments), filtered and paged, plus the summary. */
export async function complianceView(db: DbOrTx, a: Actor, q: ComplianceQuery, now: Date): Promise<ComplianceResponse> {
  const e = await evaluateCompliance(db, a, { year: q.year, groupId: q.groupId, now });
  const byKind: Record<ComplianceKind, ComplianceRow[]> = {
    group: e.groups,
    member: e.members,
    village: e.villages,
    department: e.departments,
  };
  const needle = q.q?.trim();
  const rows = KIND_ORDER.filter((k) => !q.kind || q.kind === k)
    .flatMap((k) => byKind[k])
    .filter((r) => !q.onlyProblems || !r.compliant)
    .filter((r) => !needle || r.name.includes(needle) || (r.code ?? '').includes(needle));
  const start = (q.page - 1) * q.pageSize;
  return {
    year: e.year,
    quotas: e.quotas,
    summary: summarizeCompliance(e),
    items: rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** GET /compliance/summary: only the chart data (and the quotas and year it was computed with). */
export async function complianceSummary(db: DbOrTx, a: Actor, q: Pick<ComplianceQuery, 'year' | 'groupId'>, now: Date) {
  const e = await evaluateCompliance(db, a, { year: q.year, groupId: q.groupId, now });
  return { year: e.year, quotas: e.quotas, summary: summarizeCompliance(e) };
}
