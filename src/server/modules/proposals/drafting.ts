// The proposer's side of a proposal: drafting (from items), editing, inviting co-signers, their answers, submitting.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { proposalOpinions, proposals } from '../../db/schema.js';
import { AppError, fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { transitionOpinion } from '../opinions/transition.js';
import type { ProposalInput } from './schema.js';
import { appendEvent, beginStep, finishStep, type StepOpts } from './steps.js';

/** Creates a draft; each source item is marked 转为提案 through the item lifecycle, all in one transaction. */
export async function createProposal(db: Db, a: Actor, input: ProposalInput, opts: StepOpts & { lang: Lang }) {
  if (!hasRole(a, 'member') || !a.memberId) throw new AppError('proposal_member_only');
  const memberId = a.memberId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(proposals)
      .values({
        year: Number(chinaDateOf(opts.now).slice(0, 4)),
        title: input.title,
        content: input.content,
        proposerMemberId: memberId,
        status: 'draft',
        createdBy: a.userId,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    for (const opinionId of input.opinionIds) {
      await transitionOpinion(tx, a, opinionId, { action: 'escalate_to_proposal', proposalId: row.id }, opts);
      // The transition already links the item (proposals/link.ts); the insert stays for clarity and is a no-op then.
      await tx.insert(proposalOpinions).values({ proposalId: row.id, opinionId }).onConflictDoNothing();
    }
    await appendEvent(tx, a, row.id, 'create', { to: 'draft', opinionIds: input.opinionIds }, opts.now);
    await writeAudit(
      tx,
      a,
      { action: 'create', entity: 'proposal', entityId: row.id, after: { ...row, opinionIds: input.opinionIds } },
      opts.ip,
    );
    return row.id;
  });
}

/** Edits the title or text of a draft. */
export async function editProposal(
  tx: Tx,
  a: Actor,
  id: number,
  patch: { title?: string; content?: string },
  opts: StepOpts,
) {
  const { row, to } = await beginStep(tx, a, id, 'edit', opts);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await finishStep(tx, a, row, 'edit', to, { fields: Object.keys(changes) }, changes, opts);
}

/** Invites members to co-sign by a deadline (today or later); re-inviting adds people and may move the deadline. */
export async function inviteCosigners(
  tx: Tx,
  a: Actor,
  id: number,
  body: { memberIds: number[]; deadline: string },
  opts: StepOpts,
) {
  const { row, to } = await beginStep(tx, a, id, 'invite', opts);
  if (body.deadline < chinaDateOf(opts.now)) throw new AppError('proposal_deadline_past');
  const ids = body.memberIds.filter((m) => m !== row.proposerMemberId);
  if (!ids.length) throw fieldError('memberIds', 'member_required');
  const list = sql.join(
    ids.map((m) => sql`${m}`),
    sql`,`,
  );
  const found = await tx.execute(sql`select count(*)::int as n from members where id in (${list})`);
  if ((found.rows[0] as { n: number }).n !== ids.length) throw fieldError('memberIds', 'member_missing');
  const added = await tx.execute(sql`insert into proposal_cosigners (proposal_id, member_id, status)
    select ${id}, m, 'invited' from unnest(array[${list}]::int[]) as m
    on conflict (proposal_id, member_id) do nothing returning member_id as "memberId"`);
  const invited = (added.rows as { memberId: number }[]).map((r) => r.memberId);
  await finishStep(
    tx,
    a,
    row,
    'invite',
    to,
    { memberIds: invited, deadline: body.deadline },
    { cosignDeadline: body.deadline },
    opts,
  );
}

/** An invited member accepts or declines, up to the deadline day; they may change their answer until then. */
export async function answerCosign(tx: Tx, a: Actor, id: number, accept: boolean, opts: StepOpts) {
  const { row, to } = await beginStep(tx, a, id, 'cosign', opts);
  await tx.execute(sql`update proposal_cosigners set status = ${accept ? 'accepted' : 'declined'},
    responded_at = ${opts.now.toISOString()}::timestamptz where proposal_id = ${id} and member_id = ${a.memberId}`);
  await finishStep(tx, a, row, 'cosign', to, { accept, memberId: a.memberId }, {}, opts);
}

/** Submits to the office; only accepted co-signers count (declined and unanswered simply don't). */
export async function submitProposal(tx: Tx, a: Actor, id: number, opts: StepOpts) {
  const { row, to } = await beginStep(tx, a, id, 'submit', opts);
  const res = await tx.execute(sql`select member_id as "memberId" from proposal_cosigners
    where proposal_id = ${id} and status = 'accepted' order by member_id`);
  const cosigners = (res.rows as { memberId: number }[]).map((r) => r.memberId);
  await finishStep(tx, a, row, 'submit', to, { cosignerIds: cosigners }, { submittedAt: opts.now }, opts);
}
