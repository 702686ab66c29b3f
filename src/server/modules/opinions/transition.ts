// The one way a 社情民意 item moves: lock it, ask core's decideTransition, apply the implied columns, append the event.
import { sql } from 'drizzle-orm';
import {
  canBeMergeTarget,
  closesAutomatically,
  decideTransition,
  OPINION_ACTIONS,
  type OpinionAction,
  type OpinionActor,
  type OpinionEvent,
  type OpinionItemState,
  type OpinionStatus,
} from '../../../core/opinions/index.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { opinionEvents } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { translateIssue } from '../../i18n/zod-issues.js';
import { addItemToDraft } from '../bulletins/compile.js';
import { refreshKpiItems } from '../kpis/rollups.js';
import { linkOpinionToProposal } from '../proposals/link.js';
import { notifyFeedback } from '../reminders/feedback.js';
import { prepareDeadlines } from './deadlines.js';
import { loadHandlingSettings } from './handling-settings.js';
import { statusLabel } from './read.js';
import { assertRedactionReady, splitRedaction, storeRedaction } from './redaction.js';
import { opinionActorFor, opinionsVisible } from './scope.js';

const ACTION_LABEL = new Map<string, string>(OPINION_ACTIONS.map((x) => [x.code, x.label]));

/** The 409 for a refused move: names the current status (Chinese label) and what the actor may do instead. */
function refusal(action: OpinionAction, current: OpinionStatus, allowed: OpinionAction[], extra: object) {
  return new AppError(
    'invalid_transition',
    {
      status: current,
      statusLabel: statusLabel(current),
      action,
      actionLabel: ACTION_LABEL.get(action) ?? action,
      allowed: allowed.join(', ') || '-',
      allowedLabels: allowed.map((x) => ACTION_LABEL.get(x) ?? x).join('、') || '无',
    },
    { currentStatus: current, allowedActions: allowed, ...extra },
  );
}

/** Checks that departments named by a forward exist. */
async function checkDepartments(tx: Tx, ids: number[]) {
  const res = await tx.execute(
    sql`select count(*)::int as n from departments where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`,`,
    )})`,
  );
  if ((res.rows[0] as { n: number }).n !== ids.length) throw fieldError('leadDepartmentId', 'department_missing');
}

/** Writes the orthogonal columns and side tables an action implies (status is set by the caller). */
async function applyEffects(
  tx: Tx,
  mover: Mover,
  id: number,
  ev: OpinionEvent,
  now: Date,
): Promise<Record<string, unknown>> {
  const user = mover.kind === 'user' ? mover.user : null;
  switch (ev.type) {
    case 'forward': {
      const p = ev.payload;
      await checkDepartments(tx, [p.leadDepartmentId, ...p.coHandlerIds]);
      // A department receives a confidential item only as its redacted copy: no copy, no forward.
      await assertRedactionReady(tx, id);
      await tx.execute(sql`update opinion_assignments set active = false where opinion_id = ${id}`);
      const rows = [
        sql`(${id}, ${p.leadDepartmentId}, 'lead', true, ${now.toISOString()}::timestamptz)`,
        ...p.coHandlerIds.map((d) => sql`(${id}, ${d}, 'co', true, ${now.toISOString()}::timestamptz)`),
      ];
      await tx.execute(sql`insert into opinion_assignments (opinion_id, department_id, role, active, created_at)
        values ${sql.join(rows, sql`,`)} on conflict (opinion_id, department_id)
        do update set role = excluded.role, active = true, created_at = excluded.created_at`);
      return { leadDepartmentId: p.leadDepartmentId, deadline: p.deadline, hasPendingExtension: false };
    }
    case 'request_extension':
      return { hasPendingExtension: true };
    case 'approve_extension':
      return { hasPendingExtension: false, deadline: ev.payload.newDeadline };
    case 'refuse_extension':
      return { hasPendingExtension: false };
    case 'approve_reply': {
      if (ev.payload.publicReply) return { publicReply: ev.payload.publicReply };
      const last = await tx.execute(sql`select payload->>'content' as c from opinion_events
        where opinion_id = ${id} and type = 'reply' order by id desc limit 1`);
      return { publicReply: (last.rows[0] as { c: string } | undefined)?.c ?? '' };
    }
    case 'reply_directly':
      return { publicReply: ev.payload.content };
    // A picked issue or proposal really lists the item (the pickers on the item page name one).
    case 'compile_into_bulletin':
      if (ev.payload.bulletinId && user) await addItemToDraft(tx, user, ev.payload.bulletinId, id, now);
      return { isInBulletin: true };
    case 'escalate_to_proposal':
      if (ev.payload.proposalId && user) await linkOpinionToProposal(tx, user, ev.payload.proposalId, id);
      return { isEscalated: true };
    case 'close':
      return { closedAt: now };
    case 'reopen':
      return { closedAt: null };
    case 'merge':
      return { mergedIntoId: ev.payload.targetId };
    default:
      return {};
  }
}

