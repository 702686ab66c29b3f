// The office's and the units' side of a proposal: decision (立案 / 不立案 / 转为意见), assignment, reply, rating.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { type ProposalDecision, proposalReplyDue } from '../../../core/proposals/index.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { fieldError } from '../../errors.js';
import { loadCalendar } from '../opinions/calendar.js';
import { createOpinion } from '../opinions/create.js';
import { beginStep, finishStep, type LockedProposal, type StepOpts } from './steps.js';

/** The year's next 立案 number; an advisory lock per year keeps two concurrent registrations apart. */
async function nextNumber(tx: Tx, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301, ${year}::int)`);
  const res = await tx.execute(
    sql`select coalesce(max(number), 0)::int + 1 as n from proposals where year = ${year} and number is not null`,
  );
  return (res.rows[0] as { n: number }).n;
}

/** 转为意见: a 社情民意 item from the proposal, credited to the proposer and the accepted co-signers. */
async function convertToOpinion(tx: Tx, a: Actor, row: LockedProposal, opts: StepOpts): Promise<number> {
  const res = await tx.execute(sql`select member_id as "memberId" from proposal_cosigners
    where proposal_id = ${row.id} and status = 'accepted' order by member_id`);
  const memberIds = [row.proposerMemberId, ...(res.rows as { memberId: number }[]).map((r) => r.memberId)];
  // createOpinion opens its own transaction; on a transaction that is a savepoint, so it commits with this step.
  const { id } = await createOpinion(
    tx,
    a,
    {
      title: row.title,
      content: row.content,
      categoryId: null,
      regionId: null,
      sectorId: null,
      channel: 'officer',
      urgency: 'normal',
      confidentiality: 'normal',
      originators: memberIds.map((memberId) => ({ kind: 'member', memberId, name: '', phone: '', email: '' })),
    },
    { now: opts.now, ip: opts.ip },
  );
  return id;
}

/** The office's decision on a submitted proposal; 立案 numbers it within the decision year. */
export async function decideProposal(
  tx: Tx,
  a: Actor,
  id: number,
  body: { decision: ProposalDecision; reason: string },
  opts: StepOpts,
) {
  const { row, to } = await beginStep(tx, a, id, 'decide', opts, body.decision);
  const base = { decisionReason: body.reason, decidedAt: opts.now };
  if (body.decision === 'register') {
    const year = Number(chinaDateOf(opts.now).slice(0, 4));
    const number = await nextNumber(tx, year);
    await finishStep(tx, a, row, 'decide', to, { ...body, year, number }, { ...base, year, number }, opts);
  } else if (body.decision === 'convert') {
    const opinionId = await convertToOpinion(tx, a, row, opts);
    await finishStep(tx, a, row, 'decide', to, { ...body, opinionId }, base, opts);
  } else {
    await finishStep(tx, a, row, 'decide', to, body, base, opts);
  }
}

/** Assigns lead and co-handling units; the reply is due 3 calendar months later (next working day if that is off). */
export async function assignProposal(
  tx: Tx,
  a: Actor,
  id: number,
  body: { leadDepartmentId: number; coDepartmentIds: number[] },
  opts: StepOpts,
) {
  const { row, to } = await beginStep(tx, a, id, 'assign', opts);
  const ids = [body.leadDepartmentId, ...body.coDepartmentIds];
  const found = await tx.execute(
    sql`select count(*)::int as n from departments where id in (${sql.join(
      ids.map((d) => sql`${d}`),
      sql`,`,
    )})`,
  );
  if ((found.rows[0] as { n: number }).n !== ids.length) throw fieldError('leadDepartmentId', 'department_missing');
  await tx.execute(sql`delete from proposal_departments where proposal_id = ${id}`);
  await tx.execute(
    sql`insert into proposal_departments (proposal_id, department_id, role) values ${sql.join(
      ids.map((d, i) => sql`(${id}, ${d}, ${i === 0 ? 'lead' : 'co'})`),
      sql`,`,
    )}`,
  );
  const replyDue = proposalReplyDue(opts.now, await loadCalendar(tx));
  await finishStep(tx, a, row, 'assign', to, { ...body, replyDue }, { assignedAt: opts.now, replyDue }, opts);
}

/** The lead unit's reply (or the office recording it on the unit's behalf). */
export async function replyProposal(tx: Tx, a: Actor, id: number, content: string, opts: StepOpts) {
  const { row, to } = await beginStep(tx, a, id, 'reply', opts);
  const lead = await tx.execute(
    sql`select department_id as "departmentId" from proposal_departments where proposal_id = ${id} and role = 'lead'`,
  );
  const departmentId = (lead.rows[0] as { departmentId: number } | undefined)?.departmentId ?? null;
  await finishStep(tx, a, row, 'reply', to, { content, departmentId }, { reply: content, repliedAt: opts.now }, opts);
}

/** The proposer's rating of the reply. */
export async function rateProposal(
  tx: Tx,
  a: Actor,
  id: number,
  body: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment: string },
  opts: StepOpts,
) {
  const { row, to } = await beginStep(tx, a, id, 'rate', opts);
  await finishStep(tx, a, row, 'rate', to, body, { rating: body.rating, ratingComment: body.comment }, opts);
}
