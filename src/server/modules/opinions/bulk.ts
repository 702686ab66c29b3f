// Bulk triage for the office: one action (or a named compound: 受理并转办, 审核通过并反馈) on many items, each through
// transitionOpinion, all or nothing.
import { sql } from 'drizzle-orm';
import {
  OPINION_ACTIONS,
  OPINION_COMPOUNDS,
  OPINION_PAYLOAD_SCHEMAS,
  type OpinionAction,
} from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { translateIssue } from '../../i18n/zod-issues.js';
import { statusLabel } from './read.js';
import type { BulkAction } from './schema.js';
import { opinionsVisible } from './scope.js';
import { applySteps, compoundOrRefuse } from './steps.js';
import { transitionOpinion } from './transition.js';

/** One item that refused; the whole batch is rolled back when there is any. */
interface Failure {
  id: number;
  status: string | null;
  statusLabel: string;
  code: string;
  message?: string;
  details?: unknown;
}

/** Thrown inside the transaction to roll everything back once all items were tried. */
class Refused extends Error {
  constructor(readonly failures: Failure[]) {
    super('refused');
  }
}

type Step = { action: OpinionAction } & Record<string, unknown>;
/** A bulk request: one action with its payload, or a named compound's steps, for every id. */
type BulkBody = { ids: number[] } & ({ action: BulkAction } | { steps: Step[] }) & Record<string, unknown>;

/** A payload that does not parse → 400 before any item is touched (the ids share it, so one check covers all). */
function checkPayload(action: OpinionAction, payload: Record<string, unknown>, lang: Lang) {
  const parsed = OPINION_PAYLOAD_SCHEMAS[action].safeParse(payload);
  if (parsed.success) return;
  const details = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: translateIssue(i as any, lang),
  }));
  throw new AppError('validation_failed', {}, details);
}

/**
 * Applies `action` with one shared payload (or the `steps` of a named compound) to every id, in one transaction
 * (ascending ids, so two batches never deadlock). Office only (403). Ids outside scope → 404 naming them; a bad payload
 * → 400 before any item is touched; any item refusing → 409 `bulk_refused` naming each failing id with its current
 * status, and nothing is changed.
 */
export async function bulkTransition(db: Db, a: Actor, body: BulkBody, opts: { now: Date; lang: Lang; ip?: string }) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const { ids: raw } = body;
  const ids = [...new Set(raw)].sort((x, y) => x - y);
  const steps = 'steps' in body ? (body.steps as Step[]) : null;
  const label = steps ? compoundOrRefuse(steps) : (body.action as BulkAction);
  if (steps) for (const { action, ...payload } of steps) checkPayload(action, payload, opts.lang);
  else {
    const { ids: _ids, action, ...payload } = body as { ids: number[]; action: BulkAction } & Record<string, unknown>;
    checkPayload(action, payload, opts.lang);
  }
  const apply = (tx: Tx, id: number): Promise<{ eventId: number; status: string }> => {
    if (steps) return applySteps(tx, a, id, steps, opts);
    const { ids: _ids, ...single } = body as { ids: number[]; action: BulkAction } & Record<string, unknown>;
    return transitionOpinion(tx, a, id, single, opts);
  };
  const seen = await db.execute(
    sql`select o.id from opinions o where o.id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`,`,
    )}) and ${opinionsVisible(a)}`,
  );
  const found = new Set((seen.rows as { id: number }[]).map((r) => Number(r.id)));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) throw new AppError('not_found', {}, { missingIds: missing });
  try {
    return await db.transaction(async (tx) => {
      const done: { id: number; status: string; eventId: number }[] = [];
      const failures: Failure[] = [];
      for (const id of ids) {
        try {
          // A savepoint per item keeps the transaction usable after one refuses, so every failure is reported.
          const out = await tx.transaction((sp) => apply(sp, id));
          done.push({ id, eventId: out.eventId, status: out.status });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          failures.push(await failureOf(tx, id, e));
        }
      }
      if (failures.length) throw new Refused(failures);
      return { action: label, count: done.length, items: done };
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    throw refusal(label, e.failures);
  }
}

async function failureOf(tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: number, e: AppError) {
  const res = await tx.execute(sql`select status from opinions where id = ${id}`);
  const status = (res.rows[0] as { status: string } | undefined)?.status ?? null;
  return {
    id,
    status,
    statusLabel: status ? statusLabel(status) : '',
    code: e.code,
    details: e.details,
  } satisfies Failure;
}

const ACTION_LABEL = new Map<string, string>([...OPINION_ACTIONS, ...OPINION_COMPOUNDS].map((x) => [x.code, x.label]));

/** Field problems common to the batch (e.g. a missing department) stay a 400; state refusals become one 409. */
function refusal(action: string, failures: Failure[]) {
  if (failures.every((f) => f.code === 'validation_failed'))
    return new AppError('validation_failed', {}, failures[0].details);
  return new AppError(
    'bulk_refused',
    {
      count: failures.length,
      action,
      actionLabel: ACTION_LABEL.get(action) ?? action,
      list: failures.map((f) => `#${f.id}（${f.statusLabel || '—'}）`).join('、'),
    },
    { failures: failures.map(({ id, status, statusLabel, code }) => ({ id, status, statusLabel, code })) },
  );
}
