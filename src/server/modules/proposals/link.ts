// Linking a 社情民意 item to an existing proposal when it is escalated (转为提案) from the item page, so the proposal lists
// the item among its sources. It never imports the opinions module (the item's transition calls it).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { fieldError } from '../../errors.js';

/** Office staff link to any proposal, a member only to one they propose; else 400 on `proposalId`. Idempotent. */
export async function linkOpinionToProposal(tx: Tx, a: Actor, proposalId: number, opinionId: number) {
  const mine = hasRole(a, 'admin') ? sql`true` : a.memberId ? sql`p.proposer_member_id = ${a.memberId}` : sql`false`;
  const res = await tx.execute(sql`select p.id from proposals p where p.id = ${proposalId} and ${mine}`);
  if (!res.rows.length) throw fieldError('proposalId', 'proposal_missing');
  await tx.execute(sql`insert into proposal_opinions (proposal_id, opinion_id) values (${proposalId}, ${opinionId})
    on conflict do nothing`);
}
