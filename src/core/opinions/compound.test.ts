import { describe, expect, it } from 'vitest';
import { allowedCompounds, compoundOf, OPINION_COMPOUNDS, stepsOf } from './compound';
import { closesAutomatically, resolveHandlingSettings } from './handling-settings';
import type { OpinionActor, OpinionStatus } from './lifecycle';
import { STATUS_CODES } from './lifecycle';
import { decideTransition } from './transition';

const admin: OpinionActor = { kind: 'user', roles: ['admin'] };
const lead: OpinionActor = { kind: 'user', roles: ['dept_handler'], isLeadDepartment: true };
const member: OpinionActor = { kind: 'user', roles: ['member'], isOriginator: true };
const leader: OpinionActor = { kind: 'user', roles: ['leader'] };
const system: OpinionActor = { kind: 'system', roles: [] };

describe('compound moves', () => {
  it('recognises only the named sequences', () => {
    expect(compoundOf(['accept', 'forward'])).toBe('accept_and_forward');
    expect(compoundOf(['approve_reply', 'send_feedback'])).toBe('approve_and_feedback');
    expect(compoundOf(['forward', 'accept'])).toBeNull();
    expect(compoundOf(['accept'])).toBeNull();
    expect(compoundOf(['accept', 'forward', 'urge'])).toBeNull();
    expect(stepsOf('approve_and_feedback')).toEqual(['approve_reply', 'send_feedback']);
  });

  it('offers each compound to the office exactly where its first step starts the sequence', () => {
    const where = (code: string) =>
      STATUS_CODES.filter((s) => allowedCompounds({ status: s }, admin).includes(code as any));
    expect(where('accept_and_forward')).toEqual(['received', 'not_accepted'] satisfies OpinionStatus[]);
    expect(where('approve_and_feedback')).toEqual(['replied'] satisfies OpinionStatus[]);
  });

  it('never offers a compound to departments, members, leaders or the system', () => {
    for (const actor of [lead, member, leader, system])
      for (const status of STATUS_CODES) expect(allowedCompounds({ status }, actor), status).toEqual([]);
  });

  it('labels every compound', () => {
    for (const c of OPINION_COMPOUNDS) expect(c.label).toMatch(/并/);
  });
});

describe('automatic close after a satisfied rating', () => {
  const rate = (rating: string, status: OpinionStatus = 'feedback_sent') => {
    const d = decideTransition({ status }, member, 'rate', {
      rating,
      comment: rating === 'unsatisfied' ? '没修好' : '',
    });
    if (!d.ok) throw new Error('refused');
    return d.event;
  };
  const on = resolveHandlingSettings(undefined);
  const off = resolveHandlingSettings({ autoCloseOnSatisfied: false });

  it('is on by default and follows only 满意', () => {
    expect(on.autoCloseOnSatisfied).toBe(true);
    expect(closesAutomatically(rate('satisfied'), on)).toBe(true);
    expect(closesAutomatically(rate('basically_satisfied'), on)).toBe(false);
    expect(closesAutomatically(rate('unsatisfied'), on)).toBe(false);
    expect(closesAutomatically(rate('satisfied'), off)).toBe(false);
    expect(resolveHandlingSettings({ autoCloseOnSatisfied: 'yes' }).autoCloseOnSatisfied).toBe(true);
  });

  it('lets only the system give the automatic reason', () => {
    const body = { autoReason: 'satisfied_rating' };
    expect(decideTransition({ status: 'rated' }, system, 'close', body)).toMatchObject({ ok: true, to: 'closed' });
    expect(decideTransition({ status: 'rated' }, admin, 'close', body)).toMatchObject({
      ok: false,
      reason: 'invalid_payload',
    });
  });
});
