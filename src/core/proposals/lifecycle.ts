// The 提案 lifecycle as data: one table that the server, the UI's abilities and the tests all read.
//
// draft → (invite) cosigning → (submit) submitted → (decide) registered 立案 | not_registered 不立案 | converted 转为意见;
// registered → (assign) assigned → (reply) replied → (rate) rated. Editing only while draft; the co-sign answers
// (联名) leave the status alone and close at the deadline; submitting waits for the deadline or for every answer.
import type { CodeList, Role } from '../code-lists';

// Statuses in path order; the code is stored (proposals_status_ck), the label is what the UI and exports print.
export const PROPOSAL_STATUSES = [
  { code: 'draft', label: '草稿' },
  { code: 'cosigning', label: '征集联名' },
  { code: 'submitted', label: '已提交' },
  { code: 'registered', label: '已立案' },
  { code: 'not_registered', label: '不立案' },
  { code: 'converted', label: '转为意见' },
  { code: 'assigned', label: '已交办' },
  { code: 'replied', label: '已答复' },
  { code: 'rated', label: '已评价' },
] as const satisfies CodeList;

// Every step a request may name; each appends one record_events row of the same type.
export const PROPOSAL_ACTIONS = [
  { code: 'edit', label: '修改' },
  { code: 'invite', label: '邀请联名' },
  { code: 'cosign', label: '答复联名邀请' },
  { code: 'submit', label: '提交' },
  { code: 'decide', label: '审查立案' },
  { code: 'assign', label: '交办' },
  { code: 'reply', label: '答复' },
  { code: 'rate', label: '评价' },
] as const satisfies CodeList;

// A stored status code.
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]['code'];
// An action code, also the event type.
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number]['code'];
// The office's three decisions on a submitted proposal.
export type ProposalDecision = 'register' | 'not_register' | 'convert';

// Status codes alone, for zod enums and loops.
export const PROPOSAL_STATUS_CODES = PROPOSAL_STATUSES.map((s) => s.code) as [ProposalStatus, ...ProposalStatus[]];
// Action codes alone, for zod enums and loops.
export const PROPOSAL_ACTION_CODES = PROPOSAL_ACTIONS.map((a) => a.code) as [ProposalAction, ...ProposalAction[]];

// A relation the actor must have to the proposal for a role to count (resolved by the server).
export type ProposalRelation = 'proposer' | 'invitee' | 'lead_department';

// The proposal facts a rule may look at; the server loads them with the row it locks.
export interface ProposalState {
  status: ProposalStatus;
  /** 联名截止日期, YYYY-MM-DD (China date), once invitations went out. */
  cosignDeadline?: string | null;
  /** Today's China date, YYYY-MM-DD: the deadline is compared with it. */
  today: string;
  /** Invitations still unanswered. */
  pendingInvitations: number;
}

// Who is acting, with the relations the server resolved for this proposal.
export interface ProposalActor {
  roles: readonly Role[];
  isProposer?: boolean;
  isInvitee?: boolean;
  isLeadDepartment?: boolean;
}

// Named preconditions beyond status and role; the name is what tests and error details show.
export const PROPOSAL_GUARDS = {
  // Co-signers answer up to and including the deadline day.
  cosign_open: ({ p }) => !p.cosignDeadline || p.today <= p.cosignDeadline,
  // Submitting waits until the deadline passed or nobody is left to answer.
  cosign_settled: ({ p }) => !p.cosignDeadline || p.today > p.cosignDeadline || p.pendingInvitations === 0,
} satisfies Record<string, (ctx: { p: ProposalState; actor: ProposalActor }) => boolean>;

// A guard's name.
export type ProposalGuard = keyof typeof PROPOSAL_GUARDS;

// One row of the table; `requires` narrows a role to actors with that relation to the proposal.
export interface ProposalRule {
  action: ProposalAction;
  from: readonly ProposalStatus[];
  to: ProposalStatus | 'stay' | ((decision: ProposalDecision) => ProposalStatus);
  roles: readonly Role[];
  requires?: Partial<Record<Role, ProposalRelation>>;
  guard?: ProposalGuard;
}

const DECISION_TARGET: Record<ProposalDecision, ProposalStatus> = {
  register: 'registered',
  not_register: 'not_registered',
  convert: 'converted',
};

// The lifecycle. The proposer is a member; the office (admin) decides, assigns and may record a unit's reply.
export const PROPOSAL_TRANSITIONS: readonly ProposalRule[] = [
  { action: 'edit', from: ['draft'], to: 'stay', roles: ['member'], requires: { member: 'proposer' } },
  // Inviting again while co-signing adds people or moves the deadline.
  {
    action: 'invite',
    from: ['draft', 'cosigning'],
    to: 'cosigning',
    roles: ['member'],
    requires: { member: 'proposer' },
  },
  {
    action: 'cosign',
    from: ['cosigning'],
    to: 'stay',
    roles: ['member'],
    requires: { member: 'invitee' },
    guard: 'cosign_open',
  },
  {
    action: 'submit',
    from: ['draft', 'cosigning'],
    to: 'submitted',
    roles: ['member'],
    requires: { member: 'proposer' },
    guard: 'cosign_settled',
  },
  { action: 'decide', from: ['submitted'], to: (d) => DECISION_TARGET[d], roles: ['admin'] },
  // From `assigned` it reassigns (改办) and restarts the three-month clock.
  { action: 'assign', from: ['registered', 'assigned'], to: 'assigned', roles: ['admin'] },
  {
    action: 'reply',
    from: ['assigned'],
    to: 'replied',
    roles: ['admin', 'dept_handler'],
    requires: { dept_handler: 'lead_department' },
  },
  { action: 'rate', from: ['replied'], to: 'rated', roles: ['member'], requires: { member: 'proposer' } },
];

// Statuses no action leaves; computed from the table so it cannot drift.
export const PROPOSAL_TERMINAL_STATUSES: readonly ProposalStatus[] = PROPOSAL_STATUS_CODES.filter(
  (s) => !PROPOSAL_TRANSITIONS.some((r) => r.from.includes(s) && r.to !== 'stay'),
);

// The status label, for messages and exports.
export function proposalStatusLabel(s: string): string {
  return PROPOSAL_STATUSES.find((x) => x.code === s)?.label ?? s;
}

// The action label, for messages and the timeline.
export function proposalActionLabel(a: string): string {
  return PROPOSAL_ACTIONS.find((x) => x.code === a)?.label ?? a;
}

// Where a decision leads.
export function decisionTarget(d: ProposalDecision): ProposalStatus {
  return DECISION_TARGET[d];
}
