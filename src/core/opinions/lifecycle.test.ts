import { describe, expect, it } from 'vitest';
import {
  ACTION_CODES,
  canBeMergeTarget,
  isTerminalStatus,
  OPINION_TRANSITIONS,
  type OpinionAction,
  type OpinionActor,
  type OpinionStatus,
  STATUS_CODES,
  TERMINAL_STATUSES,
} from './lifecycle';
import { allowedActions, decideTransition } from './transition';

// Every kind of actor the server can hand over, with the relations that matter.
const ACTORS = {
  admin: { kind: 'user', roles: ['admin'] },
  group_leader: { kind: 'user', roles: ['group_leader'] },
  leader: { kind: 'user', roles: ['leader'] },
  member: { kind: 'user', roles: ['member'] },
  member_originator: { kind: 'user', roles: ['member'], isOriginator: true },
  info_officer: { kind: 'user', roles: ['info_officer'] },
  info_officer_originator: { kind: 'user', roles: ['info_officer'], isOriginator: true },
  dept_lead: { kind: 'user', roles: ['dept_handler'], isLeadDepartment: true },
  dept_co: { kind: 'user', roles: ['dept_handler'], isCoHandler: true },
  dept_other: { kind: 'user', roles: ['dept_handler'] },
  citizen_originator: { kind: 'citizen', roles: [], isOriginator: true },
  citizen_stranger: { kind: 'citizen', roles: [] },
  system: { kind: 'system', roles: [] },
} satisfies Record<string, OpinionActor>;
type Variant = keyof typeof ACTORS;
const VARIANTS = Object.keys(ACTORS) as Variant[];

// Valid payloads, so this table tests status and role only (payloads have their own tests).
const PAYLOADS: Record<OpinionAction, unknown> = {
  accept: {},
  not_accept: { reason: '不属于政协职责范围' },
  merge: { targetId: 99 },
  forward: { leadDepartmentId: 1, coHandlerIds: [2], deadline: '2026-03-20', instructions: '请于期限内答复' },
  urge: {},
  reply: { content: '已安排维修' },
  add_co_opinion: { content: '同意主办单位意见' },
  request_extension: { reason: '需协调资金', requestedDeadline: '2026-04-30' },
  approve_extension: { newDeadline: '2026-04-30' },
  refuse_extension: { reason: '事项紧急' },
  approve_reply: {},
  return_for_rework: { reason: '答复未回应诉求' },
  reply_directly: { content: '已协调解决' },
  send_feedback: {},
  rate: { rating: 'satisfied' },
  close: {},
  reopen: { reason: '领导批示再督办' },
  compile_into_bulletin: { bulletinId: 7 },
  escalate_to_proposal: {},
};

const same = (...statuses: OpinionStatus[]) =>
  Object.fromEntries(statuses.map((s) => [s, s])) as Partial<Record<OpinionStatus, OpinionStatus>>;
const AFTER_ACCEPTANCE: OpinionStatus[] = [
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
];
const RATERS: Variant[] = ['admin', 'member_originator', 'info_officer_originator', 'citizen_originator'];

// The lifecycle written out by hand: who may take each action from which status, and where it leads.
// A change to lifecycle.ts must be mirrored here, on purpose.
const EXPECTED: Record<OpinionAction, [Variant[], Partial<Record<OpinionStatus, OpinionStatus>>][]> = {
  accept: [[['admin'], { received: 'accepted', not_accepted: 'accepted' }]],
  not_accept: [[['admin'], { received: 'not_accepted' }]],
  merge: [[['admin'], { received: 'merged', accepted: 'merged' }]],
  forward: [
    [
      ['admin'],
      { accepted: 'forwarded', forwarded: 'forwarded', returned_for_rework: 'forwarded', reopened: 'forwarded' },
    ],
  ],
  urge: [[['admin', 'system'], same('forwarded', 'returned_for_rework')]],
  reply: [[['dept_lead'], { forwarded: 'replied', returned_for_rework: 'replied' }]],
  add_co_opinion: [[['dept_co'], same('forwarded', 'returned_for_rework', 'replied')]],
  request_extension: [[['dept_lead'], same('forwarded', 'returned_for_rework')]],
  approve_extension: [[['admin'], same('forwarded', 'returned_for_rework')]],
  refuse_extension: [[['admin'], same('forwarded', 'returned_for_rework')]],
  approve_reply: [[['admin'], { replied: 'reviewed' }]],
  return_for_rework: [[['admin'], { replied: 'returned_for_rework' }]],
  reply_directly: [[['admin'], { accepted: 'replied_directly', reopened: 'replied_directly' }]],
  send_feedback: [[['admin', 'system'], { reviewed: 'feedback_sent', replied_directly: 'feedback_sent' }]],
  rate: [[RATERS, { feedback_sent: 'rated', rated: 'rated' }]],
  close: [
    [['admin'], { feedback_sent: 'closed', rated: 'closed', reopened: 'closed' }],
    [['system'], { feedback_sent: 'closed', rated: 'closed' }],
  ],
  reopen: [[['admin'], { closed: 'reopened' }]],
  compile_into_bulletin: [[['admin'], same(...AFTER_ACCEPTANCE)]],
  escalate_to_proposal: [[['admin', 'member_originator'], same(...AFTER_ACCEPTANCE)]],
};

