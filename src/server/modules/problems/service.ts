// Writes on 民生问题: create, edit, status moves, linked items, milestones. Each is one transaction with its audit row
// and its problem_events row; moves people should hear of also tell the originators and queue the subscribers' mail.
import { sql } from 'drizzle-orm';
import {
  allowedProblemStatuses,
  canMoveProblem,
  isClosingStatus,
  type ProblemStatus,
  problemProgress,
  problemStatusLabel,
} from '../../../core/problems/lifecycle.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { opinionsVisible } from '../opinions/scope.js';
import { queueProblemSubscriberMail } from '../problem-subscriptions/notify.js';
import { type LockedProblem, lockForChange, managesRegion, worksOnProblems } from './access.js';
import { notifyOriginators, type ProblemMove } from './notify.js';
import type { MilestoneInput, MilestonePatch, ProblemInput, ProblemPatch, StatusInput } from './schema.js';

/** What every write carries: the clock, the caller's address for the audit row, the site origin for links. */
export interface WriteOpts {
  now: Date;
  ip?: string;
  origin: string;
}

/** Appends one problem_events row and its audit row; returns the event id. */
export async function recordEvent(
  tx: DbOrTx,
  a: Actor,
  problemId: number,
  e: { type: string; from?: string | null; to?: string | null; payload?: Record<string, unknown>; before?: unknown },
  opts: WriteOpts,
): Promise<number> {
  const payload = e.payload ?? {};
  const res = await tx.execute(sql`insert into problem_events (problem_id, type, from_status, to_status, payload,
      actor_user_id, at)
    values (${problemId}, ${e.type}, ${e.from ?? null}, ${e.to ?? null}, ${JSON.stringify(payload)}::jsonb,
      ${a.userId}, ${opts.now.toISOString()}::timestamptz) returning id`);
  await writeAudit(
    tx,
    a,
    { action: `problem:${e.type}`, entity: 'problem', entityId: problemId, before: e.before, after: payload },
    opts.ip,
  );
  return Number((res.rows[0] as { id: number }).id);
}

/** Recomputes the stored progress from the status and the reached milestones; returns it. */
async function refreshProgress(tx: DbOrTx, id: number, status: ProblemStatus, now: Date): Promise<number> {
  const res = await tx.execute(sql`select progress, reached_at::text as "reachedAt" from problem_milestones
    where problem_id = ${id}`);
  const progress = problemProgress(status, res.rows as { progress: number; reachedAt: string | null }[]);
  await tx.execute(sql`update livelihood_problems set progress = ${progress},
    updated_at = ${now.toISOString()}::timestamptz where id = ${id}`);
  return progress;
}

/** Tells originators (for moves) and subscribers (for every announced event) in the caller's transaction. */
async function announce(tx: Tx, row: LockedProblem, eventId: number, move: ProblemMove | null, opts: WriteOpts) {
  const res = await tx.execute(
    sql`select id, title, progress, published from livelihood_problems where id = ${row.id}`,
  );
  const p = res.rows[0] as { id: number; title: string; progress: number; published: boolean };
  if (move) await notifyOriginators(tx, p, eventId, move, opts);
  await queueProblemSubscriberMail(tx, row.id, eventId);
}

async function checkRegion(tx: DbOrTx, a: Actor, regionId: number) {
  const res = await tx.execute(sql`select level from regions where id = ${regionId}`);
  const r = res.rows[0] as { level: string } | undefined;
  if (r?.level !== 'township') throw fieldError('regionId', 'problem_region_township');
  if (!managesRegion(a, regionId)) throw fieldError('regionId', 'problem_region_not_yours');
}

async function checkDepartments(tx: DbOrTx, field: string, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const res = await tx.execute(
    sql`select count(*)::int as n from departments where id in (${sql.join(
      unique.map((d) => sql`${d}`),
      sql`,`,
    )})`,
  );
  if ((res.rows[0] as { n: number }).n !== unique.length) throw fieldError(field, 'department_missing');
}

/** Only items the actor may see can be linked; a missing or hidden one refuses the whole request. */
async function checkItems(tx: DbOrTx, a: Actor, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const res = await tx.execute(
    sql`select count(*)::int as n from opinions o where o.id in (${sql.join(
      unique.map((d) => sql`${d}`),
      sql`,`,
    )}) and ${opinionsVisible(a)}`,
  );
  if ((res.rows[0] as { n: number }).n !== unique.length) throw fieldError('opinionIds', 'problem_item_missing');
  return unique;
}

async function insertItems(tx: DbOrTx, a: Actor, id: number, ids: number[], now: Date): Promise<number[]> {
  if (!ids.length) return [];
  const res = await tx.execute(sql`insert into problem_items (problem_id, opinion_id, linked_by, linked_at)
    values ${sql.join(
      ids.map((o) => sql`(${id}, ${o}, ${a.userId}, ${now.toISOString()}::timestamptz)`),
      sql`,`,
    )} on conflict do nothing returning opinion_id as "opinionId"`);
  return (res.rows as { opinionId: number }[]).map((r) => r.opinionId);
}

