import { describe, expect, it } from 'vitest';
import type { OpinionAction, OpinionActor, OpinionItemState, OpinionStatus } from './lifecycle';
import { STATUS_CODES } from './lifecycle';
import { allowedActions, decideTransition, principalsOf } from './transition';

const admin: OpinionActor = { kind: 'user', roles: ['admin'] };
const lead: OpinionActor = { kind: 'user', roles: ['dept_handler'], isLeadDepartment: true };
const co: OpinionActor = { kind: 'user', roles: ['dept_handler'], isCoHandler: true };
const citizen: OpinionActor = { kind: 'citizen', roles: [], isOriginator: true };
const member: OpinionActor = { kind: 'user', roles: ['member'], isOriginator: true };
const system: OpinionActor = { kind: 'system', roles: ['admin'] };

const forward = { leadDepartmentId: 3, coHandlerIds: [4], deadline: '2026-03-20', instructions: '请核实并答复' };

type Step = [OpinionActor, OpinionAction, unknown?];

// Plays steps like the server would: decide, apply the status, keep the orthogonal flags, record the events.
function play(start: OpinionItemState, steps: Step[]) {
  let item = { ...start };
  const trail: string[] = [item.status];
  const events: { type: OpinionAction; from: OpinionStatus; to: OpinionStatus }[] = [];
  for (const [actor, action, payload] of steps) {
    const d = decideTransition(item, actor, action, payload ?? {});
    if (!d.ok) throw new Error(`${action} refused at ${item.status}: ${JSON.stringify(d)}`);
    events.push({ type: d.event.type, from: d.event.from, to: d.event.to });
    item = { ...item, status: d.to };
    if (action === 'request_extension') item.hasPendingExtension = true;
    if (action === 'approve_extension' || action === 'refuse_extension') item.hasPendingExtension = false;
    if (action === 'compile_into_bulletin') item.isInBulletin = true;
    if (action === 'escalate_to_proposal') item.isEscalated = true;
    if (d.to !== trail[trail.length - 1]) trail.push(d.to);
  }
  return { item, trail, events };
}

const toFeedback: Step[] = [
  [admin, 'accept'],
  [admin, 'forward', forward],
  [co, 'add_co_opinion', { content: '协办意见：同意' }],
  [lead, 'reply', { content: '已修复路灯', attachmentIds: [11] }],
  [admin, 'approve_reply', { publicReply: '路灯已修复' }],
  [admin, 'send_feedback'],
];

describe('paths', () => {
  it('runs the happy path from received to closed, one event per step', () => {
    const { trail, events } = play({ status: 'received' }, [
      ...toFeedback,
      [citizen, 'rate', { rating: 'satisfied' }],
      [system, 'close'],
    ]);
    expect(trail).toEqual([
      'received',
      'accepted',
      'forwarded',
      'replied',
      'reviewed',
      'feedback_sent',
      'rated',
      'closed',
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'accept',
      'forward',
      'add_co_opinion',
      'reply',
      'approve_reply',
      'send_feedback',
      'rate',
      'close',
    ]);
    expect(events[2]).toEqual({ type: 'add_co_opinion', from: 'forwarded', to: 'forwarded' });
  });

  it('loops through rework until the office approves', () => {
    const { trail } = play({ status: 'forwarded' }, [
      [lead, 'reply', { content: '正在研究' }],
      [admin, 'return_for_rework', { reason: '未答复具体措施' }],
      [lead, 'request_extension', { reason: '需现场勘查', requestedDeadline: '2026-04-10' }],
      [admin, 'approve_extension', { newDeadline: '2026-04-10' }],
      [lead, 'reply', { content: '已列入今年计划，6月完工' }],
      [admin, 'approve_reply'],
    ]);
    expect(trail).toEqual(['forwarded', 'replied', 'returned_for_rework', 'replied', 'reviewed']);
  });

  it('reopens on 不满意, forwards again for supervision, and closes after a satisfied rating', () => {
    const { trail } = play({ status: 'received' }, [
      ...toFeedback,
      [member, 'rate', { rating: 'unsatisfied', comment: '路灯仍不亮' }],
      [admin, 'forward', { ...forward, leadDepartmentId: 5, coHandlerIds: [] }],
      [lead, 'reply', { content: '已更换线路' }],
      [admin, 'approve_reply'],
      [admin, 'send_feedback'],
      [member, 'rate', { rating: 'basically_satisfied' }],
      [admin, 'close'],
    ]);
    expect(trail).toEqual([
      ...['received', 'accepted', 'forwarded', 'replied', 'reviewed', 'feedback_sent'],
      ...['reopened', 'forwarded', 'replied', 'reviewed', 'feedback_sent', 'rated', 'closed'],
    ]);
  });

  it('lets a second originator reopen an item another rated satisfied', () => {
    const d = decideTransition({ status: 'rated' }, citizen, 'rate', { rating: 'unsatisfied', comment: '没解决' });
    expect(d.ok && d.to).toBe('reopened');
  });

  it('answers directly from the office, also after a reopen', () => {
    const { trail } = play({ status: 'accepted' }, [
      [admin, 'reply_directly', { content: '政策解读如下……' }],
      [system, 'send_feedback'],
      [citizen, 'rate', { rating: 'unsatisfied', comment: '未解释清楚' }],
      [admin, 'reply_directly', { content: '补充说明……' }],
    ]);
    expect(trail).toEqual(['accepted', 'replied_directly', 'feedback_sent', 'reopened', 'replied_directly']);
  });

  it('keeps bulletin and proposal outcomes parallel: the reply path carries on unchanged', () => {
    const { trail, events } = play({ status: 'received' }, [
      [admin, 'accept'],
      [admin, 'compile_into_bulletin', { bulletinId: 12 }],
      [admin, 'forward', forward],
      [member, 'escalate_to_proposal'],
      [lead, 'reply', { content: '已答复' }],
    ]);
    expect(trail).toEqual(['received', 'accepted', 'forwarded', 'replied']);
    expect(events.filter((e) => e.from === e.to).map((e) => e.type)).toEqual([
      'compile_into_bulletin',
      'escalate_to_proposal',
    ]);
    const closed = { status: 'closed' as const };
    expect(allowedActions(closed, admin)).toEqual(['reopen', 'compile_into_bulletin', 'escalate_to_proposal']);
  });

  it('reconsiders a refusal and reopens a closed item on the office’s decision', () => {
    expect(
      play({ status: 'received' }, [
        [admin, 'not_accept', { reason: '重复' }],
        [admin, 'accept'],
      ]).trail,
    ).toEqual(['received', 'not_accepted', 'accepted']);
    expect(decideTransition({ status: 'closed' }, admin, 'reopen', { reason: '领导批示' })).toMatchObject({
      ok: true,
      to: 'reopened',
    });
  });
});

