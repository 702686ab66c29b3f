// Computes a year's scores: live from the records while the year is open, from the snapshot once it is closed.
import { sql } from 'drizzle-orm';
import {
  type EvidenceRef,
  lineOf,
  type MemberScore,
  rankWithin,
  type ScoreLine,
  scoreMember,
  totalOf,
} from '../../../core/assessment/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { YearRow } from './access.js';
import { countEvidence, loadEvidence } from './evidence.js';
import { loadRules, type RuleRow } from './rules-repo.js';

/** Who a member is in the tables: name, code, sector (current term) and liaison group. */
export interface MemberInfo {
  memberId: number;
  name: string;
  code: string;
  sectorId: number | null;
  sectorName: string;
  groupId: number | null;
  groupName: string;
}

/** One row of the scores table. */
export interface ScoreRow extends MemberInfo {
  total: number;
  lines: Array<Omit<ScoreLine, 'evidence'>>;
  rankInSector?: number;
  rankInGroup?: number;
  belowThreshold?: boolean;
}

/** Active members with their sector in the current term and their group (one member, or all). */
export async function roster(db: DbOrTx, memberId: number | null = null): Promise<MemberInfo[]> {
  const rows = (
    await db.execute(sql`select m.id, m.name, m.code, mt.sector_id, coalesce(s.name, '') as sector_name,
        m.group_id, coalesce(g.name, '') as group_name
      from members m
      left join member_terms mt on mt.member_id = m.id and mt.term_id = (select id from terms where is_current order by number desc limit 1)
      left join sectors s on s.id = mt.sector_id
      left join liaison_groups g on g.id = m.group_id
      where ${memberId === null ? sql`m.active` : sql`m.id = ${memberId}`} order by m.id`)
  ).rows as any[];
  return rows.map((r) => ({
    memberId: Number(r.id),
    name: r.name,
    code: r.code,
    sectorId: r.sector_id === null ? null : Number(r.sector_id),
    sectorName: r.sector_name,
    groupId: r.group_id === null ? null : Number(r.group_id),
    groupName: r.group_name,
  }));
}

/** Manual entries of the year per member and rule, as evidence refs. */
async function loadEntries(db: DbOrTx, year: number, memberId: number | null) {
  const rows = (
    await db.execute(sql`select id, member_id, rule_id, date::text as d, quantity, evidence from assessment_entries
      where year = ${year} ${memberId === null ? sql`` : sql`and member_id = ${memberId}`} order by date, id`)
  ).rows as any[];
  const out = new Map<number, Record<number, EvidenceRef[]>>();
  for (const r of rows) {
    const m = Number(r.member_id);
    if (!out.has(m)) out.set(m, {});
    const rec = out.get(m)!;
    const key = Number(r.rule_id);
    rec[key] ??= [];
    rec[key].push({
      kind: 'entry',
      id: Number(r.id),
      date: String(r.d).slice(0, 10),
      title: r.evidence,
      units: Number(r.quantity),
    });
  }
  return out;
}

/** Accepted appeals' adjustments per member and rule. */
async function loadAdjustments(db: DbOrTx, year: number, memberId: number | null) {
  const rows = (
    await db.execute(sql`select member_id, rule_id, sum(adjustment) as adj from assessment_appeals
      where year = ${year} and status = 'accepted' ${memberId === null ? sql`` : sql`and member_id = ${memberId}`}
      group by member_id, rule_id`)
  ).rows as any[];
  const out = new Map<number, Record<number, number>>();
  for (const r of rows) {
    const m = Number(r.member_id);
    if (!out.has(m)) out.set(m, {});
    out.get(m)![Number(r.rule_id)] = Number(r.adj);
  }
  return out;
}

/** Live scores of every active member from unit counts (no records loaded): the fast path of the table. */
export async function liveScores(db: DbOrTx, y: YearRow, rules?: RuleRow[]): Promise<ScoreRow[]> {
  const rs = rules ?? (await loadRules(db, y.year));
  const counts = await countEvidence(
    db,
    y.year,
    rs.map((r) => r.source),
  );
  const entryRows = (
    await db.execute(sql`select member_id, rule_id, sum(quantity) as q from assessment_entries
      where year = ${y.year} group by member_id, rule_id`)
  ).rows as any[];
  const entryUnits = new Map(entryRows.map((r) => [`${r.member_id}:${r.rule_id}`, Number(r.q)]));
  const adjustments = await loadAdjustments(db, y.year, null);
  return (await roster(db)).map((m) => {
    const adj = adjustments.get(m.memberId) ?? {};
    const lines = rs.map((rule) => {
      const units = (counts.get(rule.source)?.get(m.memberId) ?? 0) + (entryUnits.get(`${m.memberId}:${rule.id}`) ?? 0);
      return lineOf(rule, units, adj[rule.id] ?? 0);
    });
    return { ...m, total: totalOf(lines, y.baseScore), lines };
  });
}

/** Every line with its records for one member (or all members when memberId is null), computed live. */
export async function liveDetails(
  db: DbOrTx,
  y: YearRow,
  memberId: number | null,
  rules?: RuleRow[],
): Promise<Map<number, MemberScore>> {
  const rs = rules ?? (await loadRules(db, y.year));
  const evidence = await loadEvidence(
    db,
    y.year,
    rs.map((r) => r.source),
    memberId,
  );
  const entries = await loadEntries(db, y.year, memberId);
  const adjustments = await loadAdjustments(db, y.year, memberId);
  const ids = memberId === null ? (await roster(db)).map((m) => m.memberId) : [memberId];
  return new Map(
    ids.map((id) => [
      id,
      scoreMember(rs, evidence.get(id) ?? {}, entries.get(id) ?? {}, adjustments.get(id) ?? {}, y.baseScore),
    ]),
  );
}

/** The archived rows of a closed year. */
export async function snapshotRows(db: DbOrTx, year: number, memberId: number | null = null) {
  const rows = (
    await db.execute(sql`select member_id, total, detail from assessment_snapshots where year = ${year}
      ${memberId === null ? sql`` : sql`and member_id = ${memberId}`} order by member_id`)
  ).rows as any[];
  return rows.map((r) => {
    const d = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as MemberInfo & { lines: ScoreLine[] };
    return { ...d, memberId: Number(r.member_id), total: Number(r.total) };
  });
}

/** The year's table (snapshot when closed), with ranks in sector and group and the talk flag. */
export async function yearScores(db: DbOrTx, y: YearRow): Promise<ScoreRow[]> {
  const rows: ScoreRow[] =
    y.status === 'closed'
      ? (await snapshotRows(db, y.year)).map((r) => ({ ...r, lines: r.lines.map(({ evidence: _e, ...l }) => l) }))
      : await liveScores(db, y);
  const bySector = rankWithin(
    rows,
    (r) => r.sectorId,
    (r) => r.total,
  );
  const byGroup = rankWithin(
    rows,
    (r) => r.groupId,
    (r) => r.total,
  );
  for (const r of rows) {
    r.rankInSector = bySector.get(r)!;
    r.rankInGroup = byGroup.get(r)!;
    r.belowThreshold = r.total < y.talkThreshold;
  }
  return rows;
}

/** One member's lines with their records (snapshot when closed; null when a closed year has no row for them). */
export async function memberScore(
  db: DbOrTx,
  y: YearRow,
  memberId: number,
): Promise<(MemberScore & Partial<MemberInfo>) | null> {
  if (y.status === 'closed') return (await snapshotRows(db, y.year, memberId))[0] ?? null;
  return (await liveDetails(db, y, memberId)).get(memberId)!;
}