async function setDepartments(tx: DbOrTx, id: number, ids: number[]) {
  await tx.execute(sql`delete from problem_departments where problem_id = ${id}`);
  const unique = [...new Set(ids)];
  if (unique.length)
    await tx.execute(
      sql`insert into problem_departments (problem_id, department_id) values ${sql.join(
        unique.map((d) => sql`(${id}, ${d})`),
        sql`,`,
      )}`,
    );
}

/** Refuses writes by people who only read (leaders, departments) with 403; people with no part in problems get 404. */
function assertWriter(a: Actor) {
  if (!worksOnProblems(a)) throw notFound();
  if (!hasRole(a, 'admin', 'info_officer')) throw new AppError('forbidden');
}

/** Creates a problem (status 征集中) with its departments and items; returns its id. */
export async function createProblem(db: Db, a: Actor, input: ProblemInput, opts: WriteOpts): Promise<number> {
  assertWriter(a);
  return db.transaction(async (tx) => {
    await checkRegion(tx, a, input.regionId);
    if (input.leadDepartmentId) await checkDepartments(tx, 'leadDepartmentId', [input.leadDepartmentId]);
    await checkDepartments(tx, 'departmentIds', input.departmentIds);
    const items = await checkItems(tx, a, input.opinionIds);
    const res = await tx.execute(sql`insert into livelihood_problems (title, summary, region_id, year, goal,
        lead_department_id, created_by, created_at, updated_at)
      values (${input.title}, ${input.summary}, ${input.regionId}, ${input.year}, ${input.goal},
        ${input.leadDepartmentId ?? null}, ${a.userId}, ${opts.now.toISOString()}::timestamptz,
        ${opts.now.toISOString()}::timestamptz) returning id`);
    const id = (res.rows[0] as { id: number }).id;
    await setDepartments(tx, id, input.departmentIds);
    await insertItems(tx, a, id, items, opts.now);
    await recordEvent(tx, a, id, { type: 'created', to: 'collecting', payload: { ...input, opinionIds: items } }, opts);
    return id;
  });
}

const PATCH_COLUMNS = {
  title: 'title',
  summary: 'summary',
  goal: 'goal',
  outcome: 'outcome',
  leadDepartmentId: 'lead_department_id',
  published: 'published',
} as const;

/** Edits the named fields; the departments list is replaced when given. */
export async function updateProblem(db: Db, a: Actor, id: number, patch: ProblemPatch, opts: WriteOpts) {
  await db.transaction(async (tx) => {
    const row = await lockForChange(tx, a, id);
    if (patch.leadDepartmentId) await checkDepartments(tx, 'leadDepartmentId', [patch.leadDepartmentId]);
    if (patch.departmentIds) await checkDepartments(tx, 'departmentIds', patch.departmentIds);
    const sets = Object.entries(PATCH_COLUMNS)
      .filter(([k]) => (patch as Record<string, unknown>)[k] !== undefined)
      .map(
        ([k, col]) =>
          sql`${sql.raw(col)} = ${(patch as Record<string, unknown>)[k] as string | number | boolean | null}`,
      );
    sets.push(sql`updated_at = ${opts.now.toISOString()}::timestamptz`);
    await tx.execute(sql`update livelihood_problems set ${sql.join(sets, sql`, `)} where id = ${id}`);
    if (patch.departmentIds) await setDepartments(tx, id, patch.departmentIds);
    await recordEvent(tx, a, id, { type: 'updated', payload: patch, before: row }, opts);
  });
}

/** Moves the status along the lifecycle table (409 otherwise); closing needs an outcome, solved means 100 %. */
export async function changeStatus(db: Db, a: Actor, id: number, body: StatusInput, opts: WriteOpts) {
  await db.transaction(async (tx) => {
    const row = await lockForChange(tx, a, id);
    const from = row.status as ProblemStatus;
    const to = body.status;
    if (!canMoveProblem(from, to)) {
      const allowed = allowedProblemStatuses(from);
      throw new AppError(
        'problem_invalid_status',
        {
          from,
          to,
          fromLabel: problemStatusLabel(from),
          toLabel: problemStatusLabel(to),
          allowedLabels: allowed.map((s) => problemStatusLabel(s)).join('、') || '无',
        },
        { currentStatus: from, allowedStatuses: allowed },
      );
    }
    const outcome = body.outcome ?? row.outcome;
    if (isClosingStatus(to) && !outcome.trim()) throw fieldError('outcome', 'problem_outcome_required');
    const closedAt = isClosingStatus(to) ? sql`${opts.now.toISOString()}::timestamptz` : sql`null`;
    await tx.execute(sql`update livelihood_problems set status = ${to}, outcome = ${outcome}, closed_at = ${closedAt}
      where id = ${id}`);
    const progress = await refreshProgress(tx, id, to, opts.now);
    const payload = { note: body.note, outcome: body.outcome, progress };
    const eventId = await recordEvent(tx, a, id, { type: 'status', from, to, payload, before: row }, opts);
    await announce(tx, row, eventId, { kind: 'status', status: to }, opts);
  });
}

