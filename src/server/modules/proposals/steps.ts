// The shared body of every proposal step: lock the row in scope, ask core, refuse with 404/409, write status + event + audit.
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import {
  decideProposalStep,
  type ProposalAction,
  type ProposalDecision,
  type ProposalState,
  type ProposalStatus,
  proposalActionLabel,
  proposalStatusLabel,
} from '../../../core/proposals/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { proposals, recordEvents } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { proposalActorFor, proposalsVisible } from './scope.js';

/** Options every write carries: the clock and the caller's address for the audit row. */
export interface StepOpts {
  now: Date;
  ip?: string;
}

/** The locked row as a step sees it. */
export type LockedProposal = typeof proposals.$inferSelect & { pendingInvitations: number };

/** Locks a proposal the actor can see, or 404. */
export async function lockProposal(tx: Tx, a: Actor, id: number): Promise<LockedProposal> {
  const res = await tx.execute(
    sql`select p.id from proposals p where p.id = ${id} and ${proposalsVisible(a)} for update`,
  );
  if (!res.rows[0]) throw notFound();
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id));
  const pend = await tx.execute(
    sql`select count(*)::int as n from proposal_cosigners where proposal_id = ${id} and status = 'invited'`,
  );
  return { ...row, pendingInvitations: (pend.rows[0] as { n: number }).n };
}

/** The facts core's rules look at. */
export function stateOf(row: LockedProposal, now: Date): ProposalState {
  return {
    status: row.status as ProposalStatus,
    cosignDeadline: row.cosignDeadline,
    today: chinaDateOf(now),
    pendingInvitations: row.pendingInvitations,
  };
}

/** Locks and checks one step; returns the row and the target status, or throws the refusal. */
export async function beginStep(
  tx: Tx,
  a: Actor,
  id: number,
  action: ProposalAction,
  opts: StepOpts,
  decision?: ProposalDecision,
): Promise<{ row: LockedProposal; to: ProposalStatus }> {
  const row = await lockProposal(tx, a, id);
  const state = stateOf(row, opts.now);
  const d = decideProposalStep(state, await proposalActorFor(tx, a, row), action, decision);
  if (d.ok) return { row, to: d.to };
  const details = { currentStatus: d.currentStatus, allowedActions: d.allowedActions, cause: d.cause, guard: d.guard };
  if (d.guard === 'cosign_open')
    throw new AppError('proposal_cosign_closed', { deadline: row.cosignDeadline }, details);
  if (d.guard === 'cosign_settled')
    throw new AppError(
      'proposal_cosign_pending',
      { count: row.pendingInvitations, deadline: row.cosignDeadline },
      details,
    );
  throw new AppError(
    'invalid_transition',
    {
      status: d.currentStatus,
      statusLabel: proposalStatusLabel(d.currentStatus),
      action,
      actionLabel: proposalActionLabel(action),
      allowed: d.allowedActions.join(', ') || '-',
      allowedLabels: d.allowedActions.map(proposalActionLabel).join('、') || '无',
    },
    details,
  );
}

/** Appends one record_events row for a proposal. */
export async function appendEvent(
  tx: Tx,
  a: Actor,
  id: number,
  type: string,
  payload: Record<string, unknown>,
  now: Date,
) {
  await tx.insert(recordEvents).values({
    entity: 'proposal',
    entityId: id,
    type,
    payload,
    actorUserId: a.userId,
    actorName: a.displayName,
    at: now,
  });
}

/** Writes the status and columns a step implies, its event and its audit row. */
export async function finishStep(
  tx: Tx,
  a: Actor,
  row: LockedProposal,
  action: ProposalAction,
  to: ProposalStatus,
  payload: Record<string, unknown>,
  changes: Partial<typeof proposals.$inferInsert>,
  opts: StepOpts,
) {
  await tx
    .update(proposals)
    .set({ ...changes, status: to, updatedAt: opts.now })
    .where(eq(proposals.id, row.id));
  await appendEvent(tx, a, row.id, action, { from: row.status, to, ...payload }, opts.now);
  const { pendingInvitations: _p, ...before } = row;
  await writeAudit(
    tx,
    a,
    {
      action: `proposal:${action}`,
      entity: 'proposal',
      entityId: row.id,
      before,
      after: { ...changes, status: to, ...payload },
    },
    opts.ip,
  );
}
