// Named sequences of moves the office makes in one dialog (受理并转办, 审核通过并反馈): each step is an ordinary
// action of the table with its own payload and event; the server applies them in order in one transaction.
import type { OpinionAction, OpinionActor, OpinionItemState } from './lifecycle';
import { allowedActions, targetOf } from './transition';

// The sequences a `steps` request may spell; nothing else is accepted, so the UI and the server share one list.
export const OPINION_COMPOUNDS = [
  { code: 'accept_and_forward', label: '受理并转办', steps: ['accept', 'forward'] },
  { code: 'approve_and_feedback', label: '审核通过并反馈', steps: ['approve_reply', 'send_feedback'] },
] as const satisfies readonly { code: string; label: string; steps: readonly OpinionAction[] }[];

// A compound's code: what abilities list and the dialogs are keyed by.
export type OpinionCompound = (typeof OPINION_COMPOUNDS)[number]['code'];

// Compound codes alone, for zod enums and loops.
export const COMPOUND_CODES = OPINION_COMPOUNDS.map((c) => c.code) as [OpinionCompound, ...OpinionCompound[]];

// The actions of a compound, in order.
export function stepsOf(code: OpinionCompound): readonly OpinionAction[] {
  return OPINION_COMPOUNDS.find((c) => c.code === code)?.steps ?? [];
}

// The compound a list of actions spells, or null when it is not one of the named sequences.
export function compoundOf(actions: readonly string[]): OpinionCompound | null {
  const hit = OPINION_COMPOUNDS.find(
    (c) => c.steps.length === actions.length && c.steps.every((s, i) => s === actions[i]),
  );
  return hit?.code ?? null;
}

// The compounds this actor may start now: every step allowed in the status the previous one leads to.
export function allowedCompounds(item: OpinionItemState, actor: OpinionActor): OpinionCompound[] {
  return OPINION_COMPOUNDS.filter((c) => {
    let state = item;
    for (const action of c.steps) {
      if (!allowedActions(state, actor).includes(action)) return false;
      const to = targetOf(state, actor, action);
      if (to === null) return false;
      state = { ...state, status: to };
    }
    return true;
  }).map((c) => c.code);
}
