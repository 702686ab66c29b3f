// The 社情民意 lifecycle as data: one table that the server, the UI's abilities and the tests all read.
//
// Status answers one question only: whose move is it now on the main path (intake → triage → handling →
// feedback → rating → closed)? Everything that can be true at the same time as a status is an orthogonal
// fact stored beside it and recorded as an event that leaves the status alone:
// - delivery to departments (lead 主办 / co-handlers 协办, read receipts), the deadline and extension requests;
// - urging (督办催办) and overdue / near-due, which are computed from the deadline;
// - each rater's rating value (the status only says whether a satisfied rating arrived);
// - the parallel outcomes 编入《社情民意》(compile_into_bulletin) and 转为提案 (escalate_to_proposal): DOMAIN.md
//   says the accepted item goes to "one or more of" reply / forward / bulletin / proposal, so they are events
//   allowed at any status from `accepted` on and never block the reply path. They are therefore not statuses.
// `replied_directly` is a status (not an alias of `reviewed`) so lists and KPIs tell office answers from
// department answers without reading events. `merged` is the only terminal status.
import type { CodeList, Role } from '../code-lists';
import type { OpinionPayloads } from './payloads';

// Main statuses in path order; the code is stored, the label is what exports print.
export const OPINION_STATUSES = [
  { code: 'received', label: '已接收' },
  { code: 'accepted', label: '已受理' },
  { code: 'not_accepted', label: '不予受理' },
  { code: 'forwarded', label: '已转办' },
  { code: 'replied', label: '承办单位已答复' },
  { code: 'returned_for_rework', label: '退回重办' },
  { code: 'reviewed', label: '答复已审核' },
  { code: 'replied_directly', label: '办公室直接答复' },
  { code: 'feedback_sent', label: '已反馈' },
  { code: 'rated', label: '已评价' },
  { code: 'closed', label: '已办结' },
  { code: 'reopened', label: '重新督办' },
  { code: 'merged', label: '已合并' },
] as const satisfies CodeList;

// Every action a transition request may name; each appends one event of the same type.
export const OPINION_ACTIONS = [
  { code: 'accept', label: '受理' },
  { code: 'not_accept', label: '不予受理' },
  { code: 'merge', label: '合并' },
  { code: 'forward', label: '转办' },
  { code: 'urge', label: '催办' },
  { code: 'reply', label: '答复' },
  { code: 'add_co_opinion', label: '协办意见' },
  { code: 'request_extension', label: '申请延期' },
  { code: 'approve_extension', label: '同意延期' },
  { code: 'refuse_extension', label: '不同意延期' },
  { code: 'approve_reply', label: '审核通过' },
  { code: 'return_for_rework', label: '退回重办' },
  { code: 'reply_directly', label: '直接答复' },
  { code: 'send_feedback', label: '反馈' },
  { code: 'rate', label: '评价' },
  { code: 'close', label: '办结' },
  { code: 'reopen', label: '重新督办' },
  { code: 'compile_into_bulletin', label: '编入《社情民意》' },
  { code: 'escalate_to_proposal', label: '转为提案' },
] as const satisfies CodeList;

// A stored status code; the column's CHECK constraint should list exactly these.
export type OpinionStatus = (typeof OPINION_STATUSES)[number]['code'];
// An action code, the `action` of POST /opinions/{id}/transitions and the event type.
export type OpinionAction = (typeof OPINION_ACTIONS)[number]['code'];

// Status codes alone, for zod enums and loops.
export const STATUS_CODES = OPINION_STATUSES.map((s) => s.code) as [OpinionStatus, ...OpinionStatus[]];
// Action codes alone, for zod enums and loops.
export const ACTION_CODES = OPINION_ACTIONS.map((a) => a.code) as [OpinionAction, ...OpinionAction[]];

// Who may act: an account role, a citizen holding a tracking code, or the scheduler.
export type Principal = Role | 'citizen' | 'system';

