// Who sees which proposal, and how the actor stands to one (the relation flags core's decision needs).
import { type SQL, sql } from 'drizzle-orm';
import type { ProposalActor } from '../../../core/proposals/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { seesAll } from '../common/scope.js';

/** SQL condition on proposals (alias p): admin and leaders all; the proposer and invitees theirs; units what they handle. */
export function proposalsVisible(a: Actor): SQL {
  if (seesAll(a)) return sql`true`;
  const parts: SQL[] = [];
  if (a.memberId) parts.push(sql`p.proposer_member_id = ${a.memberId}`, inviteeOf(a.memberId));
  if (hasRole(a, 'dept_handler') && a.departmentId) parts.push(handledBy(a.departmentId));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The proposal invited this member to co-sign (whatever the answer). */
export const inviteeOf = (memberId: number) =>
  sql`exists (select 1 from proposal_cosigners pc where pc.proposal_id = p.id and pc.member_id = ${memberId})`;

/** The proposal is assigned to this unit (lead or co-handling). */
export const handledBy = (departmentId: number) =>
  sql`exists (select 1 from proposal_departments pd where pd.proposal_id = p.id and pd.department_id = ${departmentId})`;

/** Resolves the actor's relations to a proposal: proposer, invitee, lead unit. */
export async function proposalActorFor(
  db: DbOrTx,
  a: Actor,
  p: { id: number; proposerMemberId: number },
): Promise<ProposalActor> {
  const res = await db.execute(sql`select
    ${a.memberId ? sql`exists (select 1 from proposal_cosigners where proposal_id = ${p.id} and member_id = ${a.memberId})` : sql`false`} as "isInvitee",
    ${a.departmentId ? sql`exists (select 1 from proposal_departments where proposal_id = ${p.id} and department_id = ${a.departmentId} and role = 'lead')` : sql`false`} as "isLead"`);
  const r = res.rows[0] as { isInvitee: boolean; isLead: boolean };
  return {
    roles: a.roles,
    isProposer: a.memberId !== null && a.memberId === p.proposerMemberId,
    isInvitee: r.isInvitee,
    isLeadDepartment: hasRole(a, 'dept_handler') && r.isLead,
  };
}
