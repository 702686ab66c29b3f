// The one decision every 提案 step goes through: the server calls it inside its transaction before writing.
import {
  PROPOSAL_ACTION_CODES,
  PROPOSAL_GUARDS,
  PROPOSAL_TRANSITIONS,
  type ProposalAction,
  type ProposalActor,
  type ProposalDecision,
  type ProposalGuard,
  type ProposalRelation,
  type ProposalRule,
  type ProposalState,
  type ProposalStatus,
} from './lifecycle';

// Why a step was refused: the status, the actor's role/relation, or a named precondition.
export type ProposalRefusalCause = 'status' | 'role' | 'guard';

// The answer: the target status, or why not (409 with the allowed actions).
export type ProposalStepDecision =
  | { ok: true; to: ProposalStatus }
  | {
      ok: false;
      currentStatus: ProposalStatus;
      allowedActions: ProposalAction[];
      cause: ProposalRefusalCause;
      guard?: ProposalGuard;
    };

const RELATION_FLAG = {
  proposer: 'isProposer',
  invitee: 'isInvitee',
  lead_department: 'isLeadDepartment',
} as const satisfies Record<ProposalRelation, keyof ProposalActor>;

function fits(rule: ProposalRule, actor: ProposalActor): boolean {
  return actor.roles.some((role) => {
    if (!rule.roles.includes(role)) return false;
    const rel = rule.requires?.[role];
    return rel === undefined || actor[RELATION_FLAG[rel]] === true;
  });
}

function findRule(
  p: ProposalState,
  actor: ProposalActor,
  action: ProposalAction,
): { rule: ProposalRule } | { cause: ProposalRefusalCause; guard?: ProposalGuard } {
  const inStatus = PROPOSAL_TRANSITIONS.filter((r) => r.action === action && r.from.includes(p.status));
  if (inStatus.length === 0) return { cause: 'status' };
  const fitting = inStatus.filter((r) => fits(r, actor));
  if (fitting.length === 0) return { cause: 'role' };
  const rule = fitting.find((r) => r.guard === undefined || PROPOSAL_GUARDS[r.guard]({ p, actor }));
  return rule ? { rule } : { cause: 'guard', guard: fitting[0].guard };
}

// The steps this actor may take now, in table order: the `abilities` the UI renders.
export function allowedProposalActions(p: ProposalState, actor: ProposalActor): ProposalAction[] {
  return PROPOSAL_ACTION_CODES.filter((a) => 'rule' in findRule(p, actor, a));
}

// Decides one step; `decision` picks the target of `decide`. Pure, so it runs inside the caller's transaction.
export function decideProposalStep(
  p: ProposalState,
  actor: ProposalActor,
  action: ProposalAction,
  decision?: ProposalDecision,
): ProposalStepDecision {
  const found = findRule(p, actor, action);
  if (!('rule' in found))
    return { ok: false, currentStatus: p.status, allowedActions: allowedProposalActions(p, actor), ...found };
  const { to } = found.rule;
  if (to === 'stay') return { ok: true, to: p.status };
  if (typeof to === 'function') return { ok: true, to: to(decision ?? 'register') };
  return { ok: true, to };
}
