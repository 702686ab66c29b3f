// The shapes of GET /public/problems and GET /public/problems/:id as the citizens' pages use them (issue 13 contract).

/** A problem's stage: 征集中 → 已确定 → 推进中 → 已解决 / 部分解决. */
export type ProblemStatus = 'collecting' | 'confirmed' | 'in_progress' | 'solved' | 'partly_solved';

/** One problem on a board. */
export interface PublicProblemRow {
  id: number;
  title: string;
  regionId: number;
  regionName: string;
  status: ProblemStatus;
  progress: number;
  peopleCount: number;
  itemCount: number;
  leadDepartmentName: string | null;
  updatedAt: string;
  /** What was done, when the server sends it with the list (else the board reads it from the problem). */
  outcome?: string;
}

/** A township or the county's board for a year. */
export interface PublicProblemBoard {
  /** The county has no id here (null); a township has its own. */
  region: { id: number | null; name: string; level: string };
  year: number;
  townships: { id: number; name: string; problemCount: number }[];
  problems: PublicProblemRow[];
}

/** A milestone: the % of progress reached when it is met, by its due date. */
export interface PublicMilestone {
  id: number;
  title: string;
  dueDate: string | null;
  progress: number;
  reachedAt: string | null;
  note?: string;
}

/** A published photo, document or department report. */
export interface PublicEvidence {
  id: number;
  kind: 'photo' | 'document' | 'report';
  title: string;
  filename?: string;
  mime: string;
  size: number;
  createdAt: string;
  url: string;
}

/** One step of the public timeline. */
export interface PublicProblemEvent {
  id?: number;
  type: string;
  toStatus?: string | null;
  at: string;
  /** The milestone's title on a milestone event. */
  milestone?: string | null;
  milestoneTitle?: string | null;
  title?: string | null;
  payload?: { title?: string } | null;
}

/** One problem, as the public sees it. */
export interface PublicProblem {
  id: number;
  title: string;
  summary: string;
  regionId: number;
  regionName: string;
  year: number;
  status: ProblemStatus;
  progress: number;
  goal: string;
  outcome: string;
  leadDepartmentName: string | null;
  departments: string[];
  peopleCount: number;
  itemCount: number;
  countsByVillage: { regionId: number; name: string; count: number }[];
  countsByChannel: { channel: string; count: number }[];
  milestones: PublicMilestone[];
  evidence: PublicEvidence[];
  events: PublicProblemEvent[];
}
