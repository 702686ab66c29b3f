// Role × state × action over the 提案 table, the guards around co-signing, and the reply clock across holidays.
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from '../calendar';
import type { Role } from '../code-lists';
import {
  addCalendarMonths,
  allowedProposalActions,
  decideProposalStep,
  isProposalOverdue,
  PROPOSAL_ACTION_CODES,
  PROPOSAL_STATUS_CODES,
  PROPOSAL_TERMINAL_STATUSES,
  type ProposalActor,
  type ProposalState,
  type ProposalStatus,
  proposalReplyDue,
} from './index';

const state = (status: ProposalStatus, over: Partial<ProposalState> = {}): ProposalState => ({
  status,
  today: '2026-05-10',
  pendingInvitations: 0,
  ...over,
});

const ACTORS: Record<string, ProposalActor> = {
  proposer: { roles: ['member'], isProposer: true },
  invitee: { roles: ['member'], isInvitee: true },
  otherMember: { roles: ['member'] },
  admin: { roles: ['admin'] },
  leader: { roles: ['leader'] },
  leadDept: { roles: ['dept_handler'], isLeadDepartment: true },
  otherDept: { roles: ['dept_handler'] },
  groupLeader: { roles: ['member', 'group_leader'] as Role[] },
  officer: { roles: ['info_officer'] },
};

// The whole expected matrix: status → actor → allowed actions (guards open).
const EXPECTED: Record<ProposalStatus, Partial<Record<keyof typeof ACTORS, string[]>>> = {
  draft: { proposer: ['edit', 'invite', 'submit'] },
  cosigning: { proposer: ['invite', 'submit'], invitee: ['cosign'] },
  submitted: { admin: ['decide'] },
  registered: { admin: ['assign'] },
  not_registered: {},
  converted: {},
  assigned: { admin: ['assign', 'reply'], leadDept: ['reply'] },
  replied: { proposer: ['rate'] },
  rated: {},
};

describe('proposal lifecycle table', () => {
  for (const status of PROPOSAL_STATUS_CODES) {
    for (const [name, actor] of Object.entries(ACTORS)) {
      it(`${status} × ${name}`, () => {
        expect(allowedProposalActions(state(status), actor)).toEqual(EXPECTED[status][name] ?? []);
      });
    }
  }

  it('every refused step names the status, the cause and what is allowed', () => {
    for (const status of PROPOSAL_STATUS_CODES)
      for (const actor of Object.values(ACTORS))
        for (const action of PROPOSAL_ACTION_CODES) {
          const d = decideProposalStep(state(status), actor, action);
          const allowed = allowedProposalActions(state(status), actor);
          expect(d.ok).toBe(allowed.includes(action));
          if (!d.ok) {
            expect(d.currentStatus).toBe(status);
            expect(d.allowedActions).toEqual(allowed);
          }
        }
  });

  it('decide goes where the decision says; invite and submit move; edit and cosign stay', () => {
    const admin = ACTORS.admin;
    expect(decideProposalStep(state('submitted'), admin, 'decide', 'register')).toEqual({ ok: true, to: 'registered' });
    expect(decideProposalStep(state('submitted'), admin, 'decide', 'not_register')).toMatchObject({
      to: 'not_registered',
    });
    expect(decideProposalStep(state('submitted'), admin, 'decide', 'convert')).toMatchObject({ to: 'converted' });
    expect(decideProposalStep(state('draft'), ACTORS.proposer, 'invite')).toMatchObject({ to: 'cosigning' });
    expect(decideProposalStep(state('draft'), ACTORS.proposer, 'edit')).toMatchObject({ to: 'draft' });
    expect(decideProposalStep(state('cosigning'), ACTORS.invitee, 'cosign')).toMatchObject({ to: 'cosigning' });
    expect(decideProposalStep(state('assigned'), ACTORS.leadDept, 'reply')).toMatchObject({ to: 'replied' });
    expect(decideProposalStep(state('replied'), ACTORS.proposer, 'rate')).toMatchObject({ to: 'rated' });
  });

  it('terminal statuses are the three ends', () => {
    expect([...PROPOSAL_TERMINAL_STATUSES].sort()).toEqual(['converted', 'not_registered', 'rated']);
  });

  it('refusal causes: status, role, guard', () => {
    expect(decideProposalStep(state('draft'), ACTORS.admin, 'decide')).toMatchObject({ ok: false, cause: 'status' });
    expect(decideProposalStep(state('submitted'), ACTORS.proposer, 'decide')).toMatchObject({ cause: 'role' });
    expect(decideProposalStep(state('assigned'), ACTORS.otherDept, 'reply')).toMatchObject({ cause: 'role' });
  });
});

describe('co-sign guards', () => {
  const open = { cosignDeadline: '2026-05-10', pendingInvitations: 2 };
  it('invitees answer up to and including the deadline day, not after', () => {
    expect(decideProposalStep(state('cosigning', open), ACTORS.invitee, 'cosign').ok).toBe(true);
    const late = decideProposalStep(state('cosigning', { ...open, today: '2026-05-11' }), ACTORS.invitee, 'cosign');
    expect(late).toMatchObject({ ok: false, cause: 'guard', guard: 'cosign_open' });
  });
  it('submit waits for the deadline or every answer', () => {
    expect(decideProposalStep(state('cosigning', open), ACTORS.proposer, 'submit')).toMatchObject({
      ok: false,
      guard: 'cosign_settled',
    });
    expect(
      decideProposalStep(state('cosigning', { ...open, pendingInvitations: 0 }), ACTORS.proposer, 'submit').ok,
    ).toBe(true);
    expect(decideProposalStep(state('cosigning', { ...open, today: '2026-05-11' }), ACTORS.proposer, 'submit').ok).toBe(
      true,
    );
    expect(allowedProposalActions(state('cosigning', open), ACTORS.proposer)).toEqual(['invite']);
  });
});

describe('reply clock', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addCalendarMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addCalendarMonths('2025-10-31', 3)).toBe('2026-01-31');
    expect(addCalendarMonths('2026-12-31', 2)).toBe('2027-02-28');
  });
  it('moves a due day that falls in a holiday to the next working day', () => {
    // 2026-02-17 is in the Spring Festival break (15–23 Feb); the 24th is a Tuesday.
    expect(proposalReplyDue('2025-11-17', OFFICIAL_CALENDAR)).toBe('2026-02-24');
    // 2026-10-01 is National Day; offices reopen on the 8th.
    expect(proposalReplyDue('2026-07-01', OFFICIAL_CALENDAR)).toBe('2026-10-08');
    // A Saturday make-up working day (调休) stands.
    expect(proposalReplyDue('2025-11-14', OFFICIAL_CALENDAR)).toBe('2026-02-14');
    // Counted from the China date: 2026-01-14T18:00Z is already the 15th in China.
    expect(proposalReplyDue(new Date('2026-01-14T18:00:00Z'), OFFICIAL_CALENDAR)).toBe('2026-04-15');
  });
  it('is overdue only after the due day, and never once replied', () => {
    expect(isProposalOverdue('2026-04-15', null, new Date('2026-04-15T09:00:00+08:00'))).toBe(false);
    expect(isProposalOverdue('2026-04-15', null, new Date('2026-04-16T09:00:00+08:00'))).toBe(true);
    expect(isProposalOverdue('2026-04-15', new Date(), new Date('2026-04-16T09:00:00+08:00'))).toBe(false);
    expect(isProposalOverdue(null, null, new Date())).toBe(false);
  });
});
