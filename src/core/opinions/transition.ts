// The one decision every 社情民意 move goes through: the server calls it inside its transaction and appends the event.
import type { z } from 'zod';
import {
  ACTION_CODES,
  GUARDS,
  type GuardName,
  OPINION_TRANSITIONS,
  type OpinionAction,
  type OpinionActor,
  type OpinionItemState,
  type OpinionStatus,
  type Principal,
  type Relation,
  type TransitionContext,
  type TransitionRule,
} from './lifecycle';
import { OPINION_PAYLOAD_SCHEMAS, type OpinionEvent, type OpinionPayloads } from './payloads';

// A payload problem in zod's shape, so the server's issue translator handles ours and zod's alike.
export type PayloadIssue = z.core.$ZodIssue;

// Why a move was refused: the status, the actor's role/relation, or a named precondition.
export type RefusalCause = 'status' | 'role' | 'guard';

// The answer: the target status and the event to append, or why not (409 with the allowed actions, or 400).
export type TransitionDecision<A extends OpinionAction = OpinionAction> =
  | { ok: true; to: OpinionStatus; event: Extract<OpinionEvent, { type: A }> }
  | {
      ok: false;
      reason: 'invalid_transition';
      currentStatus: OpinionStatus;
      allowedActions: OpinionAction[];
      cause: RefusalCause;
      guard?: GuardName;
    }
  | { ok: false; reason: 'invalid_payload'; issues: PayloadIssue[] };

// The principals an actor acts as: account roles for users, else the actor kind itself.
export function principalsOf(actor: OpinionActor): Principal[] {
  if (actor.kind === 'citizen') return ['citizen'];
  if (actor.kind === 'system') return ['system'];
  return [...actor.roles];
}

const RELATION_FLAG = {
  lead_department: 'isLeadDepartment',
  co_handler: 'isCoHandler',
  originator: 'isOriginator',
} as const satisfies Record<Relation, keyof OpinionActor>;

// True when the actor holds one of the rule's roles together with the relation that role requires.
function actorFits(rule: TransitionRule, actor: OpinionActor): boolean {
  return principalsOf(actor).some((p) => {
    if (!rule.roles.includes(p)) return false;
    const relation = rule.requires?.[p];
    return relation === undefined || actor[RELATION_FLAG[relation]] === true;
  });
}

function guardHolds(rule: TransitionRule, item: OpinionItemState, actor: OpinionActor): boolean {
  return rule.guard === undefined || GUARDS[rule.guard]({ item, actor });
}

// The rule that lets this actor take this action now, or the most telling reason none does.
function findRule(
  item: OpinionItemState,
  actor: OpinionActor,
  action: OpinionAction,
): { rule: TransitionRule } | { cause: RefusalCause; guard?: GuardName } {
  const rules = OPINION_TRANSITIONS.filter((r) => r.action === action);
  const inStatus = rules.filter((r) => r.from.includes(item.status));
  if (inStatus.length === 0) return { cause: 'status' };
  const fitting = inStatus.filter((r) => actorFits(r, actor));
  if (fitting.length === 0) return { cause: 'role' };
  const rule = fitting.find((r) => guardHolds(r, item, actor));
  return rule ? { rule } : { cause: 'guard', guard: fitting[0].guard };
}

// The actions this actor may take on the item now, in table order: the `abilities` the UI renders.
export function allowedActions(item: OpinionItemState, actor: OpinionActor): OpinionAction[] {
  return ACTION_CODES.filter((a) => 'rule' in findRule(item, actor, a));
}

function custom(path: string, message: string): PayloadIssue {
  return { code: 'custom', path: [path], message, input: undefined };
}

// The status an allowed move leads to when it does not depend on the payload; null if refused or payload-dependent.
export function targetOf(item: OpinionItemState, actor: OpinionActor, action: OpinionAction): OpinionStatus | null {
  const found = findRule(item, actor, action);
  if (!('rule' in found)) return null;
  return typeof found.rule.to === 'function' ? null : found.rule.to;
}

// Payload checks that need the item or actor: a merge target other than itself, an extension that moves the deadline
// later, and the automatic-close reason, which only the system may give.
function checkAgainstItem(
  item: OpinionItemState,
  actor: OpinionActor,
  action: OpinionAction,
  payload: any,
): PayloadIssue[] {
  if (action === 'close' && payload.autoReason !== undefined && actor.kind !== 'system') {
    return [custom('autoReason', 'auto_reason_system_only')];
  }
  if (action === 'merge' && item.id !== undefined && payload.targetId === item.id) {
    return [custom('targetId', 'merge_into_self')];
  }
  if (item.deadline !== undefined) {
    if (action === 'request_extension' && payload.requestedDeadline <= item.deadline) {
      return [custom('requestedDeadline', 'deadline_not_later')];
    }
    if (action === 'approve_extension' && payload.newDeadline <= item.deadline) {
      return [custom('newDeadline', 'deadline_not_later')];
    }
  }
  return [];
}

// Decides one move: status, role/relation, guard, then the payload; pure, so it runs inside the caller's transaction.
export function decideTransition<A extends OpinionAction>(
  item: OpinionItemState,
  actor: OpinionActor,
  action: A,
  payload: unknown,
): TransitionDecision<A> {
  const found = findRule(item, actor, action);
  if (!('rule' in found)) {
    return {
      ok: false,
      reason: 'invalid_transition',
      currentStatus: item.status,
      allowedActions: allowedActions(item, actor),
      ...found,
    };
  }
  const parsed = OPINION_PAYLOAD_SCHEMAS[action].safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, reason: 'invalid_payload', issues: parsed.error.issues };
  const data = parsed.data as OpinionPayloads[A];
  const issues = checkAgainstItem(item, actor, action, data);
  if (issues.length > 0) return { ok: false, reason: 'invalid_payload', issues };
  const { to } = found.rule;
  const ctx = { item, actor, payload: data } as TransitionContext<A>;
  const target = typeof to === 'function' ? (to as (c: TransitionContext<A>) => OpinionStatus)(ctx) : to;
  const event = { type: action, from: item.status, to: target, payload: data } as Extract<OpinionEvent, { type: A }>;
  return { ok: true, to: target, event };
}
