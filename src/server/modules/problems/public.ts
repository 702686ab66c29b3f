// 民生问题 in public (no account): published problems only, ranked by how many people raised them. Nothing of an item is
// ever selected here but its village and channel for the counts, and items whose confidentiality is not 'normal' are
// left out of every count; no names, phones, addresses or texts of items can leak because none is read. The office's own
// texts (title, summary, goal, outcome, milestones, evidence titles) pass through the PII redaction too, with the names
// of the people who raised the linked items, so a name typed into a summary is hidden as well.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { redactPii } from '../../../core/text/pii.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { hasName, originatorNameJoins } from '../common/originator-names.js';
import { breakdownColumns, countColumns } from './counts.js';

/** Timeline entries shown in public: no payloads, only the status reached or the milestone's title. */
const PUBLIC_EVENTS = ['created', 'status', 'milestone_reached'];

const columns = sql`p.id, p.title, p.region_id as "regionId", g.name as "regionName", p.status, p.progress,
  ${countColumns(true)}, d.name as "leadDepartmentName", p.updated_at as "updatedAt",
  case when p.status in ('solved', 'partly_solved') then p.outcome else '' end as outcome`;
const from = sql`from livelihood_problems p join regions g on g.id = p.region_id
  left join departments d on d.id = p.lead_department_id`;

/** The county's (no region) or one township's published problems of a year (default: this year), most people first. */
export async function listPublicProblems(db: DbOrTx, q: { regionId?: number; year?: number }, now: Date) {
  const year = q.year ?? Number(chinaDateOf(now).slice(0, 4));
  let region: { id: number | null; name: string; level: string } = { id: null, name: '全县', level: 'county' };
  if (q.regionId) {
    const r = await db.execute(
      sql`select id, name, level from regions where id = ${q.regionId} and level = 'township'`,
    );
    if (!r.rows[0]) throw notFound();
    region = r.rows[0] as typeof region;
  }
  const where = sql`p.published and p.year = ${year} ${q.regionId ? sql`and p.region_id = ${q.regionId}` : sql``}`;
  const res = await db.execute(sql`select * from (select ${columns} ${from} where ${where}) x
    order by x."peopleCount" desc, x."itemCount" desc, x.id limit 500`);
  const rows = res.rows as { id: number; title: string; outcome: string }[];
  const names = await originatorNames(
    db,
    rows.map((r) => r.id),
  );
  // The outcome rides along (empty until solved), so the board never asks each closed problem for its page.
  const problems = rows.map((r) => ({
    ...r,
    title: redactPii(r.title, { names: names.get(r.id) }),
    outcome: r.outcome ? redactPii(r.outcome, { names: names.get(r.id) }) : r.outcome,
  }));
  const towns = await db.execute(sql`select t.id, t.name, (select count(*)::int from livelihood_problems p
      where p.region_id = t.id and p.published and p.year = ${year}) as "problemCount"
    from regions t where t.level = 'township' order by t.code`);
  return { region, year, townships: towns.rows, problems };
}

/** One published problem's public page, or 404. */
export async function loadPublicProblem(db: DbOrTx, id: number) {
  const res = await db.execute(sql`select ${columns}, p.summary, p.year, p.goal,
      ${breakdownColumns(true)},
      coalesce((select json_agg(x.name order by x.id) from problem_departments pd
        join departments x on x.id = pd.department_id where pd.problem_id = p.id), '[]') as departments,
      coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title, 'dueDate', m.due_date::text,
          'progress', m.progress, 'reachedAt', m.reached_at::text, 'note', m.note) order by m.id)
        from problem_milestones m where m.problem_id = p.id), '[]') as milestones,
      coalesce((select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'mime', e.mime,
          'size', e.size, 'createdAt', e.created_at,
          'url', '/api/v1/public/problems/' || p.id || '/evidence/' || e.id) order by e.id)
        from problem_evidence e where e.problem_id = p.id and e.published), '[]') as evidence,
      coalesce((select json_agg(json_build_object('type', v.type, 'toStatus', v.to_status, 'at', v.at,
          'milestone', case when v.type = 'milestone_reached' then v.payload->>'title' end) order by v.at, v.id)
        from problem_events v where v.problem_id = p.id and v.type in (${sql.join(
          PUBLIC_EVENTS.map((t) => sql`${t}`),
          sql`,`,
        )})), '[]') as events
    ${from} where p.id = ${id} and p.published`);
  const row = res.rows[0] as PublicProblemRow | undefined;
  if (!row) throw notFound();
  const names = (await originatorNames(db, [id])).get(id) ?? [];
  const clean = (text: string | null) => (text ? redactPii(text, { names }) : text);
  return {
    ...row,
    title: clean(row.title),
    summary: clean(row.summary),
    goal: clean(row.goal),
    outcome: clean(row.outcome),
    milestones: row.milestones.map((m) => ({ ...m, title: clean(m.title), note: clean(m.note) })),
    evidence: row.evidence.map((e) => ({ ...e, title: clean(e.title) })),
    events: row.events.map((e) => ({ ...e, milestone: clean(e.milestone) })),
  };
}

interface PublicProblemRow {
  title: string;
  summary: string;
  goal: string;
  outcome: string;
  milestones: { title: string; note: string }[];
  evidence: { title: string }[];
  events: { milestone: string | null }[];
}

/** The names of everyone who raised an item linked to each problem (any tier: a name is never shown). */
async function originatorNames(db: DbOrTx, problemIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!problemIds.length) return out;
  const res = await db.execute(sql`select distinct pi.problem_id as "problemId", n.name
    from problem_items pi join opinions o on o.id = pi.opinion_id
      join opinion_originators oo on oo.opinion_id = o.id or oo.opinion_id = o.merged_into_id ${originatorNameJoins}
    where pi.problem_id in (${sql.join(
      problemIds.map((i) => sql`${i}`),
      sql`,`,
    )}) and ${hasName}`);
  for (const r of res.rows as { problemId: number; name: string }[])
    out.set(r.problemId, [...(out.get(r.problemId) ?? []), r.name]);
  return out;
}

/** A published evidence file of a published problem, or 404. */
export async function findPublicEvidence(db: DbOrTx, id: number, evidenceId: number) {
  const res = await db.execute(sql`select e.storage_key as "storageKey", e.mime, e.filename from problem_evidence e
    join livelihood_problems p on p.id = e.problem_id
    where e.id = ${evidenceId} and e.problem_id = ${id} and e.published and p.published`);
  const row = res.rows[0] as { storageKey: string; mime: string; filename: string } | undefined;
  if (!row) throw notFound();
  return row;
}

/** The published problems an item (or the item it was merged into) belongs to: the tracking page's links. */
export async function problemsOfItem(db: DbOrTx, opinionId: number) {
  const res = await db.execute(sql`select p.id, p.title, p.status, p.progress from livelihood_problems p
    where p.published and exists (select 1 from problem_items pi where pi.problem_id = p.id
      and (pi.opinion_id = ${opinionId} or pi.opinion_id = (select merged_into_id from opinions where id = ${opinionId})))
    order by p.id`);
  return res.rows as { id: number; title: string; status: string; progress: number }[];
}