describe('merged is terminal', () => {
  it('allows nothing to anyone after a merge', () => {
    const merged = play({ id: 1, status: 'received' }, [[admin, 'merge', { targetId: 2 }]]).item;
    expect(merged.status).toBe('merged');
    for (const actor of [admin, lead, co, citizen, member, system]) expect(allowedActions(merged, actor)).toEqual([]);
    const d = decideTransition(merged, admin, 'accept', {});
    expect(d).toEqual({
      ok: false,
      reason: 'invalid_transition',
      currentStatus: 'merged',
      allowedActions: [],
      cause: 'status',
    });
  });
});

describe('refusals', () => {
  it('names the current status and the actor’s allowed actions (the 409 body)', () => {
    const d = decideTransition({ status: 'replied' }, lead, 'reply', { content: 'x' });
    expect(d).toEqual({
      ok: false,
      reason: 'invalid_transition',
      currentStatus: 'replied',
      allowedActions: [],
      cause: 'status',
    });
    const e = decideTransition({ status: 'replied' }, co, 'approve_reply', {});
    expect(e).toMatchObject({ cause: 'role', allowedActions: ['add_co_opinion'] });
  });

  it('keeps extension requests one at a time and decisions for pending ones only', () => {
    const req = { reason: '需协调', requestedDeadline: '2026-05-01' };
    expect(
      decideTransition({ status: 'forwarded', hasPendingExtension: true }, lead, 'request_extension', req),
    ).toMatchObject({ ok: false, cause: 'guard', guard: 'no_pending_extension' });
    expect(
      decideTransition({ status: 'forwarded' }, admin, 'approve_extension', { newDeadline: '2026-05-01' }),
    ).toMatchObject({ ok: false, cause: 'guard', guard: 'pending_extension' });
    expect(allowedActions({ status: 'forwarded', hasPendingExtension: true }, admin)).toEqual([
      'forward',
      'urge',
      'approve_extension',
      'refuse_extension',
      'compile_into_bulletin',
      'escalate_to_proposal',
    ]);
  });

  it('lets each rater rate once, and each outcome happen once', () => {
    expect(
      decideTransition({ status: 'rated' }, { ...citizen, hasRated: true }, 'rate', { rating: 'satisfied' }),
    ).toMatchObject({
      cause: 'guard',
      guard: 'not_rated_by_actor',
    });
    expect(
      decideTransition({ status: 'accepted', isInBulletin: true }, admin, 'compile_into_bulletin', {}),
    ).toMatchObject({
      guard: 'not_in_bulletin',
    });
    expect(
      decideTransition({ status: 'accepted', isEscalated: true }, member, 'escalate_to_proposal', {}),
    ).toMatchObject({
      guard: 'not_escalated',
    });
  });

  it('does not let the scheduler end a supervision or a citizen act without the code', () => {
    expect(decideTransition({ status: 'reopened' }, system, 'close', {})).toMatchObject({ cause: 'role' });
    const stranger: OpinionActor = { kind: 'citizen', roles: [] };
    expect(decideTransition({ status: 'feedback_sent' }, stranger, 'rate', { rating: 'satisfied' })).toMatchObject({
      cause: 'role',
    });
  });

  it('checks the move before the payload, so a wrong state never reports field errors', () => {
    expect(decideTransition({ status: 'received' }, admin, 'forward', {})).toMatchObject({
      reason: 'invalid_transition',
    });
    expect(decideTransition({ status: 'accepted' }, admin, 'forward', {})).toMatchObject({ reason: 'invalid_payload' });
  });
});

describe('principals', () => {
  it('uses the actor kind for citizens and the scheduler, whatever roles are attached', () => {
    expect(principalsOf(system)).toEqual(['system']);
    expect(principalsOf(citizen)).toEqual(['citizen']);
    expect(principalsOf({ kind: 'user', roles: ['admin', 'member'] })).toEqual(['admin', 'member']);
    for (const status of STATUS_CODES) expect(allowedActions({ status }, system)).not.toContain('forward');
  });
});