function expectedTarget(variant: Variant, status: OpinionStatus, action: OpinionAction): OpinionStatus | undefined {
  for (const [actors, moves] of EXPECTED[action]) {
    if (actors.includes(variant) && moves[status]) return moves[status];
  }
  return undefined;
}

function itemFor(status: OpinionStatus, action: OpinionAction) {
  return { id: 1, status, hasPendingExtension: action === 'approve_extension' || action === 'refuse_extension' };
}

describe('role × status × action', () => {
  it(`matches the written table for all ${VARIANTS.length * STATUS_CODES.length * ACTION_CODES.length} combinations`, () => {
    const mismatches: string[] = [];
    for (const variant of VARIANTS) {
      for (const status of STATUS_CODES) {
        for (const action of ACTION_CODES) {
          const want = expectedTarget(variant, status, action);
          const got = decideTransition(itemFor(status, action), ACTORS[variant], action, PAYLOADS[action]);
          const gotText = got.ok ? got.to : got.reason;
          if ((want ?? 'invalid_transition') !== gotText) {
            mismatches.push(`${variant} ${status} ${action}: want ${want ?? 'refused'}, got ${gotText}`);
          }
          if (!got.ok && got.reason === 'invalid_transition') {
            const statusFits = EXPECTED[action].some(([, moves]) => moves[status] !== undefined);
            const cause = statusFits ? 'role' : 'status';
            if (got.cause !== cause) mismatches.push(`${variant} ${status} ${action}: cause ${got.cause}`);
            if (got.currentStatus !== status) mismatches.push(`${variant} ${status} ${action}: currentStatus`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lists as allowed exactly the actions the table allows (the abilities the UI shows)', () => {
    for (const variant of VARIANTS) {
      for (const status of STATUS_CODES) {
        const want = ACTION_CODES.filter((a) => {
          if (a === 'approve_extension' || a === 'refuse_extension') return false; // no pending request here
          return expectedTarget(variant, status, a) !== undefined;
        });
        expect(allowedActions({ status }, ACTORS[variant]), `${variant} @ ${status}`).toEqual(want);
      }
    }
  });

  it('gives nothing to leaders, group leaders, non-originating members or strangers', () => {
    for (const v of ['leader', 'group_leader', 'member', 'info_officer', 'dept_other', 'citizen_stranger'] as const) {
      for (const status of STATUS_CODES) expect(allowedActions({ status }, ACTORS[v])).toEqual([]);
    }
  });

  it('combines roles: an admin who is also an originating member may do both', () => {
    const both: OpinionActor = { kind: 'user', roles: ['admin', 'member'], isOriginator: true };
    expect(allowedActions({ status: 'feedback_sent' }, both)).toEqual([
      'rate',
      'close',
      'compile_into_bulletin',
      'escalate_to_proposal',
    ]);
  });
});

describe('table shape', () => {
  it('only merged is terminal', () => {
    expect(TERMINAL_STATUSES).toEqual(['merged']);
    expect(isTerminalStatus('merged')).toBe(true);
    expect(isTerminalStatus('closed')).toBe(false);
  });

  it('every status but merged is left by some status-changing action, and reached by one (or is the start)', () => {
    const reached = new Set<OpinionStatus>(['received']);
    for (const r of OPINION_TRANSITIONS) if (typeof r.to === 'string') reached.add(r.to);
    reached.add('reopened'); // via an unsatisfied rating
    reached.add('rated');
    expect([...reached].sort()).toEqual([...STATUS_CODES].sort());
  });

  it('names only known actions and statuses', () => {
    for (const r of OPINION_TRANSITIONS) {
      expect(ACTION_CODES).toContain(r.action);
      for (const s of r.from) expect(STATUS_CODES).toContain(s);
    }
  });

  it('refuses merging into dead items', () => {
    expect(canBeMergeTarget('merged')).toBe(false);
    expect(canBeMergeTarget('not_accepted')).toBe(false);
    expect(canBeMergeTarget('forwarded')).toBe(true);
  });
});