const COLUMN: Record<string, string> = {
  leadDepartmentId: 'lead_department_id',
  deadline: 'deadline',
  hasPendingExtension: 'has_pending_extension',
  publicReply: 'public_reply',
  isInBulletin: 'is_in_bulletin',
  isEscalated: 'is_escalated',
  closedAt: 'closed_at',
  mergedIntoId: 'merged_into_id',
};

/**
 * Appends an event that records a fact without moving the status (merged in, relayed, contact released), in the
 * caller's transaction, by a signed-in user; returns its id.
 */
export async function appendFactEvent(
  tx: Tx,
  user: Actor,
  e: { opinionId: number; type: string; status: string; payload: Record<string, unknown>; at: Date },
): Promise<number> {
  const [row] = await tx
    .insert(opinionEvents)
    .values({
      opinionId: e.opinionId,
      type: e.type,
      fromStatus: e.status,
      toStatus: e.status,
      payload: e.payload,
      actorUserId: user.userId,
      actorKind: 'user',
      actorName: user.displayName,
      at: e.at,
    })
    .returning({ id: opinionEvents.id });
  await refreshKpiItems(tx, [e.opinionId]);
  return row.id;
}

/** The merged item's originators join the target (one already there by member/representative/user stays behind). */
export async function moveOriginators(tx: Tx, sourceId: number, targetId: number): Promise<void> {
  await tx.execute(sql`update opinion_originators p set opinion_id = ${targetId} where p.opinion_id = ${sourceId}
    and not exists (select 1 from opinion_originators q where q.opinion_id = ${targetId}
      and ((p.member_id is not null and q.member_id = p.member_id)
        or (p.representative_id is not null and q.representative_id = p.representative_id)
        or (p.user_id is not null and q.user_id = p.user_id)))`);
}

/** Merging: the target must be a live visible item; originators move over unless already there, and it logs the merge. */
async function mergeInto(tx: Tx, a: Actor, sourceId: number, targetId: number, now: Date) {
  const t = await tx.execute(
    sql`select o.id, o.status from opinions o where o.id = ${targetId} and ${opinionsVisible(a)} for update`,
  );
  const target = t.rows[0] as { id: number; status: OpinionStatus } | undefined;
  if (!target || !canBeMergeTarget(target.status)) throw fieldError('targetId', 'merge_target_invalid');
  await moveOriginators(tx, sourceId, targetId);
  await appendFactEvent(tx, a, {
    opinionId: targetId,
    type: 'merged_in',
    status: target.status,
    payload: { sourceId },
    at: now,
  });
}

/** Translates core's payload issues into a 400 with field paths. */
function payloadError(issues: { path: PropertyKey[]; code: string; message: string }[], lang: Lang) {
  const details = issues.map((i) => ({ path: i.path.map(String).join('.'), message: translateIssue(i as any, lang) }));
  return new AppError('validation_failed', {}, details);
}

/**
 * Who performs a move: a signed-in user, a citizen holding the tracking code (no account, audited as 系统), or the
 * system itself (the automatic close after a 满意 rating).
 */
export type Mover = { kind: 'user'; user: Actor } | { kind: 'citizen' } | { kind: 'system' };

const SYSTEM_ACTOR: OpinionActor = { kind: 'system', roles: [] };

/**
 * The shared body of every move on an item already locked by the caller: ask core, refuse with 409/400, write the
 * implied columns and the status, append the event (and the feedback notices), audit — all in the caller's transaction.
 * A 满意 rating is followed, when the handling setting says so, by the system's close (its own event, same transaction);
 * the returned status is then 'closed'.
 */
