import { describe, expect, it } from 'vitest';
import { ACTION_CODES, type OpinionAction, type OpinionActor, type OpinionItemState } from './lifecycle';
import { OPINION_PAYLOAD_SCHEMAS, opinionTransitionRequestSchema, requiredFields } from './payloads';
import { decideTransition } from './transition';

const admin: OpinionActor = { kind: 'user', roles: ['admin'] };
const lead: OpinionActor = { kind: 'user', roles: ['dept_handler'], isLeadDepartment: true };
const citizen: OpinionActor = { kind: 'citizen', roles: [], isOriginator: true };

// The field paths and messages of a refused payload, as the server would report them.
function problems(item: OpinionItemState, actor: OpinionActor, action: OpinionAction, payload: unknown) {
  const d = decideTransition(item, actor, action, payload);
  if (d.ok || d.reason !== 'invalid_payload') throw new Error(`expected invalid_payload, got ${JSON.stringify(d)}`);
  return d.issues.map((i) => `${i.path.join('.')}:${i.code === 'custom' ? i.message : i.code}`);
}

const forward = { leadDepartmentId: 3, coHandlerIds: [4, 5], deadline: '2026-03-20', instructions: '请答复' };

describe('payload validation', () => {
  it('requires a non-blank reason to refuse', () => {
    expect(problems({ status: 'received' }, admin, 'not_accept', {})).toEqual(['reason:invalid_type']);
    expect(problems({ status: 'received' }, admin, 'not_accept', { reason: '   ' })).toEqual(['reason:too_small']);
  });

  it('requires department and instructions to forward (the deadline may be left to the server); co-handlers are optional and distinct', () => {
    expect(problems({ status: 'accepted' }, admin, 'forward', {})).toEqual([
      'leadDepartmentId:invalid_type',
      'instructions:invalid_type',
    ]);
    expect(problems({ status: 'accepted' }, admin, 'forward', { ...forward, coHandlerIds: [3, 4, 4] })).toEqual([
      'coHandlerIds:duplicate_ids',
      'coHandlerIds:lead_is_co_handler',
    ]);
    expect(problems({ status: 'accepted' }, admin, 'forward', { ...forward, deadline: '2026-02-30' })).toEqual([
      'deadline:invalid_format',
    ]);
    const d = decideTransition({ status: 'accepted' }, admin, 'forward', { ...forward, coHandlerIds: undefined });
    expect(d.ok && d.event.payload).toEqual({ ...forward, coHandlerIds: [] });
  });

  it('accepts only the three ratings, and wants a comment with 不满意', () => {
    const item = { status: 'feedback_sent' } as const;
    expect(problems(item, citizen, 'rate', { rating: 'great' })).toEqual(['rating:invalid_value']);
    expect(problems(item, citizen, 'rate', { rating: 'unsatisfied', comment: ' ' })).toEqual([
      'comment:comment_required',
    ]);
    const ok = decideTransition(item, citizen, 'rate', { rating: 'basically_satisfied', comment: ' 还行 ' });
    expect(ok.ok && ok.event).toEqual({
      type: 'rate',
      from: 'feedback_sent',
      to: 'rated',
      payload: { rating: 'basically_satisfied', comment: '还行' },
    });
  });

  it('refuses unknown fields, so a typo never passes silently', () => {
    expect(problems({ status: 'replied' }, admin, 'approve_reply', { publicreply: 'x' })).toEqual([
      ':unrecognized_keys',
    ]);
  });

  it('refuses merging an item into itself and extensions that do not move the deadline later', () => {
    expect(problems({ id: 8, status: 'received' }, admin, 'merge', { targetId: 8 })).toEqual([
      'targetId:merge_into_self',
    ]);
    const item = { status: 'forwarded', deadline: '2026-03-20', hasPendingExtension: true } as const;
    expect(problems(item, admin, 'approve_extension', { newDeadline: '2026-03-20' })).toEqual([
      'newDeadline:deadline_not_later',
    ]);
    expect(
      problems({ ...item, hasPendingExtension: false }, lead, 'request_extension', {
        reason: '需协调',
        requestedDeadline: '2026-03-01',
      }),
    ).toEqual(['requestedDeadline:deadline_not_later']);
  });

  it('refuses duplicate or too many attachments on a reply', () => {
    const item = { status: 'forwarded' } as const;
    expect(problems(item, lead, 'reply', { content: '答复', attachmentIds: [1, 1] })).toEqual([
      'attachmentIds:duplicate_ids',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(problems(item, lead, 'reply', { content: '答复', attachmentIds: many })).toEqual(['attachmentIds:too_big']);
  });
});

describe('schemas', () => {
  it('has one schema per action and lists the fields a form must ask for', () => {
    expect(Object.keys(OPINION_PAYLOAD_SCHEMAS).sort()).toEqual([...ACTION_CODES].sort());
    expect(requiredFields('forward')).toEqual(['leadDepartmentId', 'instructions']);
    expect(requiredFields('rate')).toEqual(['rating']);
    expect(requiredFields('not_accept')).toEqual(['reason']);
    expect(requiredFields('accept')).toEqual([]);
  });

  it('parses the flat HTTP body {action, ...payload} per action', () => {
    expect(opinionTransitionRequestSchema.parse({ action: 'rate', rating: 'satisfied' })).toEqual({
      action: 'rate',
      rating: 'satisfied',
      comment: '',
    });
    expect(opinionTransitionRequestSchema.safeParse({ action: 'rate' }).success).toBe(false);
    expect(opinionTransitionRequestSchema.safeParse({ action: 'fly' }).success).toBe(false);
    expect(opinionTransitionRequestSchema.safeParse({ action: 'close', targetId: 1 }).success).toBe(false);
  });
});
