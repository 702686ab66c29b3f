// The 民生问题 lifecycle as data: which status may follow which, and the progress rule. No I/O.

/** The statuses in order: 征集中 → 已确定 → 推进中 → 已解决 | 部分解决. */
export const PROBLEM_STATUSES = [
  { code: 'collecting', label: '征集中', en: 'collecting' },
  { code: 'confirmed', label: '已确定', en: 'confirmed' },
  { code: 'in_progress', label: '推进中', en: 'in progress' },
  { code: 'solved', label: '已解决', en: 'solved' },
  { code: 'partly_solved', label: '部分解决', en: 'partly solved' },
] as const;
/** A problem status code. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]['code'];
/** The codes, for zod enums. */
export const PROBLEM_STATUS_CODES = PROBLEM_STATUSES.map((s) => s.code) as [ProblemStatus, ...ProblemStatus[]];

/** The moves: a closed problem (solved, partly solved) may be reopened into 推进中. */
export const PROBLEM_MOVES: Record<ProblemStatus, readonly ProblemStatus[]> = {
  collecting: ['confirmed'],
  confirmed: ['in_progress', 'solved', 'partly_solved'],
  in_progress: ['solved', 'partly_solved'],
  solved: ['in_progress'],
  partly_solved: ['in_progress'],
};

/** The statuses that close a problem and need a stated outcome. */
export const isClosingStatus = (s: ProblemStatus) => s === 'solved' || s === 'partly_solved';

/** The statuses a problem in `from` may move to. */
export const allowedProblemStatuses = (from: ProblemStatus): readonly ProblemStatus[] => PROBLEM_MOVES[from] ?? [];

/** Whether `from → to` is a move of the table. */
export const canMoveProblem = (from: ProblemStatus, to: ProblemStatus) => allowedProblemStatuses(from).includes(to);

/** The label of a status, Chinese or English. */
export function problemStatusLabel(s: string, lang: 'zh' | 'en' = 'zh'): string {
  const row = PROBLEM_STATUSES.find((x) => x.code === s);
  return row ? (lang === 'en' ? row.en : row.label) : s;
}

/** Progress: 100 when solved, else the highest progress among the reached milestones (0 when none is reached). */
export function problemProgress(
  status: ProblemStatus,
  milestones: readonly { progress: number; reachedAt: string | null }[],
): number {
  if (status === 'solved') return 100;
  return milestones.reduce((max, m) => (m.reachedAt ? Math.max(max, m.progress) : max), 0);
}
