// Reading proposals: the scoped list (mine / invited / my unit's / all), one proposal with its people and abilities, the timeline.
import { type SQL, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import {
  allowedProposalActions,
  type ProposalStatus,
  proposalActionLabel,
  proposalStatusLabel,
} from '../../../core/proposals/index.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { ProposalListQuery } from './schema.js';
import { handledBy, inviteeOf, proposalActorFor, proposalsVisible } from './scope.js';

/** Overdue: assigned, no reply, and the due day has ended in China. */
const overdueSql = (now: Date) =>
  sql`(p.status = 'assigned' and p.replied_at is null and p.reply_due < ${chinaDateOf(now)}::date)`;

const columns = (a: Actor, now: Date) => sql`p.id, p.year, p.number, p.title, p.status,
  p.proposer_member_id as "proposerMemberId", m.name as "proposerName", p.cosign_deadline::text as "cosignDeadline",
  p.submitted_at as "submittedAt", p.decided_at as "decidedAt", p.assigned_at as "assignedAt",
  p.reply_due::text as "replyDue", p.replied_at as "repliedAt", p.rating, p.created_at as "createdAt",
  p.updated_at as "updatedAt", ${overdueSql(now)} as overdue,
  (select d.name from proposal_departments pd join departments d on d.id = pd.department_id
    where pd.proposal_id = p.id and pd.role = 'lead') as "leadDepartmentName",
  (select count(*)::int from proposal_cosigners c where c.proposal_id = p.id and c.status = 'accepted') as "cosignerCount",
  ${a.memberId ? sql`(select c.status from proposal_cosigners c where c.proposal_id = p.id and c.member_id = ${a.memberId})` : sql`null::text`} as "myInvitation"`;

function filters(a: Actor, q: ProposalListQuery, now: Date): SQL {
  const parts: SQL[] = [proposalsVisible(a)];
  if (q.box === 'mine')
    parts.push(a.memberId ? sql`(p.proposer_member_id = ${a.memberId} or ${inviteeOf(a.memberId)})` : sql`false`);
  if (q.box === 'invited') parts.push(a.memberId ? inviteeOf(a.memberId) : sql`false`);
  if (q.box === 'department') parts.push(a.departmentId ? handledBy(a.departmentId) : sql`false`);
  if (q.status) parts.push(sql`p.status = ${q.status}`);
  if (q.year) parts.push(sql`p.year = ${q.year}`);
  if (q.overdue !== undefined) parts.push(q.overdue ? overdueSql(now) : sql`not ${overdueSql(now)}`);
  if (q.q) {
    const title = sql`p.title ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    // A number as printed ("2026年第5号", "第5号", "5") finds the proposal too.
    const no = /^\s*(?:(\d{4})\s*年)?\s*第?\s*(\d{1,5})\s*号?\s*$/.exec(q.q);
    const byNo = no ? sql`(p.number = ${Number(no[2])} ${no[1] ? sql`and p.year = ${Number(no[1])}` : sql``})` : null;
    parts.push(byNo ? sql`(${title} or ${byNo})` : title);
  }
  return sql.join(parts, sql` and `);
}

const withLabel = <T extends { status: string }>(r: T) => ({ ...r, statusLabel: proposalStatusLabel(r.status) });

/** One page of the proposals in scope, newest first. */
export async function listProposals(db: DbOrTx, a: Actor, q: ProposalListQuery, now: Date) {
  const res = await db.execute(sql`select ${columns(a, now)}, count(*) over()::int as total
    from proposals p join members m on m.id = p.proposer_member_id
    where ${filters(a, q, now)} order by p.created_at desc, p.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total: _t, ...r }) => withLabel(r)),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Invitations still waiting for this member's answer (the badge on the menu). */
export async function countPendingInvitations(db: DbOrTx, a: Actor, now: Date) {
  if (!a.memberId) return { pending: 0 };
  const res =
    await db.execute(sql`select count(*)::int as n from proposal_cosigners c join proposals p on p.id = c.proposal_id
    where c.member_id = ${a.memberId} and c.status = 'invited' and p.status = 'cosigning'
      and (p.cosign_deadline is null or p.cosign_deadline >= ${chinaDateOf(now)}::date)`);
  return { pending: (res.rows[0] as { n: number }).n };
}

/** One proposal with its text, sources, co-signers, units, the converted item and what the actor may do now. */
export async function loadProposal(db: DbOrTx, a: Actor, id: number, now: Date) {
  const res = await db.execute(sql`select ${columns(a, now)}, p.content, p.decision_reason as "decisionReason",
      p.reply, p.rating_comment as "ratingComment",
      (select count(*)::int from proposal_cosigners c where c.proposal_id = p.id and c.status = 'invited') as "pendingInvitations"
    from proposals p join members m on m.id = p.proposer_member_id where p.id = ${id} and ${proposalsVisible(a)}`);
  const row = res.rows[0] as any;
  if (!row) throw notFound();
  const side = await db.execute(sql`select
    coalesce((select json_agg(json_build_object('memberId', c.member_id, 'name', mm.name, 'status', c.status,
      'respondedAt', c.responded_at) order by mm.name) from proposal_cosigners c join members mm on mm.id = c.member_id
      where c.proposal_id = ${id}), '[]') as cosigners,
    coalesce((select json_agg(json_build_object('departmentId', pd.department_id, 'name', d.name, 'role', pd.role)
      order by pd.role desc, d.name) from proposal_departments pd join departments d on d.id = pd.department_id
      where pd.proposal_id = ${id}), '[]') as departments,
    coalesce((select json_agg(json_build_object('id', o.id, 'title', o.title, 'status', o.status) order by o.id)
      from proposal_opinions po join opinions o on o.id = po.opinion_id where po.proposal_id = ${id}), '[]') as opinions,
    (select (e.payload->>'opinionId')::int from record_events e where e.entity = 'proposal' and e.entity_id = ${id}
      and e.type = 'decide' and e.payload->>'opinionId' is not null order by e.id desc limit 1) as "convertedOpinionId"`);
  const extra = side.rows[0] as any;
  const actions = allowedProposalActions(
    {
      status: row.status as ProposalStatus,
      cosignDeadline: row.cosignDeadline,
      today: chinaDateOf(now),
      pendingInvitations: row.pendingInvitations,
    },
    await proposalActorFor(db, a, row),
  );
  const can = (x: string) => actions.includes(x as never);
  return {
    ...withLabel(row),
    ...extra,
    abilities: {
      actions,
      canEdit: can('edit'),
      canInvite: can('invite'),
      canCosign: can('cosign'),
      canSubmit: can('submit'),
      canDecide: can('decide'),
      canAssign: can('assign'),
      canReply: can('reply'),
      canRate: can('rate'),
    },
  };
}

/** The timeline of a proposal in the actor's scope, oldest first. */
export async function listProposalEvents(db: DbOrTx, a: Actor, id: number) {
  const seen = await db.execute(sql`select 1 from proposals p where p.id = ${id} and ${proposalsVisible(a)}`);
  if (!seen.rows[0]) throw notFound();
  const res = await db.execute(sql`select id, type, payload, actor_name as "actorName", at from record_events
    where entity = 'proposal' and entity_id = ${id} order by at, id`);
  return {
    items: (res.rows as any[]).map((e) => ({
      ...e,
      label: e.type === 'create' ? '起草' : proposalActionLabel(e.type),
    })),
  };
}
