// The read side: the scores table (scoped), one member's lines with evidence, and 述职评议 evaluations.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { loadYear, readsAll, requireManager, requireMemberVisible, requireReader } from './access.js';
import { memberScore, roster, yearScores } from './compute.js';
import { recordEvent } from './events.js';
import { loadRules } from './rules-repo.js';
import type { evaluationBody, scoresQuery } from './schema.js';

/** The year's scores with ranks, filtered and scoped: staff/leaders all, group leaders their group, members their own row. */
export async function listScores(db: DbOrTx, a: Actor, year: number, q: z.infer<typeof scoresQuery>) {
  requireReader(a);
  const y = await loadYear(db, year);
  const rules = await loadRules(db, year);
  let rows = await yearScores(db, y);
  if (!readsAll(a))
    rows = rows.filter(
      (r) => r.memberId === a.memberId || (hasRole(a, 'group_leader') && a.groupId !== null && r.groupId === a.groupId),
    );
  if (q.sectorId) rows = rows.filter((r) => r.sectorId === q.sectorId);
  if (q.groupId) rows = rows.filter((r) => r.groupId === q.groupId);
  if (q.belowThreshold === 'true') rows = rows.filter((r) => r.belowThreshold);
  rows.sort((x, z) => z.total - x.total || x.memberId - z.memberId);
  const below = rows.filter((r) => r.belowThreshold).length;
  return { year: y, rules, items: rows, total: rows.length, belowThreshold: below };
}

/** One member's score: every line with the records behind it, their appeals' state and what the actor may do. */
export async function memberDetail(db: DbOrTx, a: Actor, year: number, memberId: number) {
  await requireMemberVisible(db, a, memberId);
  const y = await loadYear(db, year);
  const score = await memberScore(db, y, memberId);
  if (!score) throw notFound();
  const [info] = score.name ? [score] : await roster(db, memberId);
  const open = y.status === 'open';
  return {
    year: y,
    member: {
      id: memberId,
      name: info?.name ?? '',
      code: info?.code ?? '',
      sectorName: info?.sectorName ?? '',
      groupName: info?.groupName ?? '',
    },
    total: score.total,
    belowThreshold: score.total < y.talkThreshold,
    lines: score.lines,
    abilities: {
      canAppeal: open && a.memberId === memberId,
      canDecide: open && hasRole(a, 'admin'),
      canEnter: open && hasRole(a, 'admin'),
      canEvaluate: hasRole(a, 'admin'),
    },
  };
}

/** Evaluations of a member's yearly report, oldest first. */
export async function listEvaluations(db: DbOrTx, a: Actor, year: number, memberId: number) {
  await requireMemberVisible(db, a, memberId);
  const rows = (
    await db.execute(sql`select e.*, coalesce(r.name, '') as representative_name from assessment_evaluations e
      left join representatives r on r.id = e.representative_id
      where e.year = ${year} and e.member_id = ${memberId} order by e.created_at, e.id`)
  ).rows as any[];
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      evaluatorKind: r.evaluator_kind,
      representativeId: r.representative_id === null ? null : Number(r.representative_id),
      representativeName: r.representative_name,
      evaluatorName: r.evaluator_name,
      grade: r.grade,
      comment: r.comment,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/** Records an evaluation (staff's own, or a representative's on their behalf). */
export async function createEvaluation(
  tx: DbOrTx,
  a: Actor,
  year: number,
  memberId: number,
  b: z.infer<typeof evaluationBody>,
  ip: string,
) {
  requireManager(a);
  await requireMemberVisible(tx, a, memberId);
  await loadYear(tx, year);
  if (b.representativeId) {
    const [rep] = (await tx.execute(sql`select 1 from representatives where id = ${b.representativeId}`)).rows;
    if (!rep) throw notFound();
  }
  const [row] = (
    await tx.execute(sql`insert into assessment_evaluations (year, member_id, evaluator_kind, representative_id,
      evaluator_name, grade, comment, created_by) values (${year}, ${memberId}, ${b.evaluatorKind},
      ${b.evaluatorKind === 'representative' ? b.representativeId : null}, ${b.evaluatorName}, ${b.grade}, ${b.comment}, ${a.userId})
      returning id`)
  ).rows as any[];
  const id = Number(row.id);
  await writeAudit(
    tx,
    a,
    { action: 'create', entity: 'assessment_evaluation', entityId: id, after: { year, memberId, ...b } },
    ip,
  );
  await recordEvent(tx, a, 'assessment_evaluation', id, 'created', { year, memberId, grade: b.grade });
  return { id };
}

/** Responsiveness per member: items originated in the year, share fed back, share relayed, median days to feedback. */
export async function responsiveness(db: DbOrTx, a: Actor, year: number) {
  requireReader(a);
  await loadYear(db, year);
  const scope = readsAll(a)
    ? sql`true`
    : hasRole(a, 'group_leader') && a.groupId
      ? sql`(m.id = ${a.memberId ?? 0} or m.group_id = ${a.groupId})`
      : sql`m.id = ${a.memberId ?? 0}`;
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = (
    await db.execute(sql`with items as (
        select oo.member_id, o.id, o.received_at, bool_or(oo.relayed_at is not null) as relayed,
          o.status in ('feedback_sent','rated','closed','reopened') as fed_back
        from opinion_originators oo join opinions o on o.id = oo.opinion_id
        where oo.member_id is not null and o.status <> 'merged'
          and o.received_at >= ${from}::timestamp - interval '8 hours' and o.received_at < ${to}::timestamp - interval '8 hours'
        group by oo.member_id, o.id, o.received_at, o.status),
      fb as (select e.opinion_id, min(e.at) as at from opinion_events e where e.type = 'send_feedback'
        and e.opinion_id in (select id from items) group by e.opinion_id)
      select m.id as member_id, m.name, coalesce(g.name, '') as group_name, count(i.id)::int as items,
        count(*) filter (where i.fed_back)::int as fed_back, count(*) filter (where i.relayed)::int as relayed,
        percentile_cont(0.5) within group (order by extract(epoch from (fb.at - i.received_at)) / 86400.0) as median_days
      from members m left join liaison_groups g on g.id = m.group_id
      join items i on i.member_id = m.id left join fb on fb.opinion_id = i.id
      where ${scope} group by m.id, m.name, g.name order by count(i.id) desc, m.id`)
  ).rows as any[];
  const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
  return {
    items: rows.map((r) => ({
      memberId: Number(r.member_id),
      name: r.name,
      groupName: r.group_name,
      items: Number(r.items),
      fedBack: Number(r.fed_back),
      fedBackShare: pct(Number(r.fed_back), Number(r.items)),
      relayed: Number(r.relayed),
      relayedShare: pct(Number(r.relayed), Number(r.items)),
      medianDaysToFeedback: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
    })),
  };
}
