import { describe, expect, it } from 'vitest';
import { ROLES } from './code-lists';
import {
  applyVisibility,
  MASKED_FIELDS,
  MASKING_POLICY,
  maskEmail,
  maskName,
  RELEASED_FIELDS,
  visibilityOf,
} from './masking';

describe('the masking policy table', () => {
  it('rules every field for every role', () => {
    for (const { code } of ROLES) expect(Object.keys(MASKING_POLICY[code]).sort()).toEqual([...MASKED_FIELDS].sort());
  });

  it('gives office staff everything, and a department no name, contact or tracking code of the public', () => {
    for (const f of MASKED_FIELDS) expect(visibilityOf(['admin'], f)).toBe('full');
    expect(visibilityOf(['dept_handler'], 'citizen.name')).toBe('masked');
    expect(visibilityOf(['dept_handler'], 'representative.name')).toBe('masked');
    expect(visibilityOf(['dept_handler'], 'citizen.phone')).toBe('masked');
    expect(visibilityOf(['dept_handler'], 'item.trackingCode')).toBe('hidden');
  });

  it('masks phones alike for citizens, representatives and members for every non-owner outside the office', () => {
    for (const role of ['leader', 'member', 'group_leader', 'info_officer', 'dept_handler'] as const)
      for (const f of ['citizen.phone', 'representative.phone', 'member.phone'] as const)
        expect(visibilityOf([role], f), `${role} ${f}`).toBe('masked');
  });

  it('opens a record to its owner, but never the tracking code', () => {
    expect(visibilityOf(['member'], 'representative.phone', { isOwner: true })).toBe('full');
    expect(visibilityOf(['info_officer'], 'citizen.phone', { isOwner: true })).toBe('full');
    expect(visibilityOf(['dept_handler'], 'item.trackingCode', { isOwner: true })).toBe('hidden');
  });

  it('opens the released fields to the handling department only', () => {
    for (const f of RELEASED_FIELDS.fields)
      expect(visibilityOf(['dept_handler'], f, { isReleased: true })).toBe('full');
    expect(visibilityOf(['dept_handler'], 'representative.address', { isReleased: true })).toBe('masked');
    expect(visibilityOf(['leader'], 'citizen.phone', { isReleased: true })).toBe('masked');
  });

  it('adds several roles up to the most open level', () => {
    expect(visibilityOf(['dept_handler', 'admin'], 'item.trackingCode')).toBe('full');
    expect(visibilityOf(['dept_handler', 'leader'], 'citizen.name')).toBe('full');
    expect(visibilityOf([], 'citizen.name')).toBe('hidden');
  });
});

describe('masks', () => {
  it('keeps a hint of each value', () => {
    expect(maskName('陈小明')).toBe('陈**');
    expect(maskName('赵大')).toBe('赵*');
    expect(maskName('王')).toBe('王*');
    expect(maskEmail('chen@example.com')).toBe('c***@example.com');
    expect(applyVisibility('phone', '13912345678', 'masked')).toBe('139****5678');
    expect(applyVisibility('address', '古城村1组18号', 'masked')).toBe('古城村1组1****');
  });

  it('empties hidden values and leaves empty ones empty', () => {
    expect(applyVisibility('email', 'chen@example.com', 'hidden')).toBe('');
    expect(applyVisibility('phone', '', 'masked')).toBe('');
    expect(applyVisibility('name', '陈小明', 'full')).toBe('陈小明');
  });
});
