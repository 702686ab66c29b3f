// Compound moves (受理并转办, 审核通过并反馈): a named sequence of ordinary transitions applied in order in the caller's
// transaction, each through transitionOpinion (so applyTransition) with its own typed event; all or nothing.
import { z } from 'zod';
import {
  compoundOf,
  type OpinionAction,
  type OpinionCompound,
  type OpinionStatus,
} from '../../../core/opinions/index.js';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { idBody } from '../common/schemas.js';
import { bulkTransitionBody, transitionBody } from './schema.js';
import { transitionOpinion } from './transition.js';

/** One step of a compound: `{action, ...payload}` exactly as a single transition request. */
type Step = { action: OpinionAction } & Record<string, unknown>;

const steps = z.array(transitionBody).min(2).max(4);

/** Body of POST /opinions/:id/transitions: one action `{action, ...payload}`, or `{steps:[…]}` naming a compound. */
export const transitionRequestBody = z.union([transitionBody, z.strictObject({ steps })]);

/** Body of POST /opinions/bulk-transitions: one bulk action for every id, or `{ids, steps:[…]}` naming a compound. */
export const bulkRequestBody = z.union([
  bulkTransitionBody,
  z.strictObject({ ids: z.array(idBody).min(1).max(200), steps }),
]);

/** The compound the steps spell, or a 400 on `steps` before anything is touched. */
export function compoundOrRefuse(list: readonly Step[]): OpinionCompound {
  const code = compoundOf(list.map((s) => s.action));
  if (!code) throw fieldError('steps', 'steps_unknown_sequence');
  return code;
}

/** Adds which step refused to a 409's details (field errors keep their paths, which the dialog's fields carry). */
function withStep(e: unknown, index: number, action: OpinionAction): unknown {
  if (!(e instanceof AppError) || e.code !== 'invalid_transition') return e;
  const details = (e.details && typeof e.details === 'object' ? e.details : {}) as Record<string, unknown>;
  return new AppError(e.code, e.params, { ...details, step: index, stepAction: action });
}

/**
 * Applies a named sequence to one item: each step re-reads and locks the item (so the forward sees the acceptance),
 * decides, writes and appends its own event. Any refusal throws and the caller's transaction rolls every step back.
 */
export async function applySteps(
  tx: Tx,
  a: Actor,
  id: number,
  list: readonly Step[],
  opts: { now: Date; lang: Lang; ip?: string },
): Promise<{
  compound: OpinionCompound;
  eventId: number;
  status: OpinionStatus;
  steps: { action: OpinionAction; eventId: number; status: OpinionStatus }[];
}> {
  const compound = compoundOrRefuse(list);
  const done: { action: OpinionAction; eventId: number; status: OpinionStatus }[] = [];
  for (const [i, step] of list.entries()) {
    try {
      const out = await transitionOpinion(tx, a, id, step, opts);
      done.push({ action: step.action, eventId: out.eventId, status: out.status });
    } catch (e) {
      throw withStep(e, i, step.action);
    }
  }
  const last = done[done.length - 1];
  return { compound, eventId: last.eventId, status: last.status, steps: done };
}