// A relation the actor must have to the item for a role to count (checked by the server, passed in as flags).
export type Relation = 'lead_department' | 'co_handler' | 'originator';

// The item facts a rule may look at; the server loads them with the row it locks.
export interface OpinionItemState {
  id?: number;
  status: OpinionStatus;
  /** A department's extension request awaits the office's decision. */
  hasPendingExtension?: boolean;
  /** Already compiled into a 《社情民意》 issue. */
  isInBulletin?: boolean;
  /** Already turned into a proposal draft. */
  isEscalated?: boolean;
  /** Current department deadline, YYYY-MM-DD, so an extension must move it later. */
  deadline?: string;
}

// Who is acting, with the relations the server resolved for this item.
export interface OpinionActor {
  kind: 'user' | 'citizen' | 'system';
  roles: readonly Role[];
  /** The actor's department is the lead department (主办) of the current forwarding. */
  isLeadDepartment?: boolean;
  /** The actor's department is a co-handler (协办) of the current forwarding. */
  isCoHandler?: boolean;
  /** The actor raised the item (citizen by tracking code, member, information officer). */
  isOriginator?: boolean;
  /** The rater this request speaks for has already rated the current feedback. */
  hasRated?: boolean;
}

// What a computed target may depend on.
export interface TransitionContext<A extends OpinionAction = OpinionAction> {
  item: OpinionItemState;
  actor: OpinionActor;
  payload: OpinionPayloads[A];
}

// Named preconditions beyond status and role; the name is what tests and logs show.
export const GUARDS = {
  no_pending_extension: ({ item }) => !item.hasPendingExtension,
  pending_extension: ({ item }) => item.hasPendingExtension === true,
  not_rated_by_actor: ({ actor }) => !actor.hasRated,
  not_in_bulletin: ({ item }) => !item.isInBulletin,
  not_escalated: ({ item }) => !item.isEscalated,
} satisfies Record<string, (ctx: { item: OpinionItemState; actor: OpinionActor }) => boolean>;

// A guard's name.
export type GuardName = keyof typeof GUARDS;

// One row of the table; `requires` narrows a role to actors with that relation to the item.
export type TransitionRule = {
  [A in OpinionAction]: {
    action: A;
    from: readonly OpinionStatus[];
    to: OpinionStatus | ((ctx: TransitionContext<A>) => OpinionStatus);
    roles: readonly Principal[];
    requires?: Partial<Record<Principal, Relation>>;
    guard?: GuardName;
  };
}[OpinionAction];

// Target of the parallel and orthogonal actions: the status does not move.
export const stay = ({ item }: { item: OpinionItemState }): OpinionStatus => item.status;

// Statuses from acceptance on (not received, not_accepted, merged): where bulletin and proposal outcomes apply.
export const AFTER_ACCEPTANCE = [
  'accepted',
  'forwarded',
  'replied',
  'returned_for_rework',
  'reviewed',
  'replied_directly',
  'feedback_sent',
  'rated',
  'closed',
  'reopened',
] as const satisfies readonly OpinionStatus[];

// Where a department is working on the item: replies, co-handler opinions, extensions and urging apply.
const AT_DEPARTMENT = ['forwarded', 'returned_for_rework'] as const satisfies readonly OpinionStatus[];

