// Who may read which member's assessment, and the year guard every write goes through.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';

/** A year's scheme row as the module uses it. */
export interface YearRow {
  year: number;
  schemeName: string;
  fullMarks: number;
  baseScore: number;
  talkThreshold: number;
  status: 'open' | 'closed';
  closedAt: string | null;
}

/** Roles that see assessments at all (the others get 404). */
export const readsAssessments = (a: Actor) => hasRole(a, 'admin', 'leader', 'group_leader', 'member');
/** Admin and leaders read every member's score. */
export const readsAll = (a: Actor) => hasRole(a, 'admin', 'leader');
/** Only office staff edit schemes, entries, decide appeals and close years. */
export const manages = (a: Actor) => hasRole(a, 'admin');

/** Throws 404 unless the actor may read assessments. */
export function requireReader(a: Actor): void {
  if (!readsAssessments(a)) throw notFound();
}

/** Throws 404 unless the actor is office staff (writes are invisible to everyone else). */
export function requireManager(a: Actor): void {
  if (!manages(a)) throw hasRole(a, 'leader') ? new AppError('forbidden') : notFound();
}

/** Whether the actor may read this member's score lines and evidence: staff/leaders, the group leader of the member's group, the member. */
export function mayReadMember(a: Actor, memberId: number, memberGroupId: number | null): boolean {
  if (readsAll(a)) return true;
  if (a.memberId === memberId && hasRole(a, 'member', 'group_leader')) return true;
  return hasRole(a, 'group_leader') && a.groupId !== null && a.groupId === memberGroupId;
}

/** Loads a member's group, or 404 when the member is unknown or outside the actor's scope. */
export async function requireMemberVisible(
  db: DbOrTx,
  a: Actor,
  memberId: number,
): Promise<{ groupId: number | null }> {
  requireReader(a);
  const [m] = (await db.execute(sql`select group_id from members where id = ${memberId}`)).rows as Array<{
    group_id: number | null;
  }>;
  if (!m || !mayReadMember(a, memberId, m.group_id)) throw notFound();
  return { groupId: m.group_id };
}

/** A year's scheme, or null. */
export async function findYear(db: DbOrTx, year: number): Promise<YearRow | null> {
  const [r] = (
    await db.execute(sql`select year, scheme_name, full_marks, base_score, talk_threshold, status, closed_at
      from assessment_years where year = ${year}`)
  ).rows as any[];
  if (!r) return null;
  return {
    year: Number(r.year),
    schemeName: r.scheme_name,
    fullMarks: Number(r.full_marks),
    baseScore: Number(r.base_score),
    talkThreshold: Number(r.talk_threshold),
    status: r.status,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}

/** A year's scheme, or 404 with 年度尚未设置. */
export async function loadYear(db: DbOrTx, year: number): Promise<YearRow> {
  const y = await findYear(db, year);
  if (!y) throw new AppError('assessment_year_missing', { year });
  return y;
}

/** Locks the year row and refuses with 409 (年度已关闭) when it is closed: every write to a year starts here. */
export async function lockOpenYear(tx: DbOrTx, year: number): Promise<YearRow> {
  await tx.execute(sql`select year from assessment_years where year = ${year} for update`);
  const y = await loadYear(tx, year);
  if (y.status === 'closed') throw new AppError('assessment_year_closed', { year });
  return y;
}
