import { describe, expect, it } from 'vitest';
import type { PublicProblemRow } from './problem-types';
import {
  boardYears,
  clampProgress,
  eventMilestoneTitle,
  milestoneState,
  orderMilestones,
  splitBoard,
  todayInChina,
} from './problem-view';

const row = (id: number, status: PublicProblemRow['status'], peopleCount: number): PublicProblemRow => ({
  id,
  title: `p${id}`,
  regionId: 1,
  regionName: 'x',
  status,
  progress: 0,
  peopleCount,
  itemCount: peopleCount,
  leadDepartmentName: null,
  updatedAt: '2026-12-01T00:00:00Z',
});

describe('public problem pages', () => {
  it('ranks open problems by people and puts the solved ones apart', () => {
    const { open, closed } = splitBoard([
      row(1, 'in_progress', 3),
      row(2, 'solved', 40),
      row(3, 'collecting', 21),
      row(4, 'partly_solved', 5),
      row(5, 'confirmed', 21),
    ]);
    expect(open.map((p) => p.id)).toEqual([3, 5, 1]);
    expect(closed.map((p) => p.id)).toEqual([2, 4]);
  });

  it('tells a reached, an overdue and a due milestone apart', () => {
    const m = { id: 1, title: 'm', progress: 30, dueDate: '2026-11-30', reachedAt: null };
    expect(milestoneState(m, '2026-12-04')).toBe('overdue');
    expect(milestoneState(m, '2026-11-30')).toBe('due');
    expect(milestoneState({ ...m, reachedAt: '2026-12-01' }, '2026-12-04')).toBe('reached');
    expect(milestoneState({ ...m, dueDate: null }, '2026-12-04')).toBe('due');
  });

  it('orders milestones by progress and keeps progress within 0–100', () => {
    const list = [
      { id: 2, title: 'b', progress: 60, dueDate: null, reachedAt: null },
      { id: 1, title: 'a', progress: 30, dueDate: '2026-12-20', reachedAt: null },
    ];
    expect(orderMilestones(list).map((m) => m.id)).toEqual([1, 2]);
    expect([clampProgress(140), clampProgress(-3), clampProgress('59.6'), clampProgress(undefined)]).toEqual([
      100, 0, 60, 0,
    ]);
  });

  it('finds the milestone title of an event and the county’s date', () => {
    expect(eventMilestoneTitle({ type: 'milestone_reached', at: '', payload: { title: '管网铺设' } })).toBe('管网铺设');
    expect(eventMilestoneTitle({ type: 'milestone_reached', at: '', milestone: '排查' })).toBe('排查');
    expect(eventMilestoneTitle({ type: 'status_changed', at: '', payload: { title: 'x' } })).toBeNull();
    expect(todayInChina(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
    expect(boardYears(2026, 2026)).toEqual([2026, 2025, 2024]);
    expect(boardYears(2026, 2020)).toEqual([2026, 2025, 2024, 2020]);
  });
});
