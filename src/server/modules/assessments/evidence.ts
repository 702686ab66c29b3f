// The evidence queries: one SQL per source, read either as unit counts for every member (scores table)
// or as the records behind one member's lines (detail page, snapshot, 述职 report).
import { type SQL, sql } from 'drizzle-orm';
import type { EvidenceRef } from '../../../core/assessment/index.js';
import { type AssessmentSource, AUTOMATIC_SOURCES } from '../../../core/assessment/index.js';
import type { DbOrTx } from '../../db/client.js';

const china = (col: SQL) => sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** The year's first and last day, as SQL date literals. */
function bounds(year: number) {
  return { from: sql`${`${year}-01-01`}::date`, to: sql`${`${year}-12-31`}::date` };
}

const activityTitle = sql`coalesce(nullif(a.location, ''), '联系活动')`;

/** Activities of the year that match an extra condition: rows (member_id, kind, ref_id, d, title). */
function activityRows(year: number, extra: SQL, join: SQL = sql``): SQL {
  const b = bounds(year);
  return sql`select am.member_id, 'activity' as kind, a.id as ref_id, a.date::text as d, ${activityTitle} as title
    from activities a join activity_members am on am.activity_id = a.id ${join}
    where a.date between ${b.from} and ${b.to} and ${extra}`;
}

/** Bulletin outcomes of the year, crediting every member who originated one of the bulletin's items. */
function outcomeRows(year: number, kind: 'adoption' | 'instruction', level: string | null): SQL {
  const b = bounds(year);
  return sql`select distinct oo.member_id, 'bulletin' as kind, bl.id as ref_id, bo.date::text as d, bl.title as title
    from bulletin_outcomes bo join bulletins bl on bl.id = bo.bulletin_id
    join bulletin_items bi on bi.bulletin_id = bl.id
    join opinion_originators oo on oo.opinion_id = bi.opinion_id and oo.member_id is not null
    where bo.kind = ${kind} ${level ? sql`and bo.level = ${level}` : sql``} and bo.date between ${b.from} and ${b.to}`;
}

/** Proposals of the year (by the proposals' own year) where the member is the proposer or an accepted co-signer. */
function proposalRows(year: number, statuses: string[]): SQL {
  const list = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`select x.member_id, 'proposal' as kind, p.id as ref_id,
      coalesce(${china(sql`p.submitted_at`)}, ${china(sql`p.created_at`)})::text as d, p.title as title
    from proposals p join (
      select id as proposal_id, proposer_member_id as member_id from proposals
      union select proposal_id, member_id from proposal_cosigners where status = 'accepted'
    ) x on x.proposal_id = p.id
    where p.year = ${year} and p.status in (${list})`;
}

/** The SQL of each automatic source; every select yields (member_id, kind, ref_id, d, title). */
export function sourceSql(source: AssessmentSource, year: number): SQL | null {
  const b = bounds(year);
  switch (source) {
    case 'activities':
      return activityRows(year, sql`true`);
    case 'village_visits':
      return activityRows(
        year,
        sql`'visit' = any(a.methods)`,
        sql`join regions vr on vr.id = a.region_id and vr.level = 'village'`,
      );
    case 'research':
      return activityRows(year, sql`a.purposes && array['research','inspection']::text[]`);
    case 'training':
      return activityRows(year, sql`'training' = any(a.purposes)`);
    case 'experience_reports':
      return activityRows(year, sql`'experience' = any(a.purposes)`);
    case 'pairing':
      return activityRows(year, sql`'pairing' = any(a.purposes)`);
    case 'opinions_submitted':
      // A confidential item counts, but shows only its redacted title (or a dash): the original is for named staff.
      return sql`select distinct oo.member_id, 'opinion' as kind, o.id as ref_id, ${china(sql`o.received_at`)}::text as d,
          case when o.confidentiality = 'confidential' then coalesce(nullif(o.redacted_title, ''), '—') else o.title end as title
        from opinion_originators oo join opinions o on o.id = oo.opinion_id
        where oo.member_id is not null and o.status not in ('merged','not_accepted')
          and ${china(sql`o.received_at`)} between ${b.from} and ${b.to}`;
    case 'adopted_county':
    case 'adopted_city':
    case 'adopted_province':
    case 'adopted_national':
      return outcomeRows(year, 'adoption', source.slice('adopted_'.length));
    case 'instructions':
      return outcomeRows(year, 'instruction', null);
    case 'reception_days':
      return sql`select rdm.member_id, 'reception_day' as kind, rd.id as ref_id, rd.date::text as d, rd.title as title
        from reception_days rd join reception_day_members rdm on rdm.reception_day_id = rd.id
        where rd.status = 'held' and rd.date between ${b.from} and ${b.to}`;
    case 'proposals_filed':
      return proposalRows(year, [
        'submitted',
        'registered',
        'not_registered',
        'converted',
        'assigned',
        'replied',
        'rated',
      ]);
    case 'proposals_accepted':
      return proposalRows(year, ['registered', 'assigned', 'replied', 'rated']);
    default:
      return null;
  }
}

/** Units per member for each source used by the rules: one aggregate query per source over all members. */
export async function countEvidence(
  db: DbOrTx,
  year: number,
  sources: readonly AssessmentSource[],
): Promise<Map<AssessmentSource, Map<number, number>>> {
  const out = new Map<AssessmentSource, Map<number, number>>();
  for (const s of new Set(sources)) {
    const q = sourceSql(s, year);
    if (!q) continue;
    const rows = (await db.execute(sql`select member_id, count(*)::int as n from (${q}) s group by member_id`))
      .rows as Array<{ member_id: number; n: number }>;
    out.set(s, new Map(rows.map((r) => [Number(r.member_id), Number(r.n)])));
  }
  return out;
}

/** The records behind one member's (or every member's) automatic lines, per source, oldest first. */
export async function loadEvidence(
  db: DbOrTx,
  year: number,
  sources: readonly AssessmentSource[],
  memberId: number | null,
): Promise<Map<number, Partial<Record<AssessmentSource, EvidenceRef[]>>>> {
  const out = new Map<number, Partial<Record<AssessmentSource, EvidenceRef[]>>>();
  for (const s of new Set(sources)) {
    if (!AUTOMATIC_SOURCES.includes(s)) continue;
    const q = sourceSql(s, year)!;
    const where = memberId === null ? sql`` : sql`where member_id = ${memberId}`;
    const rows = (await db.execute(sql`select * from (${q}) s ${where} order by d, ref_id`)).rows as Array<{
      member_id: number;
      kind: EvidenceRef['kind'];
      ref_id: number;
      d: string;
      title: string;
    }>;
    for (const r of rows) {
      const m = Number(r.member_id);
      if (!out.has(m)) out.set(m, {});
      const rec = out.get(m)!;
      rec[s] ??= [];
      rec[s].push({ kind: r.kind, id: Number(r.ref_id), date: String(r.d).slice(0, 10), title: r.title });
    }
  }
  return out;
}