/** Links items (only ones the actor may see); each keeps its own lifecycle. */
export async function linkItems(db: Db, a: Actor, id: number, opinionIds: number[], opts: WriteOpts) {
  await db.transaction(async (tx) => {
    await lockForChange(tx, a, id);
    const added = await insertItems(tx, a, id, await checkItems(tx, a, opinionIds), opts.now);
    await tx.execute(sql`update livelihood_problems set updated_at = ${opts.now.toISOString()}::timestamptz
      where id = ${id}`);
    await recordEvent(tx, a, id, { type: 'items_linked', payload: { opinionIds: added } }, opts);
  });
}

/** Unlinks one item (404 when it is not linked or not visible to the actor). */
export async function unlinkItem(db: Db, a: Actor, id: number, opinionId: number, opts: WriteOpts) {
  await db.transaction(async (tx) => {
    await lockForChange(tx, a, id);
    const res = await tx.execute(sql`delete from problem_items pi where pi.problem_id = ${id}
      and pi.opinion_id = ${opinionId}
      and exists (select 1 from opinions o where o.id = pi.opinion_id and ${opinionsVisible(a)}) returning opinion_id`);
    if (!res.rows.length) throw notFound();
    await tx.execute(sql`update livelihood_problems set updated_at = ${opts.now.toISOString()}::timestamptz
      where id = ${id}`);
    await recordEvent(tx, a, id, { type: 'item_unlinked', payload: { opinionId } }, opts);
  });
}

/** Adds a milestone; a milestone already reached moves the progress and tells the originators. */
export async function addMilestone(db: Db, a: Actor, id: number, m: MilestoneInput, opts: WriteOpts): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, a, id);
    const res = await tx.execute(sql`insert into problem_milestones (problem_id, title, due_date, progress, reached_at,
        note, created_by, created_at)
      values (${id}, ${m.title}, ${m.dueDate ?? null}, ${m.progress}, ${m.reachedAt ?? null}, ${m.note}, ${a.userId},
        ${opts.now.toISOString()}::timestamptz) returning id`);
    const milestoneId = (res.rows[0] as { id: number }).id;
    const progress = await refreshProgress(tx, id, row.status as ProblemStatus, opts.now);
    const reached = Boolean(m.reachedAt);
    const type = reached ? 'milestone_reached' : 'milestone_added';
    const payload = { milestoneId, ...m, problemProgress: progress };
    const eventId = await recordEvent(tx, a, id, { type, payload }, opts);
    await announce(tx, row, eventId, reached ? { kind: 'milestone', milestone: m.title } : null, opts);
    return milestoneId;
  });
}

/** Edits a milestone; setting its reached date (from none) is a move the originators hear of. */
export async function updateMilestone(
  db: Db,
  a: Actor,
  id: number,
  milestoneId: number,
  patch: MilestonePatch,
  opts: WriteOpts,
) {
  await db.transaction(async (tx) => {
    const row = await lockForChange(tx, a, id);
    const res = await tx.execute(sql`select id, title, due_date::text as "dueDate", progress,
        reached_at::text as "reachedAt", note
      from problem_milestones where id = ${milestoneId} and problem_id = ${id} for update`);
    const before = res.rows[0] as { title: string; reachedAt: string | null } | undefined;
    if (!before) throw notFound();
    const cols = { title: 'title', dueDate: 'due_date', progress: 'progress', reachedAt: 'reached_at', note: 'note' };
    const sets = Object.entries(cols)
      .filter(([k]) => (patch as Record<string, unknown>)[k] !== undefined)
      .map(([k, col]) => sql`${sql.raw(col)} = ${(patch as Record<string, unknown>)[k] as string | number | null}`);
    if (sets.length)
      await tx.execute(sql`update problem_milestones set ${sql.join(sets, sql`, `)} where id = ${milestoneId}`);
    const progress = await refreshProgress(tx, id, row.status as ProblemStatus, opts.now);
    const reached = !before.reachedAt && Boolean(patch.reachedAt);
    const type = reached ? 'milestone_reached' : 'milestone_updated';
    const title = patch.title ?? before.title;
    const payload = { milestoneId, title, ...patch, problemProgress: progress };
    const eventId = await recordEvent(tx, a, id, { type, payload, before }, opts);
    if (reached) await announce(tx, row, eventId, { kind: 'milestone', milestone: title }, opts);
  });
}