// The lifecycle. Several rows may share an action (e.g. the scheduler closes from fewer statuses than staff).
export const OPINION_TRANSITIONS: readonly TransitionRule[] = [
  // Triage (受理). `not_accepted` can be reconsidered (e.g. after a 信访 复查), so only `merged` is final.
  { action: 'accept', from: ['received', 'not_accepted'], to: 'accepted', roles: ['admin'] },
  { action: 'not_accept', from: ['received'], to: 'not_accepted', roles: ['admin'] },
  { action: 'merge', from: ['received', 'accepted'], to: 'merged', roles: ['admin'] },
  // Forwarding (转办); from `forwarded` it reassigns (改派), from `reopened` it is supervision (督办).
  {
    action: 'forward',
    from: ['accepted', 'forwarded', 'returned_for_rework', 'reopened'],
    to: 'forwarded',
    roles: ['admin'],
  },
  { action: 'urge', from: AT_DEPARTMENT, to: stay, roles: ['admin', 'system'] },
  // Department work: only the lead replies and asks for time; co-handlers add an opinion.
  {
    action: 'reply',
    from: AT_DEPARTMENT,
    to: 'replied',
    roles: ['dept_handler'],
    requires: { dept_handler: 'lead_department' },
  },
  {
    action: 'add_co_opinion',
    from: [...AT_DEPARTMENT, 'replied'],
    to: stay,
    roles: ['dept_handler'],
    requires: { dept_handler: 'co_handler' },
  },
  {
    action: 'request_extension',
    from: AT_DEPARTMENT,
    to: stay,
    roles: ['dept_handler'],
    requires: { dept_handler: 'lead_department' },
    guard: 'no_pending_extension',
  },
  { action: 'approve_extension', from: AT_DEPARTMENT, to: stay, roles: ['admin'], guard: 'pending_extension' },
  { action: 'refuse_extension', from: AT_DEPARTMENT, to: stay, roles: ['admin'], guard: 'pending_extension' },
  // Office review of the department's reply, or the office's own answer.
  { action: 'approve_reply', from: ['replied'], to: 'reviewed', roles: ['admin'] },
  { action: 'return_for_rework', from: ['replied'], to: 'returned_for_rework', roles: ['admin'] },
  { action: 'reply_directly', from: ['accepted', 'reopened'], to: 'replied_directly', roles: ['admin'] },
  // Feedback to the citizen and every originating member (社情民意反馈制度); the scheduler may send it.
  { action: 'send_feedback', from: ['reviewed', 'replied_directly'], to: 'feedback_sent', roles: ['admin', 'system'] },
  // Rating: each originator once; staff record a phone callback (电话回访). 不满意 reopens for supervision.
  {
    action: 'rate',
    from: ['feedback_sent', 'rated'],
    to: ({ payload }) => (payload.rating === 'unsatisfied' ? 'reopened' : 'rated'),
    roles: ['citizen', 'member', 'info_officer', 'admin'],
    requires: { citizen: 'originator', member: 'originator', info_officer: 'originator' },
    guard: 'not_rated_by_actor',
  },
  // Closing: staff any time after feedback (also ending a supervision); the scheduler after rating or its window.
  { action: 'close', from: ['feedback_sent', 'rated', 'reopened'], to: 'closed', roles: ['admin'] },
  { action: 'close', from: ['feedback_sent', 'rated'], to: 'closed', roles: ['system'] },
  { action: 'reopen', from: ['closed'], to: 'reopened', roles: ['admin'] },
  // Parallel outcomes (one or more of): recorded, never moving the status.
  { action: 'compile_into_bulletin', from: AFTER_ACCEPTANCE, to: stay, roles: ['admin'], guard: 'not_in_bulletin' },
  {
    action: 'escalate_to_proposal',
    from: AFTER_ACCEPTANCE,
    to: stay,
    roles: ['admin', 'member'],
    requires: { member: 'originator' },
    guard: 'not_escalated',
  },
];

// Statuses no action leaves; computed from the table so it cannot drift.
export const TERMINAL_STATUSES: readonly OpinionStatus[] = STATUS_CODES.filter(
  (s) => !OPINION_TRANSITIONS.some((r) => r.from.includes(s) && r.to !== stay),
);

// True when nothing more can happen on the main path (today only `merged`).
export function isTerminalStatus(status: OpinionStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

// Whether an item in this status may absorb a duplicate; a merge into a dead item would lose the originators.
export function canBeMergeTarget(status: OpinionStatus): boolean {
  return status !== 'merged' && status !== 'not_accepted';
}
