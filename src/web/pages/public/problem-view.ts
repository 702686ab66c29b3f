// What the public problem pages derive from the API's answers: open and closed problems, a milestone's state, the
// event's milestone title. Pure functions, tested in problem-view.test.ts.
import type { ProblemStatus, PublicMilestone, PublicProblemEvent, PublicProblemRow } from './problem-types';

export const PROBLEM_STATUSES: ProblemStatus[] = ['collecting', 'confirmed', 'in_progress', 'solved', 'partly_solved'];

/** Solved or partly solved: the problem has an outcome to show. */
export const isClosed = (status: string) => status === 'solved' || status === 'partly_solved';

/** A progress value the bar can draw: a whole number within 0–100. */
export const clampProgress = (n: unknown) => {
  const v = Math.round(Number(n));
  return Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0;
};

/** The board's two lists: problems still being worked on, ranked by how many people raised them, then the closed. */
export function splitBoard(rows: PublicProblemRow[]) {
  const ranked = [...rows].sort((a, b) => b.peopleCount - a.peopleCount || b.itemCount - a.itemCount || a.id - b.id);
  return { open: ranked.filter((p) => !isClosed(p.status)), closed: ranked.filter((p) => isClosed(p.status)) };
}

/** A milestone is reached, overdue (its date passed without it), or due. `today` is YYYY-MM-DD. */
export function milestoneState(m: PublicMilestone, today: string): 'reached' | 'overdue' | 'due' {
  if (m.reachedAt) return 'reached';
  if (m.dueDate && m.dueDate.slice(0, 10) < today) return 'overdue';
  return 'due';
}

/** Milestones in the order they happen: by progress, then by date. */
export function orderMilestones(list: PublicMilestone[]) {
  return [...list].sort(
    (a, b) => a.progress - b.progress || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id,
  );
}

/** The milestone an event speaks of, wherever the server put its title. */
export const eventMilestoneTitle = (e: PublicProblemEvent) =>
  e.milestone ?? e.milestoneTitle ?? (e.type.startsWith('milestone') ? (e.title ?? e.payload?.title) : null) ?? null;

/** Today in China (the county's calendar), YYYY-MM-DD. */
export const todayInChina = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The years a board offers: this year and the two before it, plus the one shown when it is older. */
export function boardYears(current: number, shown: number) {
  const years = [current, current - 1, current - 2];
  if (!years.includes(shown)) years.push(shown);
  return years;
}