export async function applyTransition(
  tx: Tx,
  mover: Mover,
  item: OpinionItemState & { id: number },
  actor: OpinionActor,
  body: { action: OpinionAction } & Record<string, unknown>,
  opts: { now: Date; lang: Lang; ip?: string },
): Promise<{ eventId: number; status: OpinionStatus }> {
  const { action, ...payload } = (await prepareDeadlines(tx, item, actor, body, opts)) as typeof body;
  const id = item.id;
  const d = decideTransition(item, actor, action, payload);
  if (!d.ok && d.reason === 'invalid_transition')
    throw refusal(action, d.currentStatus, d.allowedActions, { cause: d.cause, guard: d.guard });
  if (!d.ok) throw payloadError(d.issues as any, opts.lang);
  const ev = d.event as OpinionEvent;
  if (ev.type === 'merge' && mover.kind === 'user') await mergeInto(tx, mover.user, id, ev.payload.targetId, opts.now);
  const changes = { ...(await applyEffects(tx, mover, id, ev, opts.now)), status: d.to };
  const sets = Object.entries(changes as Record<string, unknown>).map(([k, v]) =>
    k === 'status' ? sql`status = ${v}` : sql`${sql.raw(COLUMN[k])} = ${v instanceof Date ? v.toISOString() : v}`,
  );
  await tx.execute(
    sql`update opinions set ${sql.join(sets, sql`, `)}, updated_at = ${opts.now.toISOString()}::timestamptz where id = ${id}`,
  );
  const user = mover.kind === 'user' ? mover.user : null;
  const [event] = await tx
    .insert(opinionEvents)
    .values({
      opinionId: id,
      type: ev.type,
      fromStatus: ev.from,
      toStatus: ev.to,
      payload: ev.payload as Record<string, unknown>,
      actorUserId: user?.userId ?? null,
      actorKind: mover.kind,
      actorName: user?.displayName ?? '',
      at: opts.now,
    })
    .returning({ id: opinionEvents.id });
  await refreshKpiItems(tx, [id]);
  if (ev.type === 'send_feedback') await notifyFeedback(tx, id, { now: opts.now, eventId: event.id });
  await writeAudit(
    tx,
    user,
    { action: `transition:${action}`, entity: 'opinion', entityId: id, before: item, after: { ...changes, event: ev } },
    opts.ip,
  );
  // Only a rating reads the setting, so every other move costs no extra query.
  if (ev.type === 'rate' && closesAutomatically(ev, await loadHandlingSettings(tx))) {
    const closed = await applyTransition(
      tx,
      { kind: 'system' },
      { ...item, status: d.to },
      SYSTEM_ACTOR,
      { action: 'close', autoReason: 'satisfied_rating' },
      opts,
    );
    return { eventId: event.id, status: closed.status };
  }
  return { eventId: event.id, status: d.to };
}

/**
 * Applies one action to an item the actor can see, in the caller's transaction: 404 outside scope, 409 when the
 * table refuses, 400 for payload problems; else the status, implied columns, event and audit row are written.
 */
export async function transitionOpinion(
  tx: Tx,
  a: Actor,
  id: number,
  body: { action: OpinionAction } & Record<string, unknown>,
  opts: { now: Date; lang: Lang; ip?: string },
) {
  const res = await tx.execute(sql`select o.id, o.status, o.has_pending_extension as "hasPendingExtension",
      o.is_in_bulletin as "isInBulletin", o.is_escalated as "isEscalated", o.deadline::text as deadline
    from opinions o where o.id = ${id} and ${opinionsVisible(a)} for update`);
  const row = res.rows[0] as any;
  if (!row) throw notFound();
  const item = { ...row, deadline: row.deadline ?? undefined };
  // A forward may bring the confidential item's redacted copy with it (the 受理并转办 dialog's fields).
  const split = splitRedaction(body, opts.lang);
  if (split.redaction) await storeRedaction(tx, id, split.redaction);
  return applyTransition(tx, { kind: 'user', user: a }, item, await opinionActorFor(tx, a, id), split.body, opts);
}
